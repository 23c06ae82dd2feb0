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
  const std::vector<SearchHit> hits = kb->search(text, limit);
  if (o.json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const SearchHit& h : hits) {
      const Grade& g = *kb->grade(h.id);
      all.push_back({{"id", h.id},
                     {"score", h.score},
                     {"statement", kb->claim(h.id)->statement},
                     {"verdict", std::string(to_string(g.verdict))},
                     {"certainty", certainty_json(g.certainty)}});
    }
    out << dump(all) << "\n";
    return kDone;
  }
  if (hits.empty()) err << "no claim matches \"" << text << "\"\n";
  for (const SearchHit& h : hits) {
    out << std::fixed << std::setprecision(2) << h.score << "  " << h.id << "\n      "
        << kb->claim(h.id)->statement << "\n";
  }
  return kDone;
}

}  // namespace claimkb::cli
