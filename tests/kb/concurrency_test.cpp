// One loaded KnowledgeBase queried from several threads at once (verdicts, search,
// match, check) gives exactly the single-threaded answers: the header promises it
// is safe without locking. Run under ThreadSanitizer by the `tsan` preset (label:
// concurrency).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "claimkb/claimkb.hpp"

using namespace claimkb;

namespace {

// Everything a thread asks about claim i, as one string to compare.
std::string answers(const KnowledgeBase& kb, std::size_t i) {
  const Claim& c = kb.claim_at(i);
  std::string out = to_json(*kb.report(c.id));
  for (const auto& hit : kb.search(c.statement, 5)) out += "|" + hit.id + ":" + std::to_string(hit.score);
  const std::string question = c.aliases.empty() ? c.statement : c.aliases.front();
  const Match m = kb.match(question);
  out += "|" + std::to_string(static_cast<int>(m.kind)) + m.id;
  for (const auto& e : c.evidence) out += "|" + kb.citation(e.citation)->reference;
  // check() on a small article made of this claim's wordings.
  std::string article = c.statement + " Some unrelated words here. ";
  for (const auto& a : c.aliases) article += a + ". ";
  for (const auto& m : check(kb, article)) {
    out += "|" + std::to_string(m.begin) + "-" + std::to_string(m.end) + m.id;
  }
  return out;
}

// Each of kThreads threads asks `kb` (or a copy of it) about every claim, and must
// get `expected`.
void check_threads_agree(const KnowledgeBase& kb, const std::vector<std::string>& expected) {
  const std::size_t n = kb.claim_count();
  constexpr int kThreads = 4, kRounds = 20;
  std::vector<std::vector<std::size_t>> mismatches(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const KnowledgeBase copy = kb;  // copies share the loaded KB
      for (int round = 0; round < kRounds; ++round) {
        // Each thread walks the claims from a different start, so they collide.
        for (std::size_t k = 0; k < n; ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t) * n / kThreads) % n;
          if (answers(round % 2 == 1 ? copy : kb, i) != expected[i]) mismatches[t].push_back(i);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    CAPTURE(t);
    CHECK(mismatches[t].empty());
  }
}

}  // namespace

TEST_CASE("one KB queried from several threads gives the single-threaded answers") {
  auto loaded = KnowledgeBase::open(KnowledgeBase::bundled_path());
  REQUIRE(loaded.ok());
  const KnowledgeBase kb = std::move(loaded).value();
  REQUIRE(kb.claim_count() > 0);
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < kb.claim_count(); ++i) expected.push_back(answers(kb, i));
  check_threads_agree(kb, expected);
}

TEST_CASE("threads that race to read a snapshot's records first all get the YAML's answers") {
  // A snapshot decodes each record on first use (lib/snapshot.hpp): here every
  // record is first asked for by several threads at once.
  auto yaml = KnowledgeBase::open(KnowledgeBase::bundled_path());
  REQUIRE(yaml.ok());
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < yaml->claim_count(); ++i) expected.push_back(answers(*yaml, i));
  const std::string file =
      std::filesystem::temp_directory_path() / ("claimkb-concurrency-" + std::to_string(::getpid()) + ".ckb");
  REQUIRE(yaml->write_snapshot(file).ok());
  auto snap = KnowledgeBase::open(file);
  std::remove(file.c_str());
  REQUIRE(snap.ok());
  check_threads_agree(*snap, expected);
}
