#include "text/concept_match.hpp"

#include <algorithm>
#include <functional>
#include <queue>

#include "text/match_rules.hpp"

namespace claimkb::detail {
namespace {

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

// How a text names one of a claim's concepts.
enum class Named { no, through_narrower, directly, through_broader };

// A text names a claim's concept directly, or through a narrower one (it says
// "psoas", the claim says "hip flexors"), or loosely through the concept just
// broader (it says "back pain", the claim "low back pain", as people do). Which
// claims are candidates at all is candidate_claims' choice: one of a claim's
// subject concepts must be named directly or through a narrower concept, or, for a
// question, through the concept just broader when that one is itself narrower than
// another ("hip flexor" may mean the psoas; "treatment" names no one treatment).
Named how_named(const Store& store, std::uint32_t concept_index, const std::vector<std::uint32_t>& direct,
                const std::vector<std::uint32_t>& covered) {
  if (contains(direct, concept_index)) return Named::directly;
  if (contains(covered, concept_index)) return Named::through_narrower;
  const IndexList parents = store.refs(Table::concept, concept_index, 0);
  for (std::uint32_t k = 0; k < parents.size(); ++k) {
    if (contains(direct, parents[k])) return Named::through_broader;
  }
  return Named::no;
}

// Whether a text names one of a claim's subject concepts. For a sentence, in any
// way how_named allows. For a question, one named only through the concept just
// broader counts when that concept is itself narrower than another: "hip flexor"
// may mean the psoas, but "treatment" names no one treatment, so a question about
// "treating the psoas" is not about psoas release.
bool subject_named(const Store& store, std::uint32_t concept_index, const std::vector<std::uint32_t>& direct,
                   const std::vector<std::uint32_t>& covered, Subjects subjects) {
  const Named how = how_named(store, concept_index, direct, covered);
  if (how != Named::through_broader || subjects == Subjects::named) return how != Named::no;
  const IndexList parents = store.refs(Table::concept, concept_index, 0);
  for (std::uint32_t k = 0; k < parents.size(); ++k) {
    if (contains(direct, parents[k]) && !store.refs(Table::concept, parents[k], 0).empty()) return true;
  }
  return false;
}

double directness(Named n) {
  switch (n) {
    case Named::directly: return 1.0;
    case Named::through_narrower: return kThroughNarrower;
    case Named::through_broader: return kThroughBroader;
    default: return 0.0;
  }
}

// Whether the text sets one of the claim's subjects against another thing of the
// same kind: a mention that names a concept of the subject (or something
// narrower) comes before "than", "versus" or "compared", and a mention just after
// it shares a broader concept with it ("is yoga better than pilates", both
// exercise). Not when only one side is named ("stiffer hip flexors than people
// with healthy backs", "a bigger lumbar curve than anyone else").
bool weighs_two(const TextAnalysis& text, const std::vector<std::vector<std::uint32_t>>& mention_ancestors,
                const IndexList& subject) {
  auto names_subject = [&](std::size_t m) {
    for (std::uint32_t k = 0; k < subject.size(); ++k) {
      if (contains(mention_ancestors[m], subject[k])) return true;
    }
    return false;
  };
  auto same_kind = [&](std::size_t a, std::size_t b) {
    return std::any_of(mention_ancestors[a].begin(), mention_ancestors[a].end(),
                       [&](std::uint32_t c) { return contains(mention_ancestors[b], c); });
  };
  for (std::size_t w = 0; w < text.words.size(); ++w) {
    const std::string& word = text.words[w];
    if (word != "than" && word != "versus" && word != "vs" && word != "compared") continue;
    for (std::size_t a = 0; a < text.mentions.size(); ++a) {
      if (text.term_word[text.mentions[a].first] >= w || !names_subject(a)) continue;
      for (std::size_t b = 0; b < text.mentions.size(); ++b) {
        const std::size_t at = text.term_word[text.mentions[b].first];
        if (at > w && at <= w + 3 && same_kind(a, b)) return true;
      }
    }
  }
  return false;
}

std::vector<std::uint32_t> sorted_unique(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// The claims worth scoring, sorted: those whose subject concepts include one the
// text covers (or, with Subjects::or_just_broader, one just narrower than a
// concept it names directly) and whose object the text may name. Every claim covered_claims()
// accepts is among them: it accepts a claim only when the text names its whole
// subject, and either its whole object (none at all included) or, for a comparing
// text, what the claim compares with. An object concept the text names is one it
// covers (directly or through a narrower concept), or one just narrower than a
// concept it names directly (how_named); the object index lists the claim under
// both. The claims without an object, and when the text compares those that
// compare, are kept whatever the text names.
std::vector<std::uint32_t> candidate_claims(const Store& store, const std::vector<std::uint32_t>& direct,
                                            const std::vector<std::uint32_t>& covered, const Cues& cues,
                                            Subjects subjects) {
  const ConceptIndex& index = store.concept_index();
  std::vector<std::uint32_t> object;
  for (std::uint32_t c : covered) {
    for (std::uint32_t claim : index.claims_with_object(c)) object.push_back(claim);
  }
  for (std::uint32_t c : direct) {
    for (std::uint32_t claim : index.claims_with_narrower_object(c)) object.push_back(claim);
  }
  object = sorted_unique(std::move(object));
  std::vector<std::uint32_t> out;
  auto consider = [&](const std::vector<std::uint32_t>& claims) {
    for (std::uint32_t claim : claims) {
      if (contains(object, claim) || store.refs(Table::claim, claim, 4).empty() ||
          (cues.comparative && !store.refs(Table::claim, claim, 5).empty())) {
        out.push_back(claim);
      }
    }
  };
  for (std::uint32_t c : covered) consider(index.claims_about(c));
  if (subjects == Subjects::or_just_broader) {
    for (std::uint32_t c : direct) consider(index.claims_with_narrower_subject(c));
  }
  return sorted_unique(std::move(out));
}

}  // namespace

bool dominates(const ConceptCandidate& a, const ConceptCandidate& b) {
  if (a.explained < b.explained || a.directness < b.directness || a.relation < b.relation) return false;
  if (a.comparison_unasked && !b.comparison_unasked) return false;
  return a.explained > b.explained || a.directness > b.directness || a.relation > b.relation ||
         (!a.comparison_unasked && b.comparison_unasked);
}

std::vector<std::uint32_t> named_concepts(const TextAnalysis& text) {
  std::vector<std::uint32_t> out;
  for (const auto& m : text.mentions) {
    for (std::uint32_t c : m.concepts) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  return out;
}

namespace {

double score_of(const ConceptCandidate& c) {
  return kExplainedWeight * c.explained + kDirectWeight * c.directness + kRelationWeight * c.relation +
         kWordingWeight * c.wording - (c.comparison_unasked ? kUnaskedComparisonPenalty : 0.0);
}

void sort_best_first(std::vector<ConceptCandidate>& out) {
  std::sort(out.begin(), out.end(), [](const ConceptCandidate& a, const ConceptCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.claim < b.claim;
  });
}

// The wording part (a phrasing coverage, the costly one) only for the claims that
// can still be among the best `limit`, and for those `wanted`. A claim's score
// grows with its wording share, which is at most 1 (the idf mass of some of a
// phrasing's terms over that of all of them, summed alike), so the score with a
// share of 1 bounds it. Taken in the order of that bound, a claim whose bound is
// below the `limit` best scores found so far cannot be among the best `limit`:
// they are exactly those of scoring every claim, in the same order.
template <typename Wording>
std::vector<ConceptCandidate> best_scored(std::vector<ConceptCandidate> all, Wording wording, std::size_t limit,
                                          const std::vector<std::uint32_t>& wanted) {
  for (ConceptCandidate& c : all) {
    c.wording = 1.0;
    c.score = score_of(c);
  }
  sort_best_first(all);
  std::vector<ConceptCandidate> out;
  std::priority_queue<double, std::vector<double>, std::greater<>> best;  // the best `limit` scores so far
  for (ConceptCandidate& c : all) {
    const bool may_be_best = best.size() < limit || (!best.empty() && c.score >= best.top());
    if (!may_be_best && std::find(wanted.begin(), wanted.end(), c.claim) == wanted.end()) continue;
    c.wording = wording(c.claim);
    c.score = score_of(c);
    best.push(c.score);
    if (best.size() > limit) best.pop();
    out.push_back(std::move(c));
  }
  sort_best_first(out);
  return out;
}

}  // namespace

std::vector<ConceptCandidate> covered_claims(const Store& store, const TextAnalysis& text, const Cues& cues,
                                             const Query& words, std::size_t limit,
                                             const std::vector<std::uint32_t>& wanted, Subjects subjects) {
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

  const std::vector<std::uint32_t> candidates = candidate_claims(store, direct, covered, cues, subjects);

  const SearchIndex& wording = store.search_index();
  auto all_named = [&](const IndexList& needed) {
    for (std::uint32_t k = 0; k < needed.size(); ++k) {
      if (how_named(store, needed[k], direct, covered) == Named::no) return false;
    }
    return true;
  };
  for (std::uint32_t claim : candidates) {
    const IndexList subject = store.refs(Table::claim, claim, 3), object = store.refs(Table::claim, claim, 4);
    const IndexList compared = store.refs(Table::claim, claim, 5), population = store.refs(Table::claim, claim, 6);
    const bool compares = !compared.empty() && all_named(compared) && cues.comparative;
    bool subject_ok = true;
    for (std::uint32_t k = 0; k < subject.size() && subject_ok; ++k) {
      subject_ok = subject_named(store, subject[k], direct, covered, subjects);
    }
    if (!subject_ok || !(all_named(object) || compares)) continue;
    // A text that compares two things it names as the claim's subject ("is yoga
    // better than pilates for back pain?", both exercise) asks which is better: a
    // claim that compares nothing does not answer it.
    if (compared.empty() && weighs_two(text, mention_ancestors, subject)) continue;

    ConceptCandidate c;
    c.claim = claim;
    std::vector<std::uint32_t> own;  // the claim's concepts
    for (const IndexList* list : {&subject, &object, &compared}) {
      for (std::uint32_t k = 0; k < list->size(); ++k) own.push_back((*list)[k]);
    }
    // How directly the text names the claim's concepts (its population counts
    // only when named).
    double named = 0.0;
    std::size_t counted = own.size();
    for (std::uint32_t o : own) {
      const Named how = how_named(store, o, direct, covered);
      named += directness(how);
      if (how != Named::no) c.concepts.push_back(o);
    }
    for (std::uint32_t k = 0; k < population.size(); ++k) {
      const Named how = how_named(store, population[k], direct, covered);
      if (how == Named::no) continue;
      named += directness(how);
      ++counted;
      c.concepts.push_back(population[k]);
      own.push_back(population[k]);
    }
    // How much of the text the claim explains: the mentions one of its concepts
    // stands for (the mention names it, or something narrower, or just broader).
    std::size_t explained = 0;
    for (std::size_t k = 0; k < text.mentions.size(); ++k) {
      bool hit = false;
      for (std::uint32_t o : own) {
        if (contains(mention_ancestors[k], o)) hit = true;
        const IndexList parents = store.refs(Table::concept, o, 0);
        for (std::uint32_t p = 0; p < parents.size() && !hit; ++p) {
          for (std::uint32_t m : text.mentions[k].concepts) hit = hit || m == parents[p];
        }
      }
      explained += hit ? 1 : 0;
    }
    const std::optional<Relation> relation = index.relation(claim);
    c.relation_fits = relation && cues.relations.test(static_cast<std::size_t>(*relation));
    // A question about preventing something is not answered by a claim about
    // treating it ("does pilates stop you getting back pain in the first place").
    if (relation && cues.primary.test(static_cast<std::size_t>(Relation::prevents)) &&
        *relation != Relation::prevents) {
      continue;
    }
    // Cue words say the claim's relation first (1), fit it (kFittingRelation), say
    // nothing of a relation (0.5), or say another (0).
    const bool says_it = relation && cues.primary.test(static_cast<std::size_t>(*relation));
    const double relation_term = cues.relations.none() ? 0.5 : says_it ? 1.0 : c.relation_fits ? kFittingRelation : 0.0;
    // A claim that compares, when the text does not name what it is compared with:
    // the text asks about the simpler claim.
    const bool comparison_unasked = !compared.empty() && !compares;
    c.explained = static_cast<double>(explained) / static_cast<double>(text.mentions.size());
    c.directness = named / static_cast<double>(counted);
    c.relation = relation_term;
    c.comparison_unasked = comparison_unasked;
    out.push_back(std::move(c));
  }
  if (limit >= out.size()) {
    for (ConceptCandidate& c : out) {
      c.wording = wording.phrasing_coverage(c.claim, words.known).share;
      c.score = score_of(c);
    }
    sort_best_first(out);
    return out;
  }
  return best_scored(
      std::move(out), [&](std::uint32_t claim) { return wording.phrasing_coverage(claim, words.known).share; }, limit,
      wanted);
}

}  // namespace claimkb::detail
