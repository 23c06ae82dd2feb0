#include "text/spelling.hpp"

#include "text/english_words.hpp"

#include <algorithm>
#include <utility>

namespace claimkb::detail {

bool is_english_word(std::string_view word) {
  // A binary search over the lines of one sorted string.
  std::size_t lo = 0, hi = kEnglishWords.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    // The line that holds byte `mid` (a newline ends the line before it).
    std::size_t start = mid == 0 ? std::string_view::npos : kEnglishWords.rfind('\n', mid - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    if (start < lo) start = lo;
    std::size_t end = kEnglishWords.find('\n', start);
    if (end == std::string_view::npos) end = kEnglishWords.size();
    const std::string_view line = kEnglishWords.substr(start, end - start);
    if (line == word) return true;
    if (line < word) {
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return false;
}

Speller::Speller(std::shared_ptr<const std::vector<std::string>> vocabulary) : vocabulary_(std::move(vocabulary)) {}

bool Speller::known(std::string_view term) const {
  return std::binary_search(vocabulary_->begin(), vocabulary_->end(), term,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

void Speller::build() const {
  for (std::uint32_t v = 0; v < vocabulary_->size(); ++v) {
    const std::string& term = (*vocabulary_)[v];
    if (term.size() < kShortest + 1) continue;  // a shortened term must still be long enough
    for (std::size_t i = 0; i < term.size(); ++i) {
      std::vector<std::uint32_t>& from = shortened_[term.substr(0, i) + term.substr(i + 1)];
      if (from.empty() || from.back() != v) from.push_back(v);
    }
  }
}

std::string Speller::correct(std::string_view word, std::string_view term) const {
  if (!vocabulary_ || term.size() < kShortest || known(term) || is_english_word(word)) return {};
  std::call_once(built_, [this] { build(); });
  std::vector<std::uint32_t> found;
  const auto add = [&](std::string_view candidate) {
    const auto it = std::lower_bound(vocabulary_->begin(), vocabulary_->end(), candidate,
                                     [](std::string_view a, std::string_view b) { return a < b; });
    if (it != vocabulary_->end() && *it == candidate) {
      found.push_back(static_cast<std::uint32_t>(it - vocabulary_->begin()));
    }
  };
  // A letter left out: the term is a vocabulary term shortened by one.
  if (const auto it = shortened_.find(std::string(term)); it != shortened_.end()) {
    found.insert(found.end(), it->second.begin(), it->second.end());
  }
  std::string t(term);
  // A letter too many: shortened by one, the term is a vocabulary term.
  if (t.size() > kShortest) {
    for (std::size_t i = 0; i < t.size(); ++i) add(t.substr(0, i) + t.substr(i + 1));
  }
  // Two neighbouring letters swapped.
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] == t[i + 1]) continue;
    std::swap(t[i], t[i + 1]);
    add(t);
    std::swap(t[i], t[i + 1]);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found.size() == 1 ? (*vocabulary_)[found[0]] : std::string();
}

}  // namespace claimkb::detail
