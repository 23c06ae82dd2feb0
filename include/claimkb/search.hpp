// claimkb/search.hpp — finding claims from plain words (SPEC.md §5: search, verdict
// with a question, check). Results are plain values; the functions that produce
// them are members of KnowledgeBase and thread-safe like every query.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimkb {

struct SearchHit {
  std::string id;  // claim id
  // In [0, 1); higher is better, and comparable across queries of one KB: BM25F
  // over statement, aliases and tags, divided by the most the query could score,
  // then weighted by how much of the claim's own wording the query covers
  // (docs/search.md). Words of the query that no claim holds lower it.
  double score = 0.0;
};

// What an id-or-question resolved to (docs/search.md has the rules).
struct Match {
  enum class Kind {
    id,           // the text was a claim id
    clear_best,   // a question that clearly means one claim
    unclear,      // a question with candidates but no clear winner
    none,         // nothing matches (e.g. an off-topic question)
  };
  Kind kind = Kind::none;
  std::string id;                     // the claim, for `id` and `clear_best`
  std::vector<SearchHit> candidates;  // the closest claims, best first
  // The ids of the concepts the question names, in order (concepts/ of the KB).
  std::vector<std::string> concepts;
  // True when the claims were found by what they are about (their subject and
  // object concepts), false when by their own words alone.
  bool by_concepts = false;
};

}  // namespace claimkb
