// claimkb/graph.hpp — the evidence graph as a picture (docs/cli.md, `claimkb graph`).
// Thread-safe like every query of a KnowledgeBase; never throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"

namespace claimkb {

// The evidence graph in Graphviz's DOT language: claims (coloured by verdict),
// citations (shaped by design, shaded by the tier their design starts at) and the
// links between them (supports green, refutes red, neutral grey, asserted_by
// dashed, depends_on bold).
//
// With a claim id: that claim, its evidence and provenance, and its premises
// (depends_on, transitively) with theirs. With an empty id: the whole KB. With
// `concepts`, also the concepts the claims are about and their broader concepts
// (dotted). nullopt when `id` names no claim.
CLAIMKB_EXPORT std::optional<std::string> to_dot(const KnowledgeBase& kb, std::string_view id = {},
                                                 bool concepts = false);

}  // namespace claimkb
