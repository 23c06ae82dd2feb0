// The inverted index behind search, match and check. Private to the library.
//
// Built once when a KB is loaded (SearchIndexBuilder), kept as bytes in the KB's
// store (in memory, or in a snapshot file as it is), and read in place by
// SearchIndex, so any number of threads may query it at once and opening a
// snapshot costs one check of the bytes, not a copy into structures. Each claim is a document with three fields, each
// analysed into terms (analyze.hpp): its statement, its aliases and its tags. Ranking is BM25F: a term's occurrences in
// the fields are weighted, length-normalised per field and added into one pseudo-frequency, which is then saturated
// once:
//
//   tf~(t, c) = sum over fields f of  weight_f * tf_f / (1 - b_f + b_f * len_f / avglen_f)
//   score(q, c) = sum over distinct terms t of q  of  idf(t) * tf~ * (k1 + 1) / (k1 + tf~)
//   idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))
//
// The saturated part of each posting is computed at build time, so a query only
// walks the postings lists of its own terms and adds one product per posting: it
// never visits a claim that shares no term with it. Common terms, whose postings
// are long but whose idf is small, are mostly not walked at all (see bm25()).
//
// A raw BM25F score means nothing across queries, so scores are normalised by the
// most a query could score: idf(t) * (k1 + 1) summed over its terms, where a term
// that no claim contains counts with the idf of df = 0. A normalised score is in
// [0, 1); it is high only when the claim contains most of the query's informative
// words, several times over.
//
// BM25 only looks from the query's side: a claim that says everything the query
// says and more ("foam rolling increases range of motion MORE THAN STRETCHING")
// scores as well as the claim that says just that. So the best BM25 candidates are
// re-scored by how much of one of the claim's own phrasings the query covers:
//
//   score = bm25_normalised * (1 + coverage) / 2
//
// which keeps the score in [0, 1) and at most halves it. docs/search.md has figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/model.hpp"
#include "store/binary.hpp"
#include "text/stemmer.hpp"

namespace claimkb::detail {

// The terms of one query or sentence: distinct, each with its idf. `known` are the
// ids of terms some claim contains, sorted; unknown terms only add to `max_score`.
struct Query {
  std::vector<std::uint32_t> known;
  std::vector<float> known_idf;  // parallel to known
  double max_score = 0.0;        // sum of idf * (k1 + 1) over every distinct term
  std::vector<bool> has;         // by term id: whether it is in known (one look-up, for coverage)
};

// How much of one of a claim's wordings some terms contain (phrasing_coverage).
struct Coverage {
  double share = 0.0;     // idf mass of the wording's terms found / its whole idf mass
  double found = 0.0;     // idf mass of the wording's terms found
  std::size_t terms = 0;  // how many of the wording's distinct terms were found
  std::size_t of = 0;     // how many distinct terms the wording has
};

struct ScoredClaim {
  std::uint32_t claim = 0;
  double score = 0.0;  // normalised, in [0, 1)
};

// BM25F parameters. k1 is the usual value; b is lower for aliases and tags than
// for the statement because a claim's alias list grows with the phrasings a
// curator thought of, which should not count against it much.
struct Bm25 {
  static constexpr double kK1 = 1.2;
  static constexpr double kWeight[3] = {1.0, 1.0, 0.5};  // statement, aliases, tags
  static constexpr double kB[3] = {0.75, 0.5, 0.3};
};

// Builds the index's bytes from the claims, given one at a time in KB order.
class SearchIndexBuilder {
 public:
  SearchIndexBuilder();
  ~SearchIndexBuilder();
  SearchIndexBuilder(const SearchIndexBuilder&) = delete;
  SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

  void add(const Claim& claim);
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// A read-only view of an index's bytes; the bytes must outlive it.
class SearchIndex {
 public:
  SearchIndex() = default;

  // The index in `bytes`, after checking that every count, offset and id is in
  // range and every weight finite; nullopt for bytes that are not a whole index
  // of `claim_count` claims.
  static std::optional<SearchIndex> open(std::string_view bytes, std::size_t claim_count);

  Query query(std::string_view text, Stemmer& stemmer) const;

  // The `limit` best claims by normalised BM25F alone, best first; ties go to the
  // claim that comes first in the KB. Exact, unless `opening_terms` is given: then
  // only claims holding one of the query's `opening_terms` terms that can add the
  // most (the rarest) are considered (the other terms still add to their scores).
  // That bounds the cost of a long query, such as a sentence, made mostly of
  // common words.
  std::vector<ScoredClaim> bm25(const Query& q, std::size_t limit, std::size_t opening_terms = SIZE_MAX) const;

  // The `limit` best claims by the re-scored value (above) that reach `floor`,
  // best first. Only the best BM25 candidates are re-scored: kRescored of them, or
  // 2 * limit when that is more. (Re-scoring at most halves a score, so a claim
  // below them would need less than half their BM25 score to be worth more.)
  std::vector<ScoredClaim> rank(const Query& q, std::size_t limit, double floor) const;
  static constexpr std::size_t kRescored = 20;

  // How much of each of the claim's phrasings (its statement, then each alias) the
  // terms `present` contain. `present` must be sorted (as Query::known is).
  std::vector<Coverage> phrasing_coverages(std::uint32_t claim, const std::vector<std::uint32_t>& present) const;

  // The phrasing with the largest share (more terms found breaks a tie). A share of
  // 1 means some phrasing is wholly contained in `present`.
  Coverage phrasing_coverage(std::uint32_t claim, const std::vector<std::uint32_t>& present) const;
  // The same for the query's known terms, by look-up (the hot path of matching).
  std::vector<Coverage> phrasing_coverages(std::uint32_t claim, const Query& q) const;
  Coverage phrasing_coverage(std::uint32_t claim, const Query& q) const;
  // Asks the processor to start loading what phrasing_coverage(claim, ...) reads
  // (scattered over several arrays, so a claim's coverage mostly waits for memory),
  // for a loop that knows which claim it covers next. A hint, no effect on results.
  void prefetch(std::uint32_t claim) const;

  std::size_t claim_count() const { return claims_; }
  std::size_t term_count() const { return terms_; }
  // The id of a term (an analysed word), or nullopt when no claim holds it.
  std::optional<std::uint32_t> term_id(std::string_view term) const;

 private:
  std::string_view term(std::uint32_t t) const;
  // `has(t)`: whether term t is present.
  template <class Has>
  Coverage cover(std::uint32_t phrasing, Has has) const;
  template <class Has>
  Coverage best_cover(std::uint32_t claim, Has has) const;
  template <class Has>
  std::vector<Coverage> covers(std::uint32_t claim, Has has) const;

  std::uint32_t claims_ = 0, terms_ = 0, postings_ = 0, phrasings_ = 0, phrasing_terms_ = 0;
  double unknown_idf_ = 0.0;
  Packed<std::uint32_t> term_offsets_;                   // terms + 1, into term_bytes_; terms sorted
  Packed<float> idf_;                                    // by term
  Packed<float> max_weight_;                             // by term: its largest posting weight
  Packed<std::uint32_t> post_offsets_;                   // term t's postings: [post_offsets_[t], post_offsets_[t+1])
  Packed<std::uint32_t> post_claim_;                     // each term's postings sorted by claim
  Packed<float> post_weight_;                            // tf~ (k1 + 1) / (k1 + tf~): the saturated pseudo-frequency
  Packed<std::uint32_t> phrasing_offsets_;               // claim c's phrasings, like post_offsets_
  Packed<std::uint32_t> phrasing_begin_, phrasing_end_;  // into phrasing_terms_
  Packed<double> phrasing_mass_;                         // the idf mass of each phrasing's terms
  Packed<std::uint32_t> phrasing_term_;                  // each phrasing's distinct term ids, sorted
  const char* term_bytes_ = nullptr;
};

}  // namespace claimkb::detail
