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
// broader (it says "back pain", the claim "low back pain", as people do). Only
// claims one of whose subject concepts is named directly or through a narrower
// concept are candidates at all (candidate_claims): "hip flexor" alone does not
// name the psoas.
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
// broader counts only when that concept is itself narrower than another:
// "treatment" (a root) names no one treatment, so "is the psoas the muscle to
// treat?" does not ask about psoas release.
bool subject_named(const Store& store, std::uint32_t concept_index, const std::vector<std::uint32_t>& direct,
                   const std::vector<std::uint32_t>& covered, Subjects subjects) {
  const Named how = how_named(store, concept_index, direct, covered);
  if (how != Named::through_broader || subjects == Subjects::of_a_sentence) return how != Named::no;
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

// The mentions the text sets against another thing of the same kind: a mention
// before "than", "versus" or "compared", with a mention just after it that shares
// a broader concept with it ("is yoga better than pilates", both exercise). Not
// when only one side is named ("stiffer hip flexors than people with healthy
// backs", "a bigger lumbar curve than anyone else"). Found once per text.
std::vector<std::size_t> weighed_mentions(const TextAnalysis& text,
                                          const std::vector<std::vector<std::uint32_t>>& mention_ancestors) {
  auto same_kind = [&](std::size_t a, std::size_t b) {
    return std::any_of(mention_ancestors[a].begin(), mention_ancestors[a].end(),
                       [&](std::uint32_t c) { return contains(mention_ancestors[b], c); });
  };
  std::vector<std::size_t> out;
  for (std::size_t w = 0; w < text.words.size(); ++w) {
    const std::string& word = text.words[w];
    if (word != "than" && word != "versus" && word != "vs" && word != "compared") continue;
    for (std::size_t a = 0; a < text.mentions.size(); ++a) {
      if (text.term_word[text.mentions[a].first] >= w) continue;
      for (std::size_t b = 0; b < text.mentions.size(); ++b) {
        const std::size_t at = text.term_word[text.mentions[b].first];
        if (at > w && at <= w + 3 && same_kind(a, b)) {
          out.push_back(a);
          break;
        }
      }
    }
  }
  return out;
}

// Whether the text sets one of the claim's subjects (a mention naming a concept of
// the subject, or something narrower) against another thing of the same kind.
bool weighs_two(const std::vector<std::size_t>& weighed,
                const std::vector<std::vector<std::uint32_t>>& mention_ancestors, const IndexList& subject) {
  for (std::size_t m : weighed) {
    for (std::uint32_t k = 0; k < subject.size(); ++k) {
      if (contains(mention_ancestors[m], subject[k])) return true;
    }
  }
  return false;
}

std::vector<std::uint32_t> sorted_unique(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
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

// Best first: by score, then by claim (claims are unique among candidates).
bool better(const ConceptCandidate& a, const ConceptCandidate& b) {
  return a.score != b.score ? a.score > b.score : a.claim < b.claim;
}

void sort_best_first(std::vector<ConceptCandidate>& out) { std::sort(out.begin(), out.end(), better); }

// How many items ahead a loop over claims asks for the memory it will read (a
// claim's data is scattered over large arrays, so each one mostly waits for memory
// unless several loads are under way at once).
constexpr std::size_t kAhead = 4;

// The indices of candidates in sort_best_first's order, taken one at a time from a
// heap: a loop that stops after the first few does not pay for sorting them all.
// The heap holds each candidate's score and claim, copied when it is built (a
// candidate's score may change once it is taken, never before), so that comparing
// two does not reach into the large candidates. Claims are distinct, so the order
// is total and the same as sort_best_first's.
class BestFirst {
 public:
  explicit BestFirst(const std::vector<ConceptCandidate>& all) {
    heap_.reserve(all.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) heap_.push_back({all[i].score, all[i].claim, i});
    std::make_heap(heap_.begin(), heap_.end(), Worse{});
  }
  bool empty() const { return heap_.empty(); }
  std::uint32_t next() {
    std::pop_heap(heap_.begin(), heap_.end(), Worse{});
    const std::uint32_t i = heap_.back().index;
    heap_.pop_back();
    return i;
  }
  // The index next() returns (not empty).
  std::uint32_t top() const { return heap_.front().index; }
  // The indices not taken yet, in no order.
  std::vector<std::uint32_t> rest() const {
    std::vector<std::uint32_t> out;
    out.reserve(heap_.size());
    for (const Key& k : heap_) out.push_back(k.index);
    return out;
  }

 private:
  struct Key {
    double score;
    std::uint32_t claim, index;
  };
  struct Worse {  // the heap's order: the best on top (better() on the copied fields)
    bool operator()(const Key& a, const Key& b) const {
      return b.score != a.score ? b.score > a.score : b.claim < a.claim;
    }
  };
  std::vector<Key> heap_;
};

// The wording part (a phrasing coverage, the costly one) only for the claims that
// can still be among the best `limit`, and for those `wanted`. A claim's score
// grows with its wording share, which is at most 1 (the idf mass of some of a
// phrasing's terms over that of all of them, summed alike), so the score with a
// share of 1 bounds it. Taken in the order of that bound, a claim whose bound is
// below the `limit` best scores found so far cannot be among the best `limit`:
// they are exactly those of scoring every claim, in the same order.
std::vector<ConceptCandidate> best_scored(std::vector<ConceptCandidate> all, const SearchIndex& index,
                                          const Query& words, std::size_t limit,
                                          const std::vector<std::uint32_t>& wanted) {
  for (ConceptCandidate& c : all) {
    c.wording = 1.0;
    c.score = score_of(c);
  }
  std::vector<ConceptCandidate> out;
  const auto score_in_full = [&](ConceptCandidate& c) {
    c.wording = index.phrasing_coverage(c.claim, words).share;
    c.score = score_of(c);
    out.push_back(std::move(c));
  };
  std::priority_queue<double, std::vector<double>, std::greater<>> best;  // the best `limit` scores so far
  BestFirst order(all);
  while (!order.empty()) {
    ConceptCandidate& c = all[order.next()];
    if (!order.empty()) index.prefetch(all[order.top()].claim);  // likely the next one scored
    // Bounds only fall and the best `limit` only rise: once a claim cannot be among
    // them, no later one can, and only the claims `wanted` are left to score.
    if (best.size() >= limit && (best.empty() || c.score < best.top())) {
      if (std::find(wanted.begin(), wanted.end(), c.claim) != wanted.end()) score_in_full(c);
      break;
    }
    score_in_full(c);
    best.push(out.back().score);
    if (best.size() > limit) best.pop();
  }
  for (std::uint32_t i : order.rest()) {
    if (std::find(wanted.begin(), wanted.end(), all[i].claim) != wanted.end()) score_in_full(all[i]);
  }
  sort_best_first(out);
  return out;
}

}  // namespace

namespace {

// What a text names, worked out once per text for all the claims it is matched
// against: the concepts it names directly and with everything each is narrower
// than, each mention's ancestors, and, by concept, how the text names it (cached
// on first use) and which mentions stand for it (as bit masks, for texts of at
// most 64 mentions).
class TextNaming {
 public:
  TextNaming(const Store& store, const TextAnalysis& text) : store_(store), text_(text) {
    const ConceptIndex& index = store.concept_index();
    direct = named_concepts(text);
    for (std::size_t k = 0; k < text.mentions.size(); ++k) {
      std::vector<std::uint32_t> up;
      for (std::uint32_t c : text.mentions[k].concepts) {
        for (std::uint32_t a : index.ancestors(c)) up.push_back(a);
      }
      up = sorted_unique(std::move(up));
      covered.insert(covered.end(), up.begin(), up.end());
      if (k < 64) {
        for (std::uint32_t a : up) by_ancestor_.emplace_back(a, std::uint64_t{1} << k);
        for (std::uint32_t c : text.mentions[k].concepts) by_concept_.emplace_back(c, std::uint64_t{1} << k);
      }
      mention_ancestors.push_back(std::move(up));
    }
    std::sort(direct.begin(), direct.end());
    covered = sorted_unique(std::move(covered));
    merge_masks(by_ancestor_);
    merge_masks(by_concept_);
    how_.assign(index.concept_count(), -1);
  }

  Named how(std::uint32_t concept_index) {
    if (concept_index >= how_.size()) return how_named(store_, concept_index, direct, covered);
    if (how_[concept_index] < 0) {
      how_[concept_index] = static_cast<std::int8_t>(how_named(store_, concept_index, direct, covered));
    }
    return static_cast<Named>(how_[concept_index]);
  }

  // How many mentions one of `own` stands for: the mention names it (or something
  // narrower), or names the concept just broader.
  std::size_t explained(const std::vector<std::uint32_t>& own) const {
    std::vector<std::uint32_t> parents;
    for (std::uint32_t o : own) {
      const IndexList p = store_.refs(Table::concept, o, 0);
      for (std::uint32_t k = 0; k < p.size(); ++k) parents.push_back(p[k]);
    }
    if (text_.mentions.size() > 64) {
      std::size_t n = 0;
      for (std::size_t k = 0; k < text_.mentions.size(); ++k) {
        bool hit =
            std::any_of(own.begin(), own.end(), [&](std::uint32_t o) { return contains(mention_ancestors[k], o); });
        for (std::uint32_t m : text_.mentions[k].concepts) {
          hit = hit || std::find(parents.begin(), parents.end(), m) != parents.end();
        }
        n += hit ? 1 : 0;
      }
      return n;
    }
    std::uint64_t hit = 0;
    for (std::uint32_t o : own) hit |= mask(by_ancestor_, o);
    for (std::uint32_t p : parents) hit |= mask(by_concept_, p);
    return static_cast<std::size_t>(__builtin_popcountll(hit));
  }

  std::vector<std::uint32_t> direct, covered;
  std::vector<std::vector<std::uint32_t>> mention_ancestors;

 private:
  using Masks = std::vector<std::pair<std::uint32_t, std::uint64_t>>;
  static void merge_masks(Masks& m) {
    std::sort(m.begin(), m.end());
    Masks out;
    for (const auto& [c, bits] : m) {
      if (!out.empty() && out.back().first == c) {
        out.back().second |= bits;
      } else {
        out.emplace_back(c, bits);
      }
    }
    m = std::move(out);
  }
  static std::uint64_t mask(const Masks& m, std::uint32_t c) {
    auto it = std::lower_bound(m.begin(), m.end(), std::make_pair(c, std::uint64_t{0}));
    return it != m.end() && it->first == c ? it->second : 0;
  }

  const Store& store_;
  const TextAnalysis& text_;
  Masks by_ancestor_, by_concept_;
  std::vector<std::int8_t> how_;
};

// The claim's concepts the text names, in order: subject, object, compared with,
// then population.
std::vector<std::uint32_t> concepts_named(const Store& store, TextNaming& naming, std::uint32_t claim) {
  std::vector<std::uint32_t> out;
  for (int group : {3, 4, 5, 6}) {
    const IndexList list = store.refs(Table::claim, claim, group);
    for (std::uint32_t k = 0; k < list.size(); ++k) {
      if (naming.how(list[k]) != Named::no) out.push_back(list[k]);
    }
  }
  return out;
}

// Whether the text may leave the claim's object unnamed: a claim that something
// is a sign of something ("a psoas that hurts when pressed is dysfunctional"), when
// a cue word says a sign ("means", "tells"): "that your psoas hurts when pressed
// means very little" speaks of the claim without naming what it would mean.
// Only in a sentence of a text to check: a question that does not name the object
// asks about another one ("does a pelvic tilt cause knee problems?").
bool object_implied(const ConceptIndex& index, const Cues& cues, Subjects subjects, std::uint32_t claim) {
  if (subjects != Subjects::of_a_sentence) return false;
  const std::optional<Relation> relation = index.relation(claim);
  return relation == Relation::indicates && cues.relations.test(static_cast<std::size_t>(Relation::indicates));
}

// The claims worth scoring, sorted: those listed under a subject concept the text
// covers of which the text names an object concept.
// Every claim covered_claims() accepts is among them: it accepts a claim only when
// the text names its whole subject, and either its whole object or, for a
// comparing text, what the claim compares with; so the claims without an object,
// and when the text compares those that compare, are kept whatever the text names.
// (Testing each claim's object this way, with how_named cached per text, was 2x
// faster than intersecting with lists of claims by object: docs/search.md.)
std::vector<std::uint32_t> candidate_claims(const Store& store, TextNaming& naming, const Cues& cues,
                                            Subjects subjects) {
  const ConceptIndex& index = store.concept_index();
  std::vector<std::uint32_t> out;
  auto consider = [&](const std::vector<std::uint32_t>& claims) {
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const std::uint32_t claim = claims[i];
      if (i + kAhead < claims.size()) store.prefetch_refs(Table::claim, claims[i + kAhead]);
      const IndexList object = store.refs(Table::claim, claim, 4);
      bool named = object.empty() || (cues.comparative && !store.refs(Table::claim, claim, 5).empty()) ||
                   object_implied(index, cues, subjects, claim);
      for (std::uint32_t k = 0; k < object.size() && !named; ++k) named = naming.how(object[k]) != Named::no;
      if (named) out.push_back(claim);
    }
  };
  for (std::uint32_t c : naming.covered) consider(index.claims_about(c));
  return sorted_unique(std::move(out));
}

// Every claim the text covers, with every part of its score but the wording
// (score and wording left 0, concepts left empty), in no particular order.
std::vector<ConceptCandidate> unscored_candidates(const Store& store, const TextAnalysis& text, const Cues& cues,
                                                  Subjects subjects, TextNaming& naming) {
  std::vector<ConceptCandidate> out;
  if (text.mentions.empty()) return out;
  const ConceptIndex& index = store.concept_index();
  const std::vector<std::uint32_t>& direct = naming.direct;
  const std::vector<std::uint32_t>& covered = naming.covered;
  const std::vector<std::uint32_t> candidates = candidate_claims(store, naming, cues, subjects);
  const std::vector<std::size_t> weighed = weighed_mentions(text, naming.mention_ancestors);

  auto all_named = [&](const IndexList& needed) {
    for (std::uint32_t k = 0; k < needed.size(); ++k) {
      if (naming.how(needed[k]) == Named::no) return false;
    }
    return true;
  };
  std::vector<std::uint32_t> own;  // the claim's concepts
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::uint32_t claim = candidates[i];
    if (i + kAhead < candidates.size()) {
      store.prefetch_refs(Table::claim, candidates[i + kAhead]);
      index.prefetch_relation(candidates[i + kAhead]);
    }
    const IndexList subject = store.refs(Table::claim, claim, 3), object = store.refs(Table::claim, claim, 4);
    const IndexList compared = store.refs(Table::claim, claim, 5), population = store.refs(Table::claim, claim, 6);
    const bool compares = !compared.empty() && all_named(compared) && cues.comparative;
    bool subject_ok = true;
    for (std::uint32_t k = 0; k < subject.size() && subject_ok; ++k) {
      subject_ok = naming.how(subject[k]) == Named::through_broader
                       ? subject_named(store, subject[k], direct, covered, subjects)
                       : naming.how(subject[k]) != Named::no;
    }
    if (!subject_ok || !(all_named(object) || compares || object_implied(index, cues, subjects, claim))) continue;
    // A text that compares two things it names as the claim's subject ("is yoga
    // better than pilates for back pain?", both exercise) asks which is better: a
    // claim that compares nothing does not answer it.
    if (compared.empty() && weighs_two(weighed, naming.mention_ancestors, subject)) continue;
    const std::optional<Relation> relation = index.relation(claim);
    // A question about preventing something is not answered by a claim about
    // treating it ("does pilates stop you getting back pain in the first place").
    if (relation && cues.primary.test(static_cast<std::size_t>(Relation::prevents)) &&
        *relation != Relation::prevents) {
      continue;
    }

    ConceptCandidate c;
    c.claim = claim;
    own.clear();
    for (const IndexList* list : {&subject, &object, &compared}) {
      for (std::uint32_t k = 0; k < list->size(); ++k) own.push_back((*list)[k]);
    }
    // How directly the text names the claim's concepts (its population counts
    // only when named).
    double named = 0.0;
    std::size_t counted = own.size();
    for (std::uint32_t o : own) named += directness(naming.how(o));
    for (std::uint32_t k = 0; k < population.size(); ++k) {
      const Named how = naming.how(population[k]);
      if (how == Named::no) continue;
      named += directness(how);
      ++counted;
      own.push_back(population[k]);
    }
    // How much of the text the claim explains: the mentions one of its concepts
    // stands for (the mention names it, or something narrower, or just broader).
    const std::size_t explained = naming.explained(own);
    c.relation_fits = relation && cues.relations.test(static_cast<std::size_t>(*relation));
    // Cue words say the claim's relation first (1), fit it (kFittingRelation), say
    // nothing of a relation (0.5), or say another (0).
    const bool says_it = relation && cues.primary.test(static_cast<std::size_t>(*relation));
    const double relation_term = cues.relations.none() ? 0.5 : says_it ? 1.0 : c.relation_fits ? kFittingRelation : 0.0;
    // A claim that compares, when the text does not name what it is compared with:
    // the text asks about the simpler claim.
    c.comparison_unasked = !compared.empty() && !compares;
    c.explained = static_cast<double>(explained) / static_cast<double>(text.mentions.size());
    c.directness = named / static_cast<double>(counted);
    c.relation = relation_term;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<ConceptCandidate> covered_claims(const Store& store, const TextAnalysis& text, const Cues& cues,
                                             const Query& words, std::size_t limit,
                                             const std::vector<std::uint32_t>& wanted, Subjects subjects) {
  TextNaming naming(store, text);
  std::vector<ConceptCandidate> out = unscored_candidates(store, text, cues, subjects, naming);
  const SearchIndex& wording = store.search_index();
  if (limit >= out.size()) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      ConceptCandidate& c = out[i];
      if (i + kAhead < out.size()) wording.prefetch(out[i + kAhead].claim);
      c.wording = wording.phrasing_coverage(c.claim, words).share;
      c.score = score_of(c);
    }
    sort_best_first(out);
  } else {
    out = best_scored(std::move(out), wording, words, limit, wanted);
  }
  for (ConceptCandidate& c : out) c.concepts = concepts_named(store, naming, c.claim);
  return out;
}

// The candidates in the order of their bound (the score with a full wording
// share); the wording is worked out only while a candidate's bound can still beat
// the best accepted one found (or tie it with a smaller claim index): the result
// is the first accepted candidate of covered_claims' order.
std::optional<ConceptCandidate> best_accepted(const Store& store, const TextAnalysis& text, const Cues& cues,
                                              const Query& words, double floor,
                                              const std::function<bool(const ConceptCandidate&)>& accept) {
  TextNaming naming(store, text);
  std::vector<ConceptCandidate> all = unscored_candidates(store, text, cues, Subjects::of_a_sentence, naming);
  for (ConceptCandidate& c : all) {
    c.wording = 1.0;
    c.score = score_of(c);
  }
  // A claim whose bound is under the floor cannot be it.
  all.erase(std::remove_if(all.begin(), all.end(), [floor](const ConceptCandidate& c) { return c.score < floor; }),
            all.end());
  const SearchIndex& wording = store.search_index();
  std::optional<ConceptCandidate> best;
  for (BestFirst order(all); !order.empty();) {
    ConceptCandidate& c = all[order.next()];
    if (!order.empty()) wording.prefetch(all[order.top()].claim);   // likely the next one scored
    if (c.score < floor || (best && c.score < best->score)) break;  // bounds only fall from here
    c.wording = wording.phrasing_coverage(c.claim, words).share;
    c.score = score_of(c);
    if (c.score < floor || !accept(c)) continue;
    if (!best || c.score > best->score || (c.score == best->score && c.claim < best->claim)) best = std::move(c);
  }
  if (best) best->concepts = concepts_named(store, naming, best->claim);
  return best;
}

}  // namespace claimkb::detail
