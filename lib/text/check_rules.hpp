// When check() takes a sentence to state a claim. Private to the library;
// docs/search.md explains the choice.
#pragma once

#include <cstddef>

#include "text/search_index.hpp"

namespace claimkb::detail {

// Candidates per sentence, taken from the BM25F ranking of the whole sentence...
inline constexpr std::size_t kCheckCandidates = 8;
// ...among the claims that hold one of the sentence's 8 rarest terms. A claim the
// sentence states has most of one wording's idf mass in it, so its rarest words
// are in the sentence; they are among the sentence's 8 rarest unless the sentence
// holds 8 rarer ones, which bounds the cost of long sentences of common words.
inline constexpr std::size_t kCheckOpeningTerms = 8;

// A sentence states a claim when it contains enough of one of the claim's wordings
// (its statement or an alias), measured two ways: the share of the wording's
// distinct terms, and the share of their idf mass. The count keeps a sentence
// that shares a wording's rare words but misses its common ones ("back pain" in a
// KB about back pain) from passing; the idf share keeps one that shares only
// common words from passing. The more terms agree, the less of the wording is
// needed:
//   - at least 3 terms, and 3/4 of the wording both ways; or
//   - at least 5 terms, and 3/5 of the wording both ways (long statements are
//     rarely repeated whole).
// Fewer than 3 terms never suffice: a short alias such as "psoas massage" names a
// topic, which many sentences mention without making the claim.
inline bool states(const Coverage& c) {
  if (c.of == 0) return false;
  const double count_share = static_cast<double>(c.terms) / static_cast<double>(c.of);
  if (c.terms >= 3 && c.share >= 0.75 && count_share >= 0.75) return true;
  return c.terms >= 5 && c.share >= 0.6 && count_share >= 0.6;
}

// Between two wordings that pass, the one more wholly contained (larger idf share)
// wins, then the one with more terms in agreement. Share first, because a claim
// whose every word is there beats one that shares more words with the sentence
// but misses its subject ("chronic low back pain" without "massage").
inline bool stronger(const Coverage& a, const Coverage& b) {
  return a.share != b.share ? a.share > b.share : a.terms > b.terms;
}

}  // namespace claimkb::detail
