// A stored record as JSON (claimkb/listing.hpp, `claimkb show`): every field that
// is set, under its YAML key (format/record_to_json.hpp).
#include <nlohmann/json.hpp>

#include "claimkb/listing.hpp"
#include "format/record_to_json.hpp"

namespace claimkb {
namespace {

using detail::record_to_json;
using nlohmann::ordered_json;

std::string dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::optional<std::string> record_json(const KnowledgeBase& kb, std::string_view id, int indent) {
  if (const Claim* c = kb.claim(id)) return dump(record_to_json(*c), indent);
  if (const Citation* c = kb.citation(id)) {
    ordered_json j = record_to_json(*c);
    j["reference"] = c->reference;
    return dump(j, indent);
  }
  if (const Concept* c = kb.find_concept(id)) return dump(record_to_json(*c), indent);
  return std::nullopt;
}

}  // namespace claimkb
