// A claim's page, in layers as MAGICapp shows a recommendation: the verdict and its
// summary first, then the summary of findings, then each study, then how the claim
// hangs together with others, then the graph.
#include "claimkb/site.hpp"
#include "site/claim_review.hpp"
#include "site/findings.hpp"
#include "site/graph_svg.hpp"
#include "site/html.hpp"
#include "site/page.hpp"
#include "site/pages.hpp"

namespace claimkb::site {
namespace {

std::string claim_link(const KnowledgeBase& kb, const std::string& id) {
  const Claim* c = kb.claim(id);
  const Grade* g = kb.grade(id);
  std::string out = R"(<li><a href=")" + escape(id) + R"(.html">)" + escape(c != nullptr ? c->statement : id) + "</a>";
  if (g != nullptr) {
    out += R"( <span class="badge )" + verdict_class(g->verdict) + R"(">)" +
           escape(verdict_words(g->verdict, g->certainty)) + "</span>";
  }
  return out + "</li>\n";
}

std::string concept_words(const KnowledgeBase& kb, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    const Concept* c = kb.find_concept(id);
    out += (out.empty() ? "" : ", ") + escape(c != nullptr && !c->label.empty() ? c->label : id);
  }
  return out;
}

std::string studies(const KnowledgeBase& kb, const Claim& claim, const Grade& grade) {
  if (claim.evidence.empty()) return "<p>No study is linked to this claim.</p>\n";
  std::string out = "<ol class=\"studies\">\n";
  for (std::size_t i = 0; i < claim.evidence.size(); ++i) {
    const EvidenceLink& l = claim.evidence[i];
    const Citation* c = kb.citation(l.citation);
    const bool counted = i < grade.links.size() && grade.links[i].counted;
    out += R"(<li><p><span class="badge stance-)" + std::string(to_string(l.stance)) + R"(">)" +
           capitalized(to_string(l.stance)) + "</span> ";
    out += R"(<a href="../citations/)" + escape(l.citation) + R"(.html">)" + escape(l.citation) + "</a>";
    if (c != nullptr) {
      out += R"( <span class="meta">)" + escape(human(to_string(c->design)));
      if (c->of) out += " of " + escape(human(to_string(*c->of))) + " studies";
      if (c->n) out += ", " + std::to_string(*c->n) + " participants";
      out += ", risk of bias " + escape(human(to_string(l.risk_of_bias.value_or(c->risk_of_bias))));
      if (l.directness == Directness::indirect) out += ", indirect";
      out += counted ? (grade.links[i].rated ? "; counted and rated" : "; counted, not rated (lower tier)")
                     : "; not counted";
      out += "</span>";
    }
    out += "</p>\n";
    if (!l.finding.empty()) out += "<p>" + escape(l.finding) + "</p>\n";
    if (!l.notes.empty()) out += R"(<p class="meta">Note: )" + escape(l.notes) + "</p>\n";
    if (c != nullptr) out += R"(<p class="meta">)" + reference_html(*c) + "</p>\n";
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

}  // namespace

std::string reference_html(const Citation& c) {
  std::string out = escape(c.reference);
  if (c.retracted) out = "<strong>Retracted</strong> (" + escape(c.retracted->date) + "). " + out;
  if (!c.doi.empty()) out += R"( <a href=")" + escape(doi_url(c.doi)) + R"(">DOI</a>)";
  if (!c.pmid.empty()) out += R"( <a href=")" + escape(pubmed_url(c.pmid)) + R"(">PubMed</a>)";
  if (!c.pmcid.empty()) out += R"( <a href=")" + escape(pmc_url(c.pmcid)) + R"(">PMC</a>)";
  if (!c.url.empty() && c.doi.empty()) out += R"( <a href=")" + escape(c.url) + R"(">Online</a>)";
  return out;
}

std::string claim_page(const Context& ctx, std::size_t i) {
  const KnowledgeBase& kb = *ctx.kb;
  const Claim& claim = kb.claim_at(i);
  const Grade& grade = kb.grade_at(i);
  const std::string words = verdict_words(grade.verdict, grade.certainty);
  const std::string sum(summary(grade.verdict, grade.certainty));
  Page p;
  p.title = claim.statement;
  p.root = "../";
  p.description = words + ". " + sum;
  p.head = claim_review_script(ctx, i);
  std::string& b = p.body;
  b += "<h1>" + escape(claim.statement) + "</h1>\n";
  b += R"(<section class="verdict )" + verdict_class(grade.verdict) + "\" aria-label=\"Verdict\">\n";
  b += R"(<p><strong>Verdict:</strong> <span class="badge )" + verdict_class(grade.verdict) + R"(">)" + escape(words) +
       "</span></p>\n<p>" + escape(sum) + "</p>\n";
  b += R"(<p class="meta">Rating )" + std::to_string(review_rating(grade.verdict, grade.certainty)) +
       R"( of 5 on <a href="../about.html">our scale</a>. Claim id: <code>)" + escape(claim.id) + "</code></p>\n";
  b += "</section>\n";

  b += "<h2>Summary of findings</h2>\n";
  b += render_findings(summarize_findings(kb, claim, grade));
  b += "<details><summary>How the verdict was reached, rule by rule</summary>\n<ol>\n";
  for (const auto& r : grade.reasons) b += "<li>" + escape(r) + "</li>\n";
  b += "</ol>\n</details>\n";
  if (!grade.warnings.empty()) {
    b += "<h2>Warnings</h2>\n<ul>\n";
    for (const auto& w : grade.warnings) b += "<li>" + escape(w) + "</li>\n";
    b += "</ul>\n";
  }

  b += "<h2>Studies</h2>\n" + studies(kb, claim, grade);

  if (!claim.asserted_by.empty()) {
    b += "<h2>Who makes this claim</h2>\n<ul>\n";
    for (const auto& a : claim.asserted_by) {
      b += R"(<li><a href="../citations/)" + escape(a.citation) + R"(.html">)" + escape(a.citation) + "</a>";
      if (!a.quote.empty()) b += "<blockquote>" + escape(a.quote) + "</blockquote>";
      if (const Citation* c = kb.citation(a.citation)) b += R"(<p class="meta">)" + reference_html(*c) + "</p>";
      b += "</li>\n";
    }
    b += "</ul>\n";
  }

  b += "<h2>Related claims</h2>\n";
  if (claim.depends_on.empty()) {
    b += "<p>This claim rests on no other claim.</p>\n";
  } else {
    b += "<h3>Premises (this claim depends on)</h3>\n<ul>\n";
    for (const auto& id : claim.depends_on) b += claim_link(kb, id);
    b += "</ul>\n";
  }
  const auto dep = ctx.dependants.find(claim.id);
  if (dep == ctx.dependants.end()) {
    b += "<p>No other claim depends on this one.</p>\n";
  } else {
    b += "<h3>Claims that depend on this one</h3>\n<ul>\n";
    for (std::size_t d : dep->second) b += claim_link(kb, kb.claim_at(d).id);
    b += "</ul>\n";
  }

  b += "<h2>Evidence graph</h2>\n<figure class=\"graph\">\n" + render_graph_svg(ctx, i) +
       "<figcaption>Green lines support, red refute, grey are neutral; dashed lines are sources that assert the "
       "claim and claims that use it. The studies, sources and claims shown are listed with links "
       "above.</figcaption>\n</figure>\n";

  std::string about;
  if (claim.about) {
    about += "<li>Subject: " + concept_words(kb, claim.about->subject) + "</li>\n";
    about += "<li>Relation: " + escape(human(to_string(claim.about->relation))) + "</li>\n";
    about += "<li>Object: " + concept_words(kb, claim.about->object) + "</li>\n";
    if (!claim.about->compared_with.empty()) {
      about += "<li>Compared with: " + concept_words(kb, claim.about->compared_with) + "</li>\n";
    }
    if (!claim.about->population.empty()) {
      about += "<li>Population: " + concept_words(kb, claim.about->population) + "</li>\n";
    }
  }
  if (!claim.tags.empty()) {
    std::string tags;
    for (const auto& t : claim.tags) tags += (tags.empty() ? "" : ", ") + escape(t);
    about += "<li>Tags: " + tags + "</li>\n";
  }
  if (!claim.aliases.empty()) {
    std::string aliases;
    for (const auto& a : claim.aliases) aliases += (aliases.empty() ? "" : "; ") + escape(a);
    about += "<li>Also asked as: " + aliases + "</li>\n";
  }
  if (!about.empty()) b += "<h2>About this claim</h2>\n<ul>\n" + about + "</ul>\n";
  if (!claim.notes.empty()) b += "<h2>Notes</h2>\n<p>" + escape(claim.notes) + "</p>\n";
  return render(p);
}

}  // namespace claimkb::site
