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

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/stemmer.hpp"

namespace claimkb::detail {

// Steps 1-2: calls `f` with each folded word of `text`, stop words included, in
// order. The view is valid only during the call.
void for_each_word(std::string_view text, const std::function<void(std::string_view)>& f);

// Steps 1-2, collected.
std::vector<std::string> fold_words(std::string_view text);

// Step 3: false for stop words and one-character words.
bool is_term_word(std::string_view folded_word);

// Steps 4-5 on one folded word that passed step 3.
std::string term_of(std::string_view folded_word, Stemmer& stemmer);

// Step 4 on one folded word.
std::string_view positive_degree(std::string_view word);
std::string americanize(std::string_view word);

// Steps 1-5: the terms of `text`, in order, repeats kept.
std::vector<std::string> analyze(std::string_view text, Stemmer& stemmer);

}  // namespace claimkb::detail
