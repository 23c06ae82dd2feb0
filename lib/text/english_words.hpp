// English words, for telling a real word from a slip of the keyboard (spelling.cpp).
// Private to the library; generated at configure time (cmake/english-words.cmake).
#pragma once

#include <string_view>

namespace claimkb::detail {

// Lower-case words, sorted, one per line; empty when the build had no word list.
extern const std::string_view kEnglishWords;

// Whether `word` (lower case) is one of them.
bool is_english_word(std::string_view word);

}  // namespace claimkb::detail
