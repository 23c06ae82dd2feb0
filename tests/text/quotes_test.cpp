// Quotes in findings (text/quotes.hpp): the normaliser, extraction, ellipsis
// splitting, matching and title rejection. Each expected value is worked out by
// hand from the rules in the header; the comments say how.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/quotes.hpp"

using namespace claimkb::detail;

namespace {

std::vector<std::string> quotes(std::string_view finding) {
  std::vector<std::string> out;
  for (const QuoteSpan& q : extract_quotes(finding)) out.emplace_back(finding.substr(q.begin, q.end - q.begin));
  return out;
}

}  // namespace

TEST_CASE("normalising: whitespace runs, quotes, dashes and case") {
  // Leading and trailing whitespace goes; the run "\n\t  " in the middle is one space.
  CHECK(normalize_quote_text("  Range of\n\t  Motion ") == "range of motion");
  // U+00A0 (no-break space, C2 A0) and U+2009 (thin space, E2 80 89) are whitespace too.
  CHECK(normalize_quote_text("95\xC2\xA0%\xE2\x80\x89"
                             "CI") == "95 % ci");
  // “ ” (E2 80 9C / 9D) become '"'; ’ (E2 80 99) becomes '\''.
  CHECK(normalize_quote_text("\xE2\x80\x9CPsoas\xE2\x80\x99 role\xE2\x80\x9D") == "\"psoas' role\"");
  // En dash (E2 80 93), em dash (E2 80 94) and minus (E2 88 92) all become '-'.
  CHECK(normalize_quote_text("9.61\xE2\x80\x93"
                             "14.47 \xE2\x80\x94 \xE2\x88\x92"
                             "2") == "9.61-14.47 - -2");
  // "…" (E2 80 A6) is spelled "...".
  CHECK(normalize_quote_text("a\xE2\x80\xA6"
                             "b") == "a...b");
  // Other non-ASCII letters stay as they are (only A-Z are folded).
  CHECK(normalize_quote_text("12.04\xC2\xB0 \xC3\x89t\xC3\xA9") == "12.04\xC2\xB0 \xC3\x89t\xC3\xA9");
  CHECK(normalize_quote_text(" \n ").empty());
}

TEST_CASE("extracting: passages in straight or curly double quotes") {
  // A quote inside a sentence; the apostrophe of psoas' is no mark.
  CHECK(quotes("The psoas' role: \"stretching helps\", it says.") == std::vector<std::string>{"stretching helps"});
  // Two quotes, one straight and one curly, in order.
  CHECK(quotes("\"one\" and \xE2\x80\x9Ctwo\xE2\x80\x9D") == std::vector<std::string>{"one", "two"});
  // Inside curly quotes a straight '"' is text, and the other way round.
  CHECK(quotes("\xE2\x80\x9C"
               "a \"b\" c\xE2\x80\x9D") == std::vector<std::string>{"a \"b\" c"});
  // Single quotes are not quotes of a study.
  CHECK(quotes("It says 'stretching helps'.").empty());
  // No quotes at all; a mark left open; an empty pair; a closing curly mark alone.
  CHECK(quotes("In 19 trials, stretching beat control.").empty());
  CHECK(quotes("It says \"never closed").empty());
  CHECK(quotes("empty \"\" and blank \"  \"").empty());
  CHECK(quotes("stray \xE2\x80\x9D mark").empty());
  // A quote over a line break (a folded YAML scalar keeps it as a space or a newline).
  CHECK(quotes("said \"no\ndifference\".") == std::vector<std::string>{"no\ndifference"});
  // The offsets point between the marks: "x \"" is 3 bytes, "ab" is bytes 3 and 4.
  const auto spans = extract_quotes("x \"ab\"");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].begin == 3);
  CHECK(spans[0].end == 5);
}

TEST_CASE("ellipsis splitting") {
  // No ellipsis: one part, normalised.
  CHECK(quote_parts("Equally  Effective") == std::vector<std::string>{"equally effective"});
  // "..." and "…" split; the spaces at each part's ends go.
  CHECK(quote_parts("improved over time ... passive and active") ==
        std::vector<std::string>{"improved over time", "passive and active"});
  CHECK(quote_parts("a\xE2\x80\xA6"
                    "b") == std::vector<std::string>{"a", "b"});
  // "[...]" splits like "..."; four dots are an ellipsis and a full stop.
  CHECK(quote_parts("a [...] b .... c") == std::vector<std::string>{"a", "b", "c"});
  // Leading and trailing ellipses give no empty parts; an ellipsis alone gives none.
  CHECK(quote_parts("...the rest") == std::vector<std::string>{"the rest"});
  CHECK(quote_parts("the start...") == std::vector<std::string>{"the start"});
  CHECK(quote_parts(" ... ").empty());
}

TEST_CASE("matching: parts in order, without overlapping") {
  const std::string text = normalize_quote_text("A B C. D E F.");  // "a b c. d e f."
  CHECK(parts_appear_in({"a b", "e f"}, text));
  // In the wrong order: "e f" is found at 9, and "a b" does not appear after it.
  CHECK_FALSE(parts_appear_in({"e f", "a b"}, text));
  // "b c" ends at 5; the second "c" must start at 5 or later, and there is none.
  CHECK_FALSE(parts_appear_in({"b c", "c"}, text));
  CHECK_FALSE(parts_appear_in({}, text));
}

TEST_CASE("checking a quote against a citation") {
  const std::string_view title = "Stretching the hip flexors: a randomised trial";
  const std::string_view abstract =
      "RESULTS: Range of motion in both groups improved over time, but there were no\n"
      "differences between groups. CONCLUSION: Passive and active stretching are equally effective.";
  // Case, the line break and the ellipsis aside, both parts are in the abstract, in order.
  CHECK(check_quote("range of motion in both groups improved ... passive and active stretching are equally effective",
                    title, abstract) == QuoteOutcome::matched);
  // A curly apostrophe or a dash in the quote meets its plain form in the abstract.
  CHECK(check_quote("groups\xE2\x80\x99 range", "T", "The groups' range\xE2\x80\x94wide.") == QuoteOutcome::matched);
  // Words the abstract does not have.
  CHECK(check_quote("a large effect", title, abstract) == QuoteOutcome::not_found);
  // The parts exist but in the other order.
  CHECK(check_quote("equally effective ... range of motion", title, abstract) == QuoteOutcome::not_found);
  // The whole title, or part of it, is not a quote of a finding, whatever the abstract says.
  CHECK(check_quote("Stretching the Hip Flexors: a randomised trial", title, abstract) == QuoteOutcome::in_title);
  CHECK(check_quote("the hip flexors", title, abstract) == QuoteOutcome::in_title);
  // No abstract, or a blank one: nothing to check against, even for a title quote.
  CHECK(check_quote("the hip flexors", title, "") == QuoteOutcome::unverifiable);
  CHECK(check_quote("anything", title, " \n") == QuoteOutcome::unverifiable);
}
