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

// What an id-or-question resolved to.
struct Match {
  enum class Kind {
    id,           // the text was a claim id
    clear_best,   // a question whose best match is clearly best: score >= 0.40 and
                  // the runner-up's <= 0.8 times it
    unclear,      // a question with candidates but no clear winner
    none,         // nothing matches (best score < 0.15; e.g. an off-topic question)
  };
  Kind kind = Kind::none;
  std::string id;                     // the claim, for `id` and `clear_best`
  std::vector<SearchHit> candidates;  // the closest claims, best first
};

}  // namespace claimkb
