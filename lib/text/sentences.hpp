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
  // A line of its own without closing punctuation and not a list item: a title
  // or a heading, which names a topic rather than saying something of it.
  bool heading = false;
  // Part of a line that reads as a reference-list entry ("Hellsing AL. Tightness
  // of ... Ups J Med Sci. 1988;93(3):267-76."): it cites a claim, it does not make it.
  bool reference = false;
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

// Whether a line reads as an entry of a reference list: a year followed by ";"
// and a volume (Vancouver), a DOI or PMID, "et al.", or an author's surname and
// initials at its start and a year in brackets (APA, Harvard).
bool is_reference_line(std::string_view line);

}  // namespace claimkb::detail
