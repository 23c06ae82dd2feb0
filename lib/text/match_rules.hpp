// The weights and thresholds of matching by concepts. Private to the library;
// docs/search.md explains how they were chosen (on tests/data/paraphrase, never on
// the held-out set).
#pragma once

namespace claimkb::detail {

// A covered claim's score: the share of the text's concept mentions it explains,
// the share of its own concepts the text names directly (not through a narrower
// one), whether the cue words fit its relation (1), say nothing (0.5) or point
// elsewhere (0), and the share of its own wording in the text. The weights add to 1.
inline constexpr double kExplainedWeight = 0.40;
inline constexpr double kDirectWeight = 0.25;
inline constexpr double kRelationWeight = 0.15;
inline constexpr double kWordingWeight = 0.20;
// A claim that compares ("X more than Y"), when the text does not.
inline constexpr double kUnaskedComparisonPenalty = 0.25;
// How much a claim's concept counts for directness when the text names it through
// a narrower concept, or loosely through the concept just broader.
inline constexpr double kThroughNarrower = 0.6;
inline constexpr double kThroughBroader = 0.3;
// The relation term when cue words fit the claim's relation without saying it
// first ("does a tight psoas cause back pain" fits associated_with too).
inline constexpr double kFittingRelation = 0.7;

// match(): the best covered claim is answered when it scores at least this, and
// the runner-up at least kConceptMargin less.
inline constexpr double kConceptFloor = 0.55;
inline constexpr double kConceptMargin = 0.08;

}  // namespace claimkb::detail

namespace claimkb::detail {

// check(): a covered claim is made by a sentence when it scores at least
// kSentenceFloor and a cue word fits its relation, or the sentence holds at least
// kSentenceWordingShare of one of its wordings ...
inline constexpr double kSentenceFloor = 0.45;
inline constexpr double kSentenceWordingShare = 0.6;
// ... or it explains every concept mention of the sentence and names the claim's
// concepts at least this directly (whatever other cue words it has: a sentence
// that names nothing but the claim's concepts is about the claim; a stray "tells"
// or "reach" had kept such sentences out).
inline constexpr double kSentenceWholeDirectness = 1.0;

}  // namespace claimkb::detail
