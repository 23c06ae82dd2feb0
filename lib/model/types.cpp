// to_string() and parse_*() of claimkb/types.hpp, over the name tables of
// model/enums.hpp.
#include "claimkb/types.hpp"

#include "model/enums.hpp"

namespace claimkb {

std::string_view to_string(Design v) { return detail::enum_name(v); }
std::string_view to_string(Pooled v) { return detail::enum_name(v); }
std::string_view to_string(Stance v) { return detail::enum_name(v); }
std::string_view to_string(Directness v) { return detail::enum_name(v); }
std::string_view to_string(RiskOfBias v) { return detail::enum_name(v); }
std::string_view to_string(Effect v) { return detail::enum_name(v); }
std::string_view to_string(Certainty v) { return detail::enum_name(v); }
std::string_view to_string(Concern v) { return detail::enum_name(v); }
std::string_view to_string(Verdict v) { return detail::enum_name(v); }
std::string_view to_string(Relation v) { return detail::enum_name(v); }
std::string_view to_string(Diagnostic::Code v) { return detail::enum_name(v); }
std::string_view to_string(Polarity v) { return detail::enum_name(v); }
std::string_view to_string(Agreement v) { return detail::enum_name(v); }

std::optional<Design> parse_design(std::string_view s) { return detail::parse_enum<Design>(s); }
std::optional<Pooled> parse_pooled(std::string_view s) { return detail::parse_enum<Pooled>(s); }
std::optional<Stance> parse_stance(std::string_view s) { return detail::parse_enum<Stance>(s); }
std::optional<Directness> parse_directness(std::string_view s) { return detail::parse_enum<Directness>(s); }
std::optional<RiskOfBias> parse_risk_of_bias(std::string_view s) { return detail::parse_enum<RiskOfBias>(s); }
std::optional<Effect> parse_effect(std::string_view s) { return detail::parse_enum<Effect>(s); }
std::optional<Certainty> parse_certainty(std::string_view s) { return detail::parse_enum<Certainty>(s); }
std::optional<Concern> parse_concern(std::string_view s) { return detail::parse_enum<Concern>(s); }
std::optional<Verdict> parse_verdict(std::string_view s) { return detail::parse_enum<Verdict>(s); }
std::optional<Relation> parse_relation(std::string_view s) { return detail::parse_enum<Relation>(s); }

// Where the evidence of each design starts (docs/grading.md, "Designs").
int starting_tier(Design design, std::optional<Pooled> of) {
  switch (design) {
    case Design::systematic_review:
      if (!of) return 0;  // invalid in a loaded KB: `of` is required
      return *of == Pooled::randomized ? 4 : *of == Pooled::mixed ? 3 : 2;
    case Design::rct: return 4;
    case Design::non_randomized_trial:
    case Design::cohort:
    case Design::case_control:
    case Design::cross_sectional: return 2;
    case Design::case_series:
    case Design::case_report:
    case Design::laboratory: return 1;
    default: return 0;
  }
}

bool is_empirical(Design design) { return static_cast<int>(design) <= static_cast<int>(Design::laboratory); }

}  // namespace claimkb
