// check(): the KB's claims made in a text, sentence by sentence.
//
// A sentence makes a claim that says what it is about when it covers the claim's
// subject and object concepts (text/concept_match.hpp) and a cue word fits the
// claim's relation, or the sentence holds most of the claim's own wording: naming
// the topics is not enough ("I saw a massage therapist for my back pain" makes no
// claim). A sentence that leans on the one before is read with it as well.
// Questions, headings and reference-list entries make no claim. A claim without
// `about` is found by its wording only: the sentence must contain most of one of
// its wordings (text/check_rules.hpp), which does not depend on what else the
// sentence says.
#include "claimkb/check.hpp"

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "kb/state.hpp"
#include "model/utf8.hpp"
#include "text/check_rules.hpp"
#include "text/concept_match.hpp"
#include "text/cues.hpp"
#include "text/match_rules.hpp"
#include "text/sentences.hpp"

namespace claimkb {
namespace {

using detail::Table;

// The sentence with any quoted study title blanked out: a quotation of a title
// ("... the plain title "Tightness of hamstring- and psoas major muscles: ..."")
// names a study, it does not make its claim.
std::string without_quoted_titles(std::string_view sentence) {
  std::string out(sentence);
  static constexpr std::string_view kIntroducers[] = {"title", "titled",    "entitled", "called",
                                                      "named", "headlined", "paper",    "study"};
  for (std::size_t open = 0; (open = out.find_first_of("\"\xE2", open)) != std::string::npos;) {
    const bool curly = out.compare(open, 3, "\xE2\x80\x9C") == 0;
    if (out[open] != '"' && !curly) {
      ++open;
      continue;
    }
    const std::size_t body = open + (curly ? 3 : 1);
    const std::size_t close = curly ? out.find("\xE2\x80\x9D", body) : out.find('"', body);
    if (close == std::string::npos) break;
    // What comes just before the quotation introduces a title?
    const std::string before = out.substr(open > 40 ? open - 40 : 0, open > 40 ? 40 : open);
    bool title = false;
    for (std::string_view w : kIntroducers) title = title || before.find(w) != std::string::npos;
    if (title) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(body), out.begin() + static_cast<std::ptrdiff_t>(close), ' ');
    }
    open = close + 1;
  }
  return out;
}

// 1-based line and column of byte offsets that come in increasing order (as
// check() finds sentences), found in one pass over the text; the column counts
// UTF-8 characters, as editors do.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) {}
  std::pair<std::size_t, std::size_t> at(std::size_t offset) {
    if (offset < at_) at_ = 0, line_ = 1, column_ = 1;  // out of order: start again
    for (; at_ < offset && at_ < text_.size(); ++at_) {
      if (text_[at_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return {line_, column_};
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0, line_ = 1, column_ = 1;
};

// A question raises a claim without making it ("Is massage safe?").
bool is_question(std::string_view sentence) {
  std::size_t end = sentence.size();
  while (end > 0 && (sentence[end - 1] == '"' || sentence[end - 1] == '\'' || sentence[end - 1] == ')')) --end;
  if (end >= 3 && sentence.substr(end - 3, 3) == "\xE2\x80\x9D") end -= 3;  // ”
  return end > 0 && sentence[end - 1] == '?';
}

bool opens_a_quotation(std::string_view sentence) {
  return !sentence.empty() && (sentence[0] == '"' || sentence.substr(0, 3) == "\xE2\x80\x9C");  // " or “
}

// Whether a sentence points back at the one before: a pronoun ("it", "they",
// "this"), "such", "the same", "that way", "like that".
bool leans_on_previous(const std::vector<std::string>& words) {
  static constexpr std::string_view kBack[] = {"it",   "its",   "they",  "them", "their",
                                               "this", "these", "those", "such", "same"};
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (std::find(std::begin(kBack), std::end(kBack), words[w]) != std::end(kBack)) return true;
    const bool that =
        words[w] == "that" && ((w + 1 < words.size() && (words[w + 1] == "way" || words[w + 1] == "kind")) ||
                               (w > 0 && words[w - 1] == "like"));
    if (that) return true;
  }
  return false;
}

Agreement agreement_of(Polarity polarity, Verdict verdict) {
  if (polarity == Polarity::reports) return Agreement::no_stance;
  if (verdict != Verdict::supported && verdict != Verdict::refuted) return Agreement::unsettled;
  const bool says_true = polarity == Polarity::asserts;
  return says_true == (verdict == Verdict::supported) ? Agreement::agrees : Agreement::disagrees;
}

// A text's words as matching reads them.
struct Reading {
  detail::Query query;
  detail::TextAnalysis analysis;
  detail::Cues cues;
};

Reading read(const detail::Store& store, std::string_view words, detail::Stemmer& stemmer) {
  Reading r{store.search_index().query(words, stemmer), store.concept_index().analyse(words, stemmer), {}};
  detail::drop_alternatives(r.analysis);
  r.cues = detail::find_cues(r.analysis, stemmer);
  return r;
}

// Whether a sentence makes a claim it covers: a cue word fits the claim's relation,
// or the sentence holds enough of its wording, or it names nothing but the claim's
// concepts, each directly ("a regular massage can take the edge off a sore back");
// not a claim that compares, which needs the comparison said.
bool makes(const detail::Store& store, const detail::ConceptCandidate& c) {
  const bool whole = c.explained >= 1.0 && c.directness >= detail::kSentenceWholeDirectness &&
                     store.refs(Table::claim, c.claim, 5).empty();
  return c.relation_fits || whole || c.wording >= detail::kSentenceWordingShare;
}

// The claim a sentence that leans on the one before makes when read with it ("...
// release the psoas. A surgeon saw an appendix burst after one such session."):
// one whose relation a cue word of the sentence's own fits and whose subject or
// object the sentence names itself.
std::optional<detail::ConceptCandidate> made_with_previous(const detail::Store& store, const Reading& own,
                                                           const std::string& both, detail::Stemmer& stemmer) {
  const detail::ConceptIndex& concepts = store.concept_index();
  std::vector<std::uint32_t> named;  // what the sentence names, and everything broader
  for (const auto& m : own.analysis.mentions) {
    for (std::uint32_t c : m.concepts) {
      for (std::uint32_t up : concepts.ancestors(c)) named.push_back(up);
    }
  }
  const auto names_one = [&](std::uint32_t claim) {
    for (int group : {3, 4}) {  // subject, object
      const detail::IndexList list = store.refs(Table::claim, claim, group);
      for (std::uint32_t k = 0; k < list.size(); ++k) {
        if (std::count(named.begin(), named.end(), list[k]) > 0) return true;
      }
    }
    return false;
  };
  const Reading joined = read(store, both, stemmer);
  return detail::best_accepted(store, joined.analysis, joined.cues, joined.query, detail::kSentenceFloor,
                               [&](const detail::ConceptCandidate& c) {
                                 const std::optional<Relation> relation = concepts.relation(c.claim);
                                 return relation && own.cues.relations.test(static_cast<std::size_t>(*relation)) &&
                                        names_one(c.claim) && makes(store, c);
                               });
}

// A claim without `about`, found by its wording: the sentence must contain most
// of one of its wordings (text/check_rules.hpp).
std::optional<std::pair<std::uint32_t, double>> stated_by_wording(const detail::Store& store, const detail::Query& q) {
  if (q.known.size() < 3) return std::nullopt;
  const detail::SearchIndex& index = store.search_index();
  std::optional<std::pair<std::uint32_t, double>> found;
  detail::Coverage best;
  // Candidates come best first, so on equal strength the better-ranked one stays.
  for (const detail::ScoredClaim& c : index.bm25(q, detail::kCheckCandidates, detail::kCheckOpeningTerms)) {
    if (store.concept_index().relation(c.claim)) continue;  // a claim with about is found by what it is about
    for (const detail::Coverage& cov : index.phrasing_coverages(c.claim, q)) {
      if (detail::states(cov) && detail::stronger(cov, best)) {
        best = cov;
        found = {c.claim, cov.share};
      }
    }
  }
  return found;
}

// Whether a blank line separates two places of the text: a new paragraph.
bool new_paragraph(std::string_view between) {
  return between.find("\n\n") != std::string_view::npos || between.find("\n\r\n") != std::string_view::npos;
}

}  // namespace

std::vector<ClaimMention> check(const KnowledgeBase& kb, std::string_view text) {
  const detail::Store& store = *kb.state_->store;
  const detail::ConceptIndex& concepts = store.concept_index();
  detail::Stemmer& stemmer = detail::thread_stemmer();
  std::vector<ClaimMention> out;
  Positions positions(text);
  std::string previous;  // the sentence before, when it is in the same paragraph
  std::size_t previous_end = 0;
  for (const detail::SentenceSpan& span : detail::split_sentences(text)) {
    if (new_paragraph(text.substr(previous_end, span.begin - std::min(span.begin, previous_end)))) previous.clear();
    previous_end = span.end;
    const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
    if (span.heading || span.reference || is_question(sentence)) {
      previous.clear();
      continue;
    }
    std::string words = without_quoted_titles(sentence);
    const Reading own = read(store, words, stemmer);
    // The claim the sentence makes: the best by concepts, read alone; else one
    // found by its wording; else, when the sentence leans on the one before, the
    // best by concepts read with it.
    auto made = detail::best_accepted(store, own.analysis, own.cues, own.query, detail::kSentenceFloor,
                                      [&](const detail::ConceptCandidate& c) { return makes(store, c); });
    std::optional<std::pair<std::uint32_t, double>> found;
    if (!made) found = stated_by_wording(store, own.query);
    if (!made && !found && !previous.empty() && !own.analysis.mentions.empty() && own.cues.relations.any() &&
        leans_on_previous(own.analysis.words)) {
      previous += ' ';
      previous += words;
      made = made_with_previous(store, own, previous, stemmer);
    }
    previous = std::move(words);
    std::vector<std::uint32_t> named;
    if (made) {
      found = {made->claim, made->score};
      named = made->concepts;
    }
    if (!found) continue;
    const Grade& grade = store.grade(found->first);
    ClaimMention m;
    m.begin = span.begin;
    m.end = span.end;
    std::tie(m.line, m.column) = positions.at(span.begin);
    m.sentence = detail::to_valid_utf8(sentence);
    m.id = std::string(store.id(Table::claim, found->first));
    m.verdict = grade.verdict;
    m.certainty = grade.certainty;
    m.score = found->second;
    // The sentence's own mentions that name the claim's concepts (or something
    // narrower): its polarity is read from them.
    std::vector<std::size_t> claim_mentions;
    for (std::size_t k = 0; k < own.analysis.mentions.size(); ++k) {
      bool names = false;
      for (std::uint32_t c : own.analysis.mentions[k].concepts) {
        for (std::uint32_t up : concepts.ancestors(c)) names = names || std::count(named.begin(), named.end(), up) > 0;
      }
      if (names) claim_mentions.push_back(k);
    }
    m.polarity = detail::polarity_of(own.analysis, own.cues, claim_mentions);
    // A sentence in quotation marks is someone's words ("Deep pressure like that
    // can do serious damage," she said): reported, unless it denies.
    if (m.polarity == Polarity::asserts && opens_a_quotation(sentence)) m.polarity = Polarity::reports;
    m.agreement = agreement_of(m.polarity, grade.verdict);
    for (std::uint32_t c : named) m.concepts.emplace_back(store.id(Table::concept, c));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace claimkb
