// The summary-of-findings table of a claim page, after GRADE's: for each body of
// evidence (the supporting and the refuting studies that count), how many studies
// and participants, their designs, each GRADE domain's judgement with a footnote
// saying why, and the certainty the body was rated at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "claimkb/knowledge_base.hpp"

namespace claimkb::site {

struct DomainJudgement {
  std::string domain;     // "Risk of bias", ...
  std::string judgement;  // "Not serious", "Serious (-1)", "Very serious (-2)", "None", "+1"
  std::string why;        // one sentence; the grader's own reason when a rule fired
};

struct BodyFindings {
  Stance stance = Stance::supports;
  std::size_t studies = 0;    // counted links
  std::size_t set_aside = 0;  // listed with this stance but not counted (same participants)
  std::int64_t participants = 0;
  std::size_t unknown_n = 0;  // counted links whose citation gives no n
  std::string designs;        // "rct (2), cohort (1)"
  std::vector<DomainJudgement> domains;
  std::string certainty;  // "low": the level the body was rated at
};

// The bodies of a graded claim, supporting first; empty when no study counts.
std::vector<BodyFindings> summarize_findings(const KnowledgeBase& kb, const Claim& claim, const Grade& grade);

// The table and its footnotes as HTML (everything escaped).
std::string render_findings(const std::vector<BodyFindings>& bodies);

}  // namespace claimkb::site
