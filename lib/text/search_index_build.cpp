// Building the search index's bytes (search_index.hpp has the scoring, the layout
// is below). Claims come one at a time, so the loader never holds them all.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "text/search_index.hpp"
#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace {

constexpr int kFields = 3;

double bm25_idf(double n, double df) { return std::log(1.0 + (n - df + 0.5) / (df + 0.5)); }

// Writes values at fixed places of a buffer sized in advance.
class Placer {
 public:
  explicit Placer(std::string& out) : out_(out) {}
  template <class T>
  void put(const T& v) {
    std::memcpy(out_.data() + at_, &v, sizeof v);
    at_ += sizeof v;
  }
  // Reserves `count` Ts here and returns where they start.
  template <class T>
  std::size_t skip(std::size_t count) {
    const std::size_t here = at_;
    at_ += count * sizeof(T);
    return here;
  }
  template <class T>
  void put_at(std::size_t where, std::size_t i, const T& v) {
    std::memcpy(out_.data() + where + i * sizeof v, &v, sizeof v);
  }
  void bytes(std::string_view b) {
    std::memcpy(out_.data() + at_, b.data(), b.size());
    at_ += b.size();
  }
  std::size_t at() const { return at_; }

 private:
  std::string& out_;
  std::size_t at_ = 0;
};

}  // namespace

struct SearchIndexBuilder::State {
  Stemmer stemmer;
  // Each distinct word is analysed once: words repeat across claims (Zipf), and
  // stemming and hashing a new string per occurrence would dominate the build.
  std::unordered_map<std::string, std::uint32_t> word_terms;  // folded word -> term id
  std::unordered_map<std::string, std::uint32_t> term_ids;
  // Every claim's terms, field after field (statement, aliases, tags), with each
  // field's length: 4 bytes a word, the least the build can keep.
  std::vector<std::uint32_t> tokens;
  std::vector<std::array<std::uint32_t, kFields>> lengths;  // by claim
  std::array<double, kFields> total_length{};
  std::vector<std::uint32_t> phrasing_claim;  // by phrasing
  std::vector<std::uint32_t> phrasing_begin;  // into phrasing_terms, then the end
  std::vector<std::uint32_t> phrasing_terms;
  std::string key;  // reused
  std::vector<std::uint32_t> phrasing;

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

  void add_phrasing(std::vector<std::uint32_t> terms, std::uint32_t claim) {
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

// Pass 1, claim by claim: each field's terms, and each phrasing's.
void SearchIndexBuilder::add(const Claim& c) {
  State& s = *s_;
  const auto claim = static_cast<std::uint32_t>(s.lengths.size());
  auto& lengths = s.lengths.emplace_back();
  for (int f = 0; f < kFields; ++f) {
    const std::size_t before = s.tokens.size();
    if (f == 0) {
      s.add_terms(c.statement, s.tokens);
      s.add_phrasing({s.tokens.begin() + static_cast<std::ptrdiff_t>(before), s.tokens.end()}, claim);
    } else if (f == 1) {
      for (const std::string& alias : c.aliases) {
        const std::size_t from = s.tokens.size();
        s.add_terms(alias, s.tokens);
        s.add_phrasing({s.tokens.begin() + static_cast<std::ptrdiff_t>(from), s.tokens.end()}, claim);
      }
    } else {
      for (const std::string& tag : c.tags) s.add_terms(tag, s.tokens);
    }
    const std::size_t n = s.tokens.size() - before;
    lengths[static_cast<std::size_t>(f)] = static_cast<std::uint32_t>(n);
    s.total_length[static_cast<std::size_t>(f)] += static_cast<double>(n);
  }
}

// Pass 2: term ids in sorted order of the terms (so that a query finds a term by
// binary search), idf from document frequencies, the postings grouped by term,
// straight into the bytes, which are sized first:
//   u32 claims, terms, postings, phrasings, phrasing terms, term bytes; f64 unknown idf;
//   u32 term_offsets[terms + 1]; f32 idf[terms]; f32 max_weight[terms];
//   u32 post_offsets[terms + 1]; u32 post_claim[postings]; f32 post_weight[postings];
//   u32 phrasing_offsets[claims + 1]; u32 phrasing_begin[phrasings];
//   u32 phrasing_end[phrasings]; f64 phrasing_mass[phrasings];
//   u32 phrasing_term[phrasing terms]; the term strings, in order.
std::string SearchIndexBuilder::finish() {
  State& s = *s_;
  s.word_terms = {};
  const std::size_t claims = s.lengths.size(), terms = s.term_ids.size();
  std::vector<const std::string*> by_id(terms);
  for (const auto& [term, id] : s.term_ids) by_id[id] = &term;
  std::vector<std::uint32_t> sorted(terms);
  std::iota(sorted.begin(), sorted.end(), 0U);
  std::sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) { return *by_id[a] < *by_id[b]; });
  std::vector<std::uint32_t> new_id(terms);
  for (std::uint32_t k = 0; k < terms; ++k) new_id[sorted[k]] = k;
  for (std::uint32_t& t : s.tokens) t = new_id[t];

  // Each claim's distinct terms with their count in each field.
  struct Tf {
    std::uint32_t term;
    std::array<std::uint16_t, kFields> n;
  };
  std::vector<Tf> tf;
  auto claim_terms = [&](std::size_t c, std::size_t first) {
    tf.clear();
    std::size_t at = first;
    for (std::size_t f = 0; f < kFields; ++f) {
      for (std::size_t k = 0; k < s.lengths[c][f]; ++k, ++at) tf.push_back({s.tokens[at], {}});
      for (std::size_t k = tf.size() - s.lengths[c][f]; k < tf.size(); ++k) tf[k].n[f] = 1;
    }
    std::sort(tf.begin(), tf.end(), [](const Tf& a, const Tf& b) { return a.term < b.term; });
    std::size_t out = 0;
    for (std::size_t k = 0; k < tf.size(); ++k) {
      if (out > 0 && tf[out - 1].term == tf[k].term) {
        for (std::size_t f = 0; f < kFields; ++f) {
          tf[out - 1].n[f] = static_cast<std::uint16_t>(std::min(0xFFFF, tf[out - 1].n[f] + tf[k].n[f]));
        }
      } else {
        tf[out++] = tf[k];
      }
    }
    tf.resize(out);
    return at;
  };
  std::vector<std::uint32_t> df(terms, 0);
  for (std::size_t c = 0, at = 0; c < claims; ++c) {
    at = claim_terms(c, at);
    for (const Tf& t : tf) ++df[t.term];
  }
  std::vector<std::uint32_t> post_offsets(terms + 1, 0);
  for (std::size_t t = 0; t < terms; ++t) post_offsets[t + 1] = post_offsets[t] + df[t];
  const std::size_t postings = post_offsets.back(), phrasings = s.phrasing_claim.size();
  std::size_t term_bytes = 0;
  for (const std::string* t : by_id) term_bytes += t->size();

  std::string out(6 * 4 + 8 + 4 * (terms + 1) + 8 * terms + 4 * (terms + 1) + 8 * postings + 4 * (claims + 1) +
                      16 * phrasings + 4 * s.phrasing_terms.size() + term_bytes,
                  '\0');
  Placer w(out);
  for (std::size_t x : {claims, terms, postings, phrasings, s.phrasing_terms.size(), term_bytes}) {
    w.put(static_cast<std::uint32_t>(x));
  }
  const auto n = static_cast<double>(claims);
  w.put(bm25_idf(n, 0));
  std::uint32_t term_offset = 0;
  w.put(term_offset);
  for (std::uint32_t k = 0; k < terms; ++k) w.put(term_offset += static_cast<std::uint32_t>(by_id[sorted[k]]->size()));
  std::vector<float> idf(terms);
  for (std::size_t t = 0; t < terms; ++t) w.put(idf[t] = static_cast<float>(bm25_idf(n, df[t])));
  const std::size_t max_weight_at = w.skip<float>(terms);
  for (std::uint32_t x : post_offsets) w.put(x);
  const std::size_t claim_at = w.skip<std::uint32_t>(postings), weight_at = w.skip<float>(postings);

  std::array<double, kFields> avg_length{};
  for (std::size_t f = 0; f < kFields; ++f) {
    avg_length[f] = n > 0 && s.total_length[f] > 0 ? s.total_length[f] / n : 1.0;
  }
  std::vector<float> max_weight(terms, 0.0F);
  std::vector<std::uint32_t>& fill = df;  // reused: where each term's next posting goes
  std::copy(post_offsets.begin(), post_offsets.end() - 1, fill.begin());
  // Claims in order, so each term's postings come out sorted by claim.
  for (std::size_t c = 0, at = 0; c < claims; ++c) {
    at = claim_terms(c, at);
    for (const Tf& t : tf) {
      double pseudo = 0.0;
      for (std::size_t f = 0; f < kFields; ++f) {
        if (t.n[f] == 0) continue;
        const double norm = 1.0 - Bm25::kB[f] + Bm25::kB[f] * s.lengths[c][f] / avg_length[f];
        pseudo += Bm25::kWeight[f] * t.n[f] / norm;
      }
      const auto saturated = static_cast<float>(pseudo * (Bm25::kK1 + 1.0) / (Bm25::kK1 + pseudo));
      const std::uint32_t k = fill[t.term]++;
      w.put_at(claim_at, k, static_cast<std::uint32_t>(c));
      w.put_at(weight_at, k, saturated);
      max_weight[t.term] = std::max(max_weight[t.term], saturated);
    }
  }
  for (std::size_t t = 0; t < terms; ++t) w.put_at(max_weight_at, t, max_weight[t]);
  s.tokens = {};

  std::vector<std::uint32_t> phrasing_offsets(claims + 1, 0);
  for (std::uint32_t c : s.phrasing_claim) ++phrasing_offsets[c + 1];
  for (std::size_t c = 0; c < claims; ++c) phrasing_offsets[c + 1] += phrasing_offsets[c];
  for (std::uint32_t x : phrasing_offsets) w.put(x);
  s.phrasing_begin.push_back(static_cast<std::uint32_t>(s.phrasing_terms.size()));
  for (std::size_t p = 0; p < phrasings; ++p) w.put(s.phrasing_begin[p]);
  for (std::size_t p = 0; p < phrasings; ++p) w.put(s.phrasing_begin[p + 1]);
  for (std::size_t p = 0; p < phrasings; ++p) {
    auto first = s.phrasing_terms.begin() + s.phrasing_begin[p],
         last = s.phrasing_terms.begin() + s.phrasing_begin[p + 1];
    for (auto it = first; it != last; ++it) *it = new_id[*it];
    std::sort(first, last);
    double mass = 0.0;
    for (auto it = first; it != last; ++it) mass += idf[*it];
    w.put(mass);
  }
  for (std::uint32_t x : s.phrasing_terms) w.put(x);
  for (std::uint32_t k = 0; k < terms; ++k) w.bytes(*by_id[sorted[k]]);
  s_ = std::make_unique<State>();
  return out;
}

}  // namespace claimkb::detail
