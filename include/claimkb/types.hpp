// claimkb/types.hpp — the enumerations of docs/format.md and docs/grading.md and their names.
//
// Every enum value's name is the exact string used in the YAML files and in JSON
// output. to_string() returns a view of a static string; parse_*() returns nullopt
// for a string that is not a valid name. All functions are thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "claimkb/export.h"

namespace claimkb {

// Study designs (docs/grading.md §1). The first nine are empirical, the last five are opinion.
enum class Design {
  systematic_review,
  rct,
  non_randomized_trial,
  cohort,
  case_control,
  cross_sectional,
  case_series,
  case_report,
  laboratory,
  narrative_review,
  expert_opinion,
  guideline,
  book,
  web,
};

// What a systematic review pooled (the citation's `of` key).
enum class Pooled { randomized, mixed, observational };

enum class Stance { supports, refutes, neutral };
enum class Directness { direct, indirect };
enum class RiskOfBias { low, some_concerns, high, critical, unclear };
enum class Effect { small, moderate, large, very_large };

// GRADE certainty. The numeric value is the level used by the rules (1..4).
enum class Certainty { very_low = 1, low = 2, moderate = 3, high = 4 };

// A GRADE downgrade judgement in `reported_domains`.
enum class Concern { serious = 1, very_serious = 2 };

enum class Verdict { supported, refuted, mixed, insufficient };

// How a claim's subject bears on its object (a claim's `about`, docs/format.md).
enum class Relation {
  causes,
  associated_with,
  predicts,
  relieves,
  increases,
  decreases,
  measures,
  detects,
  indicates,
  stores,
  harms,
  rarely_harms,
  stabilizes,
  mimics,
  protects,
  needed_for,
  prevents,
};

// What a sentence does with a claim (`check`): says it is true, says it is false
// or unsupported, or reports that someone else holds it without taking it on.
enum class Polarity { asserts, denies, reports };

// How what a sentence says stands with the claim's verdict: it agrees or disagrees
// with the evidence, the evidence does not settle it (mixed or insufficient), or
// the sentence takes no side (it reports).
enum class Agreement { agrees, disagrees, unsettled, no_stance };

CLAIMKB_EXPORT std::string_view to_string(Design v);
CLAIMKB_EXPORT std::string_view to_string(Pooled v);
CLAIMKB_EXPORT std::string_view to_string(Stance v);
CLAIMKB_EXPORT std::string_view to_string(Directness v);
CLAIMKB_EXPORT std::string_view to_string(RiskOfBias v);
CLAIMKB_EXPORT std::string_view to_string(Effect v);
CLAIMKB_EXPORT std::string_view to_string(Certainty v);
CLAIMKB_EXPORT std::string_view to_string(Concern v);
CLAIMKB_EXPORT std::string_view to_string(Verdict v);
CLAIMKB_EXPORT std::string_view to_string(Relation v);
CLAIMKB_EXPORT std::string_view to_string(Polarity v);
CLAIMKB_EXPORT std::string_view to_string(Agreement v);

CLAIMKB_EXPORT std::optional<Design> parse_design(std::string_view s);
CLAIMKB_EXPORT std::optional<Pooled> parse_pooled(std::string_view s);
CLAIMKB_EXPORT std::optional<Stance> parse_stance(std::string_view s);
CLAIMKB_EXPORT std::optional<Directness> parse_directness(std::string_view s);
CLAIMKB_EXPORT std::optional<RiskOfBias> parse_risk_of_bias(std::string_view s);
CLAIMKB_EXPORT std::optional<Effect> parse_effect(std::string_view s);
CLAIMKB_EXPORT std::optional<Certainty> parse_certainty(std::string_view s);
CLAIMKB_EXPORT std::optional<Concern> parse_concern(std::string_view s);
CLAIMKB_EXPORT std::optional<Verdict> parse_verdict(std::string_view s);
CLAIMKB_EXPORT std::optional<Relation> parse_relation(std::string_view s);

// The level at which evidence of this design starts (docs/grading.md §1): 4 high .. 1 very
// low, 0 for opinion sources. `of` matters only for a systematic review.
CLAIMKB_EXPORT int starting_tier(Design design, std::optional<Pooled> of);

// True for the designs that are evidence (starting tier 1..4).
CLAIMKB_EXPORT bool is_empirical(Design design);

}  // namespace claimkb
