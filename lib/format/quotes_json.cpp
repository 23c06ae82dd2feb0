// The quote check and diagnostics as JSON (see claimkb/quotes.hpp): one
// implementation for `claimkb lint` and the C API.
#include <nlohmann/json.hpp>

#include "claimkb/quotes.hpp"

namespace claimkb {
namespace {

using nlohmann::ordered_json;

ordered_json diagnostics_array(const std::vector<Diagnostic>& ds) {
  ordered_json a = ordered_json::array();
  for (const auto& d : ds) {
    a.push_back({{"file", d.file},
                 {"line", d.line},
                 {"column", d.column},
                 {"severity", d.severity == Diagnostic::Severity::error ? "error" : "warning"},
                 {"code", std::string(to_string(d.code))},
                 {"message", d.message}});
  }
  return a;
}

std::string dump(const ordered_json& j, int indent) {
  // A path or message with invalid UTF-8 is repaired rather than refused.
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics, int indent) {
  return dump(diagnostics_array(diagnostics), indent);
}

std::string quotes_json(const KnowledgeBase& kb, int indent) { return quotes_json(check_quotes(kb), indent); }

std::string quotes_json(const QuoteCheck& q, int indent) {
  const ordered_json j = {{"checked", q.checked},
                          {"matched", q.matched},
                          {"unverifiable", q.unverifiable},
                          {"failed", q.failed},
                          {"failures", diagnostics_array(q.failures)}};
  return dump(j, indent);
}

}  // namespace claimkb
