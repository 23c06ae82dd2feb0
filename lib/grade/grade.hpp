// Grading one claim (docs/grading.md).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "claimkb/model.hpp"
#include "claimkb/verdict.hpp"

namespace claimkb::detail {

// Everything the grade of one claim depends on. Pointers are never null: the
// loader grades a claim only after every id it names has resolved, and after its
// premises have been graded.
struct GradeInput {
  const Claim* claim = nullptr;
  std::vector<const Citation*> link_citations;       // parallel to claim->evidence
  std::vector<const Citation*> assertion_citations;  // parallel to claim->asserted_by
  std::vector<const Grade*> premises;                // parallel to claim->depends_on
  // Parallel to claim->evidence: the group of participants (sample_groups()) of each
  // link's citation, and the groups of the citations it `includes`. Left empty,
  // every link is a group of its own and pools nothing.
  std::vector<std::uint32_t> link_samples;
  std::vector<std::vector<std::uint32_t>> pooled_samples;
};

Grade grade_claim(const GradeInput& input);

// Groups of participants (docs/grading.md §2): citations joined by same_sample_as,
// in either direction and through any chain, get one number, the index of the
// group's first citation. same_sample_as[i] is the index of the citation that
// citation i names, if any.
std::vector<std::uint32_t> sample_groups(const std::vector<std::optional<std::uint32_t>>& same_sample_as);

}  // namespace claimkb::detail
