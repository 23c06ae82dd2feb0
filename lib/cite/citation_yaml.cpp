// Citations as YAML list items and as JSON, written from the citation's field
// table (model/fields.hpp): every field that is set, in the table's order.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

#include "claimkb/cite.hpp"
#include "format/record_to_json.hpp"
#include "model/utf8.hpp"

namespace claimkb {
namespace {

using detail::each_set_field;
using detail::IsOptional;
using detail::IsRecord;
using detail::IsVector;
using detail::Key;

// A YAML double-quoted scalar: always quoted, so that no text reads as a number,
// a boolean, null or a YAML indicator.
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

template <class R>
std::string flow_record(const R& r);

template <class T>
std::string yaml_value(const Key& key, const T& v) {
  if constexpr (IsRecord<T>::value) {
    return flow_record(v);
  } else if constexpr (IsOptional<T>::value) {
    return yaml_value(key, *v);
  } else if constexpr (IsVector<T>::value) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : ", ") + yaml_value(key, v[i]);
    return out + "]";
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!key.word.empty()) return std::string(key.word);
    return v ? "true" : "false";
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(detail::enum_name(v));
  } else if constexpr (std::is_same_v<T, std::string>) {
    return yaml_quoted(v);
  } else {
    return std::to_string(v);
  }
}

template <class R>
std::string flow_record(const R& r) {
  std::string out = "{";
  each_set_field(r, [&](const Key& key, const auto& v) {
    if (out.size() > 1) out += ", ";
    out += std::string(key.name) + ": " + yaml_value(key, v);
  });
  return out + "}";
}

}  // namespace

std::string citations_yaml(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) {
    bool first = true;
    each_set_field(c, [&](const Key& key, const auto& v) {
      out += first ? "- " : "  ";
      first = false;
      out += std::string(key.name) + ": " + yaml_value(key, v) + "\n";
    });
    out += "\n";
  }
  return detail::to_valid_utf8(out);
}

std::string citation_json(const Citation& c, int indent) {
  return detail::record_to_json(c).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace claimkb
