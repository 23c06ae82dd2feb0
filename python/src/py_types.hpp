// The values the Python module returns, as C++ structs bound with pybind11. Each
// one holds what its `to_dict()` needs to equal the command's JSON (docs/cli.md):
// a search hit, for instance, carries the claim's statement and verdict, which
// `claimkb search --json` prints beside the id and score.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "claimkb/claimkb.hpp"

namespace claimkb::python {

// One claim as `claimkb list --json` prints it; what iterating over a KB yields.
struct ClaimInfo {
  std::string id;
  std::string statement;
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;
};

// One entry of `claimkb search --json`.
struct Hit {
  std::string id;
  double score = 0.0;
  std::string statement;
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;
  std::vector<std::string> concepts;
};

// What kb.match() resolved a question to.
struct MatchResult {
  Match::Kind kind = Match::Kind::none;
  std::optional<std::string> id;
  std::vector<Hit> candidates;
  std::vector<std::string> concepts;
  bool by_concepts = false;
};

// One entry of `claimkb check --json`.
struct Mention {
  ClaimMention m;
  std::string statement;
};

// A report with how its claim was found: to_json() is `claimkb verdict --json`'s
// object, written by verdict_json() through the KB the report came from.
struct PyReport {
  Report r;
  Match match;
  KnowledgeBase kb;
};

ClaimInfo claim_info(const KnowledgeBase& kb, std::size_t i);
Hit hit(const KnowledgeBase& kb, const SearchHit& h);
MatchResult match_result(const KnowledgeBase& kb, const Match& m);

}  // namespace claimkb::python
