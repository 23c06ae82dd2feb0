// claimkb/site.hpp — the KB as a static web site (docs/site.md, `claimkb site`).
//
// write_site() never throws. It builds the whole site in a new folder beside `dir`
// and only then puts it in place of `dir`, so a reader of `dir` sees the old site or
// the new one, never half of one; on failure `dir` is left as it was.
#pragma once

#include <cstddef>
#include <string>

#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/result.hpp"

namespace claimkb {

struct SiteOptions {
  // Where the site will be served from, e.g. "https://example.org/evidence/": makes
  // the ClaimReview `url`s absolute. Empty: they are relative to the site's root.
  std::string base_url;
  // The ClaimReview `datePublished`, YYYY-MM-DD. Empty: today's date (UTC).
  std::string date;
  // The ClaimReview `author` (an organization's name).
  std::string author = "claimkb";
};

// What was written, for the command to report.
struct SiteSummary {
  std::size_t pages = 0;  // HTML files
  std::size_t files = 0;  // every file, the stylesheet, script and search index too
  std::size_t bytes = 0;  // all files together
  std::size_t largest_page_bytes = 0;
  std::string largest_page;  // its path relative to the site's root
};

// Writes the site for `kb` into directory `dir` (docs/site.md lists the pages).
// `dir` may be missing, empty, or a site this function wrote before; any other
// folder is refused (code io) rather than replaced. Errors name the file concerned.
CLAIMKB_EXPORT Result<SiteSummary> write_site(const KnowledgeBase& kb, const std::string& dir,
                                              const SiteOptions& options = {});

// The numeric rating of a verdict on the ClaimReview scale (docs/site.md): 1 refuted
// with high or moderate certainty, 2 refuted with low or very low, 3 mixed or not
// enough evidence, 4 supported with low or very low, 5 supported with high or moderate.
CLAIMKB_EXPORT int review_rating(Verdict verdict, std::optional<Certainty> certainty);

// The rating's words: "Refuted (low certainty)", "Not enough evidence".
CLAIMKB_EXPORT std::string rating_name(Verdict verdict, std::optional<Certainty> certainty);

}  // namespace claimkb
