// lib/cite/pubmed_xml.cpp: PubMed XML as efetch writes it (tests/data/cite/pubmed.xml:
// the bundled KB's hatefi2021, and an invented record with the format's traps).
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"

using namespace claimkb;

TEST_CASE("PubMed XML: the same fields as MEDLINE, found from the content") {
  const auto got = cite_test::import_text("pubmed.xml", cite_test::fixture("pubmed.xml"));
  REQUIRE(got.size() == 2);
  CHECK(got[0].format == "pubmed-xml");
  CHECK(got[0].line == 4);  // the first <PubmedArticle> is on line 4
  const Citation& h = got[0].citation;
  // Every field as citations/stretching-and-rolling.yaml has it for hatefi2021.
  CHECK(h.id == "hatefi2021");
  CHECK(h.title ==
        "The effect of static stretching exercises on hip range of motion, pain, and disability in patients with "
        "non-specific low back pain.");
  CHECK(h.authors == std::vector<std::string>{"Hatefi M", "Babakhani F", "Ashrafizadeh M"});
  CHECK(h.year == 2021);
  CHECK(h.journal == "J Exp Orthop");  // MedlineTA
  CHECK(h.volume == "8");
  CHECK(h.article == "55");  // MedlinePgn 55 is the pii 55: an article number
  CHECK(h.pages.empty());
  CHECK(h.doi == "10.1186/s40634-021-00371-w");
  CHECK(h.pmid == "34318348");
  CHECK(h.pmcid == "PMC8316530");
  CHECK(h.design == Design::rct);

  const Citation& d = got[1].citation;
  CHECK(got[1].line == 45);
  CHECK(d.title == "An invented review of psoas length & pain (a made-up record).");  // <i> and &amp;
  CHECK(d.authors == std::vector<std::string>{"Doe JQ Jr", "Example Study Group"});
  CHECK(d.year == 2019);                  // from MedlineDate "2019 Mar-Apr"
  CHECK(d.journal == "Example journal");  // no MedlineTA nor ISOAbbreviation: the title
  CHECK(d.pages == "101-9");
  CHECK(d.issue == "2");
  CHECK(d.abstract == "BACKGROUND: An invented background. RESULTS: Invented results over two lines.");
  CHECK(d.design == Design::systematic_review);  // Meta-Analysis
}

TEST_CASE("PubMed XML: malformed XML is refused at its line") {
  auto plan = plan_import({CitationSource{"bad.xml", "<PubmedArticleSet>\n<PubmedArticle>\n</Oops>\n"}}, {}, {});
  REQUIRE(!plan);
  CHECK(plan.errors()[0].line == 3);
  CHECK(plan.errors()[0].message.find("invalid XML") == 0);
}
