// A stored record as JSON (claimkb/listing.hpp, `claimkb show`), written from the
// field tables of model/fields.hpp: every field that is set, under its YAML key.
#include <nlohmann/json.hpp>

#include "claimkb/listing.hpp"
#include "model/enums.hpp"
#include "model/field_ops.hpp"

namespace claimkb {
namespace {

using detail::IsOptional;
using detail::IsRecord;
using detail::IsVector;
using detail::Key;
using nlohmann::ordered_json;

template <class R>
ordered_json record(const R& r);

template <class T>
ordered_json value(const Key& key, const T& v) {
  if constexpr (IsRecord<T>::value) {
    return record(v);
  } else if constexpr (IsOptional<T>::value) {
    return value(key, *v);
  } else if constexpr (IsVector<T>::value) {
    ordered_json a = ordered_json::array();
    for (const auto& item : v) {
      // A record written in YAML as a plain string ("- iliopsoas") comes back so.
      if constexpr (IsRecord<typename T::value_type>::value) {
        const ordered_json j = record(item);
        a.push_back(key.shorthand && j.size() == 1 ? j.begin().value() : j);
      } else {
        a.push_back(value(key, item));
      }
    }
    return a;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!key.word.empty()) return std::string(key.word);
    return v;
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(detail::enum_name(v));
  } else {
    return v;
  }
}

// A field is left out when it holds what an absent key gives (`absent`, the
// member of a default record), unless the key is required (a required list may be
// empty: "authors": []).
template <class T>
bool is_set(const Key& key, const T& v, const T& absent) {
  if (key.is_required) return true;
  if constexpr (IsRecord<T>::value) {
    return true;
  } else {
    return !detail::equal_values(v, absent);
  }
}

template <class R>
ordered_json record(const R& r) {
  [[maybe_unused]] static const R absent{};
  ordered_json j = ordered_json::object();
  detail::fields(detail::Tag<R>{}, [&](const Key& key, auto member) {
    const auto& v = r.*member;
    if (is_set(key, v, absent.*member)) j[std::string(key.name)] = value(key, v);
  });
  return j;
}

std::string dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::optional<std::string> record_json(const KnowledgeBase& kb, std::string_view id, int indent) {
  if (const Claim* c = kb.claim(id)) return dump(record(*c), indent);
  if (const Citation* c = kb.citation(id)) {
    ordered_json j = record(*c);
    j["reference"] = c->reference;
    return dump(j, indent);
  }
  if (const Concept* c = kb.find_concept(id)) return dump(record(*c), indent);
  return std::nullopt;
}

}  // namespace claimkb
