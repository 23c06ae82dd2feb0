// The search index in and out of a snapshot: its arrays as they are in memory, the
// term dictionary as strings in term-id order.
#include "text/search_index.hpp"

#include <cmath>

namespace claimkb::detail {
namespace {

template <class T, class F>
void put_array(Writer& w, const std::vector<T>& v, F put) {
  w.varint(v.size());
  for (const T& x : v) put(x);
}

// Reads a count, then that many items of at least `min_bytes` each.
template <class T, class F>
void get_array(Reader& r, std::vector<T>& v, std::size_t min_bytes, F get) {
  const std::uint64_t n = r.varint();
  if (n > r.remaining() / min_bytes) return r.fail();
  v.resize(static_cast<std::size_t>(n));
  for (T& x : v) x = get();
}

// Offsets into an array of `items`: `parts` + 1 of them, starting at 0, never
// decreasing, ending at `items`.
bool valid_offsets(const std::vector<std::uint32_t>& offsets, std::size_t parts, std::size_t items) {
  if (offsets.size() != parts + 1 || offsets.front() != 0 || offsets.back() != items) return false;
  for (std::size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) return false;
  }
  return true;
}

}  // namespace

void SearchIndex::save(Writer& w) const {
  w.varint(claim_count_);
  std::vector<const std::string*> terms(term_ids_.size());
  for (const auto& [term, id] : term_ids_) terms[id] = &term;
  w.varint(terms.size());
  for (const std::string* t : terms) w.str(*t);
  put_array(w, idf_, [&](float x) { w.f32(x); });
  put_array(w, post_offsets_, [&](std::uint32_t x) { w.u32(x); });
  put_array(w, postings_, [&](const Posting& p) {
    w.u32(p.claim);
    w.f32(p.weight);
  });
  put_array(w, max_weight_, [&](float x) { w.f32(x); });
  put_array(w, phrasing_offsets_, [&](std::uint32_t x) { w.u32(x); });
  put_array(w, phrasings_, [&](const Phrasing& p) {
    w.u32(p.begin);
    w.u32(p.end);
    w.f64(p.mass);
  });
  put_array(w, phrasing_terms_, [&](std::uint32_t x) { w.u32(x); });
  w.f64(unknown_idf_);
}

std::optional<SearchIndex> SearchIndex::load(Reader& r, std::size_t claim_count) {
  SearchIndex s;
  s.claim_count_ = static_cast<std::size_t>(r.varint());
  const std::size_t terms = r.count();
  for (std::size_t i = 0; i < terms && r.ok(); ++i) {
    s.term_ids_.emplace(r.str(), static_cast<std::uint32_t>(i));
  }
  get_array(r, s.idf_, 4, [&] { return r.f32(); });
  get_array(r, s.post_offsets_, 4, [&] { return r.u32(); });
  get_array(r, s.postings_, 8, [&] { return Posting{r.u32(), r.f32()}; });
  get_array(r, s.max_weight_, 4, [&] { return r.f32(); });
  get_array(r, s.phrasing_offsets_, 4, [&] { return r.u32(); });
  get_array(r, s.phrasings_, 16, [&] {
    Phrasing p;
    p.begin = r.u32();
    p.end = r.u32();
    p.mass = r.f64();
    return p;
  });
  get_array(r, s.phrasing_terms_, 4, [&] { return r.u32(); });
  s.unknown_idf_ = r.f64();

  bool ok = r.ok() && r.at_end() && s.claim_count_ == claim_count && s.term_ids_.size() == terms &&
            s.idf_.size() == terms && s.max_weight_.size() == terms &&
            valid_offsets(s.post_offsets_, terms, s.postings_.size()) &&
            valid_offsets(s.phrasing_offsets_, claim_count, s.phrasings_.size());
  // Scores are sums and products of these; ranking sorts by them. A NaN, infinite or
  // negative one (only in an altered file) would make the sort's order meaningless.
  auto weight = [](double x) { return std::isfinite(x) && x >= 0.0; };
  ok = ok && weight(s.unknown_idf_);
  for (std::size_t t = 0; ok && t < terms; ++t) ok = weight(s.idf_[t]) && weight(s.max_weight_[t]);
  for (std::size_t t = 0; ok && t < terms; ++t) {  // each term's postings: in claim order
    for (std::uint32_t k = s.post_offsets_[t]; ok && k < s.post_offsets_[t + 1]; ++k) {
      ok = s.postings_[k].claim < claim_count && weight(s.postings_[k].weight) &&
           (k == s.post_offsets_[t] || s.postings_[k - 1].claim < s.postings_[k].claim);
    }
  }
  for (std::size_t i = 0; ok && i < s.phrasings_.size(); ++i) ok = weight(s.phrasings_[i].mass);
  for (std::size_t i = 0; ok && i < s.phrasings_.size(); ++i) {
    ok = s.phrasings_[i].begin <= s.phrasings_[i].end && s.phrasings_[i].end <= s.phrasing_terms_.size();
  }
  for (std::size_t i = 0; ok && i < s.phrasing_terms_.size(); ++i) ok = s.phrasing_terms_[i] < terms;
  for (std::size_t i = 0; ok && i < s.phrasings_.size(); ++i) {  // each phrasing's terms: sorted, distinct
    for (std::uint32_t k = s.phrasings_[i].begin + 1; ok && k < s.phrasings_[i].end; ++k) {
      ok = s.phrasing_terms_[k - 1] < s.phrasing_terms_[k];
    }
  }
  if (!ok) return std::nullopt;
  return s;
}

}  // namespace claimkb::detail
