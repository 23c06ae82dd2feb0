// KnowledgeBase::search and ::match: plain words to claims. The ranking is in
// text/search_index.hpp, the decision thresholds in text/search_rules.hpp.
#include <algorithm>

#include "claimkb/knowledge_base.hpp"
#include "kb/state.hpp"
#include "text/concept_match.hpp"
#include "text/cues.hpp"
#include "text/match_rules.hpp"
#include "text/search_rules.hpp"

namespace claimkb {

// Claims by words (BM25F) and by concepts, each with the larger of its two scores.
std::vector<SearchHit> KnowledgeBase::search(std::string_view text, std::size_t limit) const {
  const detail::Store& store = *state_->store;
  detail::Stemmer& stemmer = detail::thread_stemmer();
  const auto& index = store.search_index();
  const detail::Query q = index.query(text, stemmer);
  detail::TextAnalysis analysis = store.concept_index().analyse(text, stemmer);
  detail::drop_alternatives(analysis);
  struct Hit {
    std::uint32_t claim = 0;
    double score = 0.0;
    std::vector<std::uint32_t> concepts;
  };
  std::vector<Hit> hits;
  // Only the best `limit` covered claims can be listed, unless words rank one
  // higher: its covered score and concepts are wanted too.
  const auto ranked = index.rank(q, limit, detail::kListFloor);
  std::vector<std::uint32_t> wanted;
  wanted.reserve(ranked.size());
  for (const auto& r : ranked) wanted.push_back(r.claim);
  for (const auto& c : detail::covered_claims(store, analysis, detail::find_cues(analysis, stemmer), q, limit, wanted,
                                              detail::Subjects::of_a_question)) {
    hits.push_back({c.claim, c.score, c.concepts});
  }
  for (const auto& r : ranked) {
    auto same = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.claim == r.claim; });
    if (same == hits.end()) {
      hits.push_back({r.claim, r.score, {}});
    } else {
      same->score = std::max(same->score, r.score);
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.claim < b.claim;
  });
  if (hits.size() > limit) hits.resize(limit);
  std::vector<SearchHit> out;
  for (const Hit& h : hits) {
    SearchHit hit{std::string(store.id(detail::Table::claim, h.claim)), h.score, {}};
    for (std::uint32_t c : h.concepts) hit.concepts.emplace_back(store.id(detail::Table::concept, c));
    out.push_back(std::move(hit));
  }
  return out;
}

// A question is answered by what it is about when it names concepts: the best
// claim whose subject and object it covers, if clearly best. Otherwise by its words
// (BM25F), but a claim that says what it is about is never answered on words
// alone: a question that does not cover its subject and object asks something else.
Match KnowledgeBase::match(std::string_view id_or_question) const {
  Match m;
  if (claim(id_or_question) != nullptr) {
    m.kind = Match::Kind::id;
    m.id = std::string(id_or_question);
    return m;
  }
  const detail::Store& store = *state_->store;
  detail::Stemmer& stemmer = detail::thread_stemmer();
  detail::TextAnalysis text = store.concept_index().analyse(id_or_question, stemmer);
  detail::drop_alternatives(text);
  for (std::uint32_t c : detail::named_concepts(text)) m.concepts.emplace_back(store.id(detail::Table::concept, c));
  const detail::Query words = store.search_index().query(id_or_question, stemmer);
  // The best kCandidates (at least two) are all this reads.
  const auto covered =
      detail::covered_claims(store, text, detail::find_cues(text, stemmer), words,
                             static_cast<std::size_t>(detail::kCandidates), {}, detail::Subjects::of_a_question);
  if (!covered.empty()) {
    m.by_concepts = true;
    for (std::size_t k = 0; k < covered.size() && k < detail::kCandidates; ++k) {
      m.candidates.push_back({std::string(store.id(detail::Table::claim, covered[k].claim)), covered[k].score, {}});
    }
    const double best = covered.front().score;
    const double second = covered.size() > 1 ? covered[1].score : 0.0;
    // The best is answered when it is clearly ahead, or better than the runner-up
    // on every count concepts decide (detail::dominates).
    const bool ahead =
        second <= best - detail::kConceptMargin || (covered.size() > 1 && detail::dominates(covered[0], covered[1]));
    if (best >= detail::kConceptFloor && ahead) {
      m.kind = Match::Kind::clear_best;
      m.id = m.candidates.front().id;
    } else {
      m.kind = Match::Kind::unclear;
    }
    return m;
  }
  m.candidates = search(id_or_question, detail::kCandidates);  // no claim is covered: words alone
  const double best = m.candidates.empty() ? 0.0 : m.candidates.front().score;
  const double second = m.candidates.size() > 1 ? m.candidates[1].score : 0.0;
  const bool has_about = !m.candidates.empty() &&
                         store.concept_index().relation(*store.find(detail::Table::claim, m.candidates.front().id));
  if (best < detail::kNoneFloor) {
    m.kind = Match::Kind::none;
  } else if (best >= detail::kClearFloor && second <= detail::kClearRatio * best && !has_about) {
    m.kind = Match::Kind::clear_best;
    m.id = m.candidates.front().id;
  } else {
    m.kind = Match::Kind::unclear;
  }
  return m;
}

}  // namespace claimkb
