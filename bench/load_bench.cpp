// Loading a knowledge base, against the floor for any yaml-cpp loader: parsing the
// same files with yaml-cpp and touching every scalar, on one core. Also the cost of
// a verdict look-up and of a full report once loaded, and the same from a compiled
// snapshot of the KB (opening it, then its first and later answers).
//
//   cmake --preset release && cmake --build --preset release
//   build-release/bench/claimkb_load_bench            (N = 1,000 and 20,000)
//   CLAIMKB_BENCH_100K=1 build-release/bench/claimkb_load_bench   (adds 100,000)
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "claimkb/claimkb.hpp"
#include "synthetic_kb.hpp"

namespace {

using claimkb::KnowledgeBase;

std::vector<std::string> yaml_files(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t touch(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar().size();
  std::size_t sum = 0;
  if (n.IsSequence()) {
    for (const auto& item : n) sum += touch(item);
  } else if (n.IsMap()) {
    for (const auto& kv : n) sum += touch(kv.first) + touch(kv.second);
  }
  return sum;
}

std::uintmax_t bytes_of(const std::vector<std::string>& files) {
  std::uintmax_t b = 0;
  for (const auto& f : files) b += std::filesystem::file_size(f);
  return b;
}

void BM_BareYamlCppParse(benchmark::State& state) {
  const auto files = yaml_files(claimkb::bench::synthetic_kb(state.range(0)));
  for (auto _ : state) {
    std::size_t sum = 0;
    for (const auto& f : files) sum += touch(YAML::LoadFile(f));
    benchmark::DoNotOptimize(sum);
  }
  state.counters["MB"] = static_cast<double>(bytes_of(files)) / 1e6;
}

// Load + validate + grade (+ index), on `threads` cores (0: all).
void BM_Load(benchmark::State& state) {
  const std::string dir = claimkb::bench::synthetic_kb(state.range(0));
  KnowledgeBase::OpenOptions options;
  options.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    auto kb = KnowledgeBase::open(dir, options);
    if (!kb) state.SkipWithError("the synthetic KB did not load");
    benchmark::DoNotOptimize(kb);
  }
  state.counters["MB"] = static_cast<double>(bytes_of(yaml_files(dir))) / 1e6;
}

// The same, on the same KB without concepts/ and without `about`: what concepts
// cost is the difference (one core).
void BM_LoadWithoutConcepts(benchmark::State& state) {
  const std::string dir = claimkb::bench::synthetic_kb(state.range(0), true);
  KnowledgeBase::OpenOptions options;
  options.threads = 1;
  for (auto _ : state) {
    auto kb = KnowledgeBase::open(dir, options);
    if (!kb) state.SkipWithError("the synthetic KB did not load");
    benchmark::DoNotOptimize(kb);
  }
  state.counters["MB"] = static_cast<double>(bytes_of(yaml_files(dir))) / 1e6;
}

const KnowledgeBase& loaded(long claims) {
  static std::map<long, KnowledgeBase> cache;
  auto it = cache.find(claims);
  if (it == cache.end()) {
    it = cache.emplace(claims, KnowledgeBase::open(claimkb::bench::synthetic_kb(claims)).value()).first;
  }
  return it->second;
}

std::vector<std::string> random_ids(const KnowledgeBase& kb, std::size_t count) {
  std::mt19937 rng(42);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < count; ++i) ids.push_back(kb.claim_at(rng() % kb.claim_count()).id);
  return ids;
}

// A verdict, and a full report as JSON, for random ids of a KB loaded from YAML or
// opened from a snapshot.
void verdict_lookups(benchmark::State& state, const KnowledgeBase& kb) {
  const auto ids = random_ids(kb, 4096);
  std::size_t i = 0;
  for (auto _ : state) {
    const claimkb::Grade* g = kb.grade(ids[i++ & 4095]);
    benchmark::DoNotOptimize(g->verdict);
  }
}

void report_json(benchmark::State& state, const KnowledgeBase& kb) {
  const auto ids = random_ids(kb, 4096);
  std::size_t i = 0;
  for (auto _ : state) {
    std::string json = claimkb::to_json(*kb.report(ids[i++ & 4095]));
    benchmark::DoNotOptimize(json);
  }
}

void BM_VerdictLookup(benchmark::State& state) { verdict_lookups(state, loaded(state.range(0))); }
void BM_ReportJson(benchmark::State& state) { report_json(state, loaded(state.range(0))); }

// The synthetic KB of `claims` compiled into a snapshot (once per run).
const std::string& snapshot_of(long claims) {
  static std::map<long, std::string> files;
  auto it = files.find(claims);
  if (it == files.end()) {
    const std::string file = std::string(CLAIMKB_BENCH_DIR) + "/bench-kb-3/" + std::to_string(claims) + ".ckb";
    if (!loaded(claims).write_snapshot(file)) std::abort();
    it = files.emplace(claims, file).first;
  }
  return it->second;
}

const KnowledgeBase& opened(long claims) {
  static std::map<long, KnowledgeBase> cache;
  auto it = cache.find(claims);
  if (it == cache.end()) it = cache.emplace(claims, KnowledgeBase::open(snapshot_of(claims)).value()).first;
  return it->second;
}

// Opening a snapshot: map it, check its header, size and checksum, read its tables
// and search index. The file is in the page cache, as after the first start.
void BM_OpenSnapshot(benchmark::State& state) {
  const std::string& file = snapshot_of(state.range(0));
  for (auto _ : state) {
    auto kb = KnowledgeBase::open(file);
    if (!kb) state.SkipWithError("the snapshot did not open");
    benchmark::DoNotOptimize(kb);
  }
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
}

// What an app waits for at start-up: open, then the first full answer.
void BM_OpenSnapshotAndReport(benchmark::State& state) {
  const std::string& file = snapshot_of(state.range(0));
  const auto ids = random_ids(loaded(state.range(0)), 64);
  std::size_t i = 0;
  for (auto _ : state) {
    auto kb = KnowledgeBase::open(file);
    std::string json = claimkb::to_json(*kb->report(ids[i++ & 63]));
    benchmark::DoNotOptimize(json);
  }
}

void BM_SnapshotVerdictLookup(benchmark::State& state) { verdict_lookups(state, opened(state.range(0))); }
void BM_SnapshotReportJson(benchmark::State& state) { report_json(state, opened(state.range(0))); }

// Search with claims' own statements as queries (so longer than a usual question;
// bench/search_bench.cpp has the search figures), from YAML and from a snapshot.
void search_statements(benchmark::State& state, const KnowledgeBase& kb) {
  std::vector<std::string> queries;
  for (std::size_t k = 0; k < 64; ++k) queries.push_back(kb.claim_at((k * 7919) % kb.claim_count()).statement);
  std::size_t i = 0;
  for (auto _ : state) {
    auto hits = kb.search(queries[i++ & 63], 10);
    benchmark::DoNotOptimize(hits);
  }
}
void BM_SearchStatements(benchmark::State& state) { search_statements(state, loaded(state.range(0))); }
void BM_SnapshotSearchStatements(benchmark::State& state) { search_statements(state, opened(state.range(0))); }

void sizes(benchmark::internal::Benchmark* b, bool threads) {
  std::vector<long> ns = {1000, 20000};
  if (std::getenv("CLAIMKB_BENCH_100K")) ns.push_back(100000);
  for (long n : ns) {
    if (threads) {
      b->Args({n, 1})->Args({n, 0});
    } else {
      b->Args({n});
    }
  }
  b->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
}

BENCHMARK(BM_BareYamlCppParse)->Apply([](auto* b) { sizes(b, false); });
BENCHMARK(BM_Load)->ArgNames({"claims", "threads"})->Apply([](auto* b) { sizes(b, true); });
BENCHMARK(BM_LoadWithoutConcepts)
    ->ArgName("claims")
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_VerdictLookup)->Arg(20000)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_ReportJson)->Arg(20000)->Unit(benchmark::kMicrosecond);

void snapshot_sizes(benchmark::internal::Benchmark* b) {
  b->Arg(1000)->Arg(20000);
  if (std::getenv("CLAIMKB_BENCH_100K")) b->Arg(100000);
  b->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);
}
BENCHMARK(BM_OpenSnapshot)->ArgName("claims")->Apply(snapshot_sizes);
BENCHMARK(BM_OpenSnapshotAndReport)->ArgName("claims")->Apply(snapshot_sizes);
BENCHMARK(BM_SnapshotVerdictLookup)->Arg(20000)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_SnapshotReportJson)->Arg(20000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchStatements)->Arg(20000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SnapshotSearchStatements)->Arg(20000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
