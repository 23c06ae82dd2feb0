// check(): the KB's claims stated in a text, sentence by sentence.
//
// Each sentence is ranked against the KB like a search query, which gives a few
// candidate claims from the postings of the sentence's own terms. A candidate is
// reported only when the sentence contains most of one of its wordings (statement
// or alias): search's score is normalised by the query, and a long sentence about
// many things scores low against every claim even when it states one of them,
// while the share of the claim's wording it contains does not depend on what else
// the sentence says.
#include "claimkb/check.hpp"

#include "text/check_rules.hpp"
#include "kb/state.hpp"
#include "model/utf8.hpp"
#include "text/sentences.hpp"

namespace claimkb {

std::vector<ClaimMention> check(const KnowledgeBase& kb, std::string_view text) {
  const detail::Store& store = *kb.state_->store;
  const detail::SearchIndex& index = store.search_index();
  detail::Stemmer& stemmer = detail::thread_stemmer();
  std::vector<ClaimMention> out;
  for (const detail::SentenceSpan& span : detail::split_sentences(text)) {
    const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
    const detail::Query q = index.query(sentence, stemmer);
    if (q.known.size() < 3) continue;  // see check_rules.hpp
    std::uint32_t best_claim = 0;
    detail::Coverage best;
    // Candidates come best first, so on equal strength the better-ranked one stays.
    for (const detail::ScoredClaim& c : index.bm25(q, detail::kCheckCandidates, detail::kCheckOpeningTerms)) {
      for (const detail::Coverage& cov : index.phrasing_coverages(c.claim, q.known)) {
        if (detail::states(cov) && detail::stronger(cov, best)) {
          best = cov;
          best_claim = c.claim;
        }
      }
    }
    if (best.terms == 0) continue;
    const Grade& grade = store.grade(best_claim);
    out.push_back({span.begin, span.end, detail::to_valid_utf8(sentence),
                   std::string(store.id(detail::Table::claim, best_claim)), grade.verdict, grade.certainty,
                   best.share});
  }
  return out;
}

}  // namespace claimkb
