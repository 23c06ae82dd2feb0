// Write a file whole or not at all. Private to the library.
//
// The bytes go to a temporary file in the target's directory, which is flushed to
// disk and then renamed over the target. A failed or interrupted write never leaves
// a truncated file behind, and a reader of the target sees the old file or the new
// one. Used for compiled snapshots.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/result.hpp"

namespace claimkb::detail {

// Writes the `pieces`, one after another, to `path`. On failure returns why (code
// io; the target is left as it was and the temporary file removed); nullopt on
// success.
std::optional<Diagnostic> write_file_atomically(const std::string& path, const std::vector<std::string_view>& pieces);

}  // namespace claimkb::detail
