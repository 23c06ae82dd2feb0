// Search, question matching and text checking at 1,000 and 20,000 claims.
//
//   cmake --preset release && cmake --build --preset release
//   build-release/bench/claimkb_search_bench
//
// The synthetic KBs are written by this program (bench-search-kb-2/<N> in the build
// directory, reused by later runs) rather than by bench/gen_kb.py, whose 27-word
// vocabulary puts every word in most claims: that measures the worst case of an
// inverted index, not text. Here words follow a Zipf law over a few thousand
// words, the way words in real claims do: a few are everywhere ("pain", "back"),
// most are rare. The most frequent ones are real words from the bundled KB.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "claimkb/claimkb.hpp"
#include "text/search_index.hpp"  // private: to time building the index alone

namespace {

using claimkb::KnowledgeBase;
namespace fs = std::filesystem;

constexpr std::size_t kVocabulary = 4000;

// Real words first (they get the highest frequencies), then made-up ones.
std::vector<std::string> vocabulary() {
  std::vector<std::string> words = {
      "pain",      "back",    "psoas",   "hip",        "muscle",     "low",       "stretching", "massage",
      "flexor",    "chronic", "tight",   "exercise",   "therapy",    "range",     "motion",     "length",
      "spine",     "lumbar",  "release", "glute",      "activation", "strength",  "endurance",  "posture",
      "pelvic",    "tilt",    "foam",    "rolling",    "assessment", "test",      "reliable",   "injury",
      "treatment", "relief",  "abdomen", "tenderness", "lordosis",   "extension", "hamstring",  "knee"};
  static const char* const kSyllables[] = {"ka", "lo",  "mi",  "ter", "sun", "pra", "vel", "dor",
                                           "nu", "bis", "gra", "fen", "ol",  "tri", "mas", "quo"};
  std::mt19937 rng(7);
  while (words.size() < kVocabulary) {
    std::string w;
    const int n = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < n; ++i) w += kSyllables[rng() % 16];
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  return words;
}

// Draws word ranks with probability proportional to 1 / rank.
class Zipf {
 public:
  explicit Zipf(std::size_t n) : cumulative_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) cumulative_[i] = sum += 1.0 / static_cast<double>(i + 1);
  }
  std::size_t operator()(std::mt19937& rng) const {
    const double x = std::uniform_real_distribution<double>(0, cumulative_.back())(rng);
    return static_cast<std::size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

struct Corpus {
  std::vector<std::string> words = vocabulary();
  Zipf zipf{words.size()};

  std::string phrase(std::mt19937& rng, int n) const {
    static const char* const kGlue[] = {"the", "of", "in", "and", "with", "for", "a"};
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (i > 0) s += (rng() % 4 == 0) ? std::string(" ") + kGlue[rng() % 7] + " " : " ";
      s += words[zipf(rng)];
    }
    return s;
  }
};

const Corpus& corpus() {
  static const Corpus c;
  return c;
}

std::string statement_of(long i) {
  std::mt19937 rng(static_cast<std::mt19937::result_type>(1000 + i));
  std::string s = corpus().phrase(rng, 8 + static_cast<int>(rng() % 7));
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s + ".";
}

// The vocabulary's most frequent words are concepts: each is one, with a
// two-word synonym and a broader concept, so that questions and articles name
// concepts about as often as real ones do.
constexpr std::size_t kConcepts = 2000;

// The concepts a statement names (by their index), in order of first appearance.
std::vector<std::size_t> concepts_in(const std::string& statement) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0, j; i < statement.size(); i = j + 1) {
    j = statement.find_first_of(" .", i);
    if (j == std::string::npos) j = statement.size();
    std::string w = statement.substr(i, j - i);
    if (!w.empty()) w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    const auto& words = corpus().words;
    const auto at = std::find(words.begin(), words.begin() + kConcepts, w);
    if (at != words.begin() + kConcepts) {
      const auto k = static_cast<std::size_t>(at - words.begin());
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
  }
  return out;
}

// Writes a KB of `claims` claims, 500 to a file, each with a statement, three
// aliases, three tags and (when its statement names two concepts) an `about`;
// the concepts; and one citation.
std::string synthetic_kb(long claims) {
  const fs::path dir = fs::path(CLAIMKB_BENCH_DIR) / "bench-search-kb-2" / std::to_string(claims);
  if (fs::exists(dir / "done")) return dir.string();
  fs::create_directories(dir / "claims");
  fs::create_directories(dir / "citations");
  fs::create_directories(dir / "concepts");
  {
    std::ofstream concepts(dir / "concepts" / "c.yaml");
    const auto& words = corpus().words;
    for (std::size_t i = 0; i < kConcepts; ++i) {
      concepts << "- id: concept-" << i << "\n  label: " << words[i] << "\n  synonyms: [\"" << words[i] << " "
               << words[kConcepts + i] << "\"]\n";
      if (i >= 10) concepts << "  broader: [concept-" << i / 10 << "]\n";
    }
  }
  std::ofstream(dir / "citations" / "c.yaml")
      << "- {id: cite1, design: rct, title: A trial, authors: [Doe J], year: 2020, journal: J Bench}\n";
  std::mt19937 rng(11);
  std::ofstream file;
  for (long i = 0; i < claims; ++i) {
    if (i % 500 == 0) file = std::ofstream(dir / "claims" / ("c" + std::to_string(i / 500) + ".yaml"));
    const std::string statement = statement_of(i);
    file << "- id: claim-" << i << "\n  statement: " << statement << "\n  aliases:\n";
    for (int a = 0; a < 3; ++a) file << "    - " << corpus().phrase(rng, 4 + static_cast<int>(rng() % 4)) << "\n";
    file << "  tags: [";
    for (int t = 0; t < 3; ++t) file << (t ? ", " : "") << corpus().words[corpus().zipf(rng)];
    file << "]\n";
    if (const auto named = concepts_in(statement); named.size() >= 2) {
      file << "  about: {subject: [concept-" << named[0] << "], relation: causes, object: [concept-" << named[1]
           << "]}\n";
    }
  }
  file.close();
  std::ofstream(dir / "done") << "ok\n";
  return dir.string();
}

const KnowledgeBase& loaded(long claims) {
  static std::map<long, KnowledgeBase> cache;
  auto it = cache.find(claims);
  if (it == cache.end()) {
    it = cache.emplace(claims, KnowledgeBase::open(synthetic_kb(claims)).value()).first;
  }
  return it->second;
}

// Questions as people type them: most take 3-6 words of one claim's statement,
// the rest are words from anywhere (half-related or off-topic).
std::vector<std::string> questions(long claims) {
  std::mt19937 rng(13);
  std::vector<std::string> out;
  for (int q = 0; q < 256; ++q) {
    if (q % 4 == 3) {
      out.push_back("does " + corpus().phrase(rng, 3 + static_cast<int>(rng() % 3)) + "?");
      continue;
    }
    std::string s = statement_of(static_cast<long>(rng() % static_cast<unsigned>(claims)));
    std::vector<std::string> words;
    for (std::size_t i = 0, j; i < s.size(); i = j + 1) {
      j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      words.push_back(s.substr(i, j - i));
    }
    std::shuffle(words.begin(), words.end(), rng);
    words.resize(std::min<std::size_t>(words.size(), 3 + rng() % 4));
    std::string question = "does";
    for (const auto& w : words) question += " " + w;
    out.push_back(question + "?");
  }
  return out;
}

// About 10 kB of prose: one sentence in four restates a claim with a word left
// out, the rest are sentences of random words.
std::string article(long claims) {
  std::mt19937 rng(17);
  std::string text;
  for (int s = 0; text.size() < 10 * 1024; ++s) {
    std::string sentence;
    if (s % 4 == 0) {
      sentence = statement_of(static_cast<long>(rng() % static_cast<unsigned>(claims)));
      const std::size_t cut = sentence.find(' ');
      if (cut != std::string::npos) sentence = "Many say that " + sentence.substr(cut + 1);
    } else {
      sentence = corpus().phrase(rng, 10 + static_cast<int>(rng() % 10));
      sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
      sentence += ".";
    }
    text += sentence + (s % 6 == 5 ? "\n\n" : " ");
  }
  return text;
}

void BM_Search(benchmark::State& state) {
  const KnowledgeBase& kb = loaded(state.range(0));
  const auto qs = questions(state.range(0));
  std::size_t i = 0, hits = 0;
  for (auto _ : state) {
    auto found = kb.search(qs[i++ % qs.size()], 10);
    hits += found.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["hits/query"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}

void BM_Match(benchmark::State& state) {
  const KnowledgeBase& kb = loaded(state.range(0));
  const auto qs = questions(state.range(0));
  std::size_t i = 0, clear = 0;
  for (auto _ : state) {
    const claimkb::Match m = kb.match(qs[i++ % qs.size()]);
    clear += m.kind == claimkb::Match::Kind::clear_best;
    benchmark::DoNotOptimize(m);
  }
  state.counters["clear"] = static_cast<double>(clear) / static_cast<double>(state.iterations());
}

void BM_Check10kB(benchmark::State& state) {
  const KnowledgeBase& kb = loaded(state.range(0));
  const std::string text = article(state.range(0));
  std::size_t found = 0;
  for (auto _ : state) {
    auto mentions = claimkb::check(kb, text);
    found = mentions.size();
    benchmark::DoNotOptimize(mentions);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
  state.counters["found"] = static_cast<double>(found);
}

// The index alone (it is built once, at the end of KnowledgeBase::open).
void BM_BuildIndex(benchmark::State& state) {
  const KnowledgeBase& kb = loaded(state.range(0));
  std::vector<claimkb::Claim> claims;
  for (std::size_t i = 0; i < kb.claim_count(); ++i) claims.push_back(kb.claim_at(i));
  for (auto _ : state) {
    claimkb::detail::SearchIndexBuilder builder;
    for (const claimkb::Claim& c : claims) builder.add(c);
    std::string bytes = builder.finish();
    benchmark::DoNotOptimize(bytes);
  }
}

BENCHMARK(BM_Search)->ArgName("claims")->Arg(1000)->Arg(20000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Match)->ArgName("claims")->Arg(1000)->Arg(20000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Check10kB)->ArgName("claims")->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildIndex)->ArgName("claims")->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
