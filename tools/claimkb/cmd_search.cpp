// `claimkb search TEXT`: claims ranked by how well TEXT matches them.
#include <iomanip>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

struct Args {
  std::vector<std::string> words;
  std::size_t limit = 10;
};

int run(const Options& o, const Args& a, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  std::string text;
  for (const auto& w : a.words) text += (text.empty() ? "" : " ") + w;
  if (o.json) {
    io.out << search_json(*kb, text, a.limit, 2) << "\n";
    return kDone;
  }
  const std::vector<SearchHit> hits = kb->search(text, a.limit);
  if (hits.empty()) io.err << "no claim matches \"" << to_valid_utf8(text) << "\"\n";
  for (const SearchHit& h : hits) {
    io.out << std::fixed << std::setprecision(2) << h.score << "  " << h.id << "\n      " << kb->claim(h.id)->statement
           << "\n";
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto args = std::make_shared<Args>();
  app.add_option("text", args->words, "words to look for")->required();
  app.add_option("--limit", args->limit, "at most this many claims (default 10)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}).description("a number from 1 to 1000000"));
  return [args](const Options& o, Io& io) { return run(o, *args, io); };
}

}  // namespace

const Command kSearchCommand{"search", "claims ranked by how well TEXT matches them, with scores", setup};

}  // namespace claimkb::cli
