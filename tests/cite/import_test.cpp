// lib/cite/import.cpp: ids, duplicates, all-or-nothing, and the export round trip.
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"

using namespace claimkb;

namespace {

Citation existing(std::string id, std::string doi, std::string pmid) {
  Citation c;
  c.id = std::move(id);
  c.doi = std::move(doi);
  c.pmid = std::move(pmid);
  return c;
}

}  // namespace

TEST_CASE("records the KB has are skipped: DOI without regard to case, then PMID") {
  // hatefi2021's PMID and moreside2012's DOI in upper case: both already there.
  const std::vector<Citation> kb = {existing("hatefi2021", "", "34318348"),
                                    existing("moreside2012", "10.1519/JSC.0B013E31824F2351", "")};
  auto plan = plan_import({CitationSource{"medline.nbib", cite_test::fixture("medline.nbib")},
                           CitationSource{"ris-traps.ris", cite_test::fixture("ris-traps.ris")}},
                          kb, {});
  REQUIRE(plan.ok());
  // 3 MEDLINE + 2 RIS records, 2 of them skipped.
  CHECK(plan->added.size() == 3);
  REQUIRE(plan->skipped.size() == 2);
  CHECK(plan->skipped[0].existing_id == "hatefi2021");
  CHECK(plan->skipped[0].reason == "same PMID 34318348");
  CHECK(plan->skipped[1].existing_id == "moreside2012");
  CHECK(plan->skipped[1].line == 22);  // the second TY of ris-traps.ris: 2 blank lines + 18 + 1 blank
}

TEST_CASE("ids: surname and year, then a, b past the KB's ids and the batch's") {
  const std::string ris =
      "TY  - JOUR\nAU  - Peeler, J.\nTI  - One\nPY  - 2007\nER  - \n"
      "TY  - JOUR\nAU  - Peeler, J.\nTI  - Two\nPY  - 2007\nER  - \n";
  // peeler2007 is taken (say by a claim), so the two records become 2007a and 2007b.
  auto plan = plan_import({CitationSource{"p.ris", ris}}, {}, {"peeler2007"});
  REQUIRE(plan.ok());
  REQUIRE(plan->added.size() == 2);
  CHECK(plan->added[0].citation.id == "peeler2007a");
  CHECK(plan->added[1].citation.id == "peeler2007b");
  // Neither record names a journal or a publisher, which a citation needs: one
  // warning each.
  REQUIRE(plan->warnings.size() == 2);
  CHECK(plan->warnings[1].message ==
        "citation 'peeler2007b' has neither a journal nor a publisher: add one; the KB "
        "does not load until it is set");
  CHECK(plan->warnings[1].line == 6);
}

TEST_CASE("a systematic review is suggested with a warning that `of` must be set") {
  const std::string nbib =
      "TI  - A review\nAU  - Sadler SG\nTA  - BMC Musculoskelet Disord\nDP  - 2017\nPT  - Review\nPT  - "
      "Meta-Analysis\n";
  auto plan = plan_import({CitationSource{"sr.nbib", nbib}}, {}, {});
  REQUIRE(plan.ok());
  REQUIRE(plan->added.size() == 1);
  // Meta-Analysis outranks Review, whatever their order.
  CHECK(plan->added[0].citation.design == Design::systematic_review);
  CHECK(plan->added[0].design_suggested_from == "Meta-Analysis");
  REQUIRE(plan->warnings.size() == 1);
  CHECK(plan->warnings[0].message.find("set its `of`") != std::string::npos);
  CHECK(plan->added[0].citation.notes.find("DESIGN SUGGESTED") != std::string::npos);
}

TEST_CASE("invalid UTF-8 or one bad file: nothing is imported, the byte is named") {
  // Line 2, column 9: "AU  - Mu" then the Latin-1 byte 0xFC.
  const std::string bad = "TY  - JOUR\nAU  - Mu\xFCller, A.\nTI  - T\nPY  - 2001\nER  - \n";
  auto plan = plan_import(
      {CitationSource{"good.nbib", cite_test::fixture("medline.nbib")}, CitationSource{"latin1.ris", bad}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  REQUIRE(plan.errors().size() == 1);
  CHECK(plan.errors()[0].file == "latin1.ris");
  CHECK(plan.errors()[0].line == 2);
  CHECK(plan.errors()[0].column == 9);
  CHECK(plan.errors()[0].message == "invalid UTF-8 (byte 0xFC); save the file as UTF-8");
}

TEST_CASE("a record without a year or title is malformed") {
  auto plan = plan_import({CitationSource{"n.ris", "TY  - JOUR\nTI  - T\nER  - \n"}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors()[0].line == 1);
  CHECK(plan.errors()[0].message == "this record has no year; a citation needs a title and a year");
}

TEST_CASE("a file in no known format is refused") {
  auto plan = plan_import({CitationSource{"x.txt", "Dear editor,\n"}}, {}, {});
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors()[0].message.find("not a citation file") == 0);
}

TEST_CASE("every format carries every bibliographic field through export and import") {
  // One citation with every bibliographic field set, values from the KB's
  // bieringsorensen1984 (accented, hyphenated surname) plus an article number, a
  // PMCID, a URL and a publisher, which the round trip must keep apart.
  Citation c;
  c.id = "bieringsorensen1984";
  c.design = Design::cohort;
  c.title = "Physical measurements as risk indicators for low-back trouble over a one-year period";
  c.authors = {"Biering-Sørensen F", "Janse De Jonge X", "Smith J Jr"};
  c.year = 1984;
  c.journal = "Spine";
  c.publisher = "Guinea Pig";
  c.volume = "9";
  c.issue = "2";
  c.pages = "106-119";
  c.article = "e2325";
  c.pmid = "6233709";
  c.pmcid = "PMC2547866";
  c.doi = "10.1097/00007632-198403000-00002";
  c.url = "https://www.painscience.com/articles/iliopsoas.php";
  for (const auto f : {CitationFormat::csl_json, CitationFormat::ris, CitationFormat::bibtex, CitationFormat::nbib}) {
    CAPTURE(to_string(f));
    const auto got = cite_test::import_text("export", export_citations({c}, f));
    REQUIRE(got.size() == 1);
    const Citation& r = got[0].citation;
    CHECK(r.title == c.title);
    CHECK(r.authors == c.authors);
    CHECK(r.year == c.year);
    CHECK(r.journal == c.journal);
    CHECK(r.publisher == c.publisher);
    CHECK(r.volume == c.volume);
    CHECK(r.issue == c.issue);
    CHECK(r.pages == c.pages);
    CHECK(r.article == c.article);
    CHECK(r.pmid == c.pmid);
    CHECK(r.pmcid == c.pmcid);
    CHECK(r.doi == c.doi);
    CHECK(r.url == c.url);
    CHECK(r.id == "bieringsorensen1984");
  }
}

TEST_CASE("citations_yaml writes the set fields, quoted, in the table's order") {
  Citation c;
  c.id = "x2001";
  c.design = Design::rct;
  c.title = "Say \"yes\"";
  c.authors = {"Smith J"};
  c.year = 2001;
  c.volume = "12";
  // design is required and written; risk_of_bias is at its default and is not.
  CHECK(citations_yaml({c}) ==
        "- id: \"x2001\"\n  design: rct\n  title: \"Say \\\"yes\\\"\"\n  authors: [\"Smith J\"]\n  year: 2001\n"
        "  volume: \"12\"\n\n");
}
