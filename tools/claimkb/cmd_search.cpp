// `claimkb search TEXT`: claims ranked by how well TEXT matches them.
#include <iomanip>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace claimkb::cli {

int run_search(const Options& o, const std::string& text, std::size_t limit, std::ostream& out,
               std::ostream& err) {
  auto kb = open_kb(o, err);
  if (!kb) return kInvalidKb;
  if (o.json) {
    out << search_json(*kb, text, limit, 2) << "\n";
    return kDone;
  }
  const std::vector<SearchHit> hits = kb->search(text, limit);
  if (hits.empty()) err << "no claim matches \"" << text << "\"\n";
  for (const SearchHit& h : hits) {
    out << std::fixed << std::setprecision(2) << h.score << "  " << h.id << "\n      "
        << kb->claim(h.id)->statement << "\n";
  }
  return kDone;
}

}  // namespace claimkb::cli
