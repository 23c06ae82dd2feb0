// docs/cli.md, "reference": NLM/Vancouver references, as PubMed's citation prints them.
#include <doctest/doctest.h>

#include "claimkb/reference.hpp"

using namespace claimkb;

TEST_CASE("page ranges are shortened as in Vancouver") {
  CHECK(shorten_page_range("267-276") == "267-76");
  CHECK(shorten_page_range("1180-1191") == "1180-91");
  CHECK(shorten_page_range("800-807") == "800-7");
  CHECK(shorten_page_range("42-55") == "42-55");
  CHECK(shorten_page_range("99-101") == "99-101");
  CHECK(shorten_page_range("E515-E519") == "E515-9");
  CHECK(shorten_page_range("267\u2013276") == "267-76");  // en dash
  CHECK(shorten_page_range("e146341") == "e146341");
  CHECK(shorten_page_range("758.e3-758.e4") == "758.e3-758.e4");  // not plain numbers: as printed
  CHECK(shorten_page_range("100-100") == "100");                  // one page
  CHECK(shorten_page_range("276-267") == "276-267");              // backwards: as printed
}

TEST_CASE("a journal article with DOI and PMID") {
  // Hellsing 1988, fields as in the KB's record (citations/causes.yaml, hellsing1988).
  Citation c;
  c.authors = {"Hellsing AL"};
  c.title =
      "Tightness of hamstring- and psoas major muscles: a prospective study of back "
      "pain in young men during their military service";
  c.journal = "Ups J Med Sci";
  c.year = 1988;
  c.volume = "93";
  c.issue = "3";
  c.pages = "267-276";
  c.doi = "10.3109/03009738809178552";
  c.pmid = "2977003";
  CHECK(format_reference(c) ==
        "Hellsing AL. Tightness of hamstring- and psoas major muscles: a prospective study of "
        "back pain in young men during their military service. Ups J Med Sci. "
        "1988;93(3):267-76. doi: 10.3109/03009738809178552. PMID: 2977003.");
}

TEST_CASE("more than six authors become et al") {
  Citation c;
  c.authors = {"A A", "B B", "C C", "D D", "E E", "F F", "G G"};
  c.title = "T?";
  c.journal = "J";
  c.year = 2020;
  c.article = "e2325";
  c.volume = "4";
  CHECK(format_reference(c) == "A A, B B, C C, D D, E E, F F, et al. T? J. 2020;4:e2325.");
  c.authors.pop_back();
  CHECK(format_reference(c).rfind("A A, B B, C C, D D, E E, F F. T?", 0) == 0);
}

TEST_CASE("an issue with no volume, and PMCID after PMID") {
  Citation c;
  c.authors = {"Furlan AD"};
  c.title = "Massage for low-back pain";
  c.journal = "Cochrane Database Syst Rev";
  c.year = 2015;
  c.issue = "9";
  c.article = "CD001929";
  c.pmid = "26329399";
  c.pmcid = "PMC0000001";
  CHECK(format_reference(c) ==
        "Furlan AD. Massage for low-back pain. Cochrane Database Syst "
        "Rev. 2015;(9):CD001929. PMID: 26329399; PMCID: PMC0000001.");
}

TEST_CASE("a web page or book has its publisher, and a URL when there is no DOI") {
  Citation c;
  c.authors = {"Ingraham P"};
  c.title = "Psoas, so what?";
  c.publisher = "PainScience.com";
  c.year = 2010;
  c.url = "https://example.org/psoas";
  CHECK(format_reference(c) ==
        "Ingraham P. Psoas, so what? PainScience.com; 2010. Available from: https://example.org/psoas");
  c.authors.clear();  // an organisation's page starts with its title
  CHECK(format_reference(c).rfind("Psoas, so what? PainScience.com; 2010.", 0) == 0);
}
