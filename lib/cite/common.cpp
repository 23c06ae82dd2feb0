// Helpers of lib/cite: names, years, DOIs, pages, lines.
#include "cite/common.hpp"

#include <cstdio>
#include <utility>

#include "model/utf8.hpp"

namespace claimkb::detail::cite {

Diagnostic error_at(const std::string& file, int line, int column, std::string message) {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  return d;
}

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : trim(s)) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

// Words of `s` split at spaces, dots and hyphens.
std::vector<std::string_view> name_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '.' || s[i] == '-')) ++i;
    const std::size_t b = i;
    while (i < s.size() && !(is_space(s[i]) || s[i] == '.' || s[i] == '-')) ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  return words;
}

// The first character of `w` (a whole UTF-8 sequence), upper-cased when ASCII.
std::string initial_of(std::string_view w) {
  std::size_t n = 1;
  const auto c0 = static_cast<unsigned char>(w[0]);
  if (c0 >= 0xF0) {
    n = 4;
  } else if (c0 >= 0xE0) {
    n = 3;
  } else if (c0 >= 0xC0) {
    n = 2;
  }
  std::string s(w.substr(0, n));
  if (n == 1 && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

bool all_upper(std::string_view w) {
  for (const char c : w) {
    if (!is_upper(c)) return false;
  }
  return !w.empty();
}

}  // namespace

std::string author_from_parts(std::string_view family, std::string_view given, std::string_view suffix) {
  std::string out = squeeze(family);
  std::string initials;
  for (const auto w : name_words(given)) {
    // "JD" (already initials, as MEDLINE and the KB write them) stays as it is.
    if (w.size() <= 3 && all_upper(w)) {
      initials += w;
    } else {
      initials += initial_of(w);
    }
  }
  if (!initials.empty()) out += " " + initials;
  const std::string sfx = squeeze(suffix);
  if (!sfx.empty()) out += " " + sfx;
  return out;
}

std::string author_from_inverted(std::string_view name) {
  const std::size_t comma = name.find(',');
  if (comma == std::string_view::npos) return squeeze(name);
  const std::string_view family = name.substr(0, comma);
  std::string_view rest = name.substr(comma + 1);
  std::string_view suffix;
  // "Smith, John, Jr": a second comma puts the suffix last (RIS's order).
  const std::size_t comma2 = rest.find(',');
  if (comma2 != std::string_view::npos) {
    suffix = rest.substr(comma2 + 1);
    rest = rest.substr(0, comma2);
  }
  return author_from_parts(family, rest, suffix);
}

NameParts split_author(std::string_view author) {
  NameParts p;
  std::vector<std::string_view> words;
  std::size_t i = 0;
  const std::string_view s = trim(author);
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  static constexpr std::string_view kSuffixes[] = {"Jr", "Sr", "2nd", "3rd"};
  if (words.size() > 2) {
    for (const auto sfx : kSuffixes) {
      if (words.back() == sfx) {
        p.suffix = std::string(sfx);
        words.pop_back();
        break;
      }
    }
  }
  if (words.size() >= 2 && words.back().size() <= 4 && all_upper(words.back())) {
    for (const char c : words.back()) {
      if (!p.given.empty()) p.given += ' ';
      p.given += c;
      p.given += '.';
    }
    words.pop_back();
  }
  for (const auto w : words) {
    if (!p.family.empty()) p.family += ' ';
    p.family += w;
  }
  return p;
}

int year_in(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    const auto digit = [&](std::size_t k) { return s[k] >= '0' && s[k] <= '9'; };
    const bool digits = digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3);
    const bool alone = (i == 0 || !digit(i - 1)) && (i + 4 == s.size() || !digit(i + 4));
    if (digits && alone) {
      const int y = std::stoi(std::string(s.substr(i, 4)));
      if (y >= 1000 && y <= 2999) return y;
    }
  }
  return 0;
}

std::string clean_doi(std::string_view s) {
  s = trim(s);
  static constexpr std::string_view kPrefixes[] = {"https://doi.org/",
                                                   "http://doi.org/",
                                                   "https://dx.doi.org/",
                                                   "http://dx.doi.org/",
                                                   "doi.org/",
                                                   "doi:",
                                                   "DOI:",
                                                   "doi: "};
  for (const auto p : kPrefixes) {
    if (s.substr(0, p.size()) == p) {
      s.remove_prefix(p.size());
      break;
    }
  }
  return std::string(trim(s));
}

std::string clean_pages(std::string_view s) {
  std::string out;
  const std::string t = squeeze(s);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 3, "\xE2\x80\x93") == 0 || t.compare(i, 3, "\xE2\x80\x94") == 0) {  // en and em dash
      out += '-';
      i += 2;
    } else if (t[i] == '-') {
      out += '-';
      while (i + 1 < t.size() && t[i + 1] == '-') ++i;
    } else {
      out += t[i];
    }
  }
  // "14 - 21" -> "14-21"
  std::string tight;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && ((i + 1 < out.size() && out[i + 1] == '-') || (i > 0 && out[i - 1] == '-'))) continue;
    tight += out[i];
  }
  return tight;
}

std::pair<std::string, std::string> split_pages(std::string_view pages) {
  const std::size_t dash = pages.find('-');
  if (dash == std::string_view::npos) return {std::string(pages), std::string()};
  return {std::string(pages.substr(0, dash)), std::string(pages.substr(dash + 1))};
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  while (b <= text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    if (e == text.size()) break;
    b = e + 1;
  }
  return out;
}

int line_at(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

int column_at(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  const std::size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t start = (nl == std::string_view::npos || offset == 0) ? 0 : nl + 1;
  return static_cast<int>(offset - start) + 1;
}

std::string_view publication_type_of(Design d) {
  switch (d) {
    case Design::systematic_review: return "Systematic Review";
    case Design::rct: return "Randomized Controlled Trial";
    case Design::narrative_review: return "Review";
    case Design::case_report: return "Case Reports";
    case Design::guideline: return "Practice Guideline";
    case Design::book:
    case Design::web: return "";
    default: return "Journal Article";
  }
}

bool valid_utf8_or_report(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = detail::utf8_sequence_length(text, i);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
      errors.push_back(error_at(file, line_at(text, i), column_at(text, i),
                                std::string("invalid UTF-8 (byte ") + hex + "); save the file as UTF-8"));
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace claimkb::detail::cite
