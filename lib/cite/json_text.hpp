// Reading a file of JSON for lib/cite (CSL-JSON records, Crossref notices).
// Private to the library.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cite/common.hpp"

namespace claimkb::detail::cite {

// `text` parsed into `doc`; false, with an error at the file:line:column where
// the JSON goes wrong, when it is not JSON.
inline bool parse_json_or_report(std::string_view text, const std::string& file, nlohmann::json& doc,
                                 std::vector<Diagnostic>& errors) {
  try {
    doc = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset of the character after the error.
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    std::string what = e.what();
    const std::size_t colon = what.rfind(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    errors.push_back(error_at(file, line_at(text, at), column_at(text, at), "invalid JSON: " + what));
    return false;
  }
}

}  // namespace claimkb::detail::cite
