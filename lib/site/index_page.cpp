// index.html and its further pages: every claim with its verdict, a page at a time,
// and above them the finder (search box and filters) that works over the whole KB
// in the browser from search-index.js. Without JavaScript the finder stays hidden and
// the lists and page links are the whole index.
#include "site/html.hpp"
#include "site/page.hpp"
#include "site/pages.hpp"

namespace claimkb::site {

std::string index_file(std::size_t page) {
  return page <= 1 ? "index.html" : "index-" + std::to_string(page) + ".html";
}

std::string index_page(const Context& ctx, std::size_t page, std::size_t pages, std::size_t first, std::size_t count) {
  const KnowledgeBase& kb = *ctx.kb;
  Page p;
  p.title = pages > 1 ? "Health claims, page " + std::to_string(page) : "Health claims";
  p.description = "Health claims graded against the research evidence, with verdicts and certainty after GRADE.";
  std::string& b = p.body;
  b.reserve(count * 260 + 2000);
  b += "<h1>Health claims and what the evidence says</h1>\n";
  b += "<p>" + std::to_string(kb.claim_count()) + " claims, each graded from the studies linked to it. " +
       "<a href=\"about.html\">How the ratings work</a>.</p>\n";
  b += "<form class=\"finder\" id=\"finder\" role=\"search\" hidden>\n"
       "<label for=\"q\">Search claims<input type=\"search\" id=\"q\" name=\"q\" autocomplete=\"off\"></label>\n"
       R"(<label for="f-verdict">Verdict<select id="f-verdict" name="verdict"><option value="">Any verdict)"
       R"(</option><option value="supported">Supported</option><option value="refuted">Refuted</option>)"
       R"(<option value="mixed">Mixed</option><option value="insufficient">Not enough evidence</option>)"
       "</select></label>\n"
       R"(<label for="f-tag">Tag<select id="f-tag" name="tag"><option value="">Any tag</option></select>)"
       "</label>\n"
       R"(<label for="f-concept">Concept<select id="f-concept" name="concept"><option value="">Any concept)"
       "</option></select></label>\n</form>\n"
       "<p id=\"finder-status\" aria-live=\"polite\"></p>\n<ul class=\"claims\" id=\"results\" hidden></ul>\n"
       "<noscript><p>The search box and filters need JavaScript; every claim is listed below.</p></noscript>\n";
  std::string nav;
  if (pages > 1) {
    nav = R"(<nav class="pages" aria-label="Pages of claims"><p>Pages:)";
    for (std::size_t n = 1; n <= pages; ++n) {
      nav += n == page ? R"( <strong aria-current="page">)" + std::to_string(n) + "</strong>"
                       : R"( <a href=")" + index_file(n) + R"(">)" + std::to_string(n) + "</a>";
    }
    nav += "</p></nav>\n";
  }
  b += "<div id=\"listing\">\n" + nav + "<ul class=\"claims\">\n";
  for (std::size_t i = first; i < first + count && i < kb.claim_count(); ++i) {
    const Claim& c = kb.claim_at(i);
    const Grade& g = kb.grade_at(i);
    b += R"(<li><a href="claims/)" + c.id + R"(.html">)" + escape(c.statement) + R"(</a> <span class="badge )" +
         verdict_class(g.verdict) + R"(">)" + verdict_words(g.verdict, g.certainty) + "</span>";
    if (!c.tags.empty()) {
      b += R"( <span class="meta">)";
      for (std::size_t t = 0; t < c.tags.size(); ++t) b += (t > 0 ? ", " : "") + escape(c.tags[t]);
      b += "</span>";
    }
    b += "</li>\n";
  }
  b += "</ul>\n" + nav + "</div>\n";
  p.scripts = "<script src=\"search-index.js\"></script>\n<script src=\"finder.js\"></script>\n";
  return render(p);
}

}  // namespace claimkb::site
