#include "site/claim_review.hpp"

#include <nlohmann/json.hpp>

#include "claimkb/text.hpp"
#include "site/html.hpp"

namespace claimkb {

int review_rating(Verdict verdict, std::optional<Certainty> certainty) {
  const bool firm = certainty && *certainty >= Certainty::moderate;
  switch (verdict) {
    case Verdict::refuted: return firm ? 1 : 2;
    case Verdict::supported: return firm ? 5 : 4;
    case Verdict::mixed:
    case Verdict::insufficient: return 3;
  }
  return 3;
}

std::string rating_name(Verdict verdict, std::optional<Certainty> certainty) {
  if (verdict == Verdict::insufficient || !certainty) return "Not enough evidence";
  return site::capitalized(to_string(verdict)) + " (" + site::human(to_string(*certainty)) + " certainty)";
}

namespace site {

std::string claim_review_json(const Context& ctx, std::size_t i) {
  using nlohmann::ordered_json;
  const KnowledgeBase& kb = *ctx.kb;
  const Claim& claim = kb.claim_at(i);
  const Grade& grade = kb.grade_at(i);
  // The places the claim is made: the sources of asserted_by, by their best link.
  ordered_json appearance = ordered_json::array();
  for (const auto& a : claim.asserted_by) {
    const Citation* c = kb.citation(a.citation);
    if (c == nullptr) continue;
    ordered_json work = {{"@type", "CreativeWork"}, {"name", to_valid_utf8(c->title)}};
    if (!c->url.empty()) {
      work["url"] = to_valid_utf8(c->url);
    } else if (!c->doi.empty()) {
      work["url"] = to_valid_utf8(doi_url(c->doi));
    } else if (!c->pmid.empty()) {
      work["url"] = pubmed_url(c->pmid);
    }
    if (c->year > 0) work["datePublished"] = std::to_string(c->year);
    appearance.push_back(std::move(work));
  }
  ordered_json j = {
      {"@context", "https://schema.org"},
      {"@type", "ClaimReview"},
      {"url", to_valid_utf8(ctx.claim_url(claim.id))},
      {"claimReviewed", shorten(claim.statement, 75)},
      {"author", {{"@type", "Organization"}, {"name", to_valid_utf8(ctx.options.author)}}},
      {"datePublished", ctx.options.date},
      {"reviewRating",
       {{"@type", "Rating"},
        {"ratingValue", review_rating(grade.verdict, grade.certainty)},
        {"bestRating", 5},
        {"worstRating", 1},
        {"alternateName", rating_name(grade.verdict, grade.certainty)},
        {"ratingExplanation", std::string(summary(grade.verdict, grade.certainty))}}},
      {"itemReviewed", {{"@type", "Claim"}, {"appearance", appearance}}},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string claim_review_script(const Context& ctx, std::size_t i) {
  return R"(<script type="application/ld+json">)" + json_for_script(claim_review_json(ctx, i)) + "</script>\n";
}

}  // namespace site
}  // namespace claimkb
