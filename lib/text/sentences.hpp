// Splitting prose into sentences, for `check`. Private to the library.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimkb::detail {

// Byte offsets of one sentence in the text: [begin, end), with surrounding
// whitespace and any list marker ("-", "*", "•", "1.", "2)") left out.
struct SentenceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The sentences of `text`, in order. A sentence ends
//   - at ".", "!", "?" or "…" (with any closing quotes or brackets) followed by
//     whitespace or the end, except after an abbreviation ("e.g.", "Dr.", "et al."),
//     an initial ("J. Smith") or when the next word starts in lower case; a "."
//     between digits (2.5) never ends one;
//   - at a blank line, and at a line break before a list item;
//   - at a line break after a line with no closing punctuation when the next line
//     starts with a capital letter (a heading, or the items of a plain list).
// Other line breaks are taken as wrapping inside a sentence.
std::vector<SentenceSpan> split_sentences(std::string_view text);

}  // namespace claimkb::detail
