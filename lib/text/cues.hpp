// Cue words: what the words around the concepts say about how they are related,
// and whether a sentence asserts, denies or reports a claim. Private to the
// library; docs/search.md lists the cues and why each is there.
#pragma once

#include <bitset>
#include <cstddef>

#include "claimkb/types.hpp"
#include "model/enums.hpp"
#include "text/concept_index.hpp"

namespace claimkb::detail {

inline constexpr std::size_t kRelations = 17;  // the values of Relation
using Relations = std::bitset<kRelations>;
static_assert(kRelations == EnumNames<Relation>::size, "one bit for each relation");

struct Cues {
  Relations relations;  // relations some cue word outside the concepts fits
  Relations primary;    // the relations those words say first ("linked": associated_with)
  bool comparative = false;  // "better than", "more than", "beats", "versus"
  bool negated = false;      // "not", "no evidence", "myth", "did no better"
  bool reported = false;     // "some trainers say", "you may have heard", "according to"
};

// The cues of an analysed text; words inside concept mentions are not cues
// ("my back hurts" is a symptom, not harm).
Cues find_cues(const TextAnalysis& text, Stemmer& stemmer);

}  // namespace claimkb::detail
