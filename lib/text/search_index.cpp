#include "text/search_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>

#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace {

constexpr int kFields = 3;

double bm25_idf(double n, double df) { return std::log(1.0 + (n - df + 0.5) / (df + 0.5)); }


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
  std::nth_element(acc.scratch.begin(), acc.scratch.begin() + static_cast<std::ptrdiff_t>(k - 1),
                   acc.scratch.end(), std::greater<>());
  return acc.scratch[k - 1];
}

}  // namespace

SearchIndex::SearchIndex(const std::vector<Claim>& claims) : claim_count_(claims.size()) {
  Stemmer stemmer;
  // Each distinct word is analysed once: words repeat across claims (Zipf), and
  // stemming and hashing a new string per occurrence would dominate the build.
  constexpr std::uint32_t kSkip = UINT32_MAX;  // a stop word or a one-letter word
  std::unordered_map<std::string, std::uint32_t> word_terms;  // folded word -> term id
  std::string key;
  auto add_terms = [&](std::string_view text, std::vector<std::uint32_t>& out) {
    for_each_word(text, [&](std::string_view w) {
      key.assign(w.data(), w.size());
      auto known = word_terms.find(key);
      if (known == word_terms.end()) {
        std::uint32_t id = kSkip;
        if (is_term_word(w)) {
          std::string term = term_of(w, stemmer);
          auto it = term_ids_.find(term);
          if (it == term_ids_.end()) {
            it = term_ids_.emplace(std::move(term), static_cast<std::uint32_t>(term_ids_.size())).first;
          }
          id = it->second;
        }
        known = word_terms.emplace(key, id).first;
      }
      if (known->second != kSkip) out.push_back(known->second);
    });
  };

  // Pass 1, claim by claim: each distinct term's occurrences per field, each
  // field's length, and each phrasing's terms. Buffers are reused across claims.
  struct Occurrences {
    std::uint32_t term, claim;
    std::array<std::uint16_t, kFields> tf;
  };
  std::vector<Occurrences> occurrences;
  std::vector<std::array<std::uint32_t, kFields>> lengths(claims.size());
  std::array<double, kFields> total_length{};
  std::vector<std::pair<std::uint32_t, int>> in_claim;  // (term, field)
  std::vector<std::uint32_t> field, phrasing;
  std::vector<std::uint32_t> phrasing_claim;  // parallel to phrasings_
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    in_claim.clear();
    auto add_phrasing = [&](std::vector<std::uint32_t>& terms) {
      std::sort(terms.begin(), terms.end());
      terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
      if (terms.empty()) return;
      phrasings_.push_back({static_cast<std::uint32_t>(phrasing_terms_.size()),
                            static_cast<std::uint32_t>(phrasing_terms_.size() + terms.size()), 0.0});
      phrasing_terms_.insert(phrasing_terms_.end(), terms.begin(), terms.end());
    };
    for (int f = 0; f < kFields; ++f) {
      field.clear();
      if (f == 0) {
        add_terms(c.statement, field);
        phrasing = field;
        add_phrasing(phrasing);
      } else if (f == 1) {
        for (const std::string& alias : c.aliases) {
          phrasing.clear();
          add_terms(alias, phrasing);
          field.insert(field.end(), phrasing.begin(), phrasing.end());
          add_phrasing(phrasing);
        }
      } else {
        for (const std::string& tag : c.tags) add_terms(tag, field);
      }
      lengths[i][f] = static_cast<std::uint32_t>(field.size());
      total_length[f] += static_cast<double>(field.size());
      for (std::uint32_t t : field) in_claim.emplace_back(t, f);
    }
    phrasing_claim.resize(phrasings_.size(), static_cast<std::uint32_t>(i));
    std::sort(in_claim.begin(), in_claim.end());
    for (std::size_t k = 0; k < in_claim.size();) {
      Occurrences o{in_claim[k].first, static_cast<std::uint32_t>(i), {}};
      for (; k < in_claim.size() && in_claim[k].first == o.term; ++k) {
        auto& n = o.tf[static_cast<std::size_t>(in_claim[k].second)];
        if (n < UINT16_MAX) ++n;
      }
      occurrences.push_back(o);
    }
  }

  // Pass 2: idf from document frequencies, then the postings, grouped by term
  // (a counting sort keeps each group in claim order).
  const double n = static_cast<double>(claims.size());
  std::array<double, kFields> avg_length{};
  for (int f = 0; f < kFields; ++f) avg_length[f] = n > 0 && total_length[f] > 0 ? total_length[f] / n : 1.0;
  std::vector<std::uint32_t> df(term_ids_.size(), 0);
  for (const Occurrences& o : occurrences) ++df[o.term];
  idf_.resize(term_ids_.size());
  for (std::size_t t = 0; t < idf_.size(); ++t) idf_[t] = static_cast<float>(bm25_idf(n, df[t]));
  unknown_idf_ = bm25_idf(n, 0);

  post_offsets_.assign(term_ids_.size() + 1, 0);
  for (std::size_t t = 0; t < df.size(); ++t) post_offsets_[t + 1] = post_offsets_[t] + df[t];
  postings_.resize(post_offsets_.back());
  max_weight_.assign(term_ids_.size(), 0.0f);
  std::vector<std::uint32_t> fill(post_offsets_.begin(), post_offsets_.end() - 1);
  for (const Occurrences& o : occurrences) {
    double tf = 0.0;
    for (std::size_t f = 0; f < kFields; ++f) {
      if (o.tf[f] == 0) continue;
      const double norm = 1.0 - kB[f] + kB[f] * lengths[o.claim][f] / avg_length[f];
      tf += kWeight[f] * o.tf[f] / norm;
    }
    const auto saturated = static_cast<float>(tf * (kK1 + 1.0) / (kK1 + tf));
    postings_[fill[o.term]++] = {o.claim, saturated};
    max_weight_[o.term] = std::max(max_weight_[o.term], saturated);
  }

  for (Phrasing& p : phrasings_) {
    for (std::uint32_t k = p.begin; k < p.end; ++k) p.mass += idf_[phrasing_terms_[k]];
  }
  phrasing_offsets_.assign(claims.size() + 1, 0);
  for (std::uint32_t c : phrasing_claim) ++phrasing_offsets_[c + 1];
  for (std::size_t c = 0; c < claims.size(); ++c) phrasing_offsets_[c + 1] += phrasing_offsets_[c];
}

Query SearchIndex::query(std::string_view text, Stemmer& stemmer) const {
  std::vector<std::string> terms = analyze(text, stemmer);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  Query q;
  std::vector<std::uint32_t> known;
  for (const std::string& t : terms) {
    auto it = term_ids_.find(t);
    double idf = unknown_idf_;
    if (it != term_ids_.end()) {
      idf = idf_[it->second];
      known.push_back(it->second);
    }
    q.max_score += idf * (kK1 + 1.0);
  }
  std::sort(known.begin(), known.end());
  for (std::uint32_t t : known) q.known_idf.push_back(idf_[t]);
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
  struct Reset {
    Accumulator& a;
    ~Reset() {
      for (std::uint32_t c : a.touched) a.score[c] = 0.0;
      a.touched.clear();
    }
  } reset{acc};
  if (acc.score.size() < claim_count_) acc.score.resize(claim_count_, 0.0);
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
    const Posting* first = postings_.data() + post_offsets_[terms[i].id];
    const Posting* last = postings_.data() + post_offsets_[terms[i].id + 1];
    const double idf = terms[i].idf;
    if (open) {
      for (const Posting* p = first; p != last; ++p) {
        double& s = acc.score[p->claim];
        if (s == 0.0) acc.touched.push_back(p->claim);
        s += idf * p->weight;
        best = std::max(best, s);
      }
      continue;
    }
    const auto df = static_cast<double>(last - first);
    if (static_cast<double>(acc.touched.size()) * std::log2(df + 1.0) < df) {
      for (std::uint32_t c : acc.touched) {
        const Posting* p = std::lower_bound(first, last, c, [](const Posting& x, std::uint32_t v) { return x.claim < v; });
        if (p != last && p->claim == c) acc.score[c] += idf * p->weight;
      }
    } else {
      for (const Posting* p = first; p != last; ++p) {
        double& s = acc.score[p->claim];
        if (s != 0.0) s += idf * p->weight;
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
  for (ScoredClaim& s : out) s.score *= (1.0 + phrasing_coverage(s.claim, q.known).share) / 2.0;
  out.erase(std::remove_if(out.begin(), out.end(), [&](const ScoredClaim& s) { return s.score < floor; }),
            out.end());
  keep_best(out, limit);
  return out;
}

Coverage SearchIndex::cover(const Phrasing& p, const std::vector<std::uint32_t>& present) const {
  Coverage c;
  auto it = present.begin();
  for (std::uint32_t k = p.begin; k < p.end; ++k) {  // both sorted: one merge-like pass
    const std::uint32_t t = phrasing_terms_[k];
    it = std::lower_bound(it, present.end(), t);
    if (it == present.end()) break;
    if (*it == t) {
      c.found += idf_[t];
      ++c.terms;
    }
  }
  c.share = p.mass > 0 ? c.found / p.mass : 0.0;
  c.of = p.end - p.begin;
  return c;
}

Coverage SearchIndex::phrasing_coverage(std::uint32_t claim, const std::vector<std::uint32_t>& present) const {
  Coverage best;
  for (std::uint32_t k = phrasing_offsets_[claim]; k < phrasing_offsets_[claim + 1]; ++k) {
    const Coverage c = cover(phrasings_[k], present);
    if (c.share > best.share || (c.share == best.share && c.terms > best.terms)) best = c;
  }
  return best;
}

std::vector<Coverage> SearchIndex::phrasing_coverages(std::uint32_t claim,
                                                      const std::vector<std::uint32_t>& present) const {
  std::vector<Coverage> out;
  out.reserve(phrasing_offsets_[claim + 1] - phrasing_offsets_[claim]);
  for (std::uint32_t k = phrasing_offsets_[claim]; k < phrasing_offsets_[claim + 1]; ++k) {
    out.push_back(cover(phrasings_[k], present));
  }
  return out;
}

}  // namespace claimkb::detail
