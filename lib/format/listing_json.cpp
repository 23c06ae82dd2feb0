// JSON arrays of claims (see claimkb/listing.hpp): one implementation for the
// command and the C API, so that both print the same shapes.
#include "claimkb/listing.hpp"

#include <nlohmann/json.hpp>

#include "claimkb/check.hpp"

namespace claimkb {
namespace {

using nlohmann::ordered_json;

ordered_json certainty(const Grade& g) {
  if (!g.certainty) return nullptr;
  return std::string(to_string(*g.certainty));
}

std::string dump(const ordered_json& j, int indent) {
  // Invalid UTF-8 in a KB file is replaced rather than refused: a listing must print.
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string claims_json(const KnowledgeBase& kb, int indent) {
  ordered_json all = ordered_json::array();
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    const Grade& g = kb.grade_at(i);
    all.push_back({{"id", kb.claim_at(i).id},
                   {"statement", kb.claim_at(i).statement},
                   {"verdict", std::string(to_string(g.verdict))},
                   {"certainty", certainty(g)}});
  }
  return dump(all, indent);
}

std::string search_json(const KnowledgeBase& kb, std::string_view text, std::size_t limit, int indent) {
  ordered_json hits = ordered_json::array();
  for (const SearchHit& hit : kb.search(text, limit)) {
    const Grade& g = *kb.grade(hit.id);  // search returns only loaded ids
    hits.push_back({{"id", hit.id},
                    {"score", hit.score},
                    {"statement", kb.claim(hit.id)->statement},
                    {"verdict", std::string(to_string(g.verdict))},
                    {"certainty", certainty(g)},
                    {"concepts", hit.concepts}});
  }
  return dump(hits, indent);
}

std::string check_json(const KnowledgeBase& kb, std::string_view text, int indent) {
  ordered_json all = ordered_json::array();
  for (const ClaimMention& m : check(kb, text)) {
    const Grade& g = *kb.grade(m.id);
    all.push_back({{"begin", m.begin},
                   {"end", m.end},
                   {"line", m.line},
                   {"column", m.column},
                   {"sentence", m.sentence},
                   {"id", m.id},
                   {"statement", kb.claim(m.id)->statement},
                   {"verdict", std::string(to_string(m.verdict))},
                   {"certainty", certainty(g)},
                   {"score", m.score},
                   {"polarity", std::string(to_string(m.polarity))},
                   {"agreement", std::string(to_string(m.agreement))},
                   {"concepts", m.concepts}});
  }
  return dump(all, indent);
}

std::string verdict_json(const KnowledgeBase& kb, const Match& m, int indent) {
  ordered_json j = ordered_json::parse(to_json(*kb.report(m.id)));
  j["match"] = {{"by", m.kind == Match::Kind::id ? "id"
                       : m.by_concepts           ? "concepts"
                                                 : "words"},
                {"concepts", m.concepts}};
  return dump(j, indent);
}

}  // namespace claimkb
