// The English words that search and text checking ignore. Private to the library.
#pragma once

#include <string_view>

namespace claimkb::detail {

// True for a lower-case function word ("the", "does", "isn't") or a question
// filler ("really", "actually") that says nothing about which claim is meant.
bool is_stop_word(std::string_view folded_word);

}  // namespace claimkb::detail
