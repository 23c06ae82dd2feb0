// Writing an output file so that it is either wholly the old one or wholly the new
// one: the text goes to a temporary file in the same directory, which is flushed
// to disk and then renamed over the target. A failed or interrupted write never
// leaves a truncated file behind.
#pragma once

#include <iosfwd>
#include <string>

namespace claimkb::cli {

// Writes `text` to `path` atomically. On failure says why on `err`, removes the
// temporary file, leaves `path` as it was and returns false.
bool write_file_atomically(const std::string& path, const std::string& text, std::ostream& err);

}  // namespace claimkb::cli
