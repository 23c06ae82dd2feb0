#include "text/concept_index.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "model/enums.hpp"
#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace {

constexpr std::uint8_t kNoRelation = 0xFF;
// Longer synonyms than this many terms are not looked for (none needs more).
constexpr std::uint32_t kMaxPhraseTerms = 8;
// Other words a phrase may have among its own and still be a mention.
constexpr std::size_t kGapTerms = 2;
constexpr std::size_t kHeader = std::size_t{7} * 4;

std::string join(const std::vector<std::string>& terms, std::size_t first, std::size_t end) {
  std::string key;
  for (std::size_t k = first; k < end; ++k) {
    if (k > first) key += ' ';
    key += terms[k];
  }
  return key;
}

}  // namespace

namespace {

// Whether "and" or "or" stands between two terms.
bool coordinated(const TextAnalysis& a, std::size_t before, std::size_t after) {
  for (std::uint32_t w = a.term_word[before] + 1; w < a.term_word[after]; ++w) {
    if (a.words[w] == "and" || a.words[w] == "or") return true;
  }
  return false;
}

// Whether a gapped phrase from term `first` would take term `at` from a phrase
// that starts in its gap: "long taught psoas muscle" is not "longer muscles",
// since "psoas muscle" is one thing. Across "and" or "or" it may: "low back and
// hip pain" is low back pain as well as hip pain.
bool takes_from_another(const TextAnalysis& a, std::size_t first, std::size_t at) {
  return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const TextAnalysis::Mention& m) {
    return m.first > first && m.first < at && at < m.end && !coordinated(a, m.first - 1, m.first);
  });
}

}  // namespace

bool TextAnalysis::in_mention(std::size_t term) const {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Mention& m) { return term >= m.first && term < m.end; });
}

TextAnalysis analyse_words(std::string_view text, Stemmer& stemmer) {
  TextAnalysis a;
  for_each_word(text, [&](std::string_view w) {
    if (is_term_word(w)) {
      a.terms.push_back(term_of(w, stemmer));
      a.term_word.push_back(static_cast<std::uint32_t>(a.words.size()));
    }
    a.words.emplace_back(w);
  });
  return a;
}

// ---- building ----

struct ConceptIndexBuilder::State {
  Stemmer stemmer;
  std::vector<std::pair<std::string, std::uint32_t>> phrases;  // (key, concept)
  std::vector<std::vector<std::uint32_t>> broader;             // by concept
  std::vector<std::uint8_t> relations;                         // by claim
  std::vector<std::pair<std::uint32_t, std::uint32_t>> about;  // (concept, claim)
  std::uint32_t max_terms = 0;

  void add_phrase(std::string_view text, std::uint32_t concept_index) {
    const std::vector<std::string> terms = analyze(text, stemmer);
    if (terms.empty() || terms.size() > kMaxPhraseTerms) return;
    max_terms = std::max(max_terms, static_cast<std::uint32_t>(terms.size()));
    phrases.emplace_back(join(terms, 0, terms.size()), concept_index);
  }
};

ConceptIndexBuilder::ConceptIndexBuilder() : s_(std::make_unique<State>()) {}
ConceptIndexBuilder::~ConceptIndexBuilder() = default;

void ConceptIndexBuilder::add_concept(const Concept& c, const std::vector<std::uint32_t>& broader) {
  const auto index = static_cast<std::uint32_t>(s_->broader.size());
  s_->broader.push_back(broader);
  s_->add_phrase(c.label, index);
  for (const Synonym& s : c.synonyms) s_->add_phrase(s.text, index);
}

void ConceptIndexBuilder::add_claim(const Claim& c, const std::vector<std::uint32_t>& subject) {
  const auto index = static_cast<std::uint32_t>(s_->relations.size());
  s_->relations.push_back(c.about ? static_cast<std::uint8_t>(c.about->relation) : kNoRelation);
  for (std::uint32_t s : subject) s_->about.emplace_back(s, index);
}

namespace {

// (concept, claim) pairs sorted, each once; then u32 offsets[concepts + 1] and
// u32 claims[...] of them.
void write_postings(Writer& w, std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs, std::uint32_t concepts) {
  std::size_t k = 0;
  w.u32(0);
  for (std::uint32_t c = 0; c < concepts; ++c) {
    while (k < pairs.size() && pairs[k].first == c) ++k;
    w.u32(static_cast<std::uint32_t>(k));
  }
  for (const auto& [c, claim] : pairs) w.u32(claim);
}

void sort_unique(std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

std::vector<std::uint32_t> postings(const Packed<std::uint32_t>& offsets, const Packed<std::uint32_t>& claims,
                                    std::uint32_t concept_index) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t k = offsets[concept_index]; k < offsets[concept_index + 1]; ++k) out.push_back(claims[k]);
  return out;
}

}  // namespace

// The bytes (all numbers little-endian):
//   u32 concepts, claims, phrases, phrase bytes, longest phrase (terms), ancestors, about;
//   u32 ancestor_offsets[concepts + 1]; u32 ancestors[...]  (each concept's, sorted, itself included)
//   u32 about_offsets[concepts + 1]; u32 about_claims[...]  (claims whose subject names it, sorted)
//   u8 relation[claims] (0xFF: no about), zero-padded to a multiple of 4;
//   u32 phrase_offsets[phrases + 1]; u32 phrase_concept[phrases]; the phrases, sorted.
std::string ConceptIndexBuilder::finish() {
  State& s = *s_;
  const auto concepts = static_cast<std::uint32_t>(s.broader.size());
  const auto claims = static_cast<std::uint32_t>(s.relations.size());
  // Ancestors: the broader concepts' closure (the loader has refused cycles).
  std::vector<std::vector<std::uint32_t>> ancestors(concepts);
  for (std::uint32_t c = 0; c < concepts; ++c) {
    std::vector<std::uint32_t> stack{c};
    std::vector<std::uint32_t>& out = ancestors[c];
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      if (std::find(out.begin(), out.end(), v) != out.end()) continue;
      out.push_back(v);
      for (std::uint32_t b : s.broader[v]) stack.push_back(b);
    }
    std::sort(out.begin(), out.end());
  }
  sort_unique(s.about);
  std::sort(s.phrases.begin(), s.phrases.end());
  s.phrases.erase(std::unique(s.phrases.begin(), s.phrases.end()), s.phrases.end());

  Writer w;
  std::size_t ancestor_total = 0, phrase_bytes = 0;
  for (const auto& a : ancestors) ancestor_total += a.size();
  for (const auto& p : s.phrases) phrase_bytes += p.first.size();
  for (std::size_t x : {std::size_t{concepts}, std::size_t{claims}, s.phrases.size(), phrase_bytes,
                        std::size_t{s.max_terms}, ancestor_total, s.about.size()}) {
    w.u32(static_cast<std::uint32_t>(x));
  }
  std::uint32_t at = 0;
  w.u32(at);
  for (const auto& a : ancestors) w.u32(at += static_cast<std::uint32_t>(a.size()));
  for (const auto& a : ancestors) {
    for (std::uint32_t x : a) w.u32(x);
  }
  write_postings(w, s.about, concepts);
  for (std::uint8_t r : s.relations) w.u8(r);
  while (w.size() % 4 != 0) w.u8(0);
  at = 0;
  w.u32(at);
  for (const auto& p : s.phrases) w.u32(at += static_cast<std::uint32_t>(p.first.size()));
  for (const auto& p : s.phrases) w.u32(p.second);
  for (const auto& p : s.phrases) w.bytes() += p.first;
  s_ = std::make_unique<State>();
  return std::move(w.bytes());
}

// ---- reading ----

std::optional<ConceptIndex> ConceptIndex::open(std::string_view bytes, std::size_t concepts, std::size_t claims) {
  if (bytes.size() < kHeader) return std::nullopt;
  const Packed<std::uint32_t> header(bytes.data());
  ConceptIndex x;
  x.concepts_ = header[0];
  x.claims_ = header[1];
  x.phrases_ = header[2];
  const std::uint64_t phrase_bytes = header[3];
  x.max_terms_ = header[4];
  const std::uint64_t ancestor_total = header[5], about_total = header[6];
  if (x.concepts_ != concepts || x.claims_ != claims || x.max_terms_ > kMaxPhraseTerms) return std::nullopt;
  std::uint64_t at = kHeader;
  auto take = [&](std::uint64_t count, std::uint64_t size) {
    const char* p = bytes.data() + std::min<std::uint64_t>(at, bytes.size());
    at += count * size;
    return p;
  };
  const std::uint64_t c = x.concepts_;
  x.ancestor_offsets_ = Packed<std::uint32_t>(take(c + 1, 4));
  x.ancestors_ = Packed<std::uint32_t>(take(ancestor_total, 4));
  x.about_offsets_ = Packed<std::uint32_t>(take(c + 1, 4));
  x.about_claims_ = Packed<std::uint32_t>(take(about_total, 4));
  x.relations_ = Packed<std::uint8_t>(take(x.claims_, 1));
  at = (at + 3) / 4 * 4;
  x.phrase_offsets_ = Packed<std::uint32_t>(take(std::uint64_t{x.phrases_} + 1, 4));
  x.phrase_concept_ = Packed<std::uint32_t>(take(x.phrases_, 4));
  x.phrase_bytes_ = take(phrase_bytes, 1);
  if (at != bytes.size()) return std::nullopt;

  if (!valid_offsets(x.ancestor_offsets_, c, ancestor_total) || !valid_offsets(x.about_offsets_, c, about_total) ||
      !valid_offsets(x.phrase_offsets_, x.phrases_, phrase_bytes)) {
    return std::nullopt;
  }
  for (std::uint64_t i = 0; i < ancestor_total; ++i) {
    if (x.ancestors_[i] >= x.concepts_) return std::nullopt;
  }
  for (std::uint64_t i = 0; i < about_total; ++i) {
    if (x.about_claims_[i] >= x.claims_) return std::nullopt;
  }
  for (std::uint32_t i = 0; i < x.claims_; ++i) {
    const std::uint8_t r = x.relations_[i];
    if (r != kNoRelation && !valid_enum<Relation>(r)) return std::nullopt;
  }
  for (std::uint32_t p = 0; p < x.phrases_; ++p) {
    if (x.phrase_concept_[p] >= x.concepts_ || (p > 0 && x.phrase(p) < x.phrase(p - 1))) return std::nullopt;
  }
  auto vocabulary = std::make_shared<std::vector<std::string>>();
  for (std::uint32_t p = 0; p < x.phrases_; ++p) {
    const std::string_view key = x.phrase(p);
    for (std::size_t b = 0, e = 0; b <= key.size(); b = e + 1) {
      e = std::min(key.find(' ', b), key.size());
      vocabulary->emplace_back(key.substr(b, e - b));
    }
  }
  std::sort(vocabulary->begin(), vocabulary->end());
  vocabulary->erase(std::unique(vocabulary->begin(), vocabulary->end()), vocabulary->end());
  x.vocabulary_ = std::move(vocabulary);
  x.speller_ = std::make_shared<const Speller>(x.vocabulary_);
  return x;
}

bool ConceptIndex::known_term(const std::string& term) const {
  return vocabulary_ && std::binary_search(vocabulary_->begin(), vocabulary_->end(), term);
}

// "stiffer", "looser", "tightest", "easier": the term of the plain adjective, when
// concepts are named with it. The stemmer leaves comparatives alone, and a list of
// them could never be complete.
std::string ConceptIndex::positive_degree_term(std::string_view word, Stemmer& stemmer) const {
  for (std::string_view suffix : {std::string_view("est"), std::string_view("er")}) {
    if (word.size() < suffix.size() + 3 || word.substr(word.size() - suffix.size()) != suffix) continue;
    const std::string base(word.substr(0, word.size() - suffix.size()));
    std::vector<std::string> forms = {base, base + "e"};  // stiff-er, loos-er
    if (base.size() >= 2 && base[base.size() - 1] == base[base.size() - 2]) {
      forms.push_back(base.substr(0, base.size() - 1));
    }
    if (base.back() == 'i') forms.push_back(base.substr(0, base.size() - 1) + "y");  // easi-er
    for (const std::string& f : forms) {
      if (std::string t = term_of(f, stemmer); known_term(t)) return t;
    }
  }
  return {};
}

std::string_view ConceptIndex::phrase(std::uint32_t p) const {
  return std::string_view(phrase_bytes_ + phrase_offsets_[p], phrase_offsets_[p + 1] - phrase_offsets_[p]);
}

// The accessors answer nothing for an index out of range: the index of a forged
// snapshot that failed its check is an empty one, and the store's own tables,
// checked at open, may still name claims and concepts.
std::vector<std::uint32_t> ConceptIndex::ancestors(std::uint32_t concept_index) const {
  std::vector<std::uint32_t> out;
  if (concept_index >= concepts_) return out;
  for (std::uint32_t k = ancestor_offsets_[concept_index]; k < ancestor_offsets_[concept_index + 1]; ++k) {
    out.push_back(ancestors_[k]);
  }
  return out;
}

std::vector<std::uint32_t> ConceptIndex::claims_about(std::uint32_t concept_index) const {
  if (concept_index >= concepts_) return {};
  return postings(about_offsets_, about_claims_, concept_index);
}

std::optional<Relation> ConceptIndex::relation(std::uint32_t claim) const {
  if (claim >= claims_) return std::nullopt;
  const std::uint8_t r = relations_[claim];
  if (r == kNoRelation) return std::nullopt;
  return static_cast<Relation>(r);
}

TextAnalysis ConceptIndex::analyse(std::string_view text, Stemmer& stemmer) const {
  TextAnalysis a = analyse_words(text, stemmer);
  for (std::size_t t = 0; t < a.terms.size(); ++t) {
    if (known_term(a.terms[t])) continue;
    if (std::string plain = positive_degree_term(a.words[a.term_word[t]], stemmer); !plain.empty()) {
      a.terms[t] = plain;
    } else if (std::string fixed = speller_ ? speller_->correct(a.words[a.term_word[t]], a.terms[t]) : std::string();
               !fixed.empty()) {
      a.terms[t] = fixed;
    }
  }
  const std::size_t n = a.terms.size();
  for (std::size_t i = 0; i < n;) {
    // The longest phrase that starts here: try the longest key first.
    const std::size_t longest = std::min<std::size_t>(max_terms_, n - i);
    std::string key = join(a.terms, i, i + longest);
    bool found = false;
    for (std::size_t len = longest; len > 0 && !found; --len) {
      if (len < longest) key.resize(key.rfind(' '));
      std::uint32_t lo = 0, hi = phrases_;  // the first phrase >= key
      while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (phrase(mid) < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      TextAnalysis::Mention m{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len), {}};
      for (std::uint32_t p = lo; p < phrases_ && phrase(p) == key; ++p) m.concepts.push_back(phrase_concept_[p]);
      if (!m.concepts.empty()) {
        a.mentions.push_back(std::move(m));
        i += len;
        found = true;
      }
    }
    if (!found) ++i;
  }
  find_gapped(a);
  return a;
}

// People put words inside a phrase ("pain on the left side of my lower back" for
// "pain in my lower back"): a phrase of two or more terms also counts when its
// terms come in order with at most kGapTerms others among them. It may overlap a
// contiguous mention (then both concepts are named: "lower back" is also where the
// pain is).
void ConceptIndex::find_gapped(TextAnalysis& a) const {
  const std::size_t n = a.terms.size();
  std::vector<TextAnalysis::Mention> found;
  for (std::size_t i = 0; i < n; ++i) {
    // A term inside a contiguous mention starts a gapped one only across a
    // coordination ("low back and hip pain" is "low back pain" as well as "low
    // back"), and only when that names more terms. ("Massage courses teach that a
    // therapist" is not "massage therapist".)
    std::size_t inside = 0;
    for (const TextAnalysis::Mention& m : a.mentions) {
      if (i < m.first || i >= m.end) continue;
      inside = std::max<std::size_t>(inside, m.end - m.first);
      if (m.end >= n || !coordinated(a, m.end - 1, m.end)) inside = kMaxPhraseTerms + kGapTerms + 1;
    }
    const std::string& first = a.terms[i];
    // Phrases that start with this term: keys `first` and `first ...`, together in
    // the sorted table.
    std::uint32_t lo = 0, hi = phrases_;
    while (lo < hi) {
      const std::uint32_t mid = lo + (hi - lo) / 2;
      if (phrase(mid) < first) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    std::size_t best_end = 0;
    std::vector<std::uint32_t> best_concepts;
    std::size_t best_terms = 0;
    for (std::uint32_t p = lo; p < phrases_; ++p) {
      const std::string_view key = phrase(p);
      if (key.substr(0, first.size()) != first) break;
      if (key.size() == first.size() || key[first.size()] != ' ') continue;  // one term, or a longer first word
      // The phrase's other terms, in order, within the window.
      std::size_t at = i + 1, terms = 1, last = i;
      const std::size_t window_end = std::min(n, i + 1 + kMaxPhraseTerms + kGapTerms);
      bool whole = true;
      for (std::size_t b = first.size() + 1; b <= key.size();) {
        const std::size_t e = std::min(key.find(' ', b), key.size());
        const std::string_view term = key.substr(b, e - b);
        while (at < window_end && a.terms[at] != term) ++at;
        if (at >= window_end || takes_from_another(a, i, at)) {
          whole = false;
          break;
        }
        last = at++;
        ++terms;
        b = e + 1;
      }
      if (!whole || last + 1 - i > terms + kGapTerms) continue;
      if (terms > best_terms) {
        best_terms = terms;
        best_end = last + 1;
        best_concepts.clear();
      }
      if (terms == best_terms && last + 1 == best_end) best_concepts.push_back(phrase_concept_[p]);
    }
    if (best_terms >= 2 && best_terms > inside) {
      found.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(best_end), std::move(best_concepts)});
    }
  }
  for (auto& m : found) a.mentions.push_back(std::move(m));
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const TextAnalysis::Mention& x, const TextAnalysis::Mention& y) { return x.first < y.first; });
}

}  // namespace claimkb::detail
