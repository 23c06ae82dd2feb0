// KnowledgeBase::search and ::match: plain words to claims (SPEC §5). The ranking
// is in search_index.hpp, the decision thresholds in search_rules.hpp.
#include "claimkb/knowledge_base.hpp"
#include "kb/state.hpp"
#include "text/search_rules.hpp"

namespace claimkb {

std::vector<SearchHit> KnowledgeBase::search(std::string_view text, std::size_t limit) const {
  const auto& index = impl_->search_index;
  const detail::Query q = index.query(text, detail::thread_stemmer());
  std::vector<SearchHit> hits;
  for (const auto& r : index.rank(q, limit, detail::kListFloor)) {
    hits.push_back({impl_->claim(r.claim).id, r.score});
  }
  return hits;
}

Match KnowledgeBase::match(std::string_view id_or_question) const {
  Match m;
  if (claim(id_or_question) != nullptr) {
    m.kind = Match::Kind::id;
    m.id = std::string(id_or_question);
    return m;
  }
  m.candidates = search(id_or_question, detail::kCandidates);
  const double best = m.candidates.empty() ? 0.0 : m.candidates.front().score;
  const double second = m.candidates.size() > 1 ? m.candidates[1].score : 0.0;
  if (best < detail::kNoneFloor) {
    m.kind = Match::Kind::none;
  } else if (best >= detail::kClearFloor && second <= detail::kClearRatio * best) {
    m.kind = Match::Kind::clear_best;
    m.id = m.candidates.front().id;
  } else {
    m.kind = Match::Kind::unclear;
  }
  return m;
}

}  // namespace claimkb
