#include "common.hpp"

#include <ostream>

#include "claimkb/write_file.hpp"

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

bool write_output(const std::string& path, std::string_view bytes, std::ostream& err) {
  if (auto error = write_file_atomically(path, bytes)) {
    err << error->to_string() << "\n";
    return false;
  }
  return true;
}

nlohmann::ordered_json certainty_json(const std::optional<Certainty>& c) {
  if (!c) return nullptr;
  return std::string(to_string(*c));
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace claimkb::cli
