#include "text/sentences.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace claimkb::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }

bool has_at(std::string_view text, std::size_t i, std::string_view s) { return text.substr(i, s.size()) == s; }

// Web text pads with U+00A0 (no-break space); it counts as a space here.
constexpr std::string_view kNbsp = "\xC2\xA0";

// The length of the blank (space, tab, CR or no-break space) at text[i], or 0.
// Line feeds are not blanks: they are handled as line breaks.
std::size_t blank_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  return has_at(text, i, kNbsp) ? 2 : 0;
}

std::size_t skip_blanks(std::string_view text, std::size_t i) {
  while (const std::size_t n = blank_at(text, i)) i += n;
  return i;
}

// Skips blanks and line feeds.
std::size_t skip_space(std::string_view text, std::size_t i) {
  for (;;) {
    if (i < text.size() && text[i] == '\n') {
      ++i;
    } else if (const std::size_t n = blank_at(text, i)) {
      i += n;
    } else {
      return i;
    }
  }
}

// Where trailing space before `end` begins (not before `floor`).
std::size_t trim_back(std::string_view text, std::size_t floor, std::size_t end) {
  for (;;) {
    if (end > floor && is_space(text[end - 1])) {
      --end;
    } else if (end >= floor + 2 && text.substr(end - 2, 2) == kNbsp) {
      end -= 2;
    } else {
      return end;
    }
  }
}

// Words that end in "." without ending a sentence, lower-cased, without the final
// ".". Multi-dot ones ("e.g.") are recognised by their inner dots instead.
// "no" is left out: "No. 5" is rarer than a sentence ending in "no."
constexpr std::array<std::string_view, 29> kAbbreviations = {
    "al", "approx", "apr", "aug", "ca", "cf",  "co", "dec", "dept", "dr",   "feb", "fig", "figs", "inc", "jan",
    "jr", "jul",    "jun", "mar", "mr", "mrs", "ms", "nov", "oct",  "prof", "sep", "sr",  "st",   "vs",
};

// The length of a list marker at text[i] ("- ", "* ", "• ", "1. ", "12) "), or 0.
std::size_t list_marker(std::string_view text, std::size_t i) {
  std::size_t j = i;
  if (j < text.size() && (text[j] == '-' || text[j] == '*' || text[j] == '+')) {
    ++j;
  } else if (has_at(text, j, "\xE2\x80\xA2") || has_at(text, j, "\xE2\x80\x93")) {  // • –
    j += 3;
  } else if (has_at(text, j, "\xC2\xB7")) {  // ·
    j += 2;
  } else {
    while (j < text.size() && j - i < 3 && is_digit(text[j])) ++j;
    if (j == i || j >= text.size() || (text[j] != '.' && text[j] != ')')) return 0;
    ++j;
  }
  if (blank_at(text, j) != 0) return j - i;
  return 0;
}

// After a line break at text[i-1]: where the next line's content starts, or npos
// for a blank line. Sets `marker` when that line starts a list item.
std::size_t next_line_content(std::string_view text, std::size_t i, bool& marker) {
  std::size_t j = skip_blanks(text, i);
  marker = false;
  if (j >= text.size() || text[j] == '\n') return std::string_view::npos;
  if (const std::size_t m = list_marker(text, j)) {
    marker = true;
    j = skip_blanks(text, j + m);
  }
  return j;
}

// Does the "." at text[dot] end a word that is an abbreviation or an initial?
bool abbreviation_before(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '.')) --b;
  const std::string_view word = text.substr(b, dot - b);
  if (word.empty()) return false;
  if (word.find('.') != std::string_view::npos) return true;  // e.g. i.e. U.S.
  if (word.size() == 1 && is_upper(word[0])) return true;     // an initial: J. Smith
  std::string lower(word);
  for (char& c : lower) c = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

// Closing marks that may follow the end of a sentence: ) ] " ' and the UTF-8
// closing quotes ’ ” ».
std::size_t closer_length(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (c == ')' || c == ']' || c == '"' || c == '\'') return 1;
  if (has_at(text, i, "\xE2\x80\x99") || has_at(text, i, "\xE2\x80\x9D")) return 3;
  if (has_at(text, i, "\xC2\xBB")) return 2;
  return 0;
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : text_(text) {}

  std::vector<SentenceSpan> run() {
    bool marker = false;
    start_ = next_line_content(text_, 0, marker);
    std::size_t i = start_ == std::string_view::npos ? 0 : start_;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '\n') {
        i = line_break(i);
      } else if (c == '.' || c == '!' || c == '?' || has_at(text_, i, "\xE2\x80\xA6")) {
        i = punctuation(i);
      } else {
        ++i;
      }
    }
    close(text_.size());
    return std::move(out_);
  }

 private:
  // Ends the open sentence at `end` (trailing space trimmed).
  void close(std::size_t end) {
    if (start_ == std::string_view::npos) return;
    end = trim_back(text_, start_, end);
    if (end > start_) out_.push_back({start_, end});
    start_ = std::string_view::npos;
  }

  void open(std::size_t at) {
    if (start_ == std::string_view::npos) start_ = at;
  }

  std::size_t line_break(std::size_t i) {
    bool marker = false;
    std::size_t next = next_line_content(text_, i + 1, marker);
    if (next == std::string_view::npos) {
      // A blank line: a paragraph ends here. Skip to the next content.
      close(i);
      const std::size_t j = skip_space(text_, i + 1);
      if (j >= text_.size()) return text_.size();
      // Re-read from the start of that line so that a list marker is dropped.
      std::size_t line = j;
      while (line > 0 && text_[line - 1] != '\n') --line;
      next = next_line_content(text_, line, marker);
      open(next);
      return next;
    }
    if (start_ == std::string_view::npos) {
      open(next);
      return next;
    }
    // The last non-space character of the line that ends here.
    const std::size_t last = trim_back(text_, start_, i);
    const char end_char = last > start_ ? text_[last - 1] : '.';
    const bool unpunctuated = std::string_view(".!?:;,").find(end_char) == std::string_view::npos;
    if (marker || (unpunctuated && is_upper(text_[next]))) {
      close(i);
      open(next);
    }
    return next;
  }

  std::size_t punctuation(std::size_t i) {
    const std::size_t mark = i;
    bool only_dots = true;  // "." or an ellipsis, no "?" or "!"
    // A run of marks: "?!", "...", "…".
    while (i < text_.size()) {
      if (text_[i] == '.' || text_[i] == '!' || text_[i] == '?') {
        only_dots = only_dots && text_[i] == '.';
        ++i;
      } else if (has_at(text_, i, "\xE2\x80\xA6")) {
        i += 3;
      } else {
        break;
      }
    }
    while (const std::size_t n = closer_length(text_, i)) i += n;
    // Not followed by space: 2.5, "e.g.x", a URL.
    if (i < text_.size() && text_[i] != '\n' && blank_at(text_, i) == 0) return i;
    if (text_[mark] == '.' && i == mark + 1 && abbreviation_before(text_, mark)) return i;
    if (only_dots) {
      // A lower-case word next continues the sentence: "approx. the same",
      // "Wait... then what?"
      const std::size_t next = skip_space(text_, i);
      if (next < text_.size() && is_lower(text_[next])) return i;
    }
    close(i);
    const std::size_t next = skip_blanks(text_, i);
    if (next < text_.size() && text_[next] != '\n') open(next);
    return next;
  }

  std::string_view text_;
  std::size_t start_ = std::string_view::npos;
  std::vector<SentenceSpan> out_;
};

}  // namespace

bool is_reference_line(std::string_view line) {
  if (line.find("doi:") != std::string_view::npos || line.find("doi.org/") != std::string_view::npos ||
      line.find("PMID") != std::string_view::npos || line.find("et al.") != std::string_view::npos) {
    return true;
  }
  auto year_at = [&](std::size_t i) {
    return i + 4 <= line.size() && (line.substr(i, 2) == "19" || line.substr(i, 2) == "20") && is_digit(line[i + 2]) &&
           is_digit(line[i + 3]) && (i == 0 || !is_digit(line[i - 1])) &&
           (i + 4 == line.size() || !is_digit(line[i + 4]));
  };
  bool bracketed_year = false;
  for (std::size_t i = 0; i + 4 <= line.size(); ++i) {
    if (!year_at(i)) continue;
    // Vancouver: "1988;93(3):267-76", "2015;(9):CD001929".
    if (i + 5 < line.size() && line[i + 4] == ';' && (is_digit(line[i + 5]) || line[i + 5] == '(')) return true;
    bracketed_year = bracketed_year || (i > 0 && line[i - 1] == '(' && i + 4 < line.size() && line[i + 4] == ')');
  }
  // APA and Harvard: "Smith, J. A. (2015)." or "Smith JA, Jones B (2015)".
  std::size_t i = 0;
  while (i < line.size() && (is_alpha(line[i]) || line[i] == '-' || line[i] == '\'')) ++i;
  const bool surname = i > 1 && is_upper(line[0]);
  if (i < line.size() && line[i] == ',') ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  const bool initial = i < line.size() && is_upper(line[i]) && (i + 1 == line.size() || !is_lower(line[i + 1]));
  return surname && initial && bracketed_year;
}

std::vector<SentenceSpan> split_sentences(std::string_view text) {
  std::vector<SentenceSpan> spans = Splitter(text).run();
  for (SentenceSpan& s : spans) {
    std::size_t line_begin = s.begin;
    while (line_begin > 0 && text[line_begin - 1] != '\n') --line_begin;
    std::size_t line_end = s.end;
    while (line_end < text.size() && text[line_end] != '\n') ++line_end;
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    s.reference = is_reference_line(line);
    // A heading: the whole line, without a list marker before it or closing
    // punctuation at its end.
    bool marker = false;
    const std::size_t content = next_line_content(text, line_begin, marker);
    const std::size_t last = trim_back(text, s.begin, s.end);
    std::size_t end_char = last;
    for (bool again = true; again && end_char > s.begin;) {  // step back over closing quotes and brackets
      again = false;
      for (std::size_t n : {std::size_t{3}, std::size_t{2}, std::size_t{1}}) {
        if (end_char >= s.begin + n && closer_length(text, end_char - n) == n) {
          end_char -= n;
          again = true;
          break;
        }
      }
    }
    const char final = end_char > s.begin ? text[end_char - 1] : '.';
    const bool punctuated = std::string_view(".!?:;").find(final) != std::string_view::npos ||
                            (end_char >= 3 && has_at(text, end_char - 3, "\xE2\x80\xA6"));
    s.heading = !marker && !punctuated && content == s.begin && trim_back(text, line_begin, line_end) == s.end;
  }
  return spans;
}

}  // namespace claimkb::detail
