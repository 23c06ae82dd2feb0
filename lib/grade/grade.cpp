// The verdict rules of docs/grading.md, after GRADE (Guyatt et al., BMJ 2008 and the
// GRADE handbook): evidence starts at the level its design earns and loses or gains
// levels for risk of bias, indirectness, imprecision, publication bias, large effects
// and dose-response. Every rule that changes anything adds one line to `reasons`.
#include "grade/grade.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace claimkb::detail {
namespace {

std::string level_name(int level) { return std::string(to_string(static_cast<Certainty>(std::clamp(level, 1, 4)))); }

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// One stance's links as the rules see them.
struct Body {
  Stance stance;
  std::vector<std::size_t> counted;  // indices into claim.evidence
  std::vector<std::size_t> rated;    // the counted links of the best tier
  // Links whose participants another link of the body already counts, and why.
  std::vector<std::pair<std::size_t, std::string>> set_aside;
  int tier = 0;
  int level = 0;  // 0: no body
};

class Grader {
 public:
  explicit Grader(const GradeInput& in)
      : in_(in), claim_(*in.claim), samples_(in.link_samples), pooled_(in.pooled_samples) {
    const std::size_t n = claim_.evidence.size();
    grade_.links.resize(n);
    if (samples_.size() != n) {  // no groups given: each link its own
      samples_.resize(n);
      for (std::size_t i = 0; i < n; ++i) samples_[i] = static_cast<std::uint32_t>(i);
      pooled_.assign(n, {});
    }
    pooled_.resize(n);
  }

  Grade run() {
    Body supports{Stance::supports, {}, {}, {}, 0, 0};
    Body refutes{Stance::refutes, {}, {}, {}, 0, 0};
    select_counted(supports, refutes);
    rate(supports);
    rate(refutes);
    direction(supports, refutes);
    premises(supports.level > 0 || refutes.level > 0);
    return std::move(grade_);
  }

 private:
  const Citation& cite(std::size_t link) const { return *in_.link_citations[link]; }
  int tier(std::size_t link) const { return starting_tier(cite(link).design, cite(link).of); }
  void reason(const Body& b, const std::string& text) {
    grade_.reasons.push_back(std::string(to_string(b.stance)) + ": " + text);
  }

  Stance stance(std::size_t link) const { return claim_.evidence[link].stance; }
  std::string stance_name(std::size_t link) const { return std::string(to_string(stance(link))); }

  // True when link r is a systematic review that pooled the participants of link i:
  // it includes i's citation, or another report of the same participants.
  bool pools(std::size_t r, std::size_t i) const {
    if (r == i || cite(r).design != Design::systematic_review) return false;
    return std::find(pooled_[r].begin(), pooled_[r].end(), samples_[i]) != pooled_[r].end();
  }

  // Of two links reporting one group of participants, the one that counts: the
  // design that starts highest, then the larger n (a missing n is 0), then the
  // first listed.
  bool better(std::size_t a, std::size_t b) const {
    if (tier(a) != tier(b)) return tier(a) > tier(b);
    const long na = cite(a).n.value_or(0), nb = cite(b).n.value_or(0);
    if (na != nb) return na > nb;
    return a < b;
  }

  // §2: empirical, supports/refutes, not retracted (retractions warn); then each
  // group of participants once: a link that a review linked with the same stance
  // pooled is set aside, and of the links reporting one group with one stance only
  // the best counts. The same participants linked with both stances count on both
  // sides, with a warning.
  void select_counted(Body& supports, Body& refutes) {
    const std::size_t n = claim_.evidence.size();
    std::vector<bool> eligible(n, false);
    for (std::size_t i = 0; i < n; ++i) {
      const Citation& c = cite(i);
      if (c.retracted) {
        warn_retracted(c);
        continue;
      }
      eligible[i] = is_empirical(c.design) && stance(i) != Stance::neutral;
    }
    for (const Citation* c : in_.assertion_citations) {
      if (c->retracted) warn_retracted(*c);
    }
    // A review set aside itself still pooled what it includes: a study pooled by a
    // review that a larger review pooled is in the larger one too.
    std::vector<std::string> why(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t r = 0; r < n && eligible[i]; ++r) {
        if (eligible[r] && stance(r) == stance(i) && pools(r, i)) {
          why[i] = "included in " + cite(r).id;
          break;
        }
      }
    }
    const std::vector<std::string> pooled = why;
    for (std::size_t i = 0; i < n; ++i) {
      if (!eligible[i] || !pooled[i].empty()) continue;
      std::size_t best = i;
      for (std::size_t j = 0; j < n; ++j) {
        if (eligible[j] && pooled[j].empty() && stance(j) == stance(i) && samples_[j] == samples_[i] &&
            better(j, best)) {
          best = j;
        }
      }
      if (best != i) why[i] = "same sample as " + cite(best).id;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!eligible[i]) continue;
      Body& body = stance(i) == Stance::supports ? supports : refutes;
      if (why[i].empty()) {
        grade_.links[i].counted = true;
        body.counted.push_back(i);
      } else {
        body.set_aside.emplace_back(i, why[i]);
      }
    }
    auto counted = [&](std::size_t i) { return grade_.links[i].counted; };
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n && counted(i); ++j) {
        if (counted(j) && samples_[j] == samples_[i] && stance(j) != stance(i)) {
          grade_.warnings.push_back(cite(i).id + ": same sample as " + cite(j).id + ", but " + cite(i).id + " " +
                                    stance_name(i) + " and " + cite(j).id + " " + stance_name(j) + "; both count");
        }
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t r = 0; r < n && counted(i); ++r) {
        if (counted(r) && stance(r) != stance(i) && pools(r, i)) {
          grade_.warnings.push_back(cite(i).id + ": included in " + cite(r).id + ", but " + cite(i).id + " " +
                                    stance_name(i) + " and " + cite(r).id + " " + stance_name(r) + "; both count");
        }
      }
    }
  }

  void warn_retracted(const Citation& c) {
    grade_.warnings.push_back(c.id + ": retracted " + c.retracted->date + " (" + c.retracted->notice +
                              "); not counted");
  }

  // §3 and §4: rate a body on its best tier only, after saying which links it set aside.
  void rate(Body& b) {
    for (const auto& [i, why] : b.set_aside) reason(b, cite(i).id + " listed, not counted: " + why);
    if (b.counted.empty()) return;
    for (std::size_t i : b.counted) b.tier = std::max(b.tier, tier(i));
    for (std::size_t i : b.counted) {
      if (tier(i) == b.tier) {
        b.rated.push_back(i);
        grade_.links[i].rated = true;
      }
    }
    std::string head = plural(b.counted.size(), "counted link") + "; best tier " + level_name(b.tier) + ": " +
                       std::to_string(b.rated.size()) + " rated";
    if (b.rated.size() < b.counted.size()) {
      head += ", " + std::to_string(b.counted.size() - b.rated.size()) + " lower-tier listed, not rated";
    }
    reason(b, head);

    std::vector<std::size_t> group;
    for (std::size_t i : b.rated) {
      const EvidenceLink& l = claim_.evidence[i];
      if (l.reported_certainty || l.reported_domains) {
        b.level = std::max(b.level, rate_reported(b, i));
      } else {
        group.push_back(i);
      }
    }
    if (!group.empty()) b.level = std::max(b.level, rate_group(b, group));
    reason(b, "rated " + level_name(b.level));
  }

  // §4a: a link graded by its own source is rated alone from that grading, one
  // level lower when the question its source graded is not the claim's.
  int rate_reported(const Body& b, std::size_t i) {
    int level = reported_level(b, i);
    if (claim_.evidence[i].directness == Directness::indirect) {
      reason(b, "-1 indirectness: " + cite(i).id + " graded a different question");
      level -= 1;
      if (level < 1) {
        level = 1;
        reason(b, "level clamped to " + level_name(level));
      }
    }
    return level;
  }

  int reported_level(const Body& b, std::size_t i) {
    const EvidenceLink& l = claim_.evidence[i];
    const std::string& id = cite(i).id;
    std::optional<int> from_domains;
    std::string steps;
    if (l.reported_domains) {
      const ReportedDomains& d = *l.reported_domains;
      int level = b.tier;
      const std::pair<const char*, std::optional<Concern>> down[] = {{"risk of bias", d.risk_of_bias},
                                                                     {"inconsistency", d.inconsistency},
                                                                     {"indirectness", d.indirectness},
                                                                     {"imprecision", d.imprecision},
                                                                     {"publication bias", d.publication_bias}};
      for (const auto& [name, concern] : down) {
        if (!concern) continue;
        level -= static_cast<int>(*concern);
        steps += " -" + std::to_string(static_cast<int>(*concern)) + " " + name;
      }
      const std::pair<const char*, int> up[] = {
          {"large effect", d.large_effect}, {"dose-response", d.dose_response}, {"confounding", d.confounding}};
      for (const auto& [name, n] : up) {
        if (n == 0) continue;
        level += n;
        steps += " +" + std::to_string(n) + " " + name;
      }
      from_domains = std::clamp(level, 1, 4);
    }
    if (l.reported_certainty) {
      const int level = static_cast<int>(*l.reported_certainty);
      reason(b, id + " rated alone from its reported certainty: " + level_name(level));
      if (from_domains && *from_domains != level) {
        grade_.warnings.push_back(id + ": reported certainty " + level_name(level) +
                                  " differs from its reported domains (" + level_name(*from_domains) +
                                  "); the reported certainty stands");
      }
      return level;
    }
    reason(b, id + " rated alone from its reported domains: " + level_name(b.tier) + steps + " = " +
                  level_name(*from_domains));
    return *from_domains;
  }

  RiskOfBias risk(std::size_t i) const { return claim_.evidence[i].risk_of_bias.value_or(cite(i).risk_of_bias); }

  // The other rated links, rated together.
  int rate_group(const Body& b, const std::vector<std::size_t>& group) {
    int level = b.tier;
    const std::size_t k = group.size();
    if (k < b.rated.size()) {
      reason(b, plural(k, "other rated link") + " rated together from " + level_name(b.tier));
    }
    bool downgraded = false;

    std::size_t critical = 0, high_or_critical = 0, indirect = 0;
    std::int64_t participants = 0;  // 64 bits even where long has 32
    std::vector<std::string> suspected;
    for (std::size_t i : group) {
      const RiskOfBias r = risk(i);
      if (r == RiskOfBias::critical) ++critical;
      if (r == RiskOfBias::critical || r == RiskOfBias::high) ++high_or_critical;
      if (claim_.evidence[i].directness == Directness::indirect) ++indirect;
      participants += cite(i).n.value_or(0);
      if (claim_.evidence[i].publication_bias) suspected.push_back(cite(i).id);
    }
    const std::string of_k = " of " + plural(k, "link");
    if (2 * critical > k) {
      level -= 2;
      downgraded = true;
      reason(b, "-2 risk of bias: " + std::to_string(critical) + of_k + " at critical risk");
    } else if (2 * high_or_critical > k) {
      level -= 1;
      downgraded = true;
      reason(b, "-1 risk of bias: " + std::to_string(high_or_critical) + of_k + " at high or critical risk");
    }
    if (indirect == k) {
      level -= 1;
      downgraded = true;
      reason(b, "-1 indirectness: " +
                    (k == 1 ? std::string("the link is") : "all " + std::to_string(k) + " links are") + " indirect");
    }
    if (participants < 400) {
      level -= 1;
      downgraded = true;
      reason(b, "-1 imprecision: " + std::to_string(participants) + " participants < 400");
    }
    if (!suspected.empty()) {
      level -= 1;
      downgraded = true;
      std::string ids;
      for (const auto& s : suspected) ids += (ids.empty() ? "" : ", ") + s;
      reason(b, "-1 publication bias: suspected for " + ids);
    }
    if (b.tier <= 2 && !downgraded) level += upgrades(b, group);
    const int clamped = std::clamp(level, 1, 4);
    if (clamped != level) reason(b, "level clamped to " + level_name(clamped));
    return clamped;
  }

  // Large effect and dose-response, for low and very low evidence not downgraded.
  int upgrades(const Body& b, const std::vector<std::size_t>& group) {
    int up = 0;
    bool all_large = true, all_very_large = true, any_dose = false;
    for (std::size_t i : group) {
      const auto& e = claim_.evidence[i].effect;
      all_large = all_large && e && *e >= Effect::large;
      all_very_large = all_very_large && e && *e == Effect::very_large;
      any_dose = any_dose || claim_.evidence[i].dose_response;
    }
    if (all_very_large) {
      up += 2;
      reason(b, "+2 very large effect: every link's effect is very large");
    } else if (all_large) {
      up += 1;
      reason(b, "+1 large effect: every link's effect is large or more");
    }
    if (any_dose) {
      up += 1;
      reason(b, "+1 dose-response gradient");
    }
    return up;
  }

  // §3.4.
  void direction(const Body& s, const Body& r) {
    const int S = s.level, R = r.level;
    if (S == 0 && R == 0) {
      grade_.verdict = Verdict::insufficient;
      grade_.reasons.push_back("insufficient: no counted evidence; " + asserted_by_opinion());
      return;
    }
    if (R == 0 || S == 0) {
      const bool sup = R == 0;
      set(sup ? Verdict::supported : Verdict::refuted, sup ? S : R);
      grade_.reasons.push_back(std::string("direction: only ") + (sup ? "supporting" : "refuting") + " evidence: " +
                               std::string(to_string(grade_.verdict)) + " at " + level_name(sup ? S : R));
      return;
    }
    const bool sup_higher = S > R;
    const Body& hi = sup_higher ? s : r;
    const Body& lo = sup_higher ? r : s;
    const Verdict hi_verdict = sup_higher ? Verdict::supported : Verdict::refuted;
    const std::string hi_name = sup_higher ? "supporting" : "refuting";
    const std::string lo_name = sup_higher ? "refuting" : "supporting";
    if (hi.level >= lo.level + 2) {
      set(hi_verdict, hi.level);
      grade_.reasons.push_back("direction: " + hi_name + " evidence (" + level_name(hi.level) + ") outweighs " +
                               lo_name + " evidence (" + level_name(lo.level) +
                               ") by two or more levels: " + std::string(to_string(hi_verdict)) + " at " +
                               level_name(hi.level) + "; counter-evidence noted, no penalty");
    } else if (hi.level == lo.level + 1) {
      set(hi_verdict, hi.level - 1);
      grade_.reasons.push_back("direction: -1 inconsistency: " + hi_name + " evidence (" + level_name(hi.level) +
                               ") is one level above " + lo_name + " evidence (" + level_name(lo.level) +
                               "): " + std::string(to_string(hi_verdict)) + " at " + level_name(hi.level - 1));
    } else {
      tie(s, r);
    }
  }

  void tie(const Body& s, const Body& r) {
    const int level = std::max(s.level - 1, 1);
    const std::size_t ns = s.rated.size(), nr = r.rated.size();
    std::string text = "direction: -1 inconsistency: both bodies at " + level_name(s.level) + " (" +
                       std::to_string(ns) + " supporting vs " + std::to_string(nr) + " refuting rated links): ";
    if (ns >= 2 && ns >= 2 * nr) {
      set(Verdict::supported, level);
      text += "supporting has at least twice as many: supported at ";
    } else if (nr >= 2 && nr >= 2 * ns) {
      set(Verdict::refuted, level);
      text += "refuting has at least twice as many: refuted at ";
    } else {
      set(Verdict::mixed, level);
      text += "neither side has twice the other's: mixed at ";
    }
    grade_.reasons.push_back(text + level_name(level));
  }

  std::string asserted_by_opinion() const {
    std::vector<std::string> ids;
    for (const auto& a : claim_.asserted_by) ids.push_back(a.citation);
    for (std::size_t i = 0; i < claim_.evidence.size(); ++i) {
      if (!is_empirical(cite(i).design) && claim_.evidence[i].stance == Stance::supports) {
        ids.push_back(cite(i).id);
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) return "no source asserts it";
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    return "asserted only by opinion or provenance sources (" + list + ")";
  }

  void set(Verdict v, int level) {
    grade_.verdict = v;
    grade_.certainty = static_cast<Certainty>(std::clamp(level, 1, 4));
  }

  // §3.5: a claim cannot be more certain than what it presupposes.
  void premises(bool has_own_evidence) {
    int refuted_at = 0;
    std::string refuted_by;
    for (std::size_t p = 0; p < claim_.depends_on.size(); ++p) {
      const Grade& g = *in_.premises[p];
      if (g.verdict == Verdict::refuted && static_cast<int>(*g.certainty) > refuted_at) {
        refuted_at = static_cast<int>(*g.certainty);
        refuted_by = claim_.depends_on[p];
      }
    }
    if (refuted_at > 0) {
      set(Verdict::refuted, refuted_at);
      grade_.reasons.push_back("premise " + refuted_by + " is refuted (" + level_name(refuted_at) + "): refuted at " +
                               level_name(refuted_at));
      return;
    }
    if (!has_own_evidence) return;  // premises alone never support a claim
    if (grade_.verdict != Verdict::supported && grade_.verdict != Verdict::mixed) return;
    for (std::size_t p = 0; p < claim_.depends_on.size(); ++p) {
      const Grade& g = *in_.premises[p];
      const int cap = g.certainty ? static_cast<int>(*g.certainty) : 1;
      if (cap < static_cast<int>(*grade_.certainty)) {
        grade_.certainty = static_cast<Certainty>(cap);
        grade_.reasons.push_back("premise " + claim_.depends_on[p] + " is " + std::string(to_string(g.verdict)) +
                                 (g.certainty ? " (" + level_name(cap) + ")" : "") + ": certainty capped at " +
                                 level_name(cap));
      }
    }
  }

  const GradeInput& in_;
  const Claim& claim_;
  std::vector<std::uint32_t> samples_;
  std::vector<std::vector<std::uint32_t>> pooled_;
  Grade grade_;
};

}  // namespace

Grade grade_claim(const GradeInput& input) { return Grader(input).run(); }

std::vector<std::uint32_t> sample_groups(const std::vector<std::optional<std::uint32_t>>& same_sample_as) {
  // Union-find whose root is always the smallest index of its group.
  std::vector<std::uint32_t> parent(same_sample_as.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<std::uint32_t>(i);
  auto root = [&](std::uint32_t i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (std::size_t i = 0; i < same_sample_as.size(); ++i) {
    if (!same_sample_as[i] || *same_sample_as[i] >= parent.size()) continue;
    const std::uint32_t a = root(static_cast<std::uint32_t>(i)), b = root(*same_sample_as[i]);
    parent[std::max(a, b)] = std::min(a, b);
  }
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = root(static_cast<std::uint32_t>(i));
  return parent;
}

}  // namespace claimkb::detail
