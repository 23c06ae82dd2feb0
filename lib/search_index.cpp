#include "search_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "analyze.hpp"

namespace claimkb::detail {
namespace {

constexpr int kFields = 3;

double bm25_idf(double n, double df) { return std::log(1.0 + (n - df + 0.5) / (df + 0.5)); }

// A claim's analysed fields: the term ids of each, and each phrasing separately.
struct ClaimTerms {
  std::array<std::vector<std::uint32_t>, kFields> fields;
  std::vector<std::vector<std::uint32_t>> phrasings;  // statement, then each alias
};

// Per-thread score accumulator for rank(): a dense array indexed by claim, plus the
// list of claims touched, so that clearing it costs only what the query touched.
struct Accumulator {
  std::vector<double> score;
  std::vector<std::uint32_t> touched;
};

}  // namespace

SearchIndex::SearchIndex(const std::vector<Claim>& claims) : claim_count_(claims.size()) {
  Stemmer stemmer;
  auto intern = [&](std::string term) {
    auto [it, fresh] = term_ids_.emplace(std::move(term), static_cast<std::uint32_t>(term_ids_.size()));
    (void)fresh;
    return it->second;
  };
  auto ids_of = [&](std::string_view text, std::vector<std::uint32_t>& out) {
    for (std::string& t : analyze(text, stemmer)) out.push_back(intern(std::move(t)));
  };

  std::vector<ClaimTerms> docs(claims.size());
  std::array<double, kFields> total_length{};
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    ClaimTerms& d = docs[i];
    ids_of(c.statement, d.fields[0]);
    d.phrasings.push_back(d.fields[0]);
    for (const std::string& alias : c.aliases) {
      std::vector<std::uint32_t> one;
      ids_of(alias, one);
      d.fields[1].insert(d.fields[1].end(), one.begin(), one.end());
      d.phrasings.push_back(std::move(one));
    }
    for (const std::string& tag : c.tags) ids_of(tag, d.fields[2]);
    for (int f = 0; f < kFields; ++f) total_length[f] += static_cast<double>(d.fields[f].size());
  }

  const double n = static_cast<double>(claims.size());
  std::array<double, kFields> avg_length{};
  for (int f = 0; f < kFields; ++f) avg_length[f] = n > 0 && total_length[f] > 0 ? total_length[f] / n : 1.0;

  // Each claim's (term, pseudo-frequency) pairs, in claim order; then grouped by term.
  std::vector<std::uint32_t> df(term_ids_.size(), 0);
  std::vector<std::vector<std::pair<std::uint32_t, double>>> per_claim(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    std::vector<std::pair<std::uint32_t, int>> occurrences;  // (term, field)
    for (int f = 0; f < kFields; ++f) {
      for (std::uint32_t t : docs[i].fields[f]) occurrences.emplace_back(t, f);
    }
    std::sort(occurrences.begin(), occurrences.end());
    for (std::size_t k = 0; k < occurrences.size();) {
      const std::uint32_t term = occurrences[k].first;
      double tf = 0.0;
      for (; k < occurrences.size() && occurrences[k].first == term; ++k) {
        const int f = occurrences[k].second;
        const double length = static_cast<double>(docs[i].fields[f].size());
        tf += kWeight[f] / (1.0 - kB[f] + kB[f] * length / avg_length[f]);
      }
      per_claim[i].emplace_back(term, tf);
      ++df[term];
    }
  }

  idf_.resize(term_ids_.size());
  for (std::size_t t = 0; t < idf_.size(); ++t) idf_[t] = static_cast<float>(bm25_idf(n, df[t]));
  unknown_idf_ = bm25_idf(n, 0);

  post_offsets_.assign(term_ids_.size() + 1, 0);
  for (std::size_t t = 0; t < df.size(); ++t) post_offsets_[t + 1] = post_offsets_[t] + df[t];
  postings_.resize(post_offsets_.back());
  std::vector<std::uint32_t> fill(post_offsets_.begin(), post_offsets_.end() - 1);
  for (std::size_t i = 0; i < per_claim.size(); ++i) {
    for (const auto& [term, tf] : per_claim[i]) {
      const double saturated = tf * (kK1 + 1.0) / (kK1 + tf);
      postings_[fill[term]++] = {static_cast<std::uint32_t>(i), static_cast<float>(saturated)};
    }
  }

  phrasing_offsets_.push_back(0);
  for (ClaimTerms& d : docs) {
    for (std::vector<std::uint32_t>& terms : d.phrasings) {
      std::sort(terms.begin(), terms.end());
      terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
      Phrasing p;
      for (std::uint32_t t : terms) p.mass += idf_[t];
      p.terms = std::move(terms);
      if (p.mass > 0) phrasings_.push_back(std::move(p));
    }
    phrasing_offsets_.push_back(static_cast<std::uint32_t>(phrasings_.size()));
  }
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

std::vector<ScoredClaim> SearchIndex::bm25(const Query& q, std::size_t limit) const {
  std::vector<ScoredClaim> out;
  if (q.known.empty() || q.max_score <= 0 || limit == 0) return out;
  thread_local Accumulator acc;
  if (acc.score.size() < claim_count_) acc.score.resize(claim_count_, 0.0);
  for (std::size_t k = 0; k < q.known.size(); ++k) {
    const std::uint32_t t = q.known[k];
    const double idf = q.known_idf[k];
    for (std::uint32_t p = post_offsets_[t]; p < post_offsets_[t + 1]; ++p) {
      const Posting& post = postings_[p];
      double& s = acc.score[post.claim];
      if (s == 0.0) acc.touched.push_back(post.claim);
      s += idf * post.weight;
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
  std::vector<ScoredClaim> out = bm25(q, std::max(kRescored, 4 * limit));
  for (ScoredClaim& s : out) s.score *= (1.0 + phrasing_coverage(s.claim, q.known).share) / 2.0;
  out.erase(std::remove_if(out.begin(), out.end(), [&](const ScoredClaim& s) { return s.score < floor; }),
            out.end());
  keep_best(out, limit);
  return out;
}

Coverage SearchIndex::phrasing_coverage(std::uint32_t claim, const std::vector<std::uint32_t>& present) const {
  Coverage best;
  for (const Coverage& c : phrasing_coverages(claim, present)) {
    if (c.share > best.share || (c.share == best.share && c.terms > best.terms)) best = c;
  }
  return best;
}

std::vector<Coverage> SearchIndex::phrasing_coverages(std::uint32_t claim,
                                                      const std::vector<std::uint32_t>& present) const {
  std::vector<Coverage> out;
  out.reserve(phrasing_offsets_[claim + 1] - phrasing_offsets_[claim]);
  for (std::uint32_t k = phrasing_offsets_[claim]; k < phrasing_offsets_[claim + 1]; ++k) {
    const Phrasing& p = phrasings_[k];
    Coverage c;
    double found = 0.0;
    auto it = present.begin();
    for (std::uint32_t t : p.terms) {  // both sorted: one merge-like pass
      it = std::lower_bound(it, present.end(), t);
      if (it == present.end()) break;
      if (*it == t) {
        found += idf_[t];
        ++c.terms;
      }
    }
    c.found = found;
    c.share = found / p.mass;
    c.of = p.terms.size();
    out.push_back(c);
  }
  return out;
}

}  // namespace claimkb::detail
