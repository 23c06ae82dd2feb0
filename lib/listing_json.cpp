// JSON for lists of claims (see listing_json.hpp).
#include "listing_json.hpp"

#include <nlohmann/json.hpp>

namespace claimkb::detail {
namespace {

using nlohmann::ordered_json;

// The fields every listing shares, in the order `claimkb list --json` prints them.
ordered_json claim_summary(const Claim& c, const Grade& g) {
  return {{"id", c.id},
          {"statement", c.statement},
          {"verdict", std::string(to_string(g.verdict))},
          {"certainty", g.certainty ? ordered_json(std::string(to_string(*g.certainty))) : nullptr}};
}

std::string dump(const ordered_json& j, int indent) {
  // Invalid UTF-8 in a KB file is replaced rather than refused: a listing must print.
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string claim_list_json(const KnowledgeBase& kb, int indent) {
  ordered_json all = ordered_json::array();
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    all.push_back(claim_summary(kb.claim_at(i), kb.grade_at(i)));
  }
  return dump(all, indent);
}

std::string search_json(const KnowledgeBase& kb, std::string_view text, std::size_t limit,
                        int indent) {
  ordered_json hits = ordered_json::array();
  for (const SearchHit& hit : kb.search(text, limit)) {
    const Claim* c = kb.claim(hit.id);
    const Grade* g = kb.grade(hit.id);
    if (c == nullptr || g == nullptr) continue;  // search only returns loaded ids
    // The order `claimkb search --json` prints: the score right after the id.
    const ordered_json s = claim_summary(*c, *g);
    hits.push_back({{"id", s["id"]},
                    {"score", hit.score},
                    {"statement", s["statement"]},
                    {"verdict", s["verdict"]},
                    {"certainty", s["certainty"]}});
  }
  return dump(hits, indent);
}

}  // namespace claimkb::detail
