// lib/cite/retraction_csv.cpp, retraction_crossref.cpp, retraction_pubmed.cpp and
// the format detection of retractions.cpp, over the invented fixtures of
// tests/data/cite/ (retraction-watch.csv, crossref-works.json, pubmed-notices.nbib;
// README.md there says what each row stands for).
#include <doctest/doctest.h>

#include "cite/cite_support.hpp"
#include "claimkb/retractions.hpp"

using namespace claimkb;

namespace {

std::vector<Notice> notices_of(const std::string& name) {
  auto r = read_notices({CitationSource{name, cite_test::fixture(name)}});
  REQUIRE(r);
  return *r;
}

Result<std::vector<Notice>> read_text(const std::string& name, const std::string& text) {
  return read_notices({CitationSource{name, text}});
}

}  // namespace

TEST_CASE("Retraction Watch CSV: kinds, placeholders, dates, quoted fields, a Latin-1 row") {
  const auto got = notices_of("retraction-watch.csv");
  // Six rows; row 90005 has neither DOI ("unavailable") nor PMID (0): nothing to
  // match it by, so five notices.
  REQUIRE(got.size() == 5);
  // Row 90001 starts on line 2 and its quoted title holds a line break, so the
  // next row starts on line 4.
  CHECK(got[0].line == 2);
  CHECK(got[1].line == 4);
  CHECK(got[0].kind == NoticeKind::retraction);
  CHECK(got[0].doi == "10.5555/trial.alpha");  // OriginalPaperDOI lower-cased
  CHECK(got[0].pmid.empty());                  // OriginalPaperPubMedID 0
  CHECK(got[0].date == "2021-04-15");          // RetractionDate 4/15/2021 0:00
  CHECK(got[0].notice == "https://doi.org/10.5555/retraction.alpha");
  CHECK(got[0].source == "retraction-watch");
  CHECK(got[1].kind == NoticeKind::correction);
  CHECK(got[1].date == "2020-06-01");
  CHECK(got[2].kind == NoticeKind::retraction);
  CHECK(got[3].kind == NoticeKind::reinstatement);
  // RetractionDOI "unavailable" and RetractionPubMedID 0: the first of URLS.
  CHECK(got[3].notice == "https://example.org/rw/5");
  CHECK(got[4].kind == NoticeKind::expression_of_concern);
  CHECK(got[4].doi.empty());
  CHECK(got[4].pmid == "99000005");
  CHECK(got[4].date == "2021-12-01");
}

TEST_CASE("Retraction Watch CSV: a bad date, a short row, a missing column, an open quote") {
  const std::string header =
      "Record ID,Title,Subject,Institution,Journal,Publisher,Country,Author,URLS,ArticleType,RetractionDate,"
      "RetractionDOI,RetractionPubMedID,OriginalPaperDate,OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature,"
      "Reason,Paywalled,Notes\n";
  // 2/30 does not exist. RetractionDate is the 11th field: ten one-letter fields and their commas before it, so
  // column 21.
  auto bad_date = read_text("d.csv", header + "1,T,S,I,J,P,C,A,U,R,2/30/2021 0:00,,0,,10.5555/x,0,Retraction,,,\n");
  REQUIRE(!bad_date);
  CHECK(bad_date.errors()[0].line == 2);
  CHECK(bad_date.errors()[0].column == 21);
  CHECK(bad_date.errors()[0].message.find("2/30/2021") != std::string::npos);

  auto short_row = read_text("s.csv", header + "1,T,S\n");
  REQUIRE(!short_row);
  CHECK(short_row.errors()[0].line == 2);
  CHECK(short_row.errors()[0].message.find("3 fields; the header has 20") != std::string::npos);

  auto no_column = read_text("n.csv", "Record ID,Title,RetractionNature\n1,T,Retraction\n");
  REQUIRE(!no_column);
  CHECK(no_column.errors().size() == 3);  // RetractionDate, OriginalPaperDOI, OriginalPaperPubMedID

  auto open_quote = read_text("q.csv", header + "1,\"T\n");
  REQUIRE(!open_quote);
  CHECK(open_quote.errors()[0].line == 2);
  CHECK(open_quote.errors()[0].column == 3);
}

TEST_CASE("Crossref works JSON: updated-by on the paper, update-to on the notice") {
  const auto got = notices_of("crossref-works.json");
  // jones' record has an expression of concern and a correction; the notice's record
  // retracts black; the new_version of the third work is not a kind acted on.
  REQUIRE(got.size() == 3);
  CHECK(got[0].kind == NoticeKind::expression_of_concern);
  CHECK(got[0].doi == "10.5555/trial.beta");  // the work itself
  CHECK(got[0].notice == "https://doi.org/10.5555/eoc.beta");
  CHECK(got[0].date == "2022-02-03");
  CHECK(got[0].source == "crossref (publisher)");
  CHECK(got[1].kind == NoticeKind::correction);
  CHECK(got[2].kind == NoticeKind::retraction);
  CHECK(got[2].doi == "10.5555/trial.eps");                          // the DOI update-to names, lower-cased
  CHECK(got[2].notice == "https://doi.org/10.5555/retraction.eps");  // the notice is the work
  CHECK(got[2].date == "2020-11-30");
  CHECK(got[2].source == "crossref (retraction-watch)");
  // The fixture's line of the DOI update-to names (counted by hand).
  CHECK(got[2].line == 33);

  auto broken = read_text("b.json", "{\n  \"message\": [1,\n}");
  REQUIRE(!broken);
  CHECK(broken.errors()[0].line == 3);
}

TEST_CASE("PubMed: Retracted Publication with RIN retracts, the notice's own record and comments do not") {
  const auto got = notices_of("pubmed-notices.nbib");
  // Record 1: RIN (retraction, dated from "2022 Jan 10"); its CIN is a comment.
  // Record 2: the notice (Retraction of Publication) retracts only what ROF names,
  // PMID 99000099, never itself (99000007). Record 3: a comment with an erratum.
  REQUIRE(got.size() == 3);
  CHECK(got[0].kind == NoticeKind::retraction);
  CHECK(got[0].pmid == "99000005");
  CHECK(got[0].date == "2022-01-10");
  CHECK(got[0].notice == "https://doi.org/10.5555/retraction.white");
  CHECK(got[1].kind == NoticeKind::retraction);
  CHECK(got[1].pmid == "99000099");
  CHECK(got[1].date == "2021-06-02");  // the notice's DP
  CHECK(got[1].notice == "https://pubmed.ncbi.nlm.nih.gov/99000007/");
  CHECK(got[2].kind == NoticeKind::correction);
  CHECK(got[2].pmid == "99000011");
  for (const auto& n : got) CHECK(n.pmid != "99000007");
}

TEST_CASE("PubMed: Retracted Publication without RIN is a retraction with no date") {
  const auto got = *read_text("r.nbib", "PMID- 1\nTI  - T.\nPT  - Retracted Publication\n");
  REQUIRE(got.size() == 1);
  CHECK(got[0].kind == NoticeKind::retraction);
  CHECK(got[0].date.empty());
  // "Retraction of Publication" alone names the notice, not a retracted paper.
  CHECK(read_text("n.nbib", "PMID- 2\nTI  - T.\nPT  - Retraction of Publication\n")->empty());
}

TEST_CASE("a file in no known format, and invalid UTF-8 outside a CSV") {
  auto none = read_text("x.txt", "hello\n");
  REQUIRE(!none);
  CHECK(none.errors()[0].message.find("Retraction Watch CSV") != std::string::npos);
  auto bad = read_text("x.nbib", "PMID- 1\nTI  - caf\xE9\n");
  REQUIRE(!bad);
  CHECK(bad.errors()[0].line == 2);
  CHECK(bad.errors()[0].column == 10);
}
