// claimkb/text.hpp — the UTF-8 repair claimkb applies to every string it returns.
// A pure function; thread-safe; never throws except std::bad_alloc.
#pragma once

#include <string>
#include <string_view>

#include "claimkb/export.h"

namespace claimkb {

// `text` with every byte that starts no valid UTF-8 sequence (a stray continuation
// byte, a cut sequence, an overlong form, a surrogate, a code point past U+10FFFF)
// replaced by U+FFFD. Valid text comes back unchanged. Apps that show a user's own
// words next to claimkb's output can repair them the same way.
CLAIMKB_EXPORT std::string to_valid_utf8(std::string_view text);

}  // namespace claimkb
