// claimkb/quotes.hpp — the quotes in findings, checked against their citations'
// abstracts (`claimkb lint --quotes`; docs/format.md "Quotes in findings").
//
// Every passage of an evidence link's finding in double quotes (straight or curly)
// is taken as a quote of the study. It must appear in the linked citation's
// abstract once both are normalised (whitespace, curly quotes, dashes, case), an
// ellipsis splitting it into parts that appear in order; a quote of the citation's
// title, or of part of it, is not a quote of a finding. A citation with no abstract
// leaves its quotes unverifiable. Thread-safe like every query of a KnowledgeBase;
// never throws except std::bad_alloc.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/result.hpp"

namespace claimkb {

struct QuoteCheck {
  std::size_t checked = 0;       // quotes found in findings: matched + unverifiable + failed
  std::size_t matched = 0;       // found in the abstract
  std::size_t unverifiable = 0;  // the citation has no abstract
  std::size_t failed = 0;        // not found in the abstract, or a quote of the title
  // One error (code invalid_kb) a failed quote, in the order of the claims. From a
  // KB directory it points at the finding (file:line:column); from a snapshot,
  // which keeps no positions, at the snapshot file, and names the claim and link.
  std::vector<Diagnostic> failures;
};

CLAIMKB_EXPORT QuoteCheck check_quotes(const KnowledgeBase& kb);

// check_quotes(kb) as the "quotes" object of `claimkb lint --quotes --json`:
// {"checked", "matched", "unverifiable", "failed", "failures": [{"file", "line",
// "column", "severity", "code", "message"}, ...]}; the C API's claimkb_quotes_json
// returns the same string. indent < 0: one line.
CLAIMKB_EXPORT std::string quotes_json(const KnowledgeBase& kb, int indent = -1);
// The same object for a check already made.
CLAIMKB_EXPORT std::string quotes_json(const QuoteCheck& q, int indent = -1);

// Diagnostics as the JSON array `claimkb lint --json` prints for "errors" and
// "warnings": [{"file", "line", "column", "severity", "code", "message"}, ...].
CLAIMKB_EXPORT std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics, int indent = -1);

}  // namespace claimkb
