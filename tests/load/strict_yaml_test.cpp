// Strict YAML (issue 7): invalid YAML never loads, even where yaml-cpp 0.7 alone
// would accept it, and hostile input hits a limit with a clear error.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "load/strict_yaml.hpp"
#include "support/temp_kb.hpp"

using namespace claimkb;
using claimkb::test::TempKb;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The first error of a KB with one claims file holding `text`.
Diagnostic first_error(const std::string& text) {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml", text);
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE_FALSE(r.ok());
  Diagnostic d = r.errors().front();
  CHECK(d.file == kb.path() + "/claims/c.yaml");
  return d;
}

const char* kValidClaim = "id: c\nstatement: S.\n";

// The rows of the table in tests/data/yaml-invalid/README.md: file name -> the
// line and column of its first error. A row reads
// "| `name.yaml` | kind | like | LINE:COL | yaml-cpp | why |".
std::map<std::string, std::pair<int, int>> expected_positions(const std::filesystem::path& readme) {
  std::map<std::string, std::pair<int, int>> rows;
  std::ifstream in(readme);
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, '|');) cells.push_back(cell);
    REQUIRE(cells.size() >= 5);
    const auto tick = cells[1].find('`'), tick2 = cells[1].rfind('`');
    int l = 0, c = 0;
    char colon = 0;
    std::istringstream pos(cells[4]);
    const bool parsed = (pos >> l >> colon >> c) && colon == ':';
    REQUIRE_MESSAGE(parsed, line);
    rows[cells[1].substr(tick + 1, tick2 - tick - 1)] = {l, c};
  }
  return rows;
}

}  // namespace

TEST_CASE("every file of tests/data/yaml-invalid is refused where its README row says") {
  // Each file holds one slip of a kind the YAML test suite marks as an error (the
  // README lists the kinds). The expected line:column of each row was worked out by
  // hand from how libyaml reads the file; yaml-cpp 0.7 alone accepts 11 of them.
  const std::filesystem::path dir = CLAIMKB_TEST_DATA "/yaml-invalid";
  const auto rows = expected_positions(dir / "README.md");
  CHECK(rows.size() == 45);  // a row dropped from the table fails here
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    const auto row = rows.find(name);
    REQUIRE_MESSAGE(row != rows.end(), "no row in README.md for this file");
    const Diagnostic d = first_error(read(entry.path()));
    CHECK(d.line == row->second.first);
    CHECK(d.column == row->second.second);
    CHECK(d.message.rfind("invalid YAML", 0) == 0);
  }
  CHECK(files == rows.size());  // a file missing from the folder fails here
}

TEST_CASE("slips yaml-cpp would let through are caught where they are") {
  // An unclosed quote would swallow the rest of the file into the statement.
  Diagnostic d = first_error("id: c\nstatement: \"Tight psoas\ncauses: pain\n");
  CHECK(d.line == 4);
  // A missing colon after a key turns it into part of the previous value.
  d = first_error("id: c\nstatement: S.\naliases\n");
  CHECK(d.line == 4);
  CHECK(d.message == "invalid YAML: could not find expected ':' while scanning a simple key");
  // Content after the document end marker.
  d = first_error("id: c\nstatement: S.\n... more\n");
  CHECK(d.line == 3);
  // A flow list whose next line is not indented past its key (test-suite 9C9N).
  d = first_error("id: c\nstatement: S.\naliases: [a,\nb]\n");
  CHECK(d.line == 4);
  CHECK(d.column == 1);
  CHECK(d.message.find("must be indented past its key") != std::string::npos);
}

TEST_CASE("tabs as indentation are refused") {
  const Diagnostic d = first_error("id: c\nstatement: S.\nevidence:\n\t- citation: trial1\n");
  CHECK(d.line == 4);
  CHECK(d.message.rfind("invalid YAML: found character that cannot start any token", 0) == 0);
}

TEST_CASE("invalid UTF-8 is refused at the byte where it starts") {
  const Diagnostic d = first_error("id: c\nstatement: caf\xE9 au lait\n");
  CHECK(d.line == 2);
  CHECK(d.column == 15);
  CHECK(d.message == "invalid UTF-8 (byte 0xE9); save the file as UTF-8");
  // Overlong encodings and surrogates are invalid too.
  CHECK(detail::check_utf8("\xC0\xAF"));
  CHECK(detail::check_utf8("\xED\xA0\x80"));
  CHECK_FALSE(detail::check_utf8("caf\xC3\xA9 \xF0\x9F\x92\xAA"));
}

TEST_CASE("a byte-order mark and CRLF line ends are accepted") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml", "\xEF\xBB\xBFid: c\r\nstatement: S.\r\naliases: [a, b]\r\n");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  CHECK(r->claim("c")->statement == "S.");
  CHECK(r->claim("c")->aliases == std::vector<std::string>{"a", "b"});
}

TEST_CASE("deep nesting stops at the depth limit, before any recursive parser") {
  // 100,000 nested lists would overflow a recursive parser's stack.
  const std::string deep = "id: c\nstatement: S.\ntags: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const Diagnostic d = first_error(deep);
  CHECK(d.line == 3);
  CHECK(d.message == "collections nested more than 64 deep");
}

TEST_CASE("an alias bomb stops at the expansion limit") {
  // Each level doubles the size: 2^30 nodes if fully expanded.
  std::string bomb = "a0: &a0 [x, x]\n";
  for (int i = 1; i <= 30; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + "]\n";
  }
  const Diagnostic d = first_error(bomb);
  CHECK(d.message.find("aliases expand to more than 1000000 nodes") == 0);
  // A few ordinary aliases are fine.
  CHECK_FALSE(detail::check_yaml("a: &x [1, 2]\nb: *x\n"));
}

TEST_CASE("a file with more than 100,000 records is refused as a whole") {
  std::string many;
  for (int i = 0; i <= 100000; ++i) many += "- {id: c" + std::to_string(i) + ", statement: S.}\n";
  const Diagnostic d = first_error(many);
  CHECK(d.line == 1);
  CHECK(d.message == "the file holds 100001 records, more than 100000; split it into several files");
}

TEST_CASE("a symlink loop in the KB directory does not hang the walk") {
  TempKb kb;
  kb.write("citations/t.yaml", test::kRctCitation);
  kb.write("claims/c.yaml", kValidClaim);
  std::filesystem::create_directory_symlink(kb.path() + "/claims", kb.path() + "/claims/loop");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  CHECK(r->claim_count() == 1);
}
