// regrade_with (claimkb/retractions.hpp): every claim graded again, in memory, with
// some citations' `retracted` replaced, as the loader grades them (premises first,
// groups of participants from same_sample_as), and the claims whose verdict or
// certainty moves.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "claimkb/retractions.hpp"
#include "grade/grade.hpp"

namespace claimkb {
namespace {

// Grades every claim of `kb` over `cites` (the KB's citations, some changed).
std::vector<Grade> grade_all(const KnowledgeBase& kb, const std::vector<Citation>& cites) {
  std::unordered_map<std::string, std::uint32_t> cite_at, claim_at;
  for (std::uint32_t i = 0; i < cites.size(); ++i) cite_at.emplace(cites[i].id, i);
  const auto n_claims = static_cast<std::uint32_t>(kb.claim_count());
  for (std::uint32_t i = 0; i < n_claims; ++i) claim_at.emplace(kb.claim_at(i).id, i);
  std::vector<std::optional<std::uint32_t>> same(cites.size());
  for (std::uint32_t i = 0; i < cites.size(); ++i) {
    const auto it = cite_at.find(cites[i].same_sample_as);
    if (!cites[i].same_sample_as.empty() && it != cite_at.end()) same[i] = it->second;
  }
  const std::vector<std::uint32_t> samples = detail::sample_groups(same);

  std::vector<Grade> grades(n_claims);
  std::vector<char> state(n_claims, 0);  // 0 not yet, 1 on the path, 2 graded
  auto grade_one = [&](std::uint32_t i) {
    const Claim& claim = kb.claim_at(i);
    detail::GradeInput in;
    in.claim = &claim;
    for (const auto& link : claim.evidence) {
      const std::uint32_t j = cite_at.at(link.citation);
      in.link_citations.push_back(&cites[j]);
      in.link_samples.push_back(samples[j]);
      std::vector<std::uint32_t> pooled;
      for (const auto& x : cites[j].includes) {
        const auto it = cite_at.find(x);
        if (it != cite_at.end()) pooled.push_back(samples[it->second]);
      }
      in.pooled_samples.push_back(std::move(pooled));
    }
    for (const auto& a : claim.asserted_by) in.assertion_citations.push_back(&cites[cite_at.at(a.citation)]);
    for (const auto& p : claim.depends_on) in.premises.push_back(&grades[claim_at.at(p)]);
    grades[i] = detail::grade_claim(in);
  };
  // Premises first, depth first without recursion (the KB has no depends_on cycle).
  for (std::uint32_t root = 0; root < n_claims; ++root) {
    if (state[root] != 0) continue;
    std::vector<std::pair<std::uint32_t, std::size_t>> path{{root, 0}};
    state[root] = 1;
    while (!path.empty()) {
      auto& [c, next] = path.back();
      const auto& deps = kb.claim_at(c).depends_on;
      if (next < deps.size()) {
        const std::uint32_t d = claim_at.at(deps[next++]);
        if (state[d] == 0) {
          state[d] = 1;
          path.emplace_back(d, 0);
        }
        continue;
      }
      grade_one(c);
      state[c] = 2;
      path.pop_back();
    }
  }
  return grades;
}

std::vector<std::string> lines_of(const Grade& g) {
  std::vector<std::string> out = g.reasons;
  out.insert(out.end(), g.warnings.begin(), g.warnings.end());
  return out;
}

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  }
  return out;
}

}  // namespace

std::vector<GradeChange> regrade_with(const KnowledgeBase& kb,
                                      const std::map<std::string, std::optional<Retraction>>& overrides) {
  std::vector<GradeChange> out;
  try {
    std::vector<Citation> cites;
    for (std::size_t i = 0; i < kb.citation_count(); ++i) cites.push_back(kb.citation_at(i));
    const std::vector<Grade> before = grade_all(kb, cites);
    for (auto& c : cites) {
      const auto it = overrides.find(c.id);
      if (it != overrides.end()) c.retracted = it->second;
    }
    const std::vector<Grade> after = grade_all(kb, cites);
    for (std::size_t i = 0; i < before.size(); ++i) {
      const Grade& b = before[i];
      const Grade& a = after[i];
      if (a.verdict == b.verdict && a.certainty == b.certainty) continue;
      GradeChange ch;
      ch.claim = kb.claim_at(i).id;
      ch.verdict_before = b.verdict;
      ch.verdict_after = a.verdict;
      ch.certainty_before = b.certainty;
      ch.certainty_after = a.certainty;
      ch.rules = minus(lines_of(a), lines_of(b));
      ch.gone = minus(lines_of(b), lines_of(a));
      out.push_back(std::move(ch));
    }
  } catch (const std::exception&) {  // out of memory, or an id the KB lacks: nothing crosses the API
    out.clear();
  }
  return out;
}

}  // namespace claimkb
