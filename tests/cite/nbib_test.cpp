// lib/cite/nbib.cpp: PubMed MEDLINE records (tests/data/cite/medline.nbib, from the
// bundled KB's hatefi2021, hellsing1988 and bieringsorensen1984).
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"

using namespace claimkb;

TEST_CASE("MEDLINE: continuation lines, an article number in PG, FAU alone, repeated PT") {
  const auto got = cite_test::import_text("medline.nbib", cite_test::fixture("medline.nbib"));
  REQUIRE(got.size() == 3);

  const Citation& h = got[0].citation;
  // The title runs over two continuation lines; joined with one space each it is
  // the KB's title, word for word (citations/stretching-and-rolling.yaml).
  CHECK(h.title ==
        "The effect of static stretching exercises on hip range of motion, pain, and disability in patients with "
        "non-specific low back pain");
  CHECK(h.authors == std::vector<std::string>{"Hatefi M", "Babakhani F", "Ashrafizadeh M"});
  CHECK(h.journal == "J Exp Orthop");  // TA, not JT
  CHECK(h.year == 2021);
  CHECK(h.volume == "8");
  // PG 55 equals the bare LID 55: an article number, not a page.
  CHECK(h.article == "55");
  CHECK(h.pages.empty());
  CHECK(h.doi == "10.1186/s40634-021-00371-w");
  CHECK(h.pmid == "34318348");
  CHECK(h.pmcid == "PMC8316530");
  // Of the two PT lines, "Randomized Controlled Trial" names a design.
  CHECK(h.design == Design::rct);
  CHECK(got[0].design_suggested_from == "Randomized Controlled Trial");
  CHECK(got[0].line == 1);
  CHECK(h.id == "hatefi2021");

  const Citation& s = got[1].citation;
  CHECK(got[1].line == 23);                                     // after the first record's 20 lines and two blank lines
  CHECK(s.authors == std::vector<std::string>{"Hellsing AL"});  // from "FAU - Hellsing, A L"
  CHECK(s.pages == "267-276");
  CHECK(s.issue == "3");
  CHECK(s.doi == "10.3109/03009738809178552");  // AID ... [doi]
  // No PT: a placeholder design that counts for nothing, and no type named.
  CHECK(s.design == Design::expert_opinion);
  CHECK(got[1].design_suggested_from.empty());
  CHECK(s.notes.find("DESIGN NOT KNOWN") != std::string::npos);

  // "Biering-Sørensen" gives the id the KB itself uses: letters only, ø as o.
  CHECK(got[2].citation.id == "bieringsorensen1984");
  CHECK(got[2].citation.authors == std::vector<std::string>{"Biering-Sørensen F"});
}

TEST_CASE("MEDLINE: a line that is neither a tag nor a continuation is an error at its line") {
  const std::string text = "PMID- 1\nTI  - A title\nthis is not MEDLINE\nDP  - 2001\n";
  auto plan = plan_import({CitationSource{"x.nbib", text}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  REQUIRE(plan.errors().size() == 1);
  CHECK(plan.errors()[0].line == 3);
  CHECK(plan.errors()[0].file == "x.nbib");
}
