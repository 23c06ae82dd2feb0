// claimkb/fhir.hpp — claims as HL7 FHIR R5 Evidence resources (docs/cli.md, `export
// --format fhir`; docs/site.md, "FHIR"). Thread-safe like every query; never throws.
#pragma once

#include <cstddef>
#include <string>

#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"

namespace claimkb {

// The claim at index `i` as one FHIR R5 (5.0.0) Evidence resource in JSON: the
// statement and verdict, what the claim is about as variable definitions, the overall
// certainty and each GRADE domain's rating (codes of http://hl7.org/fhir/certainty-type
// and certainty-rating), and every study and asserting source as a related citation.
// indent < 0 prints it on one line.
CLAIMKB_EXPORT std::string to_fhir_evidence(const KnowledgeBase& kb, std::size_t i, int indent = -1);

// Every claim's Evidence resource in one FHIR Bundle of type "collection".
CLAIMKB_EXPORT std::string to_fhir_bundle(const KnowledgeBase& kb, int indent = 2);

}  // namespace claimkb
