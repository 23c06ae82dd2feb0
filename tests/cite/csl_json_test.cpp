// lib/cite/csl_json.cpp: CSL-JSON (tests/data/cite/csl.json, from the bundled KB's
// vigotsky2016 and peeler2008).
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"

using namespace claimkb;

TEST_CASE("CSL-JSON: arrays, numbers, short titles and the DOI's own URL") {
  const auto got = cite_test::import_text("csl.json", cite_test::fixture("csl.json"));
  REQUIRE(got.size() == 2);
  const Citation& v = got[0].citation;
  CHECK(v.authors ==
        std::vector<std::string>{"Vigotsky AD", "Lehman GJ", "Beardsley C", "Contreras B", "Chung B", "Feser EH"});
  CHECK(v.journal == "PeerJ");  // container-title as Crossref writes it: an array
  CHECK(v.volume == "4");       // a number
  CHECK(v.article == "e2325");
  CHECK(v.year == 2016);
  CHECK(v.url.empty());  // https://doi.org/<the DOI> is the DOI, not a URL of its own
  CHECK(v.pmcid == "PMC4991856");
  CHECK(got[0].line == 2);  // the first object's '{'
  const Citation& p = got[1].citation;
  CHECK(p.journal == "J Athl Train");  // container-title-short before container-title
  CHECK(p.year == 2008);               // date-parts as a string
  CHECK(p.pages == "470-476");
  CHECK(got[1].line == 22);  // the first object spans lines 2-21
}

TEST_CASE("CSL-JSON: a syntax error names its line and column") {
  const std::string text = "[\n  {\"title\": \"x\",, \"issued\": {}}\n]\n";
  auto plan = plan_import({CitationSource{"bad.json", text}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors()[0].line == 2);
  CHECK(plan.errors()[0].column == 17);  // the second ','
}

// A number too large for a double is well-formed JSON that cannot be read: an
// error at the number (found by fuzz_import), never an exception out of import.
TEST_CASE("CSL-JSON: a number too large to hold is an error at the number") {
  const std::string text = "[\n  {\"title\": \"x\",\n   \"volume\": 2e2325}\n]\n";
  auto plan = plan_import({CitationSource{"big.json", text}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors()[0].line == 3);
  CHECK(plan.errors()[0].column == 14);  // `   "volume": ` is 13 characters
  CHECK(plan.errors()[0].message.find("2e2325") != std::string::npos);
}
