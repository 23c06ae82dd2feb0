// Quotes in a finding, checked against the citation's abstract (`claimkb lint
// --quotes`, docs/format.md "Quotes in findings"). Private to the library; pure
// functions over text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimkb::detail {

// `text` made comparable: every run of whitespace (ASCII or Unicode: no-break,
// en/em/thin spaces, line and paragraph separators, ...) becomes one space and
// none is left at either end; curly double quotes become '"', curly single quotes
// and apostrophes become '\''; hyphen, figure, en and em dashes, the horizontal bar
// and the minus sign become '-'; "…" becomes "..."; A-Z become a-z. Bytes that
// are not valid UTF-8 are kept as they are.
std::string normalize_quote_text(std::string_view text);

// One passage in double quotes: text[begin, end) is what lies between the marks.
struct QuoteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The passages of `finding` in double quotes, in order. A straight '"' opens a
// passage that the next straight '"' closes; a curly '“' one that the next '”'
// closes; whatever lies between (apostrophes, the other kind of mark) is part of
// the passage. A mark left open at the end, a closing '”' with no opener and an
// empty or blank passage give nothing.
std::vector<QuoteSpan> extract_quotes(std::string_view finding);

// The parts of a quote that must appear in order: the normalised quote split at
// each ellipsis ("...", "…", also in brackets, "[...]"), each part without spaces
// at its ends; empty parts are dropped.
std::vector<std::string> quote_parts(std::string_view quote);

// True when every part appears in `normalized_text` (normalize_quote_text()), in
// order and without overlapping; false for no parts.
bool parts_appear_in(const std::vector<std::string>& parts, std::string_view normalized_text);

// What checking one quote against its citation found.
enum class QuoteOutcome {
  matched,       // it appears in the abstract
  unverifiable,  // the citation has no abstract to check it against
  in_title,      // it is the citation's title, or part of it: not a quote of a finding
  not_found,     // the abstract does not contain it
};

// Checks `quote` (the text between the marks) against a citation's title and
// abstract. No abstract (empty or blank): unverifiable. Else a quote all of whose
// parts appear in the title: in_title; else matched or not_found. A quote with no
// parts (only an ellipsis) is matched.
QuoteOutcome check_quote(std::string_view quote, std::string_view title, std::string_view abstract);

}  // namespace claimkb::detail
