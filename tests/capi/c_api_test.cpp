// The C API (claimkb.h): the leveldb error convention, ownership, and that its
// answers are the C++ API's answers. tests/consumer checks it again from strict C99
// outside the tree and under valgrind.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "claimkb/claimkb.h"
#include "claimkb/claimkb.hpp"
#include "support/temp_kb.hpp"

using claimkb::test::TempKb;

namespace {

// Takes ownership of a string the C API returned.
std::string take(char* s) {
  std::string out = s != nullptr ? s : "";
  claimkb_free(s);
  return out;
}

// The bundled KB through the C API, closed at the end of the test.
struct Handle {
  Handle() : kb(claimkb_open(claimkb::KnowledgeBase::bundled_path().c_str(), &err)) {}
  ~Handle() {
    claimkb_close(kb);
    claimkb_free(err);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  char* err = nullptr;
  claimkb_t* kb;
};

}  // namespace

TEST_CASE("the C API answers a claim id with the same JSON as verdict_json") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  CHECK(h.err == nullptr);
  auto cpp = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::bundled_path());
  REQUIRE(cpp.ok());
  CHECK(claimkb_claim_count(h.kb) == cpp->claim_count());

  const std::string json = take(claimkb_verdict_json(h.kb, "tight-psoas-causes-back-pain", &h.err));
  CHECK(h.err == nullptr);
  CHECK(json == claimkb::verdict_json(*cpp, cpp->match("tight-psoas-causes-back-pain")));
  // The report's own object, then how the id was matched.
  const std::string report = claimkb::to_json(*cpp->report("tight-psoas-causes-back-pain"));
  CHECK(json == report.substr(0, report.size() - 1) + ",\"match\":{\"by\":\"id\",\"concepts\":[]}}");
}

TEST_CASE("an unknown claim gives NULL and a message, and a second failure replaces the first") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  CHECK(claimkb_verdict_json(h.kb, "no-such-claim", &h.err) == nullptr);
  REQUIRE(h.err != nullptr);
  CHECK(std::string(h.err).find("no-such-claim") != std::string::npos);

  // The old message is released (the leak checkers would see it otherwise).
  CHECK(claimkb_verdict_json(h.kb, "another-missing-claim", &h.err) == nullptr);
  REQUIRE(h.err != nullptr);
  CHECK(std::string(h.err).find("another-missing-claim") != std::string::npos);
}

TEST_CASE("a KB that fails to load gives NULL and every diagnostic, one per line") {
  TempKb kb;
  kb.write("claims/a.yaml", "id: a\nstatement: A.\nbogus: 1\n");
  kb.write("claims/b.yaml", "id: b\nstatment: B.\n");
  auto cpp = claimkb::KnowledgeBase::open(kb.path());
  REQUIRE_FALSE(cpp.ok());
  REQUIRE(cpp.errors().size() >= 2);
  std::string expected;
  for (const auto& e : cpp.errors()) expected += (expected.empty() ? "" : "\n") + e.to_string();

  char* err = nullptr;
  CHECK(claimkb_open(kb.path().c_str(), &err) == nullptr);
  CHECK(take(err) == expected);
}

TEST_CASE("a missing KB directory gives NULL and a message naming it") {
  char* err = nullptr;
  CHECK(claimkb_open("/nonexistent/claimkb", &err) == nullptr);
  const std::string message = take(err);
  CHECK(message.rfind("/nonexistent/claimkb", 0) == 0);
  CHECK(message.find(": error: ") != std::string::npos);
}

TEST_CASE("NULL arguments are refused with a message, never dereferenced") {
  char* err = nullptr;
  CHECK(claimkb_verdict_json(nullptr, "x", &err) == nullptr);
  CHECK(take(err).find("NULL") != std::string::npos);
  err = nullptr;
  CHECK(claimkb_list_json(nullptr, &err) == nullptr);
  CHECK(take(err).find("NULL") != std::string::npos);
  err = nullptr;
  CHECK(claimkb_search_json(nullptr, "x", 3, &err) == nullptr);
  CHECK(take(err).find("NULL") != std::string::npos);
  CHECK(claimkb_claim_count(nullptr) == 0);
  // errptr itself may be NULL: the caller just does not get the message.
  CHECK(claimkb_verdict_json(nullptr, nullptr, nullptr) == nullptr);
  claimkb_close(nullptr);
  claimkb_free(nullptr);
}

TEST_CASE("a question gets the verdict of the claim match() picks, or NULL and the candidates") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  auto cpp = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::bundled_path());
  REQUIRE(cpp.ok());
  for (const std::string question :
       {"Does a tight psoas cause low back pain?", "does vitamin c cure the common cold"}) {
    CAPTURE(question);
    const claimkb::Match match = cpp->match(question);
    char* json = claimkb_verdict_json(h.kb, question.c_str(), &h.err);
    if (match.kind == claimkb::Match::Kind::id || match.kind == claimkb::Match::Kind::clear_best) {
      CHECK(take(json) == claimkb::verdict_json(*cpp, match));
      continue;
    }
    CHECK(json == nullptr);
    REQUIRE(h.err != nullptr);
    const std::string message = h.err;
    CHECK(message.find(question) != std::string::npos);
    CHECK(claimkb_last_error_code() == CLAIMKB_E_NOT_FOUND);
    for (const auto& hit : match.candidates) {
      CHECK(message.find("\n  " + hit.id + ": ") != std::string::npos);
    }
  }
}

TEST_CASE("the list has every claim in order, and search returns an array") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  auto cpp = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::bundled_path());
  const std::string list = take(claimkb_list_json(h.kb, &h.err));
  REQUIRE(list.front() == '[');
  std::size_t at = 0;
  for (std::size_t i = 0; i < cpp->claim_count(); ++i) {
    at = list.find(R"({"id":")" + cpp->claim_at(i).id + "\"", at);
    CHECK(at != std::string::npos);
  }
  const std::string hits = take(claimkb_search_json(h.kb, "psoas", 3, &h.err));
  CHECK(hits.front() == '[');
  CHECK(h.err == nullptr);
}

TEST_CASE("claimkb_version is the version the header was generated with") {
  CHECK(std::string(claimkb_version()) == CLAIMKB_VERSION_STRING);
}

TEST_CASE("a snapshot written through the C API opens with claimkb_open and answers the same") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  const std::string file =
      std::filesystem::temp_directory_path() / ("claimkb-c-api-" + std::to_string(::getpid()) + ".ckb");
  char* err = nullptr;
  const size_t written = claimkb_write_snapshot(h.kb, file.c_str(), &err);
  CHECK(err == nullptr);
  CHECK(written == std::filesystem::file_size(file));
  claimkb_t* snap = claimkb_open(file.c_str(), &err);
  std::remove(file.c_str());
  REQUIRE(snap != nullptr);
  CHECK(claimkb_claim_count(snap) == claimkb_claim_count(h.kb));
  CHECK(take(claimkb_list_json(snap, &err)) == take(claimkb_list_json(h.kb, &err)));
  CHECK(take(claimkb_verdict_json(snap, "tight-psoas-causes-back-pain", &err)) ==
        take(claimkb_verdict_json(h.kb, "tight-psoas-causes-back-pain", &err)));
  claimkb_close(snap);

  // A write that cannot happen: 0, and the reason naming the file.
  CHECK(claimkb_write_snapshot(h.kb, "/nonexistent/dir/kb.ckb", &err) == 0);
  CHECK(take(err).rfind("/nonexistent/dir/kb.ckb:1:1: error: cannot write the file", 0) == 0);
  err = nullptr;
  CHECK(claimkb_write_snapshot(nullptr, file.c_str(), &err) == 0);
  CHECK(take(err).find("NULL") != std::string::npos);
}

TEST_CASE("every failure has a code a program can act on, and success resets it") {
  char* err = nullptr;
  // A directory that is not there: the KB cannot be read.
  CHECK(claimkb_open("/nonexistent/claimkb-kb", &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_IO);
  CHECK(std::string(claimkb_error_name(claimkb_last_error_code())) == "io");

  // A KB with a bad file: invalid.
  TempKb bad;
  bad.write("citations/t.yaml", claimkb::test::kRctCitation);
  bad.write("claims/c.yaml", "id: c\nstatment: S.\n");
  CHECK(claimkb_open(bad.path().c_str(), &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_INVALID_KB);

  // A file that is not a snapshot.
  const std::string not_snapshot = bad.path() + "/claims/c.yaml";
  CHECK(claimkb_open(not_snapshot.c_str(), &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_DAMAGED_SNAPSHOT);

  Handle h;
  REQUIRE(h.kb != nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_OK);
  CHECK(claimkb_verdict_json(h.kb, "no-such-claim", &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_NOT_FOUND);
  CHECK(claimkb_verdict_json(h.kb, nullptr, &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_BAD_ARGUMENT);
  CHECK(std::string(claimkb_error_name(CLAIMKB_E_BAD_ARGUMENT)) == "bad_argument");
  CHECK(std::string(claimkb_error_name(12345)) == "unknown");
  claimkb_free(claimkb_list_json(h.kb, &err));
  CHECK(claimkb_last_error_code() == CLAIMKB_OK);
  claimkb_free(err);
}

TEST_CASE("a question with bytes that are not UTF-8 comes back in the message repaired") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  char* err = nullptr;
  // "vitamin \xff\xfe C": two bytes that start no UTF-8 sequence, each becomes U+FFFD.
  CHECK(claimkb_verdict_json(h.kb, "does vitamin \xff\xfe C cure colds", &err) == nullptr);
  REQUIRE(err != nullptr);
  const std::string message = take(err);
  CHECK(message.find("vitamin \xEF\xBF\xBD\xEF\xBF\xBD C") != std::string::npos);
  CHECK(claimkb::to_valid_utf8(message) == message);
}

TEST_CASE("a record comes back as stored") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  char* err = nullptr;
  const std::string json = take(claimkb_record_json(h.kb, "hellsing1988", &err));
  CHECK(err == nullptr);
  CHECK(json.rfind("{\"id\":\"hellsing1988\",\"design\":\"cohort\",", 0) == 0);
  CHECK(claimkb_record_json(h.kb, "no-such-record", &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_NOT_FOUND);
  claimkb_free(err);
}

TEST_CASE("check through the C API gives check_json's array, polarity and agreement included") {
  Handle h;
  REQUIRE(h.kb != nullptr);
  auto cpp = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::bundled_path());
  REQUIRE(cpp.ok());
  const char* text = "Tight psoas muscles do not cause low back pain. The sky was grey.";
  char* err = nullptr;
  const std::string json = take(claimkb_check_json(h.kb, text, &err));
  CHECK(err == nullptr);
  CHECK(json == claimkb::check_json(*cpp, text));
  CHECK(json.find("\"polarity\":\"denies\"") != std::string::npos);
  CHECK(claimkb_check_json(h.kb, nullptr, &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_BAD_ARGUMENT);
  claimkb_free(err);
}

TEST_CASE("the quote check through the C API gives quotes_json's object, failures with their place") {
  // A citation with an abstract; one finding quotes it, the other quotes words the
  // abstract does not have: 2 checked, 1 matched, 0 unverifiable, 1 failed, and the
  // failure points at the claims file.
  TempKb dir;
  dir.write("citations/t.yaml",
            "id: trial1\ndesign: rct\ntitle: A trial\nauthors: [Smith J]\nyear: 2001\njournal: J Test\n"
            "abstract: Stretching increased hip extension by five degrees.\n");
  dir.write("claims/c.yaml",
            "- id: a\n  statement: Stretching helps.\n  evidence:\n"
            "    - {citation: trial1, stance: supports, finding: 'It \"increased hip extension\".'}\n"
            "- id: b\n  statement: Stretching cures.\n  evidence:\n"
            "    - {citation: trial1, stance: supports, finding: 'It \"cured everyone\".'}\n");
  char* err = nullptr;
  claimkb_t* kb = claimkb_open(dir.path().c_str(), &err);
  REQUIRE(kb != nullptr);
  const std::string json = take(claimkb_quotes_json(kb, &err));
  CHECK(err == nullptr);
  auto cpp = claimkb::KnowledgeBase::open(dir.path());
  REQUIRE(cpp.ok());
  CHECK(json == claimkb::quotes_json(*cpp));
  CHECK(json.find("\"checked\":2,\"matched\":1,\"unverifiable\":0,\"failed\":1") != std::string::npos);
  CHECK(json.find("c.yaml") != std::string::npos);
  CHECK(claimkb_quotes_json(nullptr, &err) == nullptr);
  CHECK(claimkb_last_error_code() == CLAIMKB_E_BAD_ARGUMENT);
  claimkb_free(err);
  claimkb_close(kb);
}
