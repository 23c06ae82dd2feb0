// `claimkb import` of PubMed MEDLINE at scale (issue 14: 10,000 records in under
// 2 s): plan_import over generated records, each with a title over continuation
// lines, an abstract, six authors (AU and FAU), repeated PT, LID/AID and PMC.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCLAIMKB_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target claimkb_import_bench
//   build-bench/bench/claimkb_import_bench
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "claimkb/cite.hpp"

namespace {

// `n` made-up MEDLINE records, about 1.5 kB each as PubMed writes them.
std::string medline(int n) {
  static const char* const kWords[] = {"stretching", "pain",   "low",     "back",   "hip",        "flexor",
                                       "trial",      "random", "effect",  "psoas",  "muscle",     "chronic",
                                       "exercise",   "adults", "therapy", "motion", "disability", "outcome"};
  std::mt19937 rng(14);
  auto words = [&](int k) {
    std::string s;
    for (int i = 0; i < k; ++i) s += std::string(i > 0 ? " " : "") + kWords[rng() % 18];
    return s;
  };
  // A value wrapped at about 80 columns, continued with six spaces.
  auto wrapped = [&](const std::string& tag, const std::string& v) {
    std::string out = tag + std::string(4 - tag.size(), ' ') + "- ";
    std::size_t col = 6;
    for (std::size_t i = 0; i < v.size();) {
      std::size_t e = v.find(' ', i);
      if (e == std::string::npos) e = v.size();
      if (col + (e - i) > 80) {
        out += "\n      ";
        col = 6;
      }
      out.append(v, i, e - i);
      col += e - i;
      if (e < v.size()) {
        out += ' ';
        ++col;
      }
      i = e + 1;
    }
    return out + "\n";
  };
  std::string text;
  for (int r = 0; r < n; ++r) {
    const std::string pmid = std::to_string(90000000 + r);
    text += "PMID- " + pmid + "\nOWN - NLM\nSTAT- MEDLINE\nDP  - " + std::to_string(1990 + r % 30) + " Mar 4\n";
    text += wrapped("TI", words(24) + ".");
    text += "PG  - " + std::to_string(100 + r % 50) + "-" + std::to_string(160 + r % 50) + "\n";
    text += "LID - 10.5555/bench." + pmid + " [doi]\n";
    text += wrapped("AB", words(150) + ".");
    for (int a = 0; a < 6; ++a) {
      text += "FAU - Author" + std::to_string(a) + ", Jane Q\nAU  - Author" + std::to_string(a) + " JQ\n";
    }
    text += "LA  - eng\nPT  - Journal Article\nPT  - Randomized Controlled Trial\n";
    text += "TA  - Example J\nJT  - Example journal\nVI  - " + std::to_string(1 + r % 40) + "\nIP  - 3\n";
    text += "AID - 10.5555/bench." + pmid + " [doi]\nPMC - PMC" + std::to_string(7000000 + r) + "\n\n";
  }
  return text;
}

void BM_ImportMedline(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::vector<claimkb::CitationSource> sources{{"bench.nbib", medline(n)}};
  std::size_t added = 0;
  for (auto _ : state) {
    auto plan = claimkb::plan_import(sources, {}, {});
    if (!plan) state.SkipWithError("the generated records failed to import");
    added = plan ? plan->added.size() : 0;
    benchmark::DoNotOptimize(added);
  }
  if (added != static_cast<std::size_t>(n)) state.SkipWithError("not every record was imported");
  state.counters["records"] = static_cast<double>(n);
  state.counters["MB"] = static_cast<double>(sources[0].bytes.size()) / 1e6;
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ImportMedline)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
