// Matching a question or a sentence to claims by what they are about. Private to
// the library; docs/search.md explains the rules and how they were chosen.
//
// A text covers a claim when it names (directly, or through a narrower concept)
// every concept of the claim's subject and of its object; a claim that compares
// ("X more than Y") is covered by its subject and what it is compared with when
// the text compares too. Covered claims are then scored by how much of the text
// they explain, how directly, whether the cue words fit their relation, and the
// text's BM25 score against their own wording.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "store/store.hpp"
#include "text/concept_index.hpp"
#include "text/cues.hpp"
#include "text/search_index.hpp"

namespace claimkb::detail {

struct ConceptCandidate {
  std::uint32_t claim = 0;
  double score = 0.0;                   // in [0, 1]: from the parts below (match_rules.hpp)
  double explained = 0.0;               // share of the text's mentions the claim's concepts stand for
  double directness = 0.0;              // how directly the text names the claim's concepts
  double relation = 0.0;                // 1 said, kFittingRelation fits, 0.5 no cue, 0 another
  double wording = 0.0;                 // share of the claim's own wording in the text
  bool comparison_unasked = false;      // the claim compares; the text does not
  bool relation_fits = false;           // a cue word fits the claim's relation
  std::vector<std::uint32_t> concepts;  // the claim's concepts the text names
};

// Whose subject concepts are being matched: a sentence's (of a text to check) may
// be named loosely, through the concept just broader, like any other; a question's
// only through one that is not a root ("treating the psoas" does not name psoas
// release through "treatment").
enum class Subjects { of_a_sentence, of_a_question };

// Every claim the text covers, best first. With a limit, fewer: the best `limit`
// (exactly those, in the same order, as without one), the covered claims among
// `wanted`, and any others scored on the way, each with the same score as without
// a limit.
std::vector<ConceptCandidate> covered_claims(const Store& store, const TextAnalysis& text, const Cues& cues,
                                             const Query& words, std::size_t limit = SIZE_MAX,
                                             const std::vector<std::uint32_t>& wanted = {},
                                             Subjects subjects = Subjects::of_a_sentence);

// The candidate covered_claims(store, text, cues, words) would list first among
// those scoring at least `floor` that `accept` takes (it sees the whole candidate,
// wording and score included), or nullopt; without working out the wording of
// candidates that cannot be it. For sentences (Subjects::of_a_sentence).
std::optional<ConceptCandidate> best_accepted(const Store& store, const TextAnalysis& text, const Cues& cues,
                                              const Query& words, double floor,
                                              const std::function<bool(const ConceptCandidate&)>& accept);

// Whether candidate a is better than b on every count that concepts decide: it
// explains at least as much of the text, names its concepts at least as directly,
// fits the cue words at least as well, and does not compare unasked where b does
// not; and is better on at least one of them. Wording does not count: it measures
// the claims' own phrasing, which curators write at different lengths.
bool dominates(const ConceptCandidate& a, const ConceptCandidate& b);

// The concepts a text names, in order, each once.
std::vector<std::uint32_t> named_concepts(const TextAnalysis& text);

}  // namespace claimkb::detail
