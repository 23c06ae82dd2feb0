// lib/cite/ris.cpp: RIS (tests/data/cite/ris-traps.ris, from the bundled KB's
// winters2004 and moreside2012).
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"

using namespace claimkb;

TEST_CASE("RIS: BOM, CRLF, blank lines first, tags in any order, SP+EP, JO/J2 over T2") {
  const auto got = cite_test::import_text("ris-traps.ris", cite_test::fixture("ris-traps.ris"));
  REQUIRE(got.size() == 2);
  const Citation& w = got[0].citation;
  // Seven AU lines in order, "Last, F. M." to "Last FM" (the KB's winters2004).
  CHECK(w.authors == std::vector<std::string>{"Winters MV", "Blake CG", "Trost JS", "Marcello-Brinker TB", "Lowe LM",
                                              "Garber MB", "Wainner RS"});
  // TI continues on a line without a tag.
  CHECK(w.title ==
        "Passive versus active stretching of hip flexor muscles in subjects with limited hip extension: a "
        "randomized clinical trial");
  CHECK(w.journal == "Phys Ther");  // JO wins over T2 "Physical therapy"
  CHECK(w.pages == "800-807");      // EP came before SP
  CHECK(w.volume == "84");
  CHECK(w.issue == "9");
  CHECK(w.year == 2004);
  CHECK(got[0].line == 3);  // two blank lines, then TY (the BOM is not a line)

  const Citation& m = got[1].citation;
  CHECK(m.journal == "J Strength Cond Res");  // J2
  CHECK(m.year == 2012);                      // "2012///"
  CHECK(m.pmid == "22344062");                // AN in digits
  CHECK(m.doi == "10.1519/JSC.0b013e31824f2351");
  CHECK(m.pages == "1265-1273");
  CHECK(m.id == "moreside2012");
}

TEST_CASE("RIS: a record without ER is reported at its TY line and nothing is imported") {
  const std::string text = "TY  - JOUR\r\nTI  - One\r\nPY  - 2001\r\nER  - \r\nTY  - JOUR\r\nTI  - Two\r\n";
  auto plan = plan_import({CitationSource{"cut.ris", text}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  REQUIRE(plan.errors().size() == 1);
  CHECK(plan.errors()[0].line == 5);  // the second TY
  CHECK(plan.errors()[0].message.find("no 'ER  - '") != std::string::npos);
}
