// The thresholds that turn normalised search scores into decisions. Private to the
// library; docs/search.md explains how they were chosen. That page and the comments
// of include/claimkb/search.hpp quote these values: change them together.
#pragma once

namespace claimkb::detail {

// search(): hits below this are not worth listing at all.
inline constexpr double kListFloor = 0.05;

// match(): the best hit is clearly best when its score reaches kClearFloor AND the
// runner-up scores at most kClearRatio times as much. Below kNoneFloor the question
// is taken to be about something the KB does not hold.
inline constexpr double kClearFloor = 0.40;
inline constexpr double kClearRatio = 0.80;
inline constexpr double kNoneFloor = 0.15;

// match(): how many of the closest claims are offered when the answer is not clear.
inline constexpr int kCandidates = 5;

}  // namespace claimkb::detail
