// The pages of the site (docs/site.md), each a whole HTML document.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "site/context.hpp"

namespace claimkb::site {

// claims/ID.html for the claim at index `i`.
std::string claim_page(const Context& ctx, std::size_t i);

// citations/ID.html for the citation at index `i`.
std::string citation_page(const Context& ctx, std::size_t i);

// index.html (page 1) and index-N.html: claims [first, first + count) of the KB, with
// links to the other `pages` pages, the finder form and its scripts.
std::string index_page(const Context& ctx, std::size_t page, std::size_t pages, std::size_t first, std::size_t count);

// The file name of index page `page` (1-based): "index.html", "index-2.html", ...
std::string index_file(std::size_t page);

// about.html: the verdicts, the certainty levels and the numeric rating scale.
std::string about_page(const Context& ctx);

// search-index.js: every claim's id, statement, verdict, certainty, tags, concepts and
// aliases, and every concept's words, for the finder on the index pages.
std::string search_index_script(const Context& ctx);

// finder.js: the search box and the filters (plain JavaScript, no library).
std::string_view finder_script();

// A reference with DOI, PubMed and PMC links, for a page in claims/ or citations/.
std::string reference_html(const Citation& c);

}  // namespace claimkb::site
