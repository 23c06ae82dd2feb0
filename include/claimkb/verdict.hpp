// claimkb/verdict.hpp — a graded claim (docs/grading.md) and the full answer (docs/cli.md).
//
// A Grade is computed once, when the KB is loaded; a Report is assembled from a
// claim, its Grade and the formatted references when it is asked for. Both are plain
// values: copy them freely.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/export.h"
#include "claimkb/types.hpp"

namespace claimkb {

// How the grader used one evidence link.
struct LinkUse {
  bool counted = false;  // empirical, supports/refutes, citation not retracted
  bool rated = false;    // counted and in its body's best tier
};

struct Grade {
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;  // empty exactly when insufficient
  std::vector<std::string> reasons;    // one line per rule that fired, in order
  std::vector<std::string> warnings;
  std::vector<LinkUse> links;  // parallel to Claim::evidence
};

// The one-sentence summary in GRADE's wording for a verdict and certainty.
CLAIMKB_EXPORT std::string_view summary(Verdict verdict, std::optional<Certainty> certainty);

struct ReportEvidence {
  std::string citation;
  Stance stance = Stance::neutral;
  Design design = Design::web;
  bool counted = false;
  std::string finding;
  std::string reference;
};

struct ReportAssertion {
  std::string citation;
  std::string quote;
  std::string reference;
};

struct ReportPremise {
  std::string id;
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;
};

// docs/cli.md's object: everything a caller shows for one claim.
struct Report {
  std::string id;
  std::string statement;
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;
  std::string summary;
  std::vector<std::string> reasons;
  std::vector<ReportEvidence> evidence;
  std::vector<ReportAssertion> asserted_by;
  std::vector<ReportPremise> premises;
  std::vector<std::string> warnings;
};

// docs/cli.md's JSON object for a report. indent < 0 prints it on one line.
CLAIMKB_EXPORT std::string to_json(const Report& report, int indent = -1);

}  // namespace claimkb
