// lib/cite/bibtex.cpp: BibTeX (tests/data/cite/bibtex-traps.bib, from the bundled
// KB's wilke2020, ivanac2026 and peeler2007).
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"
#include "cite/common.hpp"

using namespace claimkb;

TEST_CASE("BibTeX: @string, #, accents, multi-word surnames, crossref") {
  const auto got = cite_test::import_text("bibtex-traps.bib", cite_test::fixture("bibtex-traps.bib"));
  // Three entries; @periodical{ptsport8} has no title and is only crossref'd.
  REQUIRE(got.size() == 3);
  const Citation& w = got[0].citation;
  // foam # {: ...}: the macro's text and the braced text joined.
  CHECK(w.title ==
        "Acute Effects of Foam Rolling on Range of Motion in Healthy Adults: A Systematic Review with Multilevel "
        "Meta-analysis");
  CHECK(w.journal == "Sports Med");           // @string sportsmed
  CHECK(w.authors[1] == "Müller AL");         // M{\"u}ller
  CHECK(w.pages == "387-402");                // 387--402
  CHECK(w.issue == "2");                      // a quoted value
  CHECK(w.year == 2020);                      // a bare number
  CHECK(w.design == Design::expert_opinion);  // "article" names no design (the title is not read for one)
  CHECK(got[0].line == 5);

  const Citation& i = got[1].citation;
  // "First Last", {braced} surnames, \'c, \v{z}, {\v s} (the KB's ivanac2026).
  CHECK(i.authors ==
        std::vector<std::string>{"Ivanac D", "Vlahović H", "Rusac Kukić S", "Ružić Baršić A", "Lekić A", "Arbanas J"});
  CHECK(i.title == "MRI-Based Assessment of Trunk and Hip Muscle Morphology and Strength in Chronic Low Back Pain");
  CHECK(i.article == "e951651");  // eid
  CHECK(i.doi == "10.12659/MSM.951651");

  const Citation& p = got[2].citation;
  // journal, volume and year came from the crossref'd entry.
  CHECK(p.journal == "Phys Ther Sport");
  CHECK(p.volume == "8");
  CHECK(p.year == 2007);
  CHECK(p.title == "Reliability of the Thomas test for assessing range of motion about the hip");
}

TEST_CASE("BibTeX: LaTeX to text and names with particles and suffixes") {
  using claimkb::detail::cite::latex_to_text;
  CHECK(latex_to_text(R"(Laid{\'e})") == "Laidé");
  CHECK(latex_to_text(R"(Bj{\"o}rk \& Sons)") == "Björk & Sons");
  CHECK(latex_to_text(R"(Stra{\ss}e)") == "Straße");
  CHECK(latex_to_text(R"(\emph{Very} good)") == "Very good");  // an unknown command is dropped, its text kept
  CHECK(latex_to_text(R"(50\% of it)") == "50% of it");

  // "First von Last", "von Last, First" and "Last, Jr, First": the name forms of
  // BibTeX; the KB writes "Surname Initials", suffix last (as MEDLINE does).
  const std::string bib =
      "@book{a, author = {Ludwig van Beethoven and de la Cruz, Maria and Smith, Jr, John Paul}, title = {T}, "
      "year = 1999}";
  const auto got = cite_test::import_text("names.bib", bib);
  REQUIRE(got.size() == 1);
  CHECK(got[0].citation.authors == std::vector<std::string>{"van Beethoven L", "de la Cruz M", "Smith JP Jr"});
  CHECK(got[0].citation.design == Design::book);  // @book
  // The id takes the surname's letters: "van Beethoven" -> "vanbeethoven".
  CHECK(got[0].citation.id == "vanbeethoven1999");
}

TEST_CASE("BibTeX: an unclosed brace is reported where it opens") {
  const std::string bib = "@article{x,\n  title = {Open {brace,\n  year = 2001\n}\n";
  auto plan = plan_import({CitationSource{"bad.bib", bib}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors()[0].line == 2);
  CHECK(plan.errors()[0].column == 11);  // the '{' after "  title = "
}
