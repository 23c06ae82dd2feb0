// Building the search index's bytes (search_index.hpp has the scoring, the layout
// is below). Claims come one at a time, so the loader never holds them all.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "store/binary.hpp"
#include "text/search_index.hpp"
#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace {

constexpr int kFields = 3;

double bm25_idf(double n, double df) { return std::log(1.0 + (n - df + 0.5) / (df + 0.5)); }

// One claim's occurrences of one term, per field.
struct Occurrences {
  std::uint32_t term, claim;
  std::array<std::uint16_t, kFields> tf;
};

}  // namespace

struct SearchIndexBuilder::State {
  Stemmer stemmer;
  // Each distinct word is analysed once: words repeat across claims (Zipf), and
  // stemming and hashing a new string per occurrence would dominate the build.
  std::unordered_map<std::string, std::uint32_t> word_terms;  // folded word -> term id
  std::unordered_map<std::string, std::uint32_t> term_ids;
  std::vector<Occurrences> occurrences;
  std::vector<std::array<std::uint32_t, kFields>> lengths;  // by claim
  std::array<double, kFields> total_length{};
  std::vector<std::uint32_t> phrasing_claim;  // by phrasing
  std::vector<std::uint32_t> phrasing_begin;  // into phrasing_terms, then the end
  std::vector<std::uint32_t> phrasing_terms;
  // Reused buffers.
  std::string key;
  std::vector<std::pair<std::uint32_t, int>> in_claim;  // (term, field)
  std::vector<std::uint32_t> field, phrasing;

  static constexpr std::uint32_t kSkip = UINT32_MAX;  // a stop word or a one-letter word

  void add_terms(std::string_view text, std::vector<std::uint32_t>& out) {
    for_each_word(text, [&](std::string_view w) {
      key.assign(w.data(), w.size());
      auto known = word_terms.find(key);
      if (known == word_terms.end()) {
        std::uint32_t id = kSkip;
        if (is_term_word(w)) {
          std::string term = term_of(w, stemmer);
          auto it = term_ids.find(term);
          if (it == term_ids.end()) {
            it = term_ids.emplace(std::move(term), static_cast<std::uint32_t>(term_ids.size())).first;
          }
          id = it->second;
        }
        known = word_terms.emplace(key, id).first;
      }
      if (known->second != kSkip) out.push_back(known->second);
    });
  }

  void add_phrasing(std::vector<std::uint32_t>& terms, std::uint32_t claim) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (terms.empty()) return;
    phrasing_claim.push_back(claim);
    phrasing_begin.push_back(static_cast<std::uint32_t>(phrasing_terms.size()));
    phrasing_terms.insert(phrasing_terms.end(), terms.begin(), terms.end());
  }
};

SearchIndexBuilder::SearchIndexBuilder() : s_(std::make_unique<State>()) {}
SearchIndexBuilder::~SearchIndexBuilder() = default;

// Pass 1, claim by claim: each distinct term's occurrences per field, each field's
// length, and each phrasing's terms.
void SearchIndexBuilder::add(const Claim& c) {
  State& s = *s_;
  const auto claim = static_cast<std::uint32_t>(s.lengths.size());
  auto& lengths = s.lengths.emplace_back();
  s.in_claim.clear();
  for (int f = 0; f < kFields; ++f) {
    s.field.clear();
    if (f == 0) {
      s.add_terms(c.statement, s.field);
      s.phrasing = s.field;
      s.add_phrasing(s.phrasing, claim);
    } else if (f == 1) {
      for (const std::string& alias : c.aliases) {
        s.phrasing.clear();
        s.add_terms(alias, s.phrasing);
        s.field.insert(s.field.end(), s.phrasing.begin(), s.phrasing.end());
        s.add_phrasing(s.phrasing, claim);
      }
    } else {
      for (const std::string& tag : c.tags) s.add_terms(tag, s.field);
    }
    lengths[static_cast<std::size_t>(f)] = static_cast<std::uint32_t>(s.field.size());
    s.total_length[static_cast<std::size_t>(f)] += static_cast<double>(s.field.size());
    for (std::uint32_t t : s.field) s.in_claim.emplace_back(t, f);
  }
  std::sort(s.in_claim.begin(), s.in_claim.end());
  for (std::size_t k = 0; k < s.in_claim.size();) {
    Occurrences o{s.in_claim[k].first, claim, {}};
    for (; k < s.in_claim.size() && s.in_claim[k].first == o.term; ++k) {
      auto& n = o.tf[static_cast<std::size_t>(s.in_claim[k].second)];
      if (n < UINT16_MAX) ++n;
    }
    s.occurrences.push_back(o);
  }
}

// Pass 2: term ids in sorted order of the terms (so that a query finds a term by
// binary search), idf from document frequencies, the postings grouped by term,
// and the bytes:
//   u32 claims, terms, postings, phrasings, phrasing terms, term bytes; f64 unknown idf;
//   u32 term_offsets[terms + 1]; f32 idf[terms]; f32 max_weight[terms];
//   u32 post_offsets[terms + 1]; u32 post_claim[postings]; f32 post_weight[postings];
//   u32 phrasing_offsets[claims + 1]; u32 phrasing_begin[phrasings];
//   u32 phrasing_end[phrasings]; f64 phrasing_mass[phrasings];
//   u32 phrasing_term[phrasing terms]; the term strings, in order.
std::string SearchIndexBuilder::finish() {
  State& s = *s_;
  const std::size_t claims = s.lengths.size(), terms = s.term_ids.size();
  std::vector<const std::string*> by_id(terms);
  for (const auto& [term, id] : s.term_ids) by_id[id] = &term;
  std::vector<std::uint32_t> sorted(terms);
  std::iota(sorted.begin(), sorted.end(), 0u);
  std::sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) { return *by_id[a] < *by_id[b]; });
  std::vector<std::uint32_t> new_id(terms);
  for (std::uint32_t k = 0; k < terms; ++k) new_id[sorted[k]] = k;
  s.word_terms = {};

  const double n = static_cast<double>(claims);
  std::array<double, kFields> avg_length{};
  for (std::size_t f = 0; f < kFields; ++f) {
    avg_length[f] = n > 0 && s.total_length[f] > 0 ? s.total_length[f] / n : 1.0;
  }
  std::vector<std::uint32_t> df(terms, 0);
  for (Occurrences& o : s.occurrences) {
    o.term = new_id[o.term];
    ++df[o.term];
  }
  std::vector<float> idf(terms);
  for (std::size_t t = 0; t < terms; ++t) idf[t] = static_cast<float>(bm25_idf(n, df[t]));

  std::vector<std::uint32_t> post_offsets(terms + 1, 0);
  for (std::size_t t = 0; t < terms; ++t) post_offsets[t + 1] = post_offsets[t] + df[t];
  std::vector<std::uint32_t> post_claim(post_offsets.back());
  std::vector<float> post_weight(post_offsets.back()), max_weight(terms, 0.0f);
  std::vector<std::uint32_t> fill(post_offsets.begin(), post_offsets.end() - 1);
  // Occurrences are in claim order, so each term's postings come out sorted by claim.
  for (const Occurrences& o : s.occurrences) {
    double tf = 0.0;
    for (std::size_t f = 0; f < kFields; ++f) {
      if (o.tf[f] == 0) continue;
      const double norm = 1.0 - Bm25::kB[f] + Bm25::kB[f] * s.lengths[o.claim][f] / avg_length[f];
      tf += Bm25::kWeight[f] * o.tf[f] / norm;
    }
    const auto saturated = static_cast<float>(tf * (Bm25::kK1 + 1.0) / (Bm25::kK1 + tf));
    const std::uint32_t at = fill[o.term]++;
    post_claim[at] = o.claim;
    post_weight[at] = saturated;
    max_weight[o.term] = std::max(max_weight[o.term], saturated);
  }
  s.occurrences = {};

  const std::size_t phrasings = s.phrasing_claim.size();
  s.phrasing_begin.push_back(static_cast<std::uint32_t>(s.phrasing_terms.size()));
  std::vector<double> mass(phrasings, 0.0);
  for (std::size_t p = 0; p < phrasings; ++p) {
    auto first = s.phrasing_terms.begin() + s.phrasing_begin[p], last = s.phrasing_terms.begin() + s.phrasing_begin[p + 1];
    for (auto it = first; it != last; ++it) *it = new_id[*it];
    std::sort(first, last);
    for (auto it = first; it != last; ++it) mass[p] += idf[*it];
  }
  std::vector<std::uint32_t> phrasing_offsets(claims + 1, 0);
  for (std::uint32_t c : s.phrasing_claim) ++phrasing_offsets[c + 1];
  for (std::size_t c = 0; c < claims; ++c) phrasing_offsets[c + 1] += phrasing_offsets[c];

  std::vector<std::uint32_t> term_offsets(terms + 1, 0);
  std::string term_bytes;
  for (std::uint32_t k = 0; k < terms; ++k) {
    term_bytes += *by_id[sorted[k]];
    term_offsets[k + 1] = static_cast<std::uint32_t>(term_bytes.size());
  }

  Writer w;
  for (std::size_t x : {claims, terms, post_claim.size(), phrasings, s.phrasing_terms.size(), term_bytes.size()}) {
    w.u32(static_cast<std::uint32_t>(x));
  }
  w.f64(bm25_idf(n, 0));
  for (std::uint32_t x : term_offsets) w.u32(x);
  for (float x : idf) w.f32(x);
  for (float x : max_weight) w.f32(x);
  for (std::uint32_t x : post_offsets) w.u32(x);
  for (std::uint32_t x : post_claim) w.u32(x);
  for (float x : post_weight) w.f32(x);
  for (std::uint32_t x : phrasing_offsets) w.u32(x);
  for (std::size_t p = 0; p < phrasings; ++p) w.u32(s.phrasing_begin[p]);
  for (std::size_t p = 0; p < phrasings; ++p) w.u32(s.phrasing_begin[p + 1]);
  for (double x : mass) w.f64(x);
  for (std::uint32_t x : s.phrasing_terms) w.u32(x);
  w.bytes() += term_bytes;
  s_ = std::make_unique<State>();
  return std::move(w.bytes());
}

}  // namespace claimkb::detail
