// Records as JSON, written from their field tables (model/fields.hpp): every field
// that is set, under its YAML key, in the table's order. Private to the library;
// `claimkb show` (record_json.cpp) and the citation writers (lib/cite) use it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "model/enums.hpp"
#include "model/field_ops.hpp"

namespace claimkb::detail {

// Calls f(key, value) for each field of `r` that is set: a required field always,
// another when it holds something other than what an absent key gives (the member
// of a default record; a nested record counts as set).
template <class R, class F>
void each_set_field(const R& r, F&& f) {
  [[maybe_unused]] static const R absent{};
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    const auto& v = r.*member;
    using T = std::remove_cv_t<std::remove_reference_t<decltype(v)>>;
    bool set = key.is_required;
    if constexpr (IsRecord<T>::value) {
      set = true;
    } else {
      set = set || !equal_values(v, absent.*member);
    }
    if (set) f(key, v);
  });
}

template <class R>
nlohmann::ordered_json record_to_json(const R& r);

// One field's value: an enum by its name, a flag by its word when it has one, and
// a record listed in YAML as a plain string ("- iliopsoas") as that string.
template <class T>
nlohmann::ordered_json field_to_json(const Key& key, const T& v) {
  if constexpr (IsRecord<T>::value) {
    return record_to_json(v);
  } else if constexpr (IsOptional<T>::value) {
    return field_to_json(key, *v);
  } else if constexpr (IsVector<T>::value) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& item : v) {
      if constexpr (IsRecord<typename T::value_type>::value) {
        const nlohmann::ordered_json j = record_to_json(item);
        a.push_back(key.shorthand && j.size() == 1 ? j.begin().value() : j);
      } else {
        a.push_back(field_to_json(key, item));
      }
    }
    return a;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!key.word.empty()) return std::string(key.word);
    return v;
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(enum_name(v));
  } else {
    return v;
  }
}

template <class R>
nlohmann::ordered_json record_to_json(const R& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  each_set_field(r, [&](const Key& key, const auto& v) { j[std::string(key.name)] = field_to_json(key, v); });
  return j;
}

}  // namespace claimkb::detail
