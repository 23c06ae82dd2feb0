// lib/site: escaping, the rating scale, the summary of findings, and write_site()'s
// folder handling (docs/site.md).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "claimkb/claimkb.hpp"
#include "site/claim_review.hpp"
#include "site/findings.hpp"
#include "site/html.hpp"
#include "site/nasty_kb.hpp"
#include "site/pages.hpp"

using namespace claimkb;
using claimkb::test::TempKb;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

KnowledgeBase open_kb(const TempKb& dir) {
  auto kb = KnowledgeBase::open(dir.path());
  for (const auto& e : kb.errors()) MESSAGE(e.to_string());
  REQUIRE(kb.ok());
  return std::move(kb).value();
}

}  // namespace

TEST_CASE("escape() leaves no character that could start markup") {
  // Each of & < > " ' replaced by its reference, by hand.
  CHECK(site::escape(R"(<a href="x">&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  CHECK(site::escape("plain text") == "plain text");
  CHECK(site::escape("caf\xC3\xA9") == "caf\xC3\xA9");  // UTF-8 kept
  CHECK(site::escape("a\xFF"
                     "b") ==
        "a\xEF\xBF\xBD"
        "b");  // invalid byte -> U+FFFD
}

TEST_CASE("JSON inside a script cannot close it") {
  CHECK(site::json_for_script(R"({"a":"</script><!--&"})") == R"({"a":"\u003c/script\u003e\u003c!--\u0026"})");
}

TEST_CASE("shorten() keeps at most the given number of characters") {
  CHECK(site::shorten("short", 75) == "short");
  // 10 characters allowed: "one two three" (13) -> cut before "three" at the space
  // (offset 7, within the last quarter of 9), then the ellipsis: "one two…".
  CHECK(site::shorten("one two three", 10) == "one two\u2026");
  // No space near the end: cut at 9 characters plus the ellipsis.
  CHECK(site::shorten("abcdefghijklmnop", 10) == "abcdefghi\u2026");
  // Characters, not bytes: 12 two-byte letters cut to 9 + ellipsis = 10 characters.
  CHECK(site::shorten(
            "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 10) ==
        "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\u2026");
}

TEST_CASE("the rating scale of docs/site.md") {
  CHECK(review_rating(Verdict::refuted, Certainty::high) == 1);
  CHECK(review_rating(Verdict::refuted, Certainty::moderate) == 1);
  CHECK(review_rating(Verdict::refuted, Certainty::low) == 2);
  CHECK(review_rating(Verdict::refuted, Certainty::very_low) == 2);
  CHECK(review_rating(Verdict::mixed, Certainty::high) == 3);
  CHECK(review_rating(Verdict::insufficient, std::nullopt) == 3);
  CHECK(review_rating(Verdict::supported, Certainty::very_low) == 4);
  CHECK(review_rating(Verdict::supported, Certainty::low) == 4);
  CHECK(review_rating(Verdict::supported, Certainty::moderate) == 5);
  CHECK(rating_name(Verdict::refuted, Certainty::low) == "Refuted (low certainty)");
  CHECK(rating_name(Verdict::supported, Certainty::very_low) == "Supported (very low certainty)");
  CHECK(rating_name(Verdict::insufficient, std::nullopt) == "Not enough evidence");
}

TEST_CASE("summary of findings: one RCT, then the same with too few participants") {
  TempKb dir;
  dir.write("citations/c.yaml",
            "- {id: big, design: rct, title: Big trial, authors: [A B], year: 2001, journal: J, n: 500,"
            " risk_of_bias: low}\n"
            "- {id: small, design: rct, title: Small trial, authors: [A B], year: 2002, journal: J, n: 120,"
            " risk_of_bias: high}\n");
  dir.write("claims/c.yaml",
            "- id: one\n  statement: One holds.\n  evidence: [{citation: big, stance: supports, finding: Yes.}]\n"
            "- id: two\n  statement: Two holds.\n  evidence: [{citation: small, stance: refutes, finding: No.}]\n");
  const KnowledgeBase kb = open_kb(dir);
  SUBCASE("one large low-risk RCT: no domain downgraded, high") {
    const auto bodies = site::summarize_findings(kb, *kb.claim("one"), *kb.grade("one"));
    REQUIRE(bodies.size() == 1);
    CHECK(bodies[0].stance == Stance::supports);
    CHECK(bodies[0].studies == 1);
    CHECK(bodies[0].participants == 500);
    CHECK(bodies[0].designs == "rct (1)");
    REQUIRE(bodies[0].domains.size() == 6);
    for (const auto& d : bodies[0].domains) CHECK_MESSAGE(d.judgement.rfind("Serious", 0) != 0, d.domain);
    CHECK(bodies[0].domains[3].domain == "Imprecision");
    CHECK(bodies[0].domains[3].why.find("500 participants") != std::string::npos);
    CHECK(bodies[0].certainty == "high");
  }
  SUBCASE("one small high-risk RCT: -1 risk of bias, -1 imprecision: high - 2 = low") {
    const auto bodies = site::summarize_findings(kb, *kb.claim("two"), *kb.grade("two"));
    REQUIRE(bodies.size() == 1);
    CHECK(bodies[0].stance == Stance::refutes);
    CHECK(bodies[0].domains[0].judgement == "Serious (\u22121)");
    CHECK(bodies[0].domains[0].why.find("-1 risk of bias") == 0);
    CHECK(bodies[0].domains[3].judgement == "Serious (\u22121)");
    CHECK(bodies[0].domains[3].why.find("120 participants < 400") != std::string::npos);
    CHECK(bodies[0].certainty == "low");
    const std::string html = site::render_findings(bodies);
    // 6 domains, one footnote each.
    CHECK(count(html, "<li id=\"sof-note-") == 6);
  }
}

TEST_CASE("markup in every field is escaped on every page") {
  TempKb dir;
  test::write_nasty_kb(dir);
  const KnowledgeBase kb = open_kb(dir);
  SiteOptions options;
  options.date = "2026-01-02";
  options.base_url = "https://example.org/kb";
  const site::Context ctx = site::make_context(kb, options);
  const std::string pages[] = {site::claim_page(ctx, 0), site::claim_page(ctx, 1), site::citation_page(ctx, 0),
                               site::citation_page(ctx, 1), site::index_page(ctx, 1, 1, 0, 200)};
  for (const std::string& page : pages) {
    // The text's own tags never appear as tags: only their escaped forms.
    CHECK(page.find("<b onclick") == std::string::npos);
    CHECK(page.find("<!-- c") == std::string::npos);
    CHECK(page.find("&lt;b onclick=&#39;x()&#39;&gt;") != std::string::npos);
  }
  // One JSON-LD block, closed by the only "</script>" in the claim page's head.
  const std::string& claim = pages[0];
  CHECK(count(claim, "application/ld+json") == 1);
  const std::size_t start = claim.find("<script type=\"application/ld+json\">");
  const std::size_t body = start + std::string("<script type=\"application/ld+json\">").size();
  const std::size_t end = claim.find("</script>", body);
  REQUIRE(end != std::string::npos);
  CHECK(claim.find("</script>", end + 1) == std::string::npos);  // no script on a claim page but this one
  const auto j = nlohmann::json::parse(claim.substr(body, end - body));
  CHECK(j["@type"] == "ClaimReview");
  CHECK(j["url"] == "https://example.org/kb/claims/nasty.html");
  CHECK(j["datePublished"] == "2026-01-02");
  // The statement, unescaped, is 44 characters: it fits in 75 whole.
  CHECK(j["claimReviewed"] == test::kNasty);
  // One RCT of 500 participants at unclear risk: high, supported.
  CHECK(j["reviewRating"]["alternateName"] == "Supported (high certainty)");
  CHECK(j["reviewRating"]["ratingValue"] == 5);
  REQUIRE(j["itemReviewed"]["appearance"].size() == 1);
  CHECK(j["itemReviewed"]["appearance"][0]["url"] == "https://example.org/?a=1&b=<2>");
  // The search index is JSON after "window.CLAIMKB_INDEX=" and keeps the text exact.
  const std::string index = site::search_index_script(ctx);
  CHECK(index.find('<') == std::string::npos);
  const auto data = nlohmann::json::parse(index.substr(21, index.size() - 23));
  CHECK(data["claims"][0][1] == test::kNasty);
}

TEST_CASE("a long statement is cut to 75 characters in claimReviewed") {
  TempKb dir;
  dir.write("citations/c.yaml", test::kRctCitation);
  const std::string statement(100, 'x');
  dir.write("claims/c.yaml", "- id: long\n  statement: " + statement + " end\n");
  const KnowledgeBase kb = open_kb(dir);
  SiteOptions options;
  options.date = "2026-01-02";
  const auto j = nlohmann::json::parse(site::claim_review_json(site::make_context(kb, options), 0));
  // No space near the end: 74 x's and the ellipsis (3 bytes, 1 character).
  CHECK(j["claimReviewed"] == std::string(74, 'x') + "\u2026");
  CHECK(j["url"] == "claims/long.html");  // no base URL: relative
  CHECK(j["reviewRating"]["alternateName"] == "Not enough evidence");
}

TEST_CASE("write_site() writes every page, replaces its own site, and refuses other folders") {
  TempKb dir;
  test::write_nasty_kb(dir);
  const KnowledgeBase kb = open_kb(dir);
  const fs::path out = fs::path(dir.path()) / "site";
  SiteOptions options;
  options.date = "2026-01-02";
  auto first = write_site(kb, out.string(), options);
  REQUIRE(first.ok());
  // 2 claim pages, 2 citation pages, index.html, about.html.
  CHECK(first->pages == 6);
  for (const char* f : {"index.html", "about.html", "claims/nasty.html", "claims/user.html", "citations/trial1.html",
                        "citations/blog.html", "style.css", "finder.js", "search-index.js"}) {
    CHECK_MESSAGE(fs::exists(out / f), f);
  }
  SUBCASE("a second run replaces the first, leaving nothing beside it") {
    std::ofstream(out / "stale.html") << "old";
    REQUIRE(write_site(kb, out.string(), options).ok());
    CHECK(!fs::exists(out / "stale.html"));
    std::size_t siblings = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) {
      if (e.path().filename().string()[0] == '.') ++siblings;
    }
    CHECK(siblings == 0);  // no staging folder left
  }
  SUBCASE("a folder with other files is left alone") {
    const fs::path other = fs::path(dir.path()) / "mine";
    fs::create_directories(other);
    std::ofstream(other / "keep.txt") << "mine";
    const auto r = write_site(kb, other.string(), options);
    REQUIRE(!r.ok());
    CHECK(r.errors()[0].code == Diagnostic::Code::io);
    CHECK(r.errors()[0].message.find("not a site claimkb wrote") != std::string::npos);
    CHECK(read(other / "keep.txt") == "mine");
    CHECK(!fs::exists(other / "index.html"));
  }
  SUBCASE("a bad date or base URL is the caller's mistake") {
    options.date = "2026-13-01";
    CHECK(write_site(kb, out.string(), options).errors()[0].code == Diagnostic::Code::bad_argument);
    options.date = "";
    options.base_url = "javascript:alert(1)";
    CHECK(write_site(kb, out.string(), options).errors()[0].code == Diagnostic::Code::bad_argument);
  }
}
