// check_quotes(): every quote in a finding against its citation's abstract
// (claimkb/quotes.hpp). The text rules are text/quotes.hpp's; the positions of the
// findings are read again from the claim files (load/finding_sites.hpp).
#include "claimkb/quotes.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "kb/state.hpp"
#include "load/finding_sites.hpp"
#include "model/utf8.hpp"
#include "text/quotes.hpp"

namespace claimkb {
namespace {

// A quote as a message shows it: on one line.
std::string one_line(std::string_view quote) {
  std::string out;
  for (const char c : quote) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space || (!out.empty() && out.back() != ' ')) out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

QuoteCheck check_quotes(const KnowledgeBase& kb) {
  QuoteCheck out;
  const std::string& root = kb.state_->root;
  std::error_code ec;
  // A snapshot keeps no positions: its failures point at the snapshot file.
  const bool directory = std::filesystem::is_directory(root, ec);
  const auto sites =
      directory ? detail::finding_sites(root) : std::unordered_map<std::string, std::vector<detail::FindingSite>>{};
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    const Claim& claim = kb.claim_at(i);
    const auto found = sites.find(claim.id);
    for (std::size_t k = 0; k < claim.evidence.size(); ++k) {
      const EvidenceLink& link = claim.evidence[k];
      const Citation* citation = kb.citation(link.citation);
      if (citation == nullptr) continue;  // never: every id a record names is one the KB has
      for (const detail::QuoteSpan& span : detail::extract_quotes(link.finding)) {
        const std::string_view quote = std::string_view(link.finding).substr(span.begin, span.end - span.begin);
        if (detail::quote_parts(quote).empty()) continue;  // only an ellipsis: nothing to check
        ++out.checked;
        const auto outcome = detail::check_quote(quote, citation->title, citation->abstract);
        if (outcome == detail::QuoteOutcome::matched) {
          ++out.matched;
          continue;
        }
        if (outcome == detail::QuoteOutcome::unverifiable) {
          ++out.unverifiable;
          continue;
        }
        ++out.failed;
        Diagnostic d;
        d.file = root;
        if (found != sites.end() && k < found->second.size()) {
          d.file = found->second[k].file;
          d.line = found->second[k].pos.line;
          d.column = found->second[k].pos.column;
        }
        d.message = "claim '" + claim.id + "', evidence link " + std::to_string(k + 1) + " (citation '" +
                    link.citation + "'): the finding quotes \"" + one_line(quote) + "\", which ";
        d.message += outcome == detail::QuoteOutcome::in_title
                         ? "is the citation's title or part of it, not a quote of a finding"
                         : "is not in the citation's abstract";
        d.file = detail::to_valid_utf8(d.file);
        d.message = detail::to_valid_utf8(d.message);
        out.failures.push_back(std::move(d));
      }
    }
  }
  return out;
}

}  // namespace claimkb
