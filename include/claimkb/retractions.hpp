// claimkb/retractions.hpp — notices about published papers (retractions,
// expressions of concern, corrections, reinstatements) read from Retraction Watch
// CSV, Crossref works JSON and PubMed MEDLINE records, matched to a KB's citations,
// written into its citation files, and their effect on the verdicts
// (docs/retractions.md).
//
// Nothing here throws. Every string returned is valid UTF-8.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/cite.hpp"
#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/model.hpp"
#include "claimkb/result.hpp"

namespace claimkb {

// What a notice does to the paper it concerns. Only a retraction excludes it from
// grading; an expression of concern warns; a correction changes nothing; a
// reinstatement lifts an earlier retraction.
enum class NoticeKind { retraction, expression_of_concern, correction, reinstatement };

CLAIMKB_EXPORT std::string_view to_string(NoticeKind k);

struct Notice {
  NoticeKind kind = NoticeKind::retraction;
  std::string nature;  // as the source spells it: "Retraction", "expression_of_concern", "RIN", ...
  std::string doi;     // lower-cased DOI of the paper concerned; empty when the source gives none
  std::string pmid;    // PMID of the paper concerned; empty when none
  std::string date;    // YYYY-MM-DD of the notice; empty when the source gives none
  std::string notice;  // URL of the notice (https://doi.org/... when it has a DOI); may be empty
  std::string source;  // "retraction-watch", "crossref", "pubmed"
  std::string file;
  int line = 0;
};

// Reads every source, the format found from its content: Retraction Watch CSV (its
// header row names the columns), Crossref works JSON (one work, a list of works, or
// an API answer holding either), PubMed MEDLINE. Notices of kinds claimkb does not
// act on (a comment, an addendum) are left out. Fails, returning nothing, when a
// source is in no known format or holds a malformed row or record; each problem is
// reported at file:line:column.
CLAIMKB_EXPORT Result<std::vector<Notice>> read_notices(const std::vector<CitationSource>& sources);

// What the notices mean for one citation.
struct RetractionChange {
  enum class Action {
    retract,   // `retracted` to be set (or its date and notice changed)
    lift,      // `retracted` to be removed: a reinstatement came after the retraction
    warn,      // an expression of concern: nothing written, a warning printed
    unchanged  // corrections only, or already recorded as the notices say
  };
  std::string citation;  // its id
  Action action = Action::unchanged;
  std::optional<Retraction> before, after;
  std::vector<Notice> notices;  // every notice that matched it, by date
  std::string matched_by;       // "DOI 10.x/y" or "PMID 123"
};

struct RetractionPlan {
  std::vector<RetractionChange> changes;  // citations that any notice matched, in KB order
  std::vector<Diagnostic> warnings;       // e.g. a retraction that gives no date
};

// Matches notices to citations by lower-cased DOI, then by PMID, and decides what
// each citation's `retracted` becomes: the latest retraction, unless a later
// reinstatement lifts it.
CLAIMKB_EXPORT RetractionPlan plan_retractions(const std::vector<Notice>& notices,
                                               const std::vector<Citation>& citations);

// A claim whose verdict or certainty differs once some citations' `retracted` is
// replaced.
struct GradeChange {
  std::string claim;
  Verdict verdict_before = Verdict::insufficient, verdict_after = Verdict::insufficient;
  std::optional<Certainty> certainty_before, certainty_after;
  std::vector<std::string> rules;  // the grade's reasons and warnings that are new after the change
  std::vector<std::string> gone;   // those that no longer hold
};

// Grades every claim of `kb` again with `retracted` of the citations named in
// `overrides` replaced (nullopt: not retracted), in memory, and returns the claims
// whose verdict or certainty changes, in KB order.
CLAIMKB_EXPORT std::vector<GradeChange> regrade_with(const KnowledgeBase& kb,
                                                     const std::map<std::string, std::optional<Retraction>>& overrides);

// `text`, a citations file, with the `retracted` mapping of citation `id` set to
// `r` (or removed when nullopt): only the lines of that key change; every other
// byte, comments included, stays. Fails when the file has no block-style record
// with that id.
CLAIMKB_EXPORT Result<std::string> set_retracted_in_yaml(std::string_view text, const std::string& file,
                                                         std::string_view id, const std::optional<Retraction>& r);

}  // namespace claimkb
