// The names of every enumeration stored in a KB, one table per enum. Private to the
// library: the public to_string() and parse_*() of claimkb/types.hpp read these
// tables, and so do the YAML decoder, the binary codec and the JSON writer, so that
// a name is written in one place only.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "claimkb/result.hpp"
#include "claimkb/types.hpp"

namespace claimkb::detail {

// EnumNames<E>::names[i] is the name of the value i; "" marks a value that does not
// exist (Certainty and Concern start at 1).
template <class E>
struct EnumNames;

#define CLAIMKB_ENUM_NAMES(E, ...)                                        \
  template <>                                                             \
  struct EnumNames<E> {                                                   \
    static constexpr std::string_view names[] = {__VA_ARGS__};            \
    static constexpr std::size_t size = sizeof(names) / sizeof(names[0]); \
  };

CLAIMKB_ENUM_NAMES(Design, "systematic_review", "rct", "non_randomized_trial", "cohort", "case_control",
                   "cross_sectional", "case_series", "case_report", "laboratory", "narrative_review", "expert_opinion",
                   "guideline", "book", "web")
CLAIMKB_ENUM_NAMES(Pooled, "randomized", "mixed", "observational")
CLAIMKB_ENUM_NAMES(Stance, "supports", "refutes", "neutral")
CLAIMKB_ENUM_NAMES(Directness, "direct", "indirect")
CLAIMKB_ENUM_NAMES(RiskOfBias, "low", "some_concerns", "high", "critical", "unclear")
CLAIMKB_ENUM_NAMES(Effect, "small", "moderate", "large", "very_large")
CLAIMKB_ENUM_NAMES(Certainty, "", "very_low", "low", "moderate", "high")
CLAIMKB_ENUM_NAMES(Concern, "", "serious", "very_serious")
CLAIMKB_ENUM_NAMES(Verdict, "supported", "refuted", "mixed", "insufficient")
CLAIMKB_ENUM_NAMES(Relation, "causes", "associated_with", "predicts", "relieves", "increases", "decreases", "measures",
                   "detects", "indicates", "stores", "harms", "rarely_harms", "stabilizes", "mimics", "protects",
                   "needed_for", "prevents")
CLAIMKB_ENUM_NAMES(Polarity, "asserts", "denies", "reports")
CLAIMKB_ENUM_NAMES(Agreement, "agrees", "disagrees", "unsettled", "no_stance")
CLAIMKB_ENUM_NAMES(Diagnostic::Severity, "error", "warning")
CLAIMKB_ENUM_NAMES(Diagnostic::Code, "", "invalid_kb", "io", "damaged_snapshot", "other_version", "too_large",
                   "not_found", "bad_argument", "out_of_memory", "internal", "warning")

#undef CLAIMKB_ENUM_NAMES

template <class E>
constexpr std::string_view enum_name(E e) {
  const auto i = static_cast<std::size_t>(e);
  return i < EnumNames<E>::size ? EnumNames<E>::names[i] : std::string_view();
}

template <class E>
constexpr std::optional<E> parse_enum(std::string_view s) {
  if (s.empty()) return std::nullopt;
  for (std::size_t i = 0; i < EnumNames<E>::size; ++i) {
    if (EnumNames<E>::names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

// True when `i` is the value of some E (for decoding untrusted bytes).
template <class E>
constexpr bool valid_enum(std::size_t i) {
  return i < EnumNames<E>::size && !EnumNames<E>::names[i].empty();
}

}  // namespace claimkb::detail
