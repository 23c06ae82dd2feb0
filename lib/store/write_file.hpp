// claimkb/write_file.hpp — write a file whole or not at all.
//
// The bytes go to a temporary file in the target's directory, which is flushed to
// disk and then renamed over the target. A failed or interrupted write never leaves
// a truncated file behind, and a reader of the target sees the old file or the new
// one. Used for compiled snapshots and for the command's output files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "claimkb/export.h"
#include "claimkb/result.hpp"

namespace claimkb {

// Writes `bytes` to `path`. On failure returns why (the target is left as it was
// and the temporary file removed); nullopt on success.
CLAIMKB_EXPORT std::optional<Diagnostic> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace claimkb
