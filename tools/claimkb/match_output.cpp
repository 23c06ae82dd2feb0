// What `claimkb verdict` says when a question matches no claim clearly.
#include <iomanip>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace claimkb::cli {

void print_no_clear_match(const KnowledgeBase& kb, const std::string& query, const Match& m,
                          bool json, std::ostream& out, std::ostream& err) {
  const bool looks_like_id = !query.empty() && query.find(' ') == std::string::npos &&
                             query.find('-') != std::string::npos;
  if (m.kind == Match::Kind::unclear) {
    err << "no single claim clearly matches \"" << query << "\"";
  } else if (looks_like_id) {
    err << "no claim with id '" << query << "'";
  } else {
    err << "no claim in the knowledge base matches \"" << query << "\"";
  }
  if (m.candidates.empty()) {
    err << (looks_like_id ? "; try `claimkb list` for the ids\n"
                          : "; try other words, or `claimkb list` for every claim\n");
  } else {
    err << "; the closest claims:\n";
    for (const SearchHit& h : m.candidates) {
      err << "  " << std::fixed << std::setprecision(2) << h.score << "  " << h.id << "\n        "
          << kb.claim(h.id)->statement << "\n";
    }
  }
  if (json) {
    nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
    for (const SearchHit& h : m.candidates) {
      candidates.push_back({{"id", h.id}, {"score", h.score}, {"statement", kb.claim(h.id)->statement}});
    }
    out << dump({{"query", query},
                 {"match", m.kind == Match::Kind::unclear ? "unclear" : "none"},
                 {"candidates", candidates}})
        << "\n";
  }
}

}  // namespace claimkb::cli
