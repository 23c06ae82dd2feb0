// Cue words: what the words around the concepts say about how they are related,
// and whether a sentence asserts, denies or reports a claim. Private to the
// library; docs/search.md lists the cues and why each is there.
#pragma once

#include <bitset>
#include <cstddef>
#include <vector>

#include "claimkb/types.hpp"
#include "model/enums.hpp"
#include "text/concept_index.hpp"

namespace claimkb::detail {

inline constexpr std::size_t kRelations = 17;  // the values of Relation
using Relations = std::bitset<kRelations>;
static_assert(kRelations == EnumNames<Relation>::size, "one bit for each relation");

struct Cues {
  Relations relations;       // relations some cue word outside the concepts fits
  Relations primary;         // the relations those words say first ("linked": associated_with)
  bool comparative = false;  // "better than", "more than", "beats", "versus"
  // Where the words are (indices into TextAnalysis::words) that deny ("not", "no
  // evidence", "myth", "an open question") or report someone else's claim ("some
  // trainers say", "you may have heard", "according to").
  std::vector<std::size_t> denials, reports;
  bool doubts = false;  // "unclear", "an open question": in doubt, whatever the words' place
};

// The cues of an analysed text; words inside concept mentions are not cues
// ("my back hurts" is a symptom, not harm).
Cues find_cues(const TextAnalysis& text, Stemmer& stemmer);

// Drops the mentions a text sets aside as the alternative it does not mean: those
// ending within four words after "rather than" or "instead of" ("can a stiff
// psoas cause pain in the hip rather than in the back?" is not about back pain).
void drop_alternatives(TextAnalysis& text);

// What a sentence does with a claim whose concepts it names in the mentions
// `claim_mentions` (indices into text.mentions; empty: the whole sentence):
//   - denies, when words of doubt are anywhere in it ("whether X ... is an open
//     question"), or a denial comes before the claim's last concept or within three
//     words after it, or in a clause after it that starts with "but", "however" or
//     "yet" ("X is often said, but studies find no ...");
//   - else reports, when words of report are there;
//   - else asserts.
Polarity polarity_of(const TextAnalysis& text, const Cues& cues, const std::vector<std::size_t>& claim_mentions);

}  // namespace claimkb::detail
