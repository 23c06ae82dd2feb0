// Building the module's values from the C++ API's.
#include "py_types.hpp"

namespace claimkb::python {

ClaimInfo claim_info(const KnowledgeBase& kb, std::size_t i) {
  const Claim& c = kb.claim_at(i);
  const Grade& g = kb.grade_at(i);
  return {c.id, c.statement, g.verdict, g.certainty};
}

Hit hit(const KnowledgeBase& kb, const SearchHit& h) {
  const Grade& g = *kb.grade(h.id);  // the KB returns only ids it has
  return {h.id, h.score, kb.claim(h.id)->statement, g.verdict, g.certainty, h.concepts};
}

MatchResult match_result(const KnowledgeBase& kb, const Match& m) {
  MatchResult r;
  r.kind = m.kind;
  if (m.kind == Match::Kind::id || m.kind == Match::Kind::clear_best) r.id = m.id;
  for (const SearchHit& h : m.candidates) r.candidates.push_back(hit(kb, h));
  r.concepts = m.concepts;
  r.by_concepts = m.by_concepts;
  return r;
}

}  // namespace claimkb::python
