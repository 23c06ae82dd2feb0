#include "text/search_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <utility>

#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace {

// Per-thread score accumulator for rank(): a dense array indexed by claim, plus the
// list of claims touched, so that clearing it costs only what the query touched.
struct Accumulator {
  std::vector<double> score;
  std::vector<std::uint32_t> touched;
  std::vector<double> scratch;  // for kth_score
};

// The k-th largest partial score among the claims touched so far (k >= 1, and at
// least k claims touched).
double kth_score(Accumulator& acc, std::size_t k) {
  acc.scratch.clear();
  for (std::uint32_t c : acc.touched) acc.scratch.push_back(acc.score[c]);
  std::nth_element(acc.scratch.begin(), acc.scratch.begin() + static_cast<std::ptrdiff_t>(k - 1), acc.scratch.end(),
                   std::greater<>());
  return acc.scratch[k - 1];
}

}  // namespace

std::optional<SearchIndex> SearchIndex::open(std::string_view bytes, std::size_t claim_count) {
  constexpr std::size_t kHeader = 6 * 4 + 8;
  if (bytes.size() < kHeader) return std::nullopt;
  SearchIndex x;
  const Packed<std::uint32_t> header(bytes.data());
  x.claims_ = header[0];
  x.terms_ = header[1];
  x.postings_ = header[2];
  x.phrasings_ = header[3];
  x.phrasing_terms_ = header[4];
  const std::uint64_t term_bytes = header[5];
  x.unknown_idf_ = Packed<double>(bytes.data() + 24)[0];
  if (x.claims_ != claim_count) return std::nullopt;
  // Every array's place, then the exact size: nothing may be missing or left over.
  std::uint64_t at = kHeader;
  auto take = [&](std::uint64_t count, std::uint64_t size) {
    const char* p = bytes.data() + std::min<std::uint64_t>(at, bytes.size());
    at += count * size;
    return p;
  };
  const std::uint64_t terms = x.terms_, claims = x.claims_, phrasings = x.phrasings_;
  x.term_offsets_ = Packed<std::uint32_t>(take(terms + 1, 4));
  x.idf_ = Packed<float>(take(terms, 4));
  x.max_weight_ = Packed<float>(take(terms, 4));
  x.post_offsets_ = Packed<std::uint32_t>(take(terms + 1, 4));
  x.post_claim_ = Packed<std::uint32_t>(take(x.postings_, 4));
  x.post_weight_ = Packed<float>(take(x.postings_, 4));
  x.phrasing_offsets_ = Packed<std::uint32_t>(take(claims + 1, 4));
  x.phrasing_begin_ = Packed<std::uint32_t>(take(phrasings, 4));
  x.phrasing_end_ = Packed<std::uint32_t>(take(phrasings, 4));
  x.phrasing_mass_ = Packed<double>(take(phrasings, 8));
  x.phrasing_term_ = Packed<std::uint32_t>(take(x.phrasing_terms_, 4));
  x.term_bytes_ = take(term_bytes, 1);
  if (at != bytes.size()) return std::nullopt;

  if (!valid_offsets(x.term_offsets_, terms, term_bytes) || !valid_offsets(x.post_offsets_, terms, x.postings_) ||
      !valid_offsets(x.phrasing_offsets_, claims, phrasings)) {
    return std::nullopt;
  }
  // Terms strictly increasing, so that term_id() finds each one.
  for (std::uint32_t t = 1; t < x.terms_; ++t) {
    if (!(x.term(t - 1) < x.term(t))) return std::nullopt;
  }
  // Scores are sums and products of these; ranking sorts by them. A NaN, infinite
  // or negative one (only in an altered file) would make the order meaningless.
  // (For a float: the sign bit clear and the exponent not all ones.)
  auto weight = [](double w) { return std::isfinite(w) && w >= 0.0; };
  auto float_weight = [](float w) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &w, sizeof bits);
    return (bits >> 23) < 0xFFU;
  };
  if (!weight(x.unknown_idf_)) return std::nullopt;
  for (std::uint32_t t = 0; t < x.terms_; ++t) {
    if (!float_weight(x.idf_[t]) || !float_weight(x.max_weight_[t])) return std::nullopt;
    const std::uint32_t first = x.post_offsets_[t], last = x.post_offsets_[t + 1];
    std::uint32_t previous = 0;
    for (std::uint32_t k = first; k < last; ++k) {
      const std::uint32_t claim = x.post_claim_[k];
      if (claim >= x.claims_ || (k > first && previous >= claim) || !float_weight(x.post_weight_[k])) {
        return std::nullopt;
      }
      previous = claim;
    }
  }
  for (std::uint32_t p = 0; p < x.phrasings_; ++p) {
    const std::uint32_t begin = x.phrasing_begin_[p], end = x.phrasing_end_[p];
    if (!weight(x.phrasing_mass_[p]) || begin > end || end > x.phrasing_terms_) return std::nullopt;
    for (std::uint32_t k = begin; k < end; ++k) {  // each phrasing's terms: known, sorted, distinct
      if (x.phrasing_term_[k] >= x.terms_ || (k > begin && x.phrasing_term_[k - 1] >= x.phrasing_term_[k])) {
        return std::nullopt;
      }
    }
  }
  return x;
}

std::string_view SearchIndex::term(std::uint32_t t) const {
  return std::string_view(term_bytes_ + term_offsets_[t], term_offsets_[t + 1] - term_offsets_[t]);
}

std::optional<std::uint32_t> SearchIndex::term_id(std::string_view t) const {
  std::uint32_t lo = 0, hi = terms_;
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    const int c = term(mid).compare(t);
    if (c == 0) return mid;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

Query SearchIndex::query(std::string_view text, Stemmer& stemmer) const {
  std::vector<std::string> terms = analyze(text, stemmer);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  Query q;
  std::vector<std::uint32_t> known;
  for (const std::string& t : terms) {
    double idf = unknown_idf_;
    if (auto id = term_id(t)) {
      idf = idf_[*id];
      known.push_back(*id);
    }
    q.max_score += idf * (Bm25::kK1 + 1.0);
  }
  std::sort(known.begin(), known.end());
  q.has.assign(terms_, false);
  for (std::uint32_t t : known) {
    q.known_idf.push_back(idf_[t]);
    q.has[t] = true;
  }
  q.known = std::move(known);
  return q;
}

namespace {

bool better(const ScoredClaim& a, const ScoredClaim& b) {
  return a.score != b.score ? a.score > b.score : a.claim < b.claim;
}

void keep_best(std::vector<ScoredClaim>& v, std::size_t limit) {
  if (v.size() > limit) {
    std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(limit), v.end(), better);
    v.resize(limit);
  } else {
    std::sort(v.begin(), v.end(), better);
  }
}

}  // namespace

std::vector<ScoredClaim> SearchIndex::bm25(const Query& q, std::size_t limit, std::size_t opening_terms) const {
  std::vector<ScoredClaim> out;
  if (q.known.empty() || q.max_score <= 0 || limit == 0) return out;

  // Terms by the most they can add to one claim's score, largest first, and what
  // all the terms after each one can add together.
  struct Term {
    std::uint32_t id;
    double idf;
    double bound;
  };
  std::vector<Term> terms;
  for (std::size_t k = 0; k < q.known.size(); ++k) {
    const std::uint32_t t = q.known[k];
    terms.push_back({t, q.known_idf[k], q.known_idf[k] * max_weight_[t]});
  }
  std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.bound > b.bound; });
  std::vector<double> rest(terms.size() + 1, 0.0);
  for (std::size_t i = terms.size(); i-- > 0;) rest[i] = rest[i + 1] + terms[i].bound;

  thread_local Accumulator acc;
  // However this returns (std::bad_alloc included), the accumulator is left all
  // zeros, so the next query on this thread, on any KB, starts clean.
  class Reset {
   public:
    explicit Reset(Accumulator& a) : a_(a) {}
    ~Reset() {
      for (std::uint32_t c : a_.touched) a_.score[c] = 0.0;
      a_.touched.clear();
    }
    Reset(const Reset&) = delete;
    Reset& operator=(const Reset&) = delete;

   private:
    Accumulator& a_;
  } reset{acc};
  if (acc.score.size() < claims_) acc.score.resize(claims_, 0.0);
  // Term at a time, with the classic upper-bound cut-off: once `limit` claims have
  // partial scores above what every remaining term could give a claim not yet
  // seen, no unseen claim can reach the top `limit`. From then on the remaining
  // (common, low-idf) terms only add to the claims already seen, and when those
  // are few, by binary search in the term's postings instead of reading them all.
  // The top `limit` is exactly what a full scan gives.
  bool open = true;
  double best = 0.0;  // the largest partial score: the k-th is never more
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (open && i >= opening_terms) open = false;
    if (open && i > 0 && acc.touched.size() >= limit && rest[i] < best && rest[i] < kth_score(acc, limit)) {
      open = false;
    }
    const std::uint32_t first = post_offsets_[terms[i].id], last = post_offsets_[terms[i].id + 1];
    const double idf = terms[i].idf;
    if (open) {
      for (std::uint32_t p = first; p != last; ++p) {
        const std::uint32_t c = post_claim_[p];
        double& s = acc.score[c];
        if (s == 0.0) acc.touched.push_back(c);
        s += idf * post_weight_[p];
        best = std::max(best, s);
      }
      continue;
    }
    const auto df = static_cast<double>(last - first);
    if (static_cast<double>(acc.touched.size()) * std::log2(df + 1.0) < df) {
      for (std::uint32_t c : acc.touched) {
        std::uint32_t lo = first, hi = last;  // the first posting of a claim >= c
        while (lo < hi) {
          const std::uint32_t mid = lo + (hi - lo) / 2;
          if (post_claim_[mid] < c) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        if (lo != last && post_claim_[lo] == c) acc.score[c] += idf * post_weight_[lo];
      }
    } else {
      for (std::uint32_t p = first; p != last; ++p) {
        double& s = acc.score[post_claim_[p]];
        if (s != 0.0) s += idf * post_weight_[p];
      }
    }
  }
  out.reserve(acc.touched.size());
  for (std::uint32_t c : acc.touched) {
    out.push_back({c, acc.score[c] / q.max_score});
    acc.score[c] = 0.0;
  }
  acc.touched.clear();
  keep_best(out, limit);
  return out;
}

std::vector<ScoredClaim> SearchIndex::rank(const Query& q, std::size_t limit, double floor) const {
  const std::size_t wanted = limit > SIZE_MAX / 2 ? SIZE_MAX : 2 * limit;  // a C caller's huge limit
  std::vector<ScoredClaim> out = bm25(q, std::max(kRescored, wanted));
  for (ScoredClaim& s : out) s.score *= (1.0 + phrasing_coverage(s.claim, q).share) / 2.0;
  out.erase(std::remove_if(out.begin(), out.end(), [&](const ScoredClaim& s) { return s.score < floor; }), out.end());
  keep_best(out, limit);
  return out;
}

template <class Has>
Coverage SearchIndex::cover(std::uint32_t p, Has has) const {
  Coverage c;
  const std::uint32_t begin = phrasing_begin_[p], end = phrasing_end_[p];
  for (std::uint32_t k = begin; k < end; ++k) {
    const std::uint32_t t = phrasing_term_[k];
    if (has(t)) {
      c.found += idf_[t];
      ++c.terms;
    }
  }
  const double mass = phrasing_mass_[p];
  c.share = mass > 0 ? c.found / mass : 0.0;
  c.of = end - begin;
  return c;
}

// For a claim out of range (only an index that failed its check, which is empty):
// no coverage.
template <class Has>
Coverage SearchIndex::best_cover(std::uint32_t claim, Has has) const {
  Coverage best;
  if (claim >= claims_) return best;
  for (std::uint32_t k = phrasing_offsets_[claim]; k < phrasing_offsets_[claim + 1]; ++k) {
    const Coverage c = cover(k, has);
    if (c.share > best.share || (c.share == best.share && c.terms > best.terms)) best = c;
  }
  return best;
}

template <class Has>
std::vector<Coverage> SearchIndex::covers(std::uint32_t claim, Has has) const {
  std::vector<Coverage> out;
  if (claim >= claims_) return out;
  out.reserve(phrasing_offsets_[claim + 1] - phrasing_offsets_[claim]);
  for (std::uint32_t k = phrasing_offsets_[claim]; k < phrasing_offsets_[claim + 1]; ++k) out.push_back(cover(k, has));
  return out;
}

void SearchIndex::prefetch(std::uint32_t claim) const {
  if (claim >= claims_) return;
  const std::uint32_t p = phrasing_offsets_[claim];
  if (p >= phrasings_) return;
  phrasing_end_.prefetch(p);
  phrasing_mass_.prefetch(p);
  phrasing_term_.prefetch(phrasing_begin_[p]);
}

namespace {

// Term look-ups: by binary search in sorted ids, or in a query's marks.
auto in_sorted(const std::vector<std::uint32_t>& present) {
  return [&present](std::uint32_t t) { return std::binary_search(present.begin(), present.end(), t); };
}
auto in_query(const Query& q) {
  return [&q](std::uint32_t t) { return t < q.has.size() && q.has[t]; };
}

}  // namespace

Coverage SearchIndex::phrasing_coverage(std::uint32_t claim, const std::vector<std::uint32_t>& present) const {
  return best_cover(claim, in_sorted(present));
}

std::vector<Coverage> SearchIndex::phrasing_coverages(std::uint32_t claim,
                                                      const std::vector<std::uint32_t>& present) const {
  return covers(claim, in_sorted(present));
}

Coverage SearchIndex::phrasing_coverage(std::uint32_t claim, const Query& q) const {
  return best_cover(claim, in_query(q));
}

std::vector<Coverage> SearchIndex::phrasing_coverages(std::uint32_t claim, const Query& q) const {
  return covers(claim, in_query(q));
}

}  // namespace claimkb::detail
