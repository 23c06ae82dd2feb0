// claimkb/search.hpp — finding claims from plain words (SPEC.md §5: search, verdict
// with a question, check). Results are plain values; the functions that produce
// them are members of KnowledgeBase and thread-safe like every query.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimkb {

struct SearchHit {
  std::string id;      // claim id
  double score = 0.0;  // higher is better; comparable across queries of one KB
};

// What an id-or-question resolved to.
struct Match {
  enum class Kind {
    id,           // the text was a claim id
    clear_best,   // a question whose best match is clearly best
    unclear,      // a question with several close candidates
    none,         // nothing matches (e.g. an off-topic question)
  };
  Kind kind = Kind::none;
  std::string id;                     // the claim, for `id` and `clear_best`
  std::vector<SearchHit> candidates;  // the closest claims, best first
};

}  // namespace claimkb
