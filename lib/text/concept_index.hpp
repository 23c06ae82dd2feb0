// Concepts in plain text: the index behind matching questions and sentences to
// claims by what they are about. Private to the library; docs/search.md explains
// the rules.
//
// Built once when a KB is loaded (ConceptIndexBuilder), kept as bytes in the KB's
// store like the search index, and read in place (ConceptIndex). It holds:
//   - every concept's label and synonyms as phrases of analysed terms (the search
//     index's terms: folded, stop words dropped, stemmed), sorted for look-up;
//   - each concept with all the concepts it is narrower than, itself included (a
//     mention of the psoas is a mention of the hip flexors too);
//   - each claim's `about` relation, and the claims whose subject names each
//     concept: the claims matching looks at (concept_match.cpp).
// A claim's subject, object, compared_with and population are the store's
// references.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/model.hpp"
#include "store/binary.hpp"
#include "text/spelling.hpp"
#include "text/stemmer.hpp"

namespace claimkb::detail {

// A text as matching sees it.
struct TextAnalysis {
  std::vector<std::string> words;        // folded words, stop words included, in order
  std::vector<std::string> terms;        // the content words' terms (stemmed), in order
  std::vector<std::uint32_t> term_word;  // for each term, the index of its word
  // A concept named in the text: terms [first, end) are its words.
  struct Mention {
    std::uint32_t first = 0, end = 0;
    std::vector<std::uint32_t> concepts;  // usually one; more for a shared synonym
  };
  std::vector<Mention> mentions;
  // Terms that are in no mention, for the words around the concepts.
  bool in_mention(std::size_t term) const;
};

// Analyses text into words and terms only (no concepts): for cue words.
TextAnalysis analyse_words(std::string_view text, Stemmer& stemmer);

class ConceptIndexBuilder {
 public:
  ConceptIndexBuilder();
  ~ConceptIndexBuilder();
  ConceptIndexBuilder(const ConceptIndexBuilder&) = delete;
  ConceptIndexBuilder& operator=(const ConceptIndexBuilder&) = delete;

  // Concepts first, in KB order, each with the indices of its broader concepts;
  // then claims, in KB order, each with the indices of its subject concepts.
  void add_concept(const Concept& c, const std::vector<std::uint32_t>& broader);
  void add_claim(const Claim& c, const std::vector<std::uint32_t>& subject);
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

class ConceptIndex {
 public:
  ConceptIndex() = default;

  // The index in `bytes` after checking every count, offset and id; nullopt for
  // bytes that are not a whole index of these many concepts and claims.
  static std::optional<ConceptIndex> open(std::string_view bytes, std::size_t concepts, std::size_t claims);

  // Words, terms and the concepts named (longest phrase first, left to right).
  TextAnalysis analyse(std::string_view text, Stemmer& stemmer) const;

  std::size_t concept_count() const { return concepts_; }
  // The concept and every concept it is narrower than, sorted.
  std::vector<std::uint32_t> ancestors(std::uint32_t concept_index) const;
  // Claims whose subject names the concept, sorted.
  std::vector<std::uint32_t> claims_about(std::uint32_t concept_index) const;
  // A claim's about relation, or nullopt for a claim without one.
  std::optional<Relation> relation(std::uint32_t claim) const;
  // Asks the processor to start loading what relation(claim) reads (a hint for a
  // loop that knows its next claims, no effect on results).
  void prefetch_relation(std::uint32_t claim) const {
    if (claim < claims_) relations_.prefetch(claim);
  }

 private:
  std::string_view phrase(std::uint32_t p) const;
  bool known_term(const std::string& term) const;
  void find_gapped(TextAnalysis& a) const;
  std::string positive_degree_term(std::string_view word, Stemmer& stemmer) const;

  std::uint32_t concepts_ = 0, claims_ = 0, phrases_ = 0, max_terms_ = 0;
  Packed<std::uint32_t> ancestor_offsets_, ancestors_, about_offsets_, about_claims_;
  Packed<std::uint8_t> relations_;
  Packed<std::uint32_t> phrase_offsets_, phrase_concept_;
  const char* phrase_bytes_ = nullptr;
  // Every term of every phrase, sorted: the words concepts are named with.
  std::shared_ptr<const std::vector<std::string>> vocabulary_;
  std::shared_ptr<const Speller> speller_;  // to them, from a slip of the keyboard
};

}  // namespace claimkb::detail
