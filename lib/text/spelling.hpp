// Reading a misspelt word as the word a concept is named with ("massge" as
// massage, "streches" as stretches, "abcess" as abscess). Private to the library;
// docs/search.md says when a word is corrected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimkb::detail {

class Speller {
 public:
  // `vocabulary`: the terms to correct to, sorted and unique.
  explicit Speller(std::shared_ptr<const std::vector<std::string>> vocabulary);

  // The one vocabulary term that `term` (the term of `word`, lower case) is a slip
  // away from (a letter left out, a letter too many, or two neighbouring letters
  // swapped), or "" when none is, or more than one, or `term` is shorter than
  // kShortest, or `word` is an English word ("particular" is not a slip for
  // "articular"). A letter typed for another is not a slip here either: it turns
  // too many words into others.
  std::string correct(std::string_view word, std::string_view term) const;

  static constexpr std::size_t kShortest = 5;

 private:
  bool known(std::string_view term) const;
  void build() const;

  std::shared_ptr<const std::vector<std::string>> vocabulary_;
  // Each vocabulary term with one letter taken out -> the terms it comes from,
  // built the first time a word needs correcting.
  mutable std::once_flag built_;
  mutable std::unordered_map<std::string, std::vector<std::uint32_t>> shortened_;
};

}  // namespace claimkb::detail
