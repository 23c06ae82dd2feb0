#include "no_match.hpp"

#include "claimkb/text.hpp"

namespace claimkb::cli {

nlohmann::ordered_json no_match_json(const KnowledgeBase& kb, const std::string& query, const Match& m) {
  nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
  for (const SearchHit& h : m.candidates) {
    candidates.push_back({{"id", h.id}, {"score", h.score}, {"statement", kb.claim(h.id)->statement}});
  }
  return {{"query", to_valid_utf8(query)},
          {"match", m.kind == Match::Kind::unclear ? "unclear" : "none"},
          {"candidates", candidates}};
}

}  // namespace claimkb::cli
