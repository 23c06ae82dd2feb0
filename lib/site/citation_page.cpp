// A citation's page: the reference, what the KB records about the study, and every
// claim it bears on, as evidence (with its stance) or as a source asserting it.
#include "site/html.hpp"
#include "site/page.hpp"
#include "site/pages.hpp"

namespace claimkb::site {

std::string citation_page(const Context& ctx, std::size_t i) {
  const KnowledgeBase& kb = *ctx.kb;
  const Citation& c = kb.citation_at(i);
  Page p;
  p.title = c.title.empty() ? c.id : c.title;
  p.root = "../";
  p.description = c.reference;
  std::string& b = p.body;
  b += "<h1>" + escape(p.title) + "</h1>\n";
  b += "<p>" + reference_html(c) + "</p>\n<ul>\n";
  b += "<li>Citation id: <code>" + escape(c.id) + "</code></li>\n";
  std::string design = human(to_string(c.design));
  if (c.of) design += " of " + human(to_string(*c.of)) + " studies";
  b += "<li>Design: " + escape(design) + "</li>\n";
  if (c.n) b += "<li>Participants: " + std::to_string(*c.n) + "</li>\n";
  b += "<li>Risk of bias: " + escape(human(to_string(c.risk_of_bias))) + "</li>\n";
  if (c.retracted) {
    b += "<li><strong>Retracted</strong> " + escape(c.retracted->date) + ": " + escape(c.retracted->notice) + "</li>\n";
  }
  if (!c.same_sample_as.empty()) {
    b += R"(<li>Same participants as <a href=")" + escape(c.same_sample_as) + R"(.html">)" + escape(c.same_sample_as) +
         "</a></li>\n";
  }
  if (!c.includes.empty()) {
    b += "<li>Pools:";
    for (const auto& inc : c.includes) b += R"( <a href=")" + escape(inc) + R"(.html">)" + escape(inc) + "</a>";
    b += "</li>\n";
  }
  b += "</ul>\n";

  b += "<h2>Claims this citation bears on</h2>\n";
  const auto found = ctx.bearings.find(c.id);
  if (found == ctx.bearings.end()) {
    b += "<p>No claim links this citation.</p>\n";
  } else {
    b += "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Role</th>"
         "<th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n";
    for (const Bearing& bear : found->second) {
      const Claim& claim = kb.claim_at(bear.claim);
      const Grade& g = kb.grade_at(bear.claim);
      b += R"(<tr><td><a href="../claims/)" + escape(claim.id) + R"(.html">)" + escape(claim.statement) +
           "</a></td><td>" +
           (bear.asserts ? std::string("asserts it") : "evidence: " + std::string(to_string(bear.stance))) +
           R"(</td><td><span class="badge )" + verdict_class(g.verdict) + R"(">)" +
           escape(verdict_words(g.verdict, g.certainty)) + "</span></td></tr>\n";
    }
    b += "</tbody>\n</table></div>\n";
  }
  if (!c.abstract.empty()) b += "<h2>Abstract</h2>\n<p>" + escape(c.abstract) + "</p>\n";
  if (!c.notes.empty()) b += "<h2>Notes</h2>\n<p>" + escape(c.notes) + "</p>\n";
  return render(p);
}

}  // namespace claimkb::site
