// claimkb/search.hpp — finding claims from plain words (`claimkb search`, `verdict`
// with a question, `check`; docs/search.md). Results are plain values; the
// functions that produce them are members of KnowledgeBase and thread-safe like
// every query.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimkb {

struct SearchHit {
  std::string id;  // claim id
  // In [0, 1]; higher is better, and comparable across queries of one KB. The
  // larger of two scores (docs/search.md): by words, BM25F over statement, aliases
  // and tags, normalised and weighted by how much of the claim's own wording the
  // query covers; by concepts, when the query names the claim's subject and object.
  double score = 0.0;
  // The ids of the claim's concepts that the query names (directly or through a
  // narrower concept); empty when it matched by words alone.
  std::vector<std::string> concepts;
};

// What an id-or-question resolved to (docs/search.md has the rules).
struct Match {
  enum class Kind {
    id,          // the text was a claim id
    clear_best,  // a question that clearly means one claim
    unclear,     // a question with candidates but no clear winner
    none,        // nothing matches (e.g. an off-topic question)
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
