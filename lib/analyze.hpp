// Turning text into search terms. Private to the library.
//
// The same steps run on the KB (when the index is built) and on every query, so a
// word matches whatever form it takes:
//   1. words: runs of ASCII letters and digits, with non-ASCII UTF-8 bytes kept
//      inside words (so "Müller" stays one word); everything else separates words,
//      as do typographic quotes, dashes and bullets, and digits glued to the end
//      of a word of 3+ letters ("effective10": a footnote). ASCII is lower-cased;
//      non-ASCII is not folded.
//   2. an apostrophe inside a word stays ("don't"); a final "'s" is dropped;
//   3. stop words and one-character words are dropped;
//   4. common comparatives and superlatives become the plain adjective ("lower" ->
//      "low"), and British -ise spellings become -ize ("stabilising" meets
//      "stabilize");
//   5. the Snowball English stemmer: "stretching", "stretches" -> "stretch".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stemmer.hpp"

namespace claimkb::detail {

// Steps 1-2: the folded words of `text`, stop words included, in order.
std::vector<std::string> fold_words(std::string_view text);

// Step 4 on one folded word.
std::string_view positive_degree(std::string_view word);
std::string americanize(std::string_view word);

// Steps 1-5: the terms of `text`, in order, repeats kept.
std::vector<std::string> analyze(std::string_view text, Stemmer& stemmer);

}  // namespace claimkb::detail
