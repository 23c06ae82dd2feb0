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
  } catch (const nlohmann::json::out_of_range& e) {
    // Well-formed JSON holding a number no double can hold (1e400): the library
    // names the number but not its place, so the error points at the first place
    // the number is written.
    std::string what = e.what();
    const std::size_t open = what.find('\'');
    const std::size_t close = what.rfind('\'');
    std::size_t at = 0;
    if (open != std::string::npos && close > open) {
      at = text.find(what.substr(open + 1, close - open - 1));
      if (at == std::string_view::npos) at = 0;
    }
    const std::size_t colon = what.rfind("] ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    errors.push_back(error_at(file, line_at(text, at), column_at(text, at), "invalid JSON: " + what));
    return false;
  }
}

// The text of `key` in an object: a string (whitespace runs squeezed), a whole
// number, or, as Crossref writes container-title, an array whose first item is
// one of those; "" otherwise.
inline std::string text_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  const nlohmann::json* v = &*it;
  if (v->is_array()) {
    if (v->empty()) return {};
    v = &(*v)[0];
  }
  if (v->is_string()) return squeeze(v->get<std::string>());
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  return {};
}

}  // namespace claimkb::detail::cite
