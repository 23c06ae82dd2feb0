#include "text/concept_match.hpp"

#include <algorithm>

#include "text/match_rules.hpp"

namespace claimkb::detail {
namespace {

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

bool all_in(const IndexList& needed, const std::vector<std::uint32_t>& covered) {
  for (std::uint32_t k = 0; k < needed.size(); ++k) {
    if (!contains(covered, needed[k])) return false;
  }
  return true;
}

}  // namespace

std::vector<std::uint32_t> named_concepts(const TextAnalysis& text) {
  std::vector<std::uint32_t> out;
  for (const auto& m : text.mentions) {
    for (std::uint32_t c : m.concepts) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  return out;
}

std::vector<ConceptCandidate> covered_claims(const Store& store, const TextAnalysis& text, const Cues& cues,
                                             const Query& words) {
  std::vector<ConceptCandidate> out;
  if (text.mentions.empty()) return out;
  const ConceptIndex& index = store.concept_index();
  // What the text names, directly, and with everything each is narrower than.
  std::vector<std::uint32_t> direct = named_concepts(text), covered;
  std::vector<std::vector<std::uint32_t>> mention_ancestors;
  for (const auto& m : text.mentions) {
    std::vector<std::uint32_t> up;
    for (std::uint32_t c : m.concepts) {
      for (std::uint32_t a : index.ancestors(c)) up.push_back(a);
    }
    std::sort(up.begin(), up.end());
    covered.insert(covered.end(), up.begin(), up.end());
    mention_ancestors.push_back(std::move(up));
  }
  std::sort(direct.begin(), direct.end());
  std::sort(covered.begin(), covered.end());
  covered.erase(std::unique(covered.begin(), covered.end()), covered.end());

  std::vector<std::uint32_t> candidates;
  for (std::uint32_t c : covered) {
    for (std::uint32_t claim : index.claims_about(c)) candidates.push_back(claim);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  const SearchIndex& wording = store.search_index();
  for (std::uint32_t claim : candidates) {
    const IndexList subject = store.refs(Table::claim, claim, 3), object = store.refs(Table::claim, claim, 4);
    const IndexList compared = store.refs(Table::claim, claim, 5);
    const bool compares = !compared.empty() && all_in(compared, covered) && cues.comparative;
    if (!all_in(subject, covered) || !(all_in(object, covered) || compares)) continue;

    ConceptCandidate c;
    c.claim = claim;
    std::vector<std::uint32_t> own;  // the claim's concepts
    for (const IndexList* list : {&subject, &object, &compared}) {
      for (std::uint32_t k = 0; k < list->size(); ++k) own.push_back((*list)[k]);
    }
    // How much of the text the claim explains: the mentions one of its concepts
    // stands for.
    std::size_t explained = 0;
    for (const auto& up : mention_ancestors) {
      bool hit = false;
      for (std::uint32_t o : own) hit = hit || contains(up, o);
      explained += hit ? 1 : 0;
    }
    // How directly: a concept the text names itself counts more than one it
    // reaches through a narrower one.
    std::size_t named = 0;
    for (std::uint32_t o : own) {
      if (contains(direct, o)) {
        ++named;
        c.concepts.push_back(o);
      } else if (contains(covered, o)) {
        c.concepts.push_back(o);
      }
    }
    const std::optional<Relation> relation = index.relation(claim);
    c.relation_fits = relation && cues.relations.test(static_cast<std::size_t>(*relation));
    const double relation_term = cues.relations.none() ? 0.5 : c.relation_fits ? 1.0 : 0.0;
    // A claim that compares, when the text does not name what it is compared with:
    // the text asks about the simpler claim.
    const bool comparison_unasked = !compared.empty() && !compares;
    const double wording_share = wording.phrasing_coverage(claim, words.known).share;
    c.score = kExplainedWeight * static_cast<double>(explained) / static_cast<double>(text.mentions.size()) +
              kDirectWeight * static_cast<double>(named) / static_cast<double>(own.size()) +
              kRelationWeight * relation_term + kWordingWeight * wording_share -
              (comparison_unasked ? kUnaskedComparisonPenalty : 0.0);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const ConceptCandidate& a, const ConceptCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.claim < b.claim;
  });
  return out;
}

}  // namespace claimkb::detail
