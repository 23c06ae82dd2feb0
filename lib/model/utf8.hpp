// UTF-8 checks. Private to the library.
//
// Every string claimkb returns is valid UTF-8 (docs/cli.md): text that came from
// outside (a question, an article, a file name, a damaged snapshot) goes through
// to_valid_utf8() before it reaches a message or a result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimkb::detail {

// The length of the valid UTF-8 sequence starting at text[i] (1 to 4), or 0 when
// none starts there: a stray continuation byte, a cut sequence, an overlong form, a
// surrogate or a code point past U+10FFFF.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

bool is_valid_utf8(std::string_view text);

// `text` with each byte that starts no valid sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

}  // namespace claimkb::detail
