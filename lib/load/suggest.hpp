// Closest-name suggestions for error messages ("did you mean 'stance'?").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimkb::detail {

// Edit distance (insertions, deletions, substitutions, adjacent swaps), ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// " (did you mean 'x'?)" for the candidate closest to `word` when it is close
// enough to be a likely typo, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// "a, b, c": the candidates, for "expected one of ..." messages.
std::string join_names(const std::vector<std::string_view>& names);

}  // namespace claimkb::detail
