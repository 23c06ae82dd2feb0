#include "common.hpp"

#include <ostream>

namespace claimkb::cli {

std::optional<KnowledgeBase> open_kb(const Options& o, std::ostream& err) {
  auto kb = KnowledgeBase::open(o.kb.empty() ? KnowledgeBase::default_path() : o.kb);
  if (!kb) {
    // Only the errors, one a line, so that a program can read every line the same way.
    for (const auto& e : kb.errors()) err << e.to_string() << "\n";
    return std::nullopt;
  }
  return std::move(kb).value();
}

nlohmann::ordered_json certainty_json(const std::optional<Certainty>& c) {
  if (!c) return nullptr;
  return std::string(to_string(*c));
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace claimkb::cli
