// check(): the KB's claims made in a text, sentence by sentence.
//
// A sentence makes a claim that says what it is about when it covers the claim's
// subject and object concepts (text/concept_match.hpp) and a cue word fits the
// claim's relation, or the sentence holds most of the claim's own wording: naming
// the topics is not enough ("I saw a massage therapist for my back pain" makes no
// claim). Questions, headings and reference-list entries make no claim. A claim
// without `about` is found by its wording only: the sentence must
// contain most of one of its wordings (text/check_rules.hpp), which does not
// depend on what else the sentence says.
#include "claimkb/check.hpp"

#include <algorithm>
#include <tuple>

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

Agreement agreement_of(Polarity polarity, Verdict verdict) {
  if (polarity == Polarity::reports) return Agreement::no_stance;
  if (verdict != Verdict::supported && verdict != Verdict::refuted) return Agreement::unsettled;
  const bool says_true = polarity == Polarity::asserts;
  return says_true == (verdict == Verdict::supported) ? Agreement::agrees : Agreement::disagrees;
}

}  // namespace

std::vector<ClaimMention> check(const KnowledgeBase& kb, std::string_view text) {
  const detail::Store& store = *kb.state_->store;
  const detail::SearchIndex& index = store.search_index();
  const detail::ConceptIndex& concepts = store.concept_index();
  detail::Stemmer& stemmer = detail::thread_stemmer();
  std::vector<ClaimMention> out;
  Positions positions(text);
  for (const detail::SentenceSpan& span : detail::split_sentences(text)) {
    if (span.heading || span.reference) continue;
    const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
    if (is_question(sentence)) continue;
    const std::string words = without_quoted_titles(sentence);
    const detail::Query q = index.query(words, stemmer);
    detail::TextAnalysis analysis = concepts.analyse(words, stemmer);
    detail::drop_alternatives(analysis);
    const detail::Cues cues = detail::find_cues(analysis, stemmer);

    std::optional<std::uint32_t> found;
    double score = 0.0;
    std::vector<std::uint32_t> named;
    // A covered claim is made when a cue word fits its relation, or the sentence
    // holds enough of its wording, or the sentence names nothing but the claim's
    // concepts, each directly, and no cue word for any relation ("a regular massage
    // can take the edge off a sore back"); not a claim that compares, which needs
    // the comparison said. The best such claim is the one.
    const auto made =
        detail::best_accepted(store, analysis, cues, q, detail::kSentenceFloor, [&](const detail::ConceptCandidate& c) {
          const bool whole = c.explained >= 1.0 && c.directness >= detail::kSentenceWholeDirectness &&
                             store.refs(Table::claim, c.claim, 5).empty();
          return c.relation_fits || whole || c.wording >= detail::kSentenceWordingShare;
        });
    if (made) {
      found = made->claim;
      score = made->score;
      named = made->concepts;
    }
    if (!found && q.known.size() >= 3) {  // see check_rules.hpp
      detail::Coverage best;
      // Candidates come best first, so on equal strength the better-ranked one stays.
      for (const detail::ScoredClaim& c : index.bm25(q, detail::kCheckCandidates, detail::kCheckOpeningTerms)) {
        if (concepts.relation(c.claim)) continue;  // a claim with about is found by what it is about
        for (const detail::Coverage& cov : index.phrasing_coverages(c.claim, q.known)) {
          if (detail::states(cov) && detail::stronger(cov, best)) {
            best = cov;
            found = c.claim;
            score = cov.share;
          }
        }
      }
    }
    if (!found) continue;
    const Grade& grade = store.grade(*found);
    ClaimMention m;
    m.begin = span.begin;
    m.end = span.end;
    std::tie(m.line, m.column) = positions.at(span.begin);
    m.sentence = detail::to_valid_utf8(sentence);
    m.id = std::string(store.id(Table::claim, *found));
    m.verdict = grade.verdict;
    m.certainty = grade.certainty;
    m.score = score;
    // The mentions that name the claim's concepts (or something narrower).
    std::vector<std::size_t> claim_mentions;
    for (std::size_t k = 0; k < analysis.mentions.size(); ++k) {
      bool names = false;
      for (std::uint32_t c : analysis.mentions[k].concepts) {
        for (std::uint32_t up : concepts.ancestors(c)) names = names || std::count(named.begin(), named.end(), up) > 0;
      }
      if (names) claim_mentions.push_back(k);
    }
    m.polarity = detail::polarity_of(analysis, cues, claim_mentions);
    m.agreement = agreement_of(m.polarity, grade.verdict);
    for (std::uint32_t c : named) m.concepts.emplace_back(store.id(Table::concept, c));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace claimkb
