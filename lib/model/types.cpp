// Names of the enumerations: one table per enum, indexed by the enum's value.
#include "claimkb/types.hpp"

#include <array>


namespace claimkb {
namespace {

template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 14> kDesigns = {
    "systematic_review", "rct", "non_randomized_trial", "cohort", "case_control",
    "cross_sectional", "case_series", "case_report", "laboratory",
    "narrative_review", "expert_opinion", "guideline", "book", "web"};
constexpr std::array<std::string_view, 3> kPooled = {"randomized", "mixed", "observational"};
constexpr std::array<std::string_view, 3> kStances = {"supports", "refutes", "neutral"};
constexpr std::array<std::string_view, 2> kDirectness = {"direct", "indirect"};
constexpr std::array<std::string_view, 5> kRisks = {"low", "some_concerns", "high",
                                                    "critical", "unclear"};
constexpr std::array<std::string_view, 4> kEffects = {"small", "moderate", "large",
                                                      "very_large"};
// Certainty and Concern start at 1; slot 0 is unused.
constexpr std::array<std::string_view, 5> kCertainties = {"", "very_low", "low", "moderate",
                                                          "high"};
constexpr std::array<std::string_view, 3> kConcerns = {"", "serious", "very_serious"};
constexpr std::array<std::string_view, 4> kVerdicts = {"supported", "refuted", "mixed",
                                                       "insufficient"};

}  // namespace

std::string_view to_string(Design v) { return kDesigns[static_cast<int>(v)]; }
std::string_view to_string(Pooled v) { return kPooled[static_cast<int>(v)]; }
std::string_view to_string(Stance v) { return kStances[static_cast<int>(v)]; }
std::string_view to_string(Directness v) { return kDirectness[static_cast<int>(v)]; }
std::string_view to_string(RiskOfBias v) { return kRisks[static_cast<int>(v)]; }
std::string_view to_string(Effect v) { return kEffects[static_cast<int>(v)]; }
std::string_view to_string(Certainty v) { return kCertainties[static_cast<int>(v)]; }
std::string_view to_string(Concern v) { return kConcerns[static_cast<int>(v)]; }
std::string_view to_string(Verdict v) { return kVerdicts[static_cast<int>(v)]; }

std::optional<Design> parse_design(std::string_view s) { return find_name<Design>(kDesigns, s); }
std::optional<Pooled> parse_pooled(std::string_view s) { return find_name<Pooled>(kPooled, s); }
std::optional<Stance> parse_stance(std::string_view s) { return find_name<Stance>(kStances, s); }
std::optional<Directness> parse_directness(std::string_view s) {
  return find_name<Directness>(kDirectness, s);
}
std::optional<RiskOfBias> parse_risk_of_bias(std::string_view s) {
  return find_name<RiskOfBias>(kRisks, s);
}
std::optional<Effect> parse_effect(std::string_view s) { return find_name<Effect>(kEffects, s); }
std::optional<Certainty> parse_certainty(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return find_name<Certainty>(kCertainties, s);
}
std::optional<Concern> parse_concern(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return find_name<Concern>(kConcerns, s);
}
std::optional<Verdict> parse_verdict(std::string_view s) {
  return find_name<Verdict>(kVerdicts, s);
}

// SPEC §2.
int starting_tier(Design design, std::optional<Pooled> of) {
  switch (design) {
    case Design::systematic_review:
      if (!of) return 0;  // invalid in a loaded KB: `of` is required
      return *of == Pooled::randomized ? 4 : *of == Pooled::mixed ? 3 : 2;
    case Design::rct:
      return 4;
    case Design::non_randomized_trial:
    case Design::cohort:
    case Design::case_control:
    case Design::cross_sectional:
      return 2;
    case Design::case_series:
    case Design::case_report:
    case Design::laboratory:
      return 1;
    default:
      return 0;
  }
}

bool is_empirical(Design design) {
  return static_cast<int>(design) <= static_cast<int>(Design::laboratory);
}

}  // namespace claimkb
