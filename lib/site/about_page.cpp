// about.html: what the verdicts, certainty levels and numbers on the pages mean.
#include "claimkb/site.hpp"
#include "site/html.hpp"
#include "site/page.hpp"
#include "site/pages.hpp"

namespace claimkb::site {

std::string about_page(const Context&) {
  Page p;
  p.title = "About the ratings";
  p.description = "How claimkb rates health claims: verdicts, GRADE certainty and the 1 to 5 rating scale.";
  std::string& b = p.body;
  b += "<h1>About the ratings</h1>\n";
  b += "<p>Each claim is graded from the studies linked to it, following the GRADE approach: a body of "
       "evidence starts at the level its study design earns (randomized trials high, observational studies low) "
       "and moves down for risk of bias, inconsistency, indirectness, imprecision and publication bias, or up for "
       "a large effect or a dose-response gradient. Opinion pieces, web pages and guidelines are shown as the "
       "places a claim is made, but never count as evidence.</p>\n";
  b += "<h2>Verdicts</h2>\n<dl>\n"
       "<dt>Supported</dt><dd>The evidence that counts is in favour of the claim.</dd>\n"
       "<dt>Refuted</dt><dd>The evidence that counts is against the claim.</dd>\n"
       "<dt>Mixed</dt><dd>Supporting and refuting evidence of about the same strength.</dd>\n"
       "<dt>Not enough evidence</dt><dd>No study that counts supports or refutes the claim.</dd>\n</dl>\n";
  b += "<h2>Certainty</h2>\n<p>How sure one can be of the verdict: <strong>high</strong> (further research is "
       "very unlikely to change it), <strong>moderate</strong>, <strong>low</strong> or <strong>very low</strong> "
       "(any estimate is very uncertain).</p>\n";
  b += "<h2 id=\"scale\">The rating scale</h2>\n<p>Every claim page carries a machine-readable review "
       "(schema.org ClaimReview) with a number from 1 to 5, so that search engines and fact-checking tools can "
       "read the verdict. The number combines the verdict with how certain it is:</p>\n";
  b += "<div class=\"table-wrap\"><table>\n<caption>Numeric ratings</caption>\n<thead><tr><th scope=\"col\">"
       "Rating</th><th scope=\"col\">Verdict and certainty</th><th scope=\"col\">Example name</th></tr></thead>\n"
       "<tbody>\n";
  struct Row {
    std::optional<Certainty> c;  // an example certainty for the name
    const char* meaning = "";
    int value = 0;
    Verdict v = Verdict::mixed;
  };
  const Row rows[] = {
      {Certainty::moderate, "Refuted with high or moderate certainty", 1, Verdict::refuted},
      {Certainty::low, "Refuted with low or very low certainty", 2, Verdict::refuted},
      {Certainty::low, "Mixed evidence (any certainty), or not enough evidence", 3, Verdict::mixed},
      {Certainty::very_low, "Supported with low or very low certainty", 4, Verdict::supported},
      {Certainty::high, "Supported with high or moderate certainty", 5, Verdict::supported},
  };
  for (const Row& r : rows) {
    b += "<tr><td>" + std::to_string(r.value) + "</td><td>" + r.meaning + "</td><td>" + escape(rating_name(r.v, r.c)) +
         "</td></tr>\n";
  }
  b += "</tbody>\n</table></div>\n<p>1 is the worst rating and 5 the best. The review's "
       "<code>alternateName</code> names the verdict and certainty in words, for example "
       "&ldquo;Refuted (low certainty)&rdquo; or &ldquo;Not enough evidence&rdquo;.</p>\n";
  b += "<h2>Summary sentences</h2>\n<div class=\"table-wrap\"><table>\n<caption>What each verdict and certainty "
       "says in words</caption>\n<thead><tr><th scope=\"col\">Verdict</th><th scope=\"col\">Certainty</th>"
       "<th scope=\"col\">Summary</th></tr></thead>\n<tbody>\n";
  for (const Verdict v : {Verdict::supported, Verdict::refuted, Verdict::mixed}) {
    for (const Certainty c : {Certainty::high, Certainty::moderate, Certainty::low, Certainty::very_low}) {
      b += "<tr><td>" + capitalized(to_string(v)) + "</td><td>" + human(to_string(c)) + "</td><td>" +
           escape(summary(v, c)) + "</td></tr>\n";
    }
  }
  b += "<tr><td>Not enough evidence</td><td>none</td><td>" + escape(summary(Verdict::insufficient, std::nullopt)) +
       "</td></tr>\n";
  b += "</tbody>\n</table></div>\n";
  b += "<h2>Summary-of-findings tables</h2>\n<p>Each claim page has a table with one column per body of "
       "evidence (supporting and refuting). It gives the number of studies and participants, their designs, and "
       "for each GRADE domain a judgement (not serious, serious, very serious) with a numbered note saying "
       "why, then the certainty that body was rated at. The verdict weighs the two bodies against each other.</p>\n";
  return render(p);
}

}  // namespace claimkb::site
