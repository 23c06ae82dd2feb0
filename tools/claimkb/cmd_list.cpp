// `claimkb list`: every claim with its verdict and certainty.
#include <iomanip>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

int run(const Options& o, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  if (o.json) {
    io.out << claims_json(*kb, 2) << "\n";
    return kDone;
  }
  for (std::size_t i = 0; i < kb->claim_count(); ++i) {
    const Grade& g = kb->grade_at(i);
    io.out << std::left << std::setw(13) << to_string(g.verdict) << std::setw(10)
           << (g.certainty ? to_string(*g.certainty) : "-") << kb->claim_at(i).id << "\n";
  }
  return kDone;
}

Run setup(CLI::App&) { return run; }

}  // namespace

const Command kListCommand{"list", "every claim with its verdict and certainty", setup};

}  // namespace claimkb::cli
