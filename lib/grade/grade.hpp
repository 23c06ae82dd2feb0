// Grading one claim (docs/grading.md; docs/grading.md for the project's readings).
#pragma once

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
};

Grade grade_claim(const GradeInput& input);

}  // namespace claimkb::detail
