// Loading: every kind of error names file:line:column, every problem is reported
// (not only the first), and a KB with any error is not loaded at all.
#include <doctest/doctest.h>

#include <ctime>
#include <string>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "support/kb_errors.hpp"
#include "support/temp_kb.hpp"

using namespace claimkb;
using claimkb::test::TempKb;

using claimkb::test::errors_of;
using claimkb::test::one_error;

TEST_CASE("a valid KB loads, with one record or a list per file, at any depth") {
  TempKb kb;
  kb.write("citations/trial.yaml", test::kRctCitation);
  kb.write("citations/deep/er/more.yml",
           "- {id: blog, design: web, title: A blog, authors: [], year: 2020, publisher: Site}\n"
           "- {id: cohort1, design: cohort, title: A cohort, authors: [Doe A, Roe B], year: 1999,"
           " journal: J Obs, n: 50}\n");
  kb.write("claims/a.yaml",
           "- id: claim-a\n"
           "  statement: A is true.\n"
           "  asserted_by: [{citation: blog, quote: \"A!\"}]\n"
           "  evidence:\n"
           "    - {citation: trial1, stance: supports, finding: It was.}\n"
           "- id: claim-b\n"
           "  statement: B is true because A is.\n"
           "  depends_on: [claim-a]\n"
           "  evidence:\n"
           "    - {citation: cohort1, stance: supports, finding: Maybe.}\n");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  CHECK(r->claim_count() == 2);
  CHECK(r->citation_count() == 3);
  REQUIRE(r->claim("claim-b") != nullptr);
  CHECK(r->claim("claim-b")->depends_on == std::vector<std::string>{"claim-a"});
  CHECK(r->citation("cohort1")->authors.size() == 2);
  CHECK(r->claim("nope") == nullptr);
  // claim-a: one RCT, n 500 → supported/high. claim-b: one cohort, n 50 → 2 - 1 =
  // very low, supported; premise supported/high caps nothing.
  CHECK(r->grade("claim-a")->verdict == Verdict::supported);
  CHECK(r->grade("claim-a")->certainty == Certainty::high);
  CHECK(r->grade("claim-b")->certainty == Certainty::very_low);
}

TEST_CASE("YAML syntax errors name the line and column") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/bad.yaml", "id: x\n  statement: S.\n");
  CHECK(one_error(kb) == "claims/bad.yaml:2:12: error: invalid YAML: mapping values are not allowed in this context");
}

TEST_CASE("unknown keys suggest the key that was meant") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml",
           "id: c\n"
           "statement: S.\n"
           "evidence:\n"
           "  - citation: trial1\n"
           "    stnace: supports\n"
           "    finding: F.\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "claims/c.yaml:4:5: error: evidence link is missing required key 'stance'");
  CHECK(errors[1] == "claims/c.yaml:5:5: error: unknown key 'stnace' in evidence link (did you mean 'stance'?)");
}

TEST_CASE("bad enum values list the valid ones") {
  TempKb kb;
  kb.write("citations/t.yaml", "id: t\ndesign: RCT\ntitle: T\nauthors: []\nyear: 2000\njournal: J\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  const std::string e = one_error(kb);
  CHECK(e.rfind("citations/t.yaml:2:9: error: bad value 'RCT' for 'design': expected one of "
                "systematic_review, rct,",
                0) == 0);
  CHECK(e.find("(did you mean 'rct'?)") != std::string::npos);
}

TEST_CASE("wrong types are errors") {
  TempKb kb;
  kb.write("citations/t.yaml",
           "id: t\n"
           "design: cohort\n"
           "title: [not, text]\n"
           "authors: Smith J\n"
           "year: nineteen\n"
           "journal: J\n"
           "n: -3\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\naliases: one alias\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0] == "citations/t.yaml:3:8: error: 'title' must be text, not a list");
  CHECK(errors[1] == "citations/t.yaml:4:10: error: 'authors' must be a list");
  CHECK(errors[2] == "citations/t.yaml:5:7: error: 'year' must be a whole number, not 'nineteen'");
  CHECK(errors[3] == "citations/t.yaml:7:4: error: 'n' is -3, outside 0..2000000000");
  CHECK(errors[4] == "claims/c.yaml:3:10: error: 'aliases' must be a list");
}

TEST_CASE("required keys, journal or publisher, and `of`") {
  TempKb kb;
  kb.write("citations/t.yaml",
           "- {id: a, design: systematic_review, title: T, authors: [], year: 2000, journal: J}\n"
           "- {id: b, design: rct, of: randomized, title: T, authors: [], year: 2000, journal: J}\n"
           "- {id: c, design: rct, title: T, year: 2000}\n");
  kb.write("claims/c.yaml", "id: c1\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].find("citations/t.yaml:1:3: error: a systematic_review needs 'of'") == 0);
  CHECK(errors[1] ==
        "citations/t.yaml:2:28: error: 'of' is only for a systematic_review, "
        "and this citation is a rct");
  CHECK(errors[2].find("citations/t.yaml:3:3: error: citation is missing required key 'authors'") == 0);
  CHECK(errors[3] == "citations/t.yaml:3:3: error: citation needs a 'journal' or a 'publisher'");
  CHECK(errors[4] == "claims/c.yaml:1:1: error: claim is missing required key 'statement'");
}

TEST_CASE("ids must match ^[a-z0-9][a-z0-9._-]*$") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml", "id: Tight_Psoas\nstatement: S.\n");
  CHECK(one_error(kb).rfind("claims/c.yaml:1:5: error: bad id 'Tight_Psoas'", 0) == 0);
}

TEST_CASE("duplicate ids name both places, across files and kinds") {
  TempKb kb;
  const std::string first = kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml", "- {id: c, statement: S.}\n- {id: trial1, statement: T.}\n");
  CHECK(one_error(kb) == "claims/c.yaml:2:8: error: duplicate id 'trial1' (first defined at " + first + ":1:5)");
}

TEST_CASE("duplicate keys in one mapping") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml", "id: c\nstatement: S.\nstatement: T.\n");
  CHECK(one_error(kb) == "claims/c.yaml:3:1: error: duplicate key 'statement' (first at line 2, column 1)");
}

TEST_CASE("dangling citation and premise ids") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml",
           "id: c\n"
           "statement: S.\n"
           "asserted_by: [{citation: nobody}]\n"
           "evidence: [{citation: trial2, stance: supports, finding: F.}]\n"
           "depends_on: [no-such-claim, trial1]\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == "claims/c.yaml:3:26: error: unknown citation 'nobody' in asserted_by");
  CHECK(errors[1] ==
        "claims/c.yaml:4:23: error: unknown citation 'trial2' in evidence "
        "(did you mean 'trial1'?)");
  CHECK(errors[2] == "claims/c.yaml:5:14: error: unknown claim 'no-such-claim' in depends_on");
  CHECK(errors[3] == "claims/c.yaml:5:29: error: 'trial1' in depends_on is a citation, not a claim");
}

TEST_CASE("depends_on cycles are named") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml",
           "- {id: a, statement: A., depends_on: [b]}\n"
           "- {id: b, statement: B., depends_on: [c]}\n"
           "- {id: c, statement: C., depends_on: [a]}\n"
           "- {id: d, statement: D., depends_on: [d]}\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "claims/c.yaml:3:39: error: depends_on cycle: a -> b -> c -> a");
  CHECK(errors[1] == "claims/c.yaml:4:39: error: depends_on cycle: d -> d");
}

TEST_CASE("every problem in every file is reported, sorted") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/b.yaml", "id: b\nstatment: S.\n");
  kb.write("claims/a.yaml", "id: A\nstatement: S.\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].rfind("claims/a.yaml:1:5: error: bad id 'A'", 0) == 0);
  CHECK(errors[1] == "claims/b.yaml:1:1: error: claim is missing required key 'statement'");
  CHECK(errors[2] == "claims/b.yaml:2:1: error: unknown key 'statment' in claim (did you mean 'statement'?)");
}

TEST_CASE("a file that is empty or holds only comments has no records") {
  // Curators start files that way; the KB loads, with the records of the other files.
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/empty.yaml", "");
  kb.write("claims/blank.yaml", "\n  \n");
  kb.write("claims/comments.yaml", "# claims about the psoas go here\n\n# (none yet)\n");
  kb.write("claims/null.yaml", "~\n");
  kb.write("concepts/empty.yml", "# concepts to come\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  CHECK(r->claim_count() == 1);
  CHECK(r->concept_count() == 0);
}

TEST_CASE("files and directories that cannot make a KB") {
  SUBCASE("not a directory") {
    auto r = KnowledgeBase::open("/nonexistent/claimkb");
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors()[0].to_string().find("/nonexistent/claimkb:1:1: error: not a knowledge base directory") == 0);
  }
  SUBCASE("scalar file, several documents") {
    TempKb kb;
    kb.write("citations/t.yaml", test::kRctCitation);
    kb.write("claims/scalar.yaml", "just text\n");
    kb.write("claims/two.yaml", "id: a\nstatement: A.\n---\nid: b\nstatement: B.\n");
    auto errors = errors_of(kb);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "claims/scalar.yaml:1:1: error: expected a claim (a mapping) or a list of them");
    CHECK(errors[1].rfind("claims/two.yaml:4:1: error: the file holds 2 YAML documents", 0) == 0);
  }
}

TEST_CASE("identifiers are checked") {
  TempKb kb;
  kb.write("citations/t.yaml",
           "id: t\ndesign: rct\ntitle: T\nauthors: []\nyear: 2000\njournal: J\n"
           "pmid: PMID12\ndoi: https://doi.org/10.1/x\npmcid: 123\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "citations/t.yaml:7:7: error: 'pmid' must be digits only, not 'PMID12'");
  CHECK(errors[1] == "citations/t.yaml:8:6: error: store the DOI without its https://doi.org/ prefix");
  CHECK(errors[2] == "citations/t.yaml:9:8: error: 'pmcid' must look like PMC1234567, not '123'");
}

TEST_CASE("retracted citations load with a warning and are not counted") {
  TempKb kb;
  kb.write("citations/t.yaml",
           "id: t\ndesign: rct\ntitle: T\nauthors: []\nyear: 2000\njournal: J\nn: 900\n"
           "retracted: {date: 2021-05-01, notice: 10.1000/retraction}\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\nevidence: [{citation: t, stance: supports, finding: F.}]\n");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  // The retraction, then (since the claim has no `about`) that warning.
  REQUIRE(r->warnings().size() == 2);
  CHECK(r->warnings()[0].line == 1);
  CHECK(r->warnings()[0].message.find("retracted") != std::string::npos);
  CHECK(r->warnings()[1].message.rfind("claim 'c' has no `about`", 0) == 0);
  CHECK(r->grade("c")->verdict == Verdict::insufficient);
  auto report = r->report("c");
  REQUIRE(report);
  CHECK_FALSE(report->evidence[0].counted);
  REQUIRE(report->warnings.size() == 1);
  CHECK(report->warnings[0] == "t: retracted 2021-05-01 (10.1000/retraction); not counted");
}

TEST_CASE("retraction dates are calendar dates and years are not in the future") {
  // 2020-02-29 exists (2020 is a leap year); 2021-02-29, 2020-13-45, 2020-04-31 and
  // 1 May 2020 do not pass. A year may be the next one (a study published ahead of
  // its issue), never later: the limit is worked out from today, as the loader does.
  // Columns: the date's opening quote is the 90th character of its line, the year
  // the 54th of its own.
  TempKb kb;
  const long next = [] {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return 1900L + utc.tm_year + 1;
  }();
  std::string citations;
  const char* dates[] = {"2020-02-29", "2021-02-29", "2020-13-45", "2020-04-31", "1 May 2020"};
  for (int i = 0; i < 5; ++i) {
    citations += "- {id: r" + std::to_string(i) +
                 ", design: rct, title: T, authors: [], year: 2000, journal: J, retracted: {date: '" + dates[i] +
                 "', notice: N}}\n";
  }
  citations += "- {id: y1, design: rct, title: T, authors: [], year: " + std::to_string(next) + ", journal: J}\n";
  citations += "- {id: y2, design: rct, title: T, authors: [], year: " + std::to_string(next + 1) + ", journal: J}\n";
  kb.write("citations/t.yaml", citations);
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0] ==
        "citations/t.yaml:2:90: error: 'date' is '2021-02-29', not a calendar date: write it as YYYY-MM-DD, e.g. "
        "2020-05-01");
  CHECK(errors[1].rfind("citations/t.yaml:3:90: error: 'date' is '2020-13-45', not a calendar date", 0) == 0);
  CHECK(errors[2].rfind("citations/t.yaml:4:90: error: 'date' is '2020-04-31', not a calendar date", 0) == 0);
  CHECK(errors[3].rfind("citations/t.yaml:5:90: error: 'date' is '1 May 2020', not a calendar date", 0) == 0);
  // The seventh record's year is two years ahead; the sixth's, one, is fine.
  CHECK(errors[4] == "citations/t.yaml:7:54: error: 'year' is " + std::to_string(next + 1) +
                         ", more than a year after this one (" + std::to_string(next - 1) +
                         "): a citation's year is when it was published");
}

TEST_CASE("errors in one file do not hide cross-file errors, nor cause false ones") {
  TempKb kb;
  kb.write("citations/t.yaml", "- {id: broken, design: rct, title: T, authors: [], year: many, journal: J}\n");
  kb.write("claims/c.yaml",
           "- {id: a, statement: A., depends_on: [a]}\n"
           "- {id: b, statement: B., evidence: [{citation: broken, stance: supports, finding: F.}]}\n");
  auto errors = errors_of(kb);
  // The bad year, and the cycle; not "unknown citation 'broken'".
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("citations/t.yaml:1:58: error: 'year' must be a whole number") == 0);
  CHECK(errors[1] == "claims/c.yaml:1:39: error: depends_on cycle: a -> a");
}

TEST_CASE("a study linked twice in one claim is an error, not two votes") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml",
           "id: c\n"
           "statement: S.\n"
           "evidence:\n"
           "  - {citation: trial1, stance: supports, finding: F.}\n"
           "  - {citation: trial1, stance: supports, finding: G.}\n");
  CHECK(one_error(kb) ==
        "claims/c.yaml:5:16: error: citation 'trial1' is already linked in this "
        "claim's evidence (line 4); put both findings in one link");
}

TEST_CASE("same_sample_as and includes name citations that exist") {
  TempKb kb;
  kb.write("citations/t.yaml",
           "- id: hellsing1988\n"
           "  design: cohort\n"
           "  title: T\n"
           "  authors: []\n"
           "  year: 1988\n"
           "  journal: J\n"
           "- id: hellsing1990\n"
           "  design: cohort\n"
           "  title: T\n"
           "  authors: []\n"
           "  year: 1990\n"
           "  journal: J\n"
           "  same_sample_as: helsing1988\n"
           "- id: review1\n"
           "  design: systematic_review\n"
           "  of: observational\n"
           "  title: T\n"
           "  authors: []\n"
           "  year: 2000\n"
           "  journal: J\n"
           "  includes: [hellsing1990, nourbakhsh2002, c]\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  auto errors = errors_of(kb);
  // Columns: the value after "  same_sample_as: " starts at 19; the items of
  // "  includes: [" at 14, 14 + 12 + 2 = 28 and 28 + 14 + 2 = 44.
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] ==
        "citations/t.yaml:13:19: error: unknown citation 'helsing1988' in same_sample_as "
        "(did you mean 'hellsing1988'?)");
  CHECK(errors[1] == "citations/t.yaml:21:28: error: unknown citation 'nourbakhsh2002' in includes");
  CHECK(errors[2] == "citations/t.yaml:21:44: error: 'c' in includes is a claim, not a citation");
}

TEST_CASE("includes only on a review, never itself, same_sample_as never the citation itself") {
  TempKb kb;
  kb.write("citations/t.yaml",
           "- id: trial1\n"
           "  design: rct\n"
           "  title: T\n"
           "  authors: []\n"
           "  year: 2000\n"
           "  journal: J\n"
           "  includes: [trial2]\n"
           "- id: trial2\n"
           "  design: rct\n"
           "  title: T\n"
           "  authors: []\n"
           "  year: 2000\n"
           "  journal: J\n"
           "  same_sample_as: trial2\n"
           "- id: review1\n"
           "  design: systematic_review\n"
           "  of: randomized\n"
           "  title: T\n"
           "  authors: []\n"
           "  year: 2000\n"
           "  journal: J\n"
           "  includes: [trial1, review1]\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  auto errors = errors_of(kb);
  // Each record with an error is set aside, so review1's `trial1` is not reported
  // as unknown. Columns: "  includes: [" puts the list at 13 and its second item at
  // 14 + 6 + 2 = 22; "  same_sample_as: " puts the value at 19.
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] ==
        "citations/t.yaml:7:13: error: 'includes' is only for a systematic_review (the studies it pooled), "
        "and this citation is a rct");
  CHECK(errors[1] ==
        "citations/t.yaml:14:19: error: 'same_sample_as' names the citation itself; give the id of another "
        "report of the same participants");
  CHECK(errors[2] == "citations/t.yaml:22:22: error: review 'review1' includes itself; list the studies it pooled");
}

TEST_CASE("includes cycles are named, through same_sample_as too") {
  TempKb kb;
  const std::string rest = "title: T, authors: [], year: 2000, journal: J";
  const std::string review = "design: systematic_review, of: randomized, " + rest;
  kb.write("citations/t.yaml",
           // r1 and r2 include each other.
           "- {id: r1, " + review + ", includes: [r2]}\n" +      //
               "- {id: r2, " + review + ", includes: [r1]}\n" +  //
               // r3 includes x3, another report of r4's participants; r4 includes x4, of r3's.
               "- {id: r3, " + review + ", includes: [x3]}\n" +                 //
               "- {id: r4, " + review + ", includes: [x4]}\n" +                 //
               "- {id: x3, design: rct, " + rest + ", same_sample_as: r4}\n" +  //
               "- {id: x4, design: rct, " + rest + ", same_sample_as: r3}\n" +  //
               // r5 and r6 report one sample and both include t5, a third report of it.
               "- {id: r5, " + review + ", includes: [t5]}\n" +                      //
               "- {id: r6, " + review + ", same_sample_as: r5, includes: [t5]}\n" +  //
               "- {id: t5, design: rct, " + rest + ", same_sample_as: r5}\n" +       //
               // r7 includes t7, another report of its own participants: that alone is fine.
               "- {id: r7, " + review + ", includes: [t7]}\n" +  //
               "- {id: t7, design: rct, " + rest + ", same_sample_as: r7}\n");
  kb.write("claims/c.yaml", "id: c\nstatement: S.\n");
  auto errors = errors_of(kb);
  // Each at the include that closes the cycle: "- {id: rN, " is 11 characters, the
  // review's keys 88 more, ", includes: [" 13: the item at column 113; r6's
  // ", same_sample_as: r5" adds 20, at 133.
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "citations/t.yaml:2:113: error: includes cycle: r1 -> r2 -> r1");
  CHECK(errors[1] ==
        "citations/t.yaml:4:113: error: includes cycle: r3 -> x3 (same sample as r4) -> x4 (same sample as r3)");
  CHECK(errors[2] ==
        "citations/t.yaml:8:133: error: includes cycle: r5 -> t5 (same sample as r6) -> t5 (same sample as r5)");
}

TEST_CASE("a review and what it pooled, and two reports of one sample, count once") {
  TempKb kb;
  const std::string rest = "title: T, authors: [], year: 2020, journal: J";
  kb.write("citations/t.yaml",
           "- {id: sr, design: systematic_review, of: randomized, " + rest + ", n: 900, includes: [rct1]}\n" +
               "- {id: rct1, design: rct, " + rest + ", n: 300}\n" + "- {id: rct1-followup, design: rct, " + rest +
               ", n: 280, same_sample_as: rct1}\n" + "- {id: cohort1, design: cohort, " + rest + ", n: 1000}\n" +
               "- {id: cohort1-b, design: cohort, " + rest + ", n: 1000, same_sample_as: cohort1}\n");
  kb.write("claims/c.yaml",
           "id: c\n"
           "statement: S.\n"
           "evidence:\n"
           "  - {citation: sr, stance: supports, finding: F.}\n"
           "  - {citation: rct1, stance: supports, finding: F.}\n"
           "  - {citation: rct1-followup, stance: supports, finding: F.}\n"
           "  - {citation: cohort1, stance: refutes, finding: F.}\n"
           "  - {citation: cohort1-b, stance: supports, finding: F.}\n");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  auto report = r->report("c");
  REQUIRE(report);
  // rct1 is in sr's includes, and its follow-up reports the same participants: both
  // set aside. cohort1 and cohort1-b report one sample with opposite stances: both
  // count, with a warning. Supports: sr (tier 4, n 900 → 4) rated, cohort1-b (tier 2)
  // listed. Refutes: cohort1, tier 2, n 1000 → 2. S ≥ R + 2 → supported at 4.
  CHECK(report->verdict == Verdict::supported);
  CHECK(report->certainty == Certainty::high);
  std::vector<bool> counted;
  for (const auto& e : report->evidence) counted.push_back(e.counted);
  CHECK(counted == std::vector<bool>{true, false, false, true, true});
  const std::string direction =
      "direction: supporting evidence (high) outweighs refuting evidence (low) by two or more levels: "
      "supported at high; counter-evidence noted, no penalty";
  CHECK(report->reasons == std::vector<std::string>{
                               "supports: rct1 listed, not counted: included in sr",
                               "supports: rct1-followup listed, not counted: included in sr",
                               "supports: 2 counted links; best tier high: 1 rated, 1 lower-tier listed, not rated",
                               "supports: rated high",
                               "refutes: 1 counted link; best tier low: 1 rated",
                               "refutes: rated low",
                               direction,
                           });
  CHECK(report->warnings ==
        std::vector<std::string>{"cohort1: same sample as cohort1-b, but cohort1 refutes and cohort1-b supports; "
                                 "both count"});
  // The verdict's JSON lists every link with its `counted`.
  const std::string json = to_json(*report);
  CHECK(json.find(R"("citation":"rct1","stance":"supports","design":"rct","counted":false)") != std::string::npos);
  CHECK(json.find(R"("citation":"cohort1","stance":"refutes","design":"cohort","counted":true)") != std::string::npos);
  // The keys come back as written.
  CHECK(r->citation("sr")->includes == std::vector<std::string>{"rct1"});
  CHECK(r->citation("rct1-followup")->same_sample_as == "rct1");
  CHECK(r->citation("rct1")->same_sample_as.empty());
}
