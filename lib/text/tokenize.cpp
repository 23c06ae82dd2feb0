#include "text/tokenize.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "text/stop_words.hpp"

namespace claimkb::detail {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

// Length of the UTF-8 punctuation sequence starting at text[i] that separates words
// (or 0). Texts pasted from the web use these where ASCII would use ' " - or *.
std::size_t separator_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const std::size_t left = text.size() - i;
  if (left >= 2 && at(0) == 0xC2) {
    // U+00A0 no-break space, U+00AB/U+00BB guillemets, U+00B7 middle dot
    if (at(1) == 0xA0 || at(1) == 0xAB || at(1) == 0xBB || at(1) == 0xB7) return 2;
  }
  if (left >= 3 && at(0) == 0xE2 && at(1) == 0x80) {
    // U+2010..U+2015 hyphens and dashes, U+2018..U+201F quotes, U+2022 bullet,
    // U+2026 ellipsis
    const unsigned char c = at(2);
    if ((c >= 0x90 && c <= 0x95) || (c >= 0x98 && c <= 0x9F) || c == 0xA2 || c == 0xA6) return 3;
  }
  return 0;
}

// U+2019, the typographic apostrophe ("don’t"), reads as '.
bool is_curly_apostrophe(std::string_view text, std::size_t i) {
  return text.size() - i >= 3 && static_cast<unsigned char>(text[i]) == 0xE2 &&
         static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x99;
}

bool starts_word(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return is_ascii_alnum(c) || (c >= 0x80 && separator_length(text, i) == 0);
}

bool all_letters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '\''; });
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Snowball stems inflections of verbs and nouns but leaves the comparative and
// superlative of adjectives alone ("lower" stays "lower"), so "lower back pain"
// would miss "low back pain". This lists the common regular ones; irregular
// forms ("better", "worse") are left out because they usually mean "beats".
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kDegrees = {{
    {"bigger", "big"},      {"biggest", "big"},      {"deeper", "deep"},   {"deepest", "deep"},   {"easier", "easy"},
    {"easiest", "easy"},    {"faster", "fast"},      {"fastest", "fast"},  {"greater", "great"},  {"greatest", "great"},
    {"harder", "hard"},     {"hardest", "hard"},     {"heavier", "heavy"}, {"heaviest", "heavy"}, {"higher", "high"},
    {"highest", "high"},    {"larger", "large"},     {"largest", "large"}, {"longer", "long"},    {"longest", "long"},
    {"lower", "low"},       {"lowest", "low"},       {"older", "old"},     {"oldest", "old"},     {"shorter", "short"},
    {"shortest", "short"},  {"slower", "slow"},      {"slowest", "slow"},  {"smaller", "small"},  {"smallest", "small"},
    {"stronger", "strong"}, {"strongest", "strong"}, {"tighter", "tight"}, {"tightest", "tight"}, {"weaker", "weak"},
    {"weakest", "weak"},    {"wider", "wide"},       {"widest", "wide"},   {"younger", "young"},  {"youngest", "young"},
}};

constexpr bool sorted_by_word(const decltype(kDegrees)& table) {
  for (std::size_t i = 1; i < table.size(); ++i) {
    if (!(table[i - 1].first < table[i].first)) return false;
  }
  return true;
}
static_assert(sorted_by_word(kDegrees), "kDegrees must stay sorted for binary search");

}  // namespace

void for_each_word(std::string_view text, const std::function<void(std::string_view)>& f) {
  std::string word;  // one buffer for every word: no allocation per word
  auto flush = [&] {
    if (ends_with(word, "'s")) word.resize(word.size() - 2);
    if (!word.empty()) f(word);
    word.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool apostrophe = c == '\'' || is_curly_apostrophe(text, i);
    if (apostrophe && !word.empty()) {
      // Inside a word only when a letter follows: "don't", "muscle's", not "tests' ".
      const std::size_t next = i + (c == '\'' ? 1 : 3);
      if (next < text.size() && starts_word(text, next)) {
        word += '\'';
        i = next;
        continue;
      }
    }
    if (is_ascii_alnum(c)) {
      // Digits glued to a word of three or more letters are a footnote or a
      // version ("effective10", "covid19"): a word of their own, as after a hyphen.
      // Shorter ones are names ("b12", "t4") and stay whole.
      if (c >= '0' && c <= '9' && word.size() >= 3 && all_letters(word)) flush();
      word += lower(c);
      ++i;
    } else if (c >= 0x80) {
      const std::size_t sep = separator_length(text, i);
      if (sep != 0) {
        flush();
        i += sep;
      } else {
        word += static_cast<char>(c);  // a byte of a UTF-8 letter: kept as is
        ++i;
      }
    } else {
      flush();
      ++i;
    }
  }
  flush();
}

std::vector<std::string> fold_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

std::string_view positive_degree(std::string_view word) {
  const auto* it = std::lower_bound(kDegrees.begin(), kDegrees.end(), word,
                                    [](const auto& entry, std::string_view w) { return entry.first < w; });
  return it != kDegrees.end() && it->first == word ? it->second : word;
}

std::string americanize(std::string_view word) {
  // Every form of one word shares the part before "is", so rewriting all of them
  // keeps them together ("exercise", "exercising" -> "exercize", "exercizing").
  // Short stems are left alone: "rise", "noise" and "raise" are not British spellings.
  static constexpr std::array<std::string_view, 8> kSuffixes = {"isations", "isation", "ising", "isers",
                                                                "ised",     "ises",    "iser",  "ise"};
  for (std::string_view suffix : kSuffixes) {
    if (ends_with(word, suffix) && word.size() - suffix.size() >= 3) {
      std::string out(word);
      out[word.size() - suffix.size() + 1] = 'z';
      return out;
    }
  }
  return std::string(word);
}

bool is_term_word(std::string_view folded_word) { return folded_word.size() >= 2 && !is_stop_word(folded_word); }

std::string term_of(std::string_view folded_word, Stemmer& stemmer) {
  return stemmer.stem(americanize(positive_degree(folded_word)));
}

std::vector<std::string> analyze(std::string_view text, Stemmer& stemmer) {
  std::vector<std::string> terms;
  for_each_word(text, [&](std::string_view w) {
    if (is_term_word(w)) terms.push_back(term_of(w, stemmer));
  });
  return terms;
}

}  // namespace claimkb::detail
