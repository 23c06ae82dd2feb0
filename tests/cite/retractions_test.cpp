// lib/cite/retractions.cpp (matching and deciding), lib/cite/retraction_yaml.cpp
// (writing `retracted` in place) and lib/grade/regrade.cpp, over the invented KB
// tests/data/cite/retractions-kb and the three notice fixtures beside it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cite/cite_support.hpp"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/retractions.hpp"

using namespace claimkb;
namespace fs = std::filesystem;
using Action = RetractionChange::Action;

namespace {

const std::string kKb = std::string(CLAIMKB_TEST_DATA) + "/cite/retractions-kb";

std::vector<Citation> citations_of(const KnowledgeBase& kb) {
  std::vector<Citation> out;
  for (std::size_t i = 0; i < kb.citation_count(); ++i) out.push_back(kb.citation_at(i));
  return out;
}

RetractionPlan plan_all(const KnowledgeBase& kb) {
  std::vector<CitationSource> sources;
  for (const char* f : {"retraction-watch.csv", "crossref-works.json", "pubmed-notices.nbib"}) {
    sources.push_back({f, cite_test::fixture(f)});
  }
  auto notices = read_notices(sources);
  REQUIRE(notices);
  return plan_retractions(*notices, citations_of(kb));
}

const RetractionChange* change_of(const RetractionPlan& p, const std::string& id) {
  for (const auto& c : p.changes) {
    if (c.citation == id) return &c;
  }
  return nullptr;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("each kind of notice does what it should to its citation") {
  auto kb = KnowledgeBase::open(kKb);
  REQUIRE(kb);
  const RetractionPlan plan = plan_all(*kb);
  // smith2019: retracted (Retraction Watch), matched by DOI whatever its case.
  const auto* smith = change_of(plan, "smith2019");
  REQUIRE(smith != nullptr);
  CHECK(smith->action == Action::retract);
  CHECK(smith->matched_by == "DOI 10.5555/Trial.Alpha");
  REQUIRE(smith->after);
  CHECK(smith->after->date == "2021-04-15");
  CHECK(smith->after->notice == "https://doi.org/10.5555/retraction.alpha");
  // jones2020: an expression of concern and a correction warn and write nothing.
  const auto* jones = change_of(plan, "jones2020");
  REQUIRE(jones != nullptr);
  CHECK(jones->action == Action::warn);
  CHECK(!jones->after);
  // brown2018: a correction only.
  const auto* brown = change_of(plan, "brown2018");
  REQUIRE(brown != nullptr);
  CHECK(brown->action == Action::unchanged);
  CHECK(!brown->after);
  // green2017: retracted 2019-03-01 (as the KB says), reinstated 2021-09-30: lifted.
  const auto* green = change_of(plan, "green2017");
  REQUIRE(green != nullptr);
  CHECK(green->action == Action::lift);
  CHECK(green->before);
  CHECK(!green->after);
  // white2016: no DOI; PubMed's RIN matched by PMID, with Retraction Watch's
  // expression of concern beside it.
  const auto* white = change_of(plan, "white2016");
  REQUIRE(white != nullptr);
  CHECK(white->action == Action::retract);
  CHECK(white->matched_by == "PMID 99000005");
  CHECK(white->after->date == "2022-01-10");
  CHECK(white->notices.size() == 2);
  // black2015: Crossref's update-to on the notice.
  const auto* black = change_of(plan, "black2015");
  REQUIRE(black != nullptr);
  CHECK(black->action == Action::retract);
  CHECK(black->after->date == "2020-11-30");
  // The notice's own record never retracts the notice.
  CHECK(change_of(plan, "notice2021") == nullptr);
  // Warnings: jones' and white's expressions of concern.
  CHECK(plan.warnings.size() == 2);
}

TEST_CASE("a retraction after a reinstatement stands, one with no date only warns") {
  Citation c;
  c.id = "x2020";
  c.doi = "10.5555/x";
  Notice r1{NoticeKind::retraction, "Retraction", "10.5555/x", "", "2019-01-01", "https://e/1", "t", "f", 1};
  Notice back{NoticeKind::reinstatement, "Reinstatement", "10.5555/x", "", "2020-01-01", "https://e/2", "t", "f", 2};
  Notice r2{NoticeKind::retraction, "Retraction", "10.5555/x", "", "2021-01-01", "https://e/3", "t", "f", 3};
  auto p = plan_retractions({r2, back, r1}, {c});  // out of order on purpose
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].action == Action::retract);
  CHECK(p.changes[0].after->notice == "https://e/3");

  Notice undated{NoticeKind::retraction, "Retracted Publication", "", "7", "", "", "pubmed", "f", 4};
  c.pmid = "7";
  auto q = plan_retractions({undated}, {c});
  REQUIRE(q.changes.size() == 1);
  CHECK(q.changes[0].action == Action::warn);
  REQUIRE(q.warnings.size() == 1);
  CHECK(q.warnings[0].message.find("no date") != std::string::npos);
}

TEST_CASE("regrading in memory: the claims that move, and the same grades the loader gives") {
  auto kb = KnowledgeBase::open(kKb);
  REQUIRE(kb);
  const RetractionPlan plan = plan_all(*kb);
  std::map<std::string, std::optional<Retraction>> overrides;
  for (const auto& c : plan.changes) {
    if (c.action == Action::retract || c.action == Action::lift) overrides[c.citation] = c.after;
  }
  CHECK(overrides.size() == 4);  // smith, green, white, black
  const auto moved = regrade_with(*kb, overrides);
  // Each claim rests on one trial: retracting it leaves nothing counted
  // (insufficient); lifting green's retraction lets its trial count again.
  REQUIRE(moved.size() == 4);
  std::map<std::string, GradeChange> by_id;
  for (const auto& m : moved) by_id[m.claim] = m;
  CHECK(by_id.count("stretching-helps-neck-pain") == 1);
  CHECK(by_id["stretching-helps-neck-pain"].verdict_after == Verdict::insufficient);
  CHECK(by_id["stretching-helps-neck-pain"].verdict_before == Verdict::supported);
  CHECK(by_id["walking-helps-neck-pain"].verdict_before == Verdict::insufficient);
  CHECK(by_id["walking-helps-neck-pain"].verdict_after == Verdict::supported);
  bool warned = false;
  for (const auto& r : by_id["stretching-helps-neck-pain"].rules) warned |= r.find("smith2019: retracted") == 0;
  CHECK(warned);
  CHECK(by_id.count("massage-helps-neck-pain") == 0);  // the expression of concern changes nothing
  CHECK(regrade_with(*kb, {}).empty());

  // The loader, given the files as --apply writes them, grades exactly so.
  const fs::path tmp = fs::temp_directory_path() / "claimkb-regrade-test";
  fs::remove_all(tmp);
  fs::copy(kKb, tmp, fs::copy_options::recursive);
  std::string text = read(tmp / "citations" / "trials.yaml");
  for (const auto& [id, r] : overrides) {
    auto next = set_retracted_in_yaml(text, "trials.yaml", id, r);
    REQUIRE(next);
    text = *next;
  }
  std::ofstream(tmp / "citations" / "trials.yaml", std::ios::binary) << text;
  auto after = KnowledgeBase::open(tmp.string());
  REQUIRE(after);
  for (const auto& m : moved) {
    const Grade* g = after->grade(m.claim);
    REQUIRE(g != nullptr);
    CHECK(g->verdict == m.verdict_after);
    CHECK(g->certainty == m.certainty_after);
  }
  CHECK(after->citation("smith2019")->retracted->date == "2021-04-15");
  CHECK(!after->citation("green2017")->retracted);
  fs::remove_all(tmp);
}

TEST_CASE("set_retracted_in_yaml changes only the lines of `retracted`") {
  const std::string text =
      "# head comment\n"
      "- id: a1\n"
      "  title: \"A\"\n"
      "  notes: >-\n"
      "    folded\n"
      "    text\n"
      "  # trailing comment of a1\n"
      "\n"
      "# comment of a2\n"
      "- id: \"a2\"  # quoted id\n"
      "  title: B\n"
      "  retracted:\n"
      "    date: \"2001-01-01\"\n"
      "    notice: x\n"
      "  year: 2000\n";
  auto set = set_retracted_in_yaml(text, "f.yaml", "a1", Retraction{"2021-04-15", "https://doi.org/10.5555/\"q\""});
  REQUIRE(set);
  // Inserted after a1's last line (its comment), before the blank line.
  CHECK(*set ==
        "# head comment\n- id: a1\n  title: \"A\"\n  notes: >-\n    folded\n    text\n  # trailing comment of a1\n"
        "  retracted:\n    date: \"2021-04-15\"\n    notice: \"https://doi.org/10.5555/\\\"q\\\"\"\n"
        "\n# comment of a2\n- id: \"a2\"  # quoted id\n  title: B\n  retracted:\n    date: \"2001-01-01\"\n"
        "    notice: x\n  year: 2000\n");
  auto lifted = set_retracted_in_yaml(text, "f.yaml", "a2", std::nullopt);
  REQUIRE(lifted);
  CHECK(*lifted ==
        "# head comment\n- id: a1\n  title: \"A\"\n  notes: >-\n    folded\n    text\n  # trailing comment of a1\n"
        "\n# comment of a2\n- id: \"a2\"  # quoted id\n  title: B\n  year: 2000\n");
  auto replaced = set_retracted_in_yaml(text, "f.yaml", "a2", Retraction{"2022-02-02", "n"});
  REQUIRE(replaced);
  CHECK(replaced->find("  retracted:\n    date: \"2022-02-02\"\n    notice: \"n\"\n  year: 2000\n") !=
        std::string::npos);
  CHECK(!set_retracted_in_yaml(text, "f.yaml", "a3", std::nullopt));
  // CRLF files get CRLF lines; a file without a final line end keeps none.
  auto crlf = set_retracted_in_yaml("- id: c\r\n  year: 1", "g.yaml", "c", Retraction{"2020-01-02", "n"});
  REQUIRE(crlf);
  CHECK(*crlf == "- id: c\r\n  year: 1\r\n  retracted:\r\n    date: \"2020-01-02\"\r\n    notice: \"n\"");
}
