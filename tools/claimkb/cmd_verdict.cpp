// `claimkb verdict ID|QUESTION`: the graded verdict on one claim.
#include <iomanip>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"
#include "no_match.hpp"
#include "report_text.hpp"

namespace claimkb::cli {
namespace {

// When `query` resolved to no claim, or to no single one: says so on `err` with
// the closest claims, and with `json` also prints them on `out` as
// {"query", "match": "unclear" | "none", "candidates": [{id, score, statement}]}.
void print_no_clear_match(const KnowledgeBase& kb, const std::string& query, const Match& m, bool json, Io& io) {
  const std::string shown = to_valid_utf8(query);
  const bool looks_like_id =
      !query.empty() && query.find(' ') == std::string::npos && query.find('-') != std::string::npos;
  if (m.kind == Match::Kind::unclear) {
    io.err << "no single claim clearly matches \"" << shown << "\"";
  } else if (looks_like_id) {
    io.err << "no claim with id '" << shown << "'";
  } else {
    io.err << "no claim in the knowledge base matches \"" << shown << "\"";
  }
  if (m.candidates.empty()) {
    io.err << (looks_like_id ? "; try `claimkb list` for the ids\n"
                             : "; try other words, or `claimkb list` for every claim\n");
  } else {
    io.err << "; the closest claims:\n";
    for (const SearchHit& h : m.candidates) {
      io.err << "  " << std::fixed << std::setprecision(2) << h.score << "  " << h.id << "\n        "
             << kb.claim(h.id)->statement << "\n";
    }
  }
  if (json) io.out << dump(no_match_json(kb, query, m)) << "\n";
}

int run(const Options& o, const std::string& query, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  // An id, or a question that clearly means one claim; otherwise the closest
  // claims, never a guess.
  const Match m = kb->match(query);
  if (m.kind != Match::Kind::id && m.kind != Match::Kind::clear_best) {
    print_no_clear_match(*kb, query, m, o.json, io);
    return kNoSuchClaim;
  }
  if (o.json) {
    io.out << verdict_json(*kb, m, 2) << "\n";
  } else {
    print_report(*kb->report(m.id), io.out);
    if (m.kind == Match::Kind::clear_best && m.by_concepts) {
      io.out << "\n(matched by what the question is about:";
      for (const std::string& c : m.concepts) io.out << " " << c;
      io.out << ")\n";
    }
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto query = std::make_shared<std::string>();
  app.add_option("claim", *query, "a claim id (see `claimkb list`), or a question in plain words")->required();
  return [query](const Options& o, Io& io) { return run(o, *query, io); };
}

}  // namespace

const Command kVerdictCommand{"verdict", "the graded verdict for one claim, with reasons and references", setup};

}  // namespace claimkb::cli
