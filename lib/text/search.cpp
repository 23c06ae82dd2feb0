// KnowledgeBase::search and ::match: plain words to claims. The ranking is in
// text/search_index.hpp, the decision thresholds in text/search_rules.hpp.
#include "claimkb/knowledge_base.hpp"
#include "kb/state.hpp"
#include "text/search_rules.hpp"

namespace claimkb {

std::vector<SearchHit> KnowledgeBase::search(std::string_view text, std::size_t limit) const {
  const detail::Store& store = *state_->store;
  const auto& index = store.search_index();
  const detail::Query q = index.query(text, detail::thread_stemmer());
  std::vector<SearchHit> hits;
  for (const auto& r : index.rank(q, limit, detail::kListFloor)) {
    hits.push_back({std::string(store.id(detail::Table::claim, r.claim)), r.score});
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
