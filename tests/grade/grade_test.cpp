// docs/grading.md, one rule at a time. Every expected value is worked out by hand in the
// comment above it: tier (§2), then each downgrade/upgrade, then direction.
#include <doctest/doctest.h>

#include <algorithm>

#include "grade/grade_fixture.hpp"

using namespace claimkb;
using claimkb::test::ClaimBuilder;

namespace {

bool has_reason(const Grade& g, const std::string& text) {
  return std::any_of(g.reasons.begin(), g.reasons.end(),
                     [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

void check(const Grade& g, Verdict v, std::optional<Certainty> c) {
  CHECK(g.verdict == v);
  CHECK(g.certainty == c);
}

}  // namespace

TEST_CASE("§3.1 which links count") {
  ClaimBuilder b;
  b.cite("rct", Design::rct, 500);
  b.cite("web", Design::web, 0);
  b.cite("neutral", Design::cohort, 900);
  b.cite("gone", Design::rct, 5000).retracted = Retraction{"2020-01-02", "10.1000/retraction"};
  b.link("rct", Stance::supports);
  b.link("web", Stance::refutes);      // opinion: listed, never counted
  b.link("neutral", Stance::neutral);  // neutral: listed, never counted
  b.link("gone", Stance::refutes);     // retracted: listed, not counted, warned
  const Grade g = b.grade();
  // Only the RCT counts: one body, high (4), n 500 >= 400 → supported, high.
  check(g, Verdict::supported, Certainty::high);
  CHECK(g.links[0].counted);
  CHECK_FALSE(g.links[1].counted);
  CHECK_FALSE(g.links[2].counted);
  CHECK_FALSE(g.links[3].counted);
  REQUIRE(g.warnings.size() == 1);
  CHECK(g.warnings[0].find("gone: retracted 2020-01-02") == 0);
}

TEST_CASE("§2 starting tiers") {
  CHECK(starting_tier(Design::systematic_review, Pooled::randomized) == 4);
  CHECK(starting_tier(Design::systematic_review, Pooled::mixed) == 3);
  CHECK(starting_tier(Design::systematic_review, Pooled::observational) == 2);
  CHECK(starting_tier(Design::rct, std::nullopt) == 4);
  for (Design d : {Design::non_randomized_trial, Design::cohort, Design::case_control, Design::cross_sectional}) {
    CHECK(starting_tier(d, std::nullopt) == 2);
  }
  for (Design d : {Design::case_series, Design::case_report, Design::laboratory}) {
    CHECK(starting_tier(d, std::nullopt) == 1);
  }
  for (Design d : {Design::narrative_review, Design::expert_opinion, Design::guideline, Design::book, Design::web}) {
    CHECK(starting_tier(d, std::nullopt) == 0);
    CHECK_FALSE(is_empirical(d));
  }
}

TEST_CASE("§3.2 a body is rated on its best tier only") {
  ClaimBuilder b;
  b.cite("rct", Design::rct, 450);
  b.cite("cohort", Design::cohort, 10, RiskOfBias::critical);
  b.link("rct", Stance::refutes);
  b.link("cohort", Stance::refutes);
  const Grade g = b.grade();
  // The cohort (tier 2) is listed, not rated; its critical risk and tiny n do not
  // matter. The RCT alone: 4, n 450 → refuted, high.
  check(g, Verdict::refuted, Certainty::high);
  CHECK(g.links[0].rated);
  CHECK(g.links[1].counted);
  CHECK_FALSE(g.links[1].rated);
  CHECK(has_reason(g, "1 lower-tier listed, not rated"));
}

TEST_CASE("§3.3 risk of bias") {
  SUBCASE("more than half critical: -2") {
    ClaimBuilder b;
    b.cite("a", Design::rct, 200, RiskOfBias::critical);
    b.cite("b", Design::rct, 200, RiskOfBias::critical);
    b.cite("c", Design::rct, 200, RiskOfBias::low);
    for (const auto* id : {"a", "b", "c"}) b.link(id, Stance::supports);
    // 2 of 3 critical → -2; n 600 → no imprecision. 4 - 2 = 2, low.
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::low);
    CHECK(has_reason(g, "supports: -2 risk of bias: 2 of 3 links at critical risk"));
  }
  SUBCASE("more than half high or critical: -1") {
    ClaimBuilder b;
    b.cite("a", Design::rct, 200, RiskOfBias::critical);
    b.cite("b", Design::rct, 200, RiskOfBias::high);
    b.cite("c", Design::rct, 200, RiskOfBias::low);
    for (const auto* id : {"a", "b", "c"}) b.link(id, Stance::supports);
    // 1 of 3 critical (not > half); 2 of 3 high-or-critical → -1. 4 - 1 = 3.
    check(b.grade(), Verdict::supported, Certainty::moderate);
  }
  SUBCASE("exactly half is not more than half") {
    ClaimBuilder b;
    b.cite("a", Design::rct, 200, RiskOfBias::high);
    b.cite("b", Design::rct, 200, RiskOfBias::low);
    b.link("a", Stance::supports);
    b.link("b", Stance::supports);
    // 1 of 2 high: no downgrade. n 400 is not < 400. Stays 4.
    check(b.grade(), Verdict::supported, Certainty::high);
  }
  SUBCASE("a link's risk of bias overrides its citation's") {
    ClaimBuilder b;
    b.cite("a", Design::rct, 500, RiskOfBias::low);
    b.link("a", Stance::supports).risk_of_bias = RiskOfBias::high;
    // 1 of 1 high → -1: 3.
    check(b.grade(), Verdict::supported, Certainty::moderate);
  }
  SUBCASE("unclear and some concerns never downgrade") {
    ClaimBuilder b;
    b.cite("a", Design::rct, 500, RiskOfBias::unclear);
    b.cite("b", Design::rct, 500, RiskOfBias::some_concerns);
    b.link("a", Stance::supports);
    b.link("b", Stance::supports);
    check(b.grade(), Verdict::supported, Certainty::high);
  }
}

TEST_CASE("§3.3 indirectness: only when every rated link is indirect") {
  ClaimBuilder b;
  b.cite("a", Design::rct, 500);
  b.cite("b", Design::rct, 500);
  b.link("a", Stance::supports).directness = Directness::indirect;
  SUBCASE("all indirect: -1") {
    b.link("b", Stance::supports).directness = Directness::indirect;
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::moderate);  // 4 - 1
    CHECK(has_reason(g, "supports: -1 indirectness: all 2 links are indirect"));
  }
  SUBCASE("one direct link: no downgrade") {
    b.link("b", Stance::supports);
    check(b.grade(), Verdict::supported, Certainty::high);
  }
}

TEST_CASE("§3.3 imprecision: total n below 400, a missing n counting 0") {
  ClaimBuilder b;
  b.cite("a", Design::rct, 112);
  b.cite("b", Design::rct, 100);
  b.link("a", Stance::refutes);
  b.link("b", Stance::refutes);
  SUBCASE("212 participants") {
    const Grade g = b.grade();
    check(g, Verdict::refuted, Certainty::moderate);  // 4 - 1
    CHECK(has_reason(g, "refutes: -1 imprecision: 212 participants < 400"));
  }
  SUBCASE("a missing n adds nothing") {
    b.cite("c", Design::rct, 0).n.reset();
    b.link("c", Stance::refutes);
    check(b.grade(), Verdict::refuted, Certainty::moderate);
  }
  SUBCASE("400 exactly is enough") {
    b.cite("c", Design::rct, 188);
    b.link("c", Stance::refutes);
    check(b.grade(), Verdict::refuted, Certainty::high);
  }
}

TEST_CASE("§3.3 publication bias: any suspected link") {
  ClaimBuilder b;
  b.cite("a", Design::rct, 300);
  b.cite("b", Design::rct, 300);
  b.link("a", Stance::supports);
  b.link("b", Stance::supports).publication_bias = true;
  const Grade g = b.grade();
  check(g, Verdict::supported, Certainty::moderate);  // 4 - 1; n 600
  CHECK(has_reason(g, "-1 publication bias: suspected for b"));
}

TEST_CASE("§3.3 downgrades add up and clamp at very low") {
  ClaimBuilder b;
  b.cite("a", Design::cohort, 50, RiskOfBias::critical);
  auto& l = b.link("a", Stance::supports);
  l.directness = Directness::indirect;
  l.publication_bias = true;
  // 2 - 2 (critical) - 1 (indirect) - 1 (n 50) - 1 (pub bias) = -3 → clamp 1.
  const Grade g = b.grade();
  check(g, Verdict::supported, Certainty::very_low);
  CHECK(has_reason(g, "level clamped to very_low"));
}

TEST_CASE("§3.3 upgrades for low and very low evidence") {
  SUBCASE("every effect large: +1") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 300);
    b.cite("b", Design::cohort, 300);
    b.link("a", Stance::supports).effect = Effect::large;
    b.link("b", Stance::supports).effect = Effect::very_large;
    // 2, n 600, no downgrade; all ≥ large (not all very large) → +1 = 3.
    check(b.grade(), Verdict::supported, Certainty::moderate);
  }
  SUBCASE("every effect very large: +2") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 500);
    b.link("a", Stance::supports).effect = Effect::very_large;
    check(b.grade(), Verdict::supported, Certainty::high);  // 2 + 2
  }
  SUBCASE("one moderate effect: no upgrade") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 300);
    b.cite("b", Design::cohort, 300);
    b.link("a", Stance::supports).effect = Effect::large;
    b.link("b", Stance::supports).effect = Effect::moderate;
    check(b.grade(), Verdict::supported, Certainty::low);
  }
  SUBCASE("dose-response: +1, adding to a large effect") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 500);
    auto& l = b.link("a", Stance::supports);
    l.effect = Effect::large;
    l.dose_response = true;
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::high);  // 2 + 1 + 1
    CHECK(has_reason(g, "+1 dose-response"));
  }
  SUBCASE("no upgrade after a downgrade") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 100);  // n < 400: -1
    b.link("a", Stance::supports).effect = Effect::very_large;
    check(b.grade(), Verdict::supported, Certainty::very_low);  // 2 - 1, no +2
  }
  SUBCASE("no upgrade for moderate or high tiers") {
    ClaimBuilder b;
    b.cite("a", Design::systematic_review, 900).of = Pooled::mixed;
    b.link("a", Stance::supports).effect = Effect::very_large;
    check(b.grade(), Verdict::supported, Certainty::moderate);  // stays 3
  }
}

TEST_CASE("§3.3 a link with the source's own grading is rated alone") {
  SUBCASE("reported certainty is its level") {
    ClaimBuilder b;
    b.cite("cochrane", Design::systematic_review, 3096);
    b.link("cochrane", Stance::supports).reported_certainty = Certainty::low;
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::low);
    CHECK(has_reason(g, "cochrane rated alone from its reported certainty: low"));
  }
  SUBCASE("reported domains apply to its tier") {
    ClaimBuilder b;
    b.cite("cochrane", Design::systematic_review, 3096);
    ReportedDomains d;
    d.risk_of_bias = Concern::serious;
    d.imprecision = Concern::very_serious;
    b.link("cochrane", Stance::supports).reported_domains = d;
    // 4 - 1 - 2 = 1.
    check(b.grade(), Verdict::supported, Certainty::very_low);
  }
  SUBCASE("reported domains may upgrade any tier, clamped to high") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 100);
    ReportedDomains d;
    d.large_effect = 2;
    b.link("sr", Stance::supports).reported_domains = d;
    check(b.grade(), Verdict::supported, Certainty::high);  // 4 + 2 → clamp 4
  }
  SUBCASE("certainty and domains disagree: the certainty stands, with a warning") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 3000);
    auto& l = b.link("sr", Stance::supports);
    l.reported_certainty = Certainty::moderate;
    ReportedDomains d;
    d.risk_of_bias = Concern::very_serious;  // 4 - 2 = low
    l.reported_domains = d;
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::moderate);
    REQUIRE(g.warnings.size() == 1);
    CHECK(g.warnings[0] ==
          "sr: reported certainty moderate differs from its reported domains (low); "
          "the reported certainty stands");
  }
  SUBCASE("the body takes the highest of the reported and group levels") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 3000);
    b.cite("rct", Design::rct, 100);
    b.link("sr", Stance::supports).reported_certainty = Certainty::low;
    b.link("rct", Stance::supports);
    // Reported: low (2). Group {rct}: 4, n 100 → 3. Body: max = 3. The reported
    // review's own n does not rescue the group from imprecision.
    check(b.grade(), Verdict::supported, Certainty::moderate);
  }
}

TEST_CASE("§3.4 direction") {
  SUBCASE("neither body: insufficient, saying who asserts it") {
    ClaimBuilder b;
    b.cite("blog", Design::web, 0);
    b.assert_by("blog");
    const Grade g = b.grade();
    check(g, Verdict::insufficient, std::nullopt);
    CHECK(has_reason(g, "asserted only by opinion or provenance sources (blog)"));
  }
  SUBCASE("nobody asserts it") {
    ClaimBuilder b;
    CHECK(has_reason(b.grade(), "no source asserts it"));
  }
  SUBCASE("S >= R + 2: supported at S, counter-evidence noted") {
    ClaimBuilder b;
    b.cite("rct", Design::rct, 500);
    b.cite("cohort", Design::cohort, 500);
    b.link("rct", Stance::supports);    // S = 4
    b.link("cohort", Stance::refutes);  // R = 2
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::high);
    CHECK(has_reason(g, "counter-evidence noted"));
  }
  SUBCASE("R = S + 1: refuted at R - 1") {
    ClaimBuilder b;
    b.cite("rct", Design::rct, 500);
    b.cite("sr", Design::systematic_review, 500).of = Pooled::mixed;
    b.link("rct", Stance::refutes);  // R = 4
    b.link("sr", Stance::supports);  // S = 3
    check(b.grade(), Verdict::refuted, Certainty::moderate);
  }
  SUBCASE("S = R, one side with twice the rated links (and at least 2) wins at S - 1") {
    ClaimBuilder b;
    for (const auto* id : {"s1", "s2", "r1"}) b.cite(id, Design::rct, 500);
    b.link("s1", Stance::supports);
    b.link("s2", Stance::supports);
    b.link("r1", Stance::refutes);
    // S = R = 4; 2 supporting >= 2 x 1 refuting, and 2 >= 2 → supported at 3.
    check(b.grade(), Verdict::supported, Certainty::moderate);
  }
  SUBCASE("S = R without a clear majority: mixed at S - 1") {
    ClaimBuilder b;
    for (const auto* id : {"s1", "s2", "r1", "r2"}) b.cite(id, Design::rct, 500);
    b.link("s1", Stance::supports);
    b.link("s2", Stance::supports);
    b.link("r1", Stance::refutes);
    b.link("r2", Stance::refutes);
    check(b.grade(), Verdict::mixed, Certainty::moderate);
  }
  SUBCASE("S = R with one link each: mixed") {
    ClaimBuilder b;
    b.cite("s", Design::cohort, 500);
    b.cite("r", Design::cohort, 500);
    b.link("s", Stance::supports);
    b.link("r", Stance::refutes);
    check(b.grade(), Verdict::mixed, Certainty::very_low);  // 2 - 1
  }
  SUBCASE("S = R = very low: clamped to very low") {
    ClaimBuilder b;
    for (const auto* id : {"s1", "s2", "r1"}) b.cite(id, Design::case_report, 1);
    b.link("s1", Stance::supports);
    b.link("s2", Stance::supports);
    b.link("r1", Stance::refutes);
    // Each body: 1 - 1 (n < 400) → clamp 1. Tie at 1; 2 vs 1 → supported at
    // max(1 - 1, 1) = very low.
    check(b.grade(), Verdict::supported, Certainty::very_low);
  }
}

TEST_CASE("§3.5 premises") {
  auto supported_high = [](ClaimBuilder& b) {
    b.cite("rct", Design::rct, 500);
    b.link("rct", Stance::supports);  // own evidence: supported, high
  };
  SUBCASE("a refuted premise refutes the claim at the premise's certainty") {
    ClaimBuilder b;
    supported_high(b);
    b.premise("p", Verdict::refuted, Certainty::low);
    const Grade g = b.grade();
    check(g, Verdict::refuted, Certainty::low);
    CHECK(has_reason(g, "premise p is refuted (low): refuted at low"));
  }
  SUBCASE("of several refuted premises, the most certain refutation decides") {
    ClaimBuilder b;
    b.premise("p", Verdict::refuted, Certainty::low);
    b.premise("q", Verdict::refuted, Certainty::moderate);
    // No own evidence; a refuted premise still refutes (§3.5, third rule).
    check(b.grade(), Verdict::refuted, Certainty::moderate);
  }
  SUBCASE("a supported claim is capped by each premise") {
    ClaimBuilder b;
    supported_high(b);
    b.premise("p", Verdict::supported, Certainty::moderate);
    b.premise("q", Verdict::mixed, Certainty::low);
    check(b.grade(), Verdict::supported, Certainty::low);
  }
  SUBCASE("an insufficient premise caps at very low") {
    ClaimBuilder b;
    supported_high(b);
    b.premise("p", Verdict::insufficient, std::nullopt);
    check(b.grade(), Verdict::supported, Certainty::very_low);
  }
  SUBCASE("a refuted claim is not capped") {
    ClaimBuilder b;
    b.cite("rct", Design::rct, 500);
    b.link("rct", Stance::refutes);
    b.premise("p", Verdict::insufficient, std::nullopt);
    check(b.grade(), Verdict::refuted, Certainty::high);
  }
  SUBCASE("premises alone never support a claim") {
    ClaimBuilder b;
    b.premise("p", Verdict::supported, Certainty::high);
    check(b.grade(), Verdict::insufficient, std::nullopt);
  }
}

TEST_CASE("§3.6 summaries use GRADE's words") {
  CHECK(summary(Verdict::supported, Certainty::high) == "The evidence supports this claim.");
  CHECK(summary(Verdict::supported, Certainty::moderate) == "This claim is probably true.");
  CHECK(summary(Verdict::refuted, Certainty::low) == "This claim may be false.");
  CHECK(summary(Verdict::refuted, Certainty::very_low).find("very uncertain") != std::string_view::npos);
  CHECK(summary(Verdict::insufficient, std::nullopt) == "There is not enough evidence to judge this claim.");
}

// docs/grading.md §2, each group of participants once. Each case is built so that
// counting every link would give another level: the comment works out both.
TEST_CASE("§2 a study that a review linked with the same stance pooled is listed, not counted") {
  ClaimBuilder b;
  b.cite("sr", Design::systematic_review, 300).includes = {"rct1"};
  b.cite("rct1", Design::rct, 200);
  b.link("sr", Stance::supports);
  SUBCASE("the same stance: the review alone") {
    b.link("rct1", Stance::supports);
    // sr alone: tier 4, n 300 < 400 → 3. (Counting rct1 too: n 500 → 4.)
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::moderate);
    CHECK(g.links[0].counted);
    CHECK_FALSE(g.links[1].counted);
    CHECK_FALSE(g.links[1].rated);
    REQUIRE(g.reasons.size() >= 2);
    CHECK(g.reasons[0] == "supports: rct1 listed, not counted: included in sr");
    CHECK(g.reasons[1] == "supports: 1 counted link; best tier high: 1 rated");
    CHECK(g.warnings.empty());
  }
  SUBCASE("opposite stances: both count, with a warning") {
    b.link("rct1", Stance::refutes);
    // S: sr, n 300 → 3. R: rct1, n 200 → 3. Tie, 1 vs 1 rated → mixed at 2.
    const Grade g = b.grade();
    check(g, Verdict::mixed, Certainty::low);
    CHECK(g.links[1].counted);
    REQUIRE(g.warnings.size() == 1);
    CHECK(g.warnings[0] == "rct1: included in sr, but rct1 refutes and sr supports; both count");
  }
}

TEST_CASE("§2 only a counted review sets its studies aside") {
  ClaimBuilder b;
  Citation& sr = b.cite("sr", Design::systematic_review, 3000);
  sr.includes = {"rct1"};
  b.cite("rct1", Design::rct, 200);
  SUBCASE("retracted") {
    sr.retracted = Retraction{"2021-01-01", "10.1/r"};
    b.link("sr", Stance::supports);
  }
  SUBCASE("neutral") { b.link("sr", Stance::neutral); }
  b.link("rct1", Stance::supports);
  // rct1 counts alone: tier 4, n 200 → 3. (Set aside, nothing would count: insufficient.)
  const Grade g = b.grade();
  check(g, Verdict::supported, Certainty::moderate);
  CHECK(g.links[1].counted);
}

TEST_CASE("§2 a review pools every report of the participants it includes") {
  ClaimBuilder b;
  b.cite("sr", Design::systematic_review, 300).includes = {"rct1"};
  b.cite("rct1", Design::rct, 200);  // not linked
  b.cite("rct1-followup", Design::rct, 200).same_sample_as = "rct1";
  b.link("sr", Stance::supports);
  b.link("rct1-followup", Stance::supports);
  // The follow-up reports rct1's participants, which sr pooled: sr alone, n 300 → 3.
  // (Counted beside it: n 500 → 4.)
  const Grade g = b.grade();
  check(g, Verdict::supported, Certainty::moderate);
  CHECK(g.reasons[0] == "supports: rct1-followup listed, not counted: included in sr");
}

TEST_CASE("§2 a review set aside still pools what it includes") {
  ClaimBuilder b;
  b.cite("umbrella", Design::systematic_review, 350).includes = {"sr"};
  b.cite("sr", Design::systematic_review, 200).includes = {"rct1"};
  b.cite("rct1", Design::rct, 200);
  b.link("rct1", Stance::refutes);
  b.link("sr", Stance::refutes);
  b.link("umbrella", Stance::refutes);
  // sr is in umbrella, rct1 in sr (and so in umbrella): umbrella alone, n 350 → 3.
  // (Were only counted reviews to set studies aside, rct1 would count: n 550 → 4.)
  const Grade g = b.grade();
  check(g, Verdict::refuted, Certainty::moderate);
  REQUIRE(g.reasons.size() >= 3);
  CHECK(g.reasons[0] == "refutes: rct1 listed, not counted: included in sr");
  CHECK(g.reasons[1] == "refutes: sr listed, not counted: included in umbrella");
  CHECK(g.reasons[2] == "refutes: 1 counted link; best tier high: 1 rated");
}

TEST_CASE("§2 reports of the same participants with one stance count once") {
  SUBCASE("the largest n of the highest tier, through a chain") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 300);
    b.cite("b", Design::cohort, 250).same_sample_as = "a";
    b.cite("c", Design::cohort, 50).same_sample_as = "b";
    b.link("b", Stance::supports);
    b.link("c", Stance::supports);
    b.link("a", Stance::supports);
    // All tier 2; a has the largest n and counts alone: 300 < 400 → 2 - 1 = 1.
    // (All three: n 600 → 2.)
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::very_low);
    CHECK_FALSE(g.links[0].counted);
    CHECK_FALSE(g.links[1].counted);
    CHECK(g.links[2].counted);
    REQUIRE(g.reasons.size() >= 3);
    CHECK(g.reasons[0] == "supports: b listed, not counted: same sample as a");
    CHECK(g.reasons[1] == "supports: c listed, not counted: same sample as a");
    CHECK(g.reasons[2] == "supports: 1 counted link; best tier low: 1 rated");
  }
  SUBCASE("the design that starts highest before the larger n") {
    ClaimBuilder b;
    b.cite("trial", Design::rct, 100);
    b.cite("registry", Design::cohort, 5000).same_sample_as = "trial";
    b.link("registry", Stance::refutes);
    b.link("trial", Stance::refutes);
    // trial (tier 4) counts: n 100 → 3. (registry instead: tier 2, n 5000 → 2.)
    const Grade g = b.grade();
    check(g, Verdict::refuted, Certainty::moderate);
    CHECK(has_reason(g, "refutes: registry listed, not counted: same sample as trial"));
  }
  SUBCASE("a missing n is 0; a tie goes to the first listed") {
    ClaimBuilder b;
    b.cite("a", Design::rct, 0).n.reset();
    b.cite("b", Design::rct, 0).same_sample_as = "a";
    b.cite("c", Design::rct, 0).same_sample_as = "a";
    b.link("a", Stance::supports);
    b.link("b", Stance::supports);
    b.link("c", Stance::supports);
    // n: a missing (0), b 0, c 0: a tie, so a, listed first, counts; 0 < 400 → 3.
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::moderate);
    CHECK(g.reasons[0] == "supports: b listed, not counted: same sample as a");
    CHECK(g.reasons[1] == "supports: c listed, not counted: same sample as a");
  }
  SUBCASE("joined through a citation the claim does not link") {
    ClaimBuilder b;
    b.cite("main", Design::cohort, 300);
    b.cite("x", Design::cohort, 300).same_sample_as = "main";
    b.cite("y", Design::cohort, 200).same_sample_as = "main";
    b.link("x", Stance::supports);
    b.link("y", Stance::supports);
    // x and y both report main's participants: x (n 300) alone → 2 - 1 = 1.
    // (Both: n 500 → 2.)
    check(b.grade(), Verdict::supported, Certainty::very_low);
  }
  SUBCASE("a retracted report leaves the other to count") {
    ClaimBuilder b;
    b.cite("a", Design::cohort, 900).retracted = Retraction{"2020-01-01", "10.1/r"};
    b.cite("b", Design::cohort, 500).same_sample_as = "a";
    b.link("a", Stance::supports);
    b.link("b", Stance::supports);
    // a is not counted (retracted), so b counts: n 500 → 2.
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::low);
    CHECK(g.links[1].counted);
  }
}

TEST_CASE("§2 the same participants linked with opposite stances count on both sides, with a warning") {
  ClaimBuilder b;
  b.cite("a", Design::cohort, 500);
  b.cite("a2", Design::cohort, 100).same_sample_as = "a";
  b.cite("b", Design::cohort, 500).same_sample_as = "a";
  b.link("a", Stance::supports);
  b.link("b", Stance::refutes);
  b.link("a2", Stance::supports);
  // supports: a and a2, one sample → a (n 500) → 2. refutes: b, n 500 → 2.
  // Tie, 1 vs 1 rated → mixed at 1. (Without the rule: 2 vs 1 → supported at 1.)
  const Grade g = b.grade();
  check(g, Verdict::mixed, Certainty::very_low);
  CHECK(g.links[0].counted);
  CHECK(g.links[1].counted);
  CHECK_FALSE(g.links[2].counted);
  REQUIRE(g.warnings.size() == 1);
  CHECK(g.warnings[0] == "a: same sample as b, but a supports and b refutes; both count");
}

TEST_CASE("§4a a link with its source's grading, itself indirect, loses one more level") {
  SUBCASE("reported certainty") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 3000);
    auto& l = b.link("sr", Stance::refutes);
    l.reported_certainty = Certainty::moderate;
    l.directness = Directness::indirect;
    // 3 - 1 = 2.
    const Grade g = b.grade();
    check(g, Verdict::refuted, Certainty::low);
    CHECK(g.reasons == std::vector<std::string>{"refutes: 1 counted link; best tier high: 1 rated",
                                                "refutes: sr rated alone from its reported certainty: moderate",
                                                "refutes: -1 indirectness: sr graded a different question",
                                                "refutes: rated low",
                                                "direction: only refuting evidence: refuted at low"});
  }
  SUBCASE("reported domains") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 3000);
    auto& l = b.link("sr", Stance::supports);
    ReportedDomains d;
    d.risk_of_bias = Concern::serious;
    l.reported_domains = d;
    l.directness = Directness::indirect;
    // 4 - 1 (risk of bias) = 3, then - 1 = 2.
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::low);
    CHECK(has_reason(g, "supports: sr rated alone from its reported domains: high -1 risk of bias = moderate"));
    CHECK(has_reason(g, "supports: -1 indirectness: sr graded a different question"));
  }
  SUBCASE("already very low: clamped") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 3000);
    auto& l = b.link("sr", Stance::supports);
    l.reported_certainty = Certainty::very_low;
    l.directness = Directness::indirect;
    // 1 - 1 = 0 → 1.
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::very_low);
    CHECK(has_reason(g, "supports: level clamped to very_low"));
  }
  SUBCASE("a direct reported link keeps its level, and the group is rated apart") {
    ClaimBuilder b;
    b.cite("sr", Design::systematic_review, 3000);
    b.cite("rct", Design::rct, 500);
    b.link("sr", Stance::supports).reported_certainty = Certainty::moderate;
    b.link("rct", Stance::supports).directness = Directness::indirect;
    // sr direct: 3. Group {rct}: 4, all indirect -1 → 3. Body 3; no "graded a
    // different question" line.
    const Grade g = b.grade();
    check(g, Verdict::supported, Certainty::moderate);
    CHECK_FALSE(has_reason(g, "graded a different question"));
    CHECK(has_reason(g, "supports: -1 indirectness: the link is indirect"));
  }
}
