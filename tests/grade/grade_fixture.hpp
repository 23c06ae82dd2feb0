// A small builder for grading tests: citations and one claim in code, graded by
// the same function the loader uses.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "grade/grade.hpp"

namespace claimkb::test {

class ClaimBuilder {
 public:
  // A citation with `n` participants; systematic reviews pool randomized trials
  // unless `of` says otherwise.
  Citation& cite(const std::string& id, Design design, long n, RiskOfBias rob = RiskOfBias::unclear) {
    Citation c;
    c.id = id;
    c.design = design;
    if (design == Design::systematic_review) c.of = Pooled::randomized;
    c.title = "Title of " + id;
    c.year = 2000;
    c.journal = "J Test";
    c.n = n;
    c.risk_of_bias = rob;
    return citations_.emplace_back(std::move(c));
  }

  EvidenceLink& link(const std::string& citation_id, Stance stance) {
    EvidenceLink l;
    l.citation = citation_id;
    l.stance = stance;
    l.finding = "finding";
    claim_.evidence.push_back(l);
    return claim_.evidence.back();
  }

  // A premise whose grade is already known.
  void premise(const std::string& id, Verdict v, std::optional<Certainty> c) {
    claim_.depends_on.push_back(id);
    Grade g;
    g.verdict = v;
    g.certainty = c;
    premises_.push_back(g);
  }

  void assert_by(const std::string& citation_id) { claim_.asserted_by.push_back({citation_id, "quote"}); }

  Grade grade() {
    claim_.id = "claim";
    claim_.statement = "A claim.";
    detail::GradeInput in;
    in.claim = &claim_;
    for (const auto& l : claim_.evidence) in.link_citations.push_back(find(l.citation));
    for (const auto& a : claim_.asserted_by) in.assertion_citations.push_back(find(a.citation));
    for (const auto& p : premises_) in.premises.push_back(&p);
    // Groups of participants over every citation made, as the loader forms them.
    std::vector<std::optional<std::uint32_t>> same;
    for (const auto& c : citations_) same.push_back(index(c.same_sample_as));
    const std::vector<std::uint32_t> groups = detail::sample_groups(same);
    for (const auto& l : claim_.evidence) {
      in.link_samples.push_back(groups[*index(l.citation)]);
      std::vector<std::uint32_t> pooled;
      for (const auto& id : find(l.citation)->includes) pooled.push_back(groups[*index(id)]);
      in.pooled_samples.push_back(pooled);
    }
    return detail::grade_claim(in);
  }

 private:
  const Citation* find(const std::string& id) const {
    for (const auto& c : citations_) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }
  std::optional<std::uint32_t> index(const std::string& id) const {
    for (std::size_t i = 0; i < citations_.size(); ++i) {
      if (citations_[i].id == id) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
  }
  std::deque<Citation> citations_;
  std::deque<Grade> premises_;
  Claim claim_;
};

}  // namespace claimkb::test
