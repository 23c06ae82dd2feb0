// Generic operations over the field tables of model/fields.hpp. Private to the
// library (the tests use them too).
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "model/fields.hpp"

namespace claimkb::detail {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};

// The member types a reference field may have: one id, or a list of ids.
template <class T>
inline constexpr bool kCanRefer = std::is_same_v<T, std::string> || std::is_same_v<T, std::vector<std::string>>;

template <class R>
bool equal_records(const R& a, const R& b);

template <class T>
bool equal_values(const T& a, const T& b) {
  if constexpr (IsRecord<T>::value) {
    return equal_records(a, b);
  } else if constexpr (IsOptional<T>::value) {
    return a.has_value() == b.has_value() && (!a || equal_values(*a, *b));
  } else if constexpr (IsVector<T>::value) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!equal_values(a[i], b[i])) return false;
    }
    return true;
  } else {
    return a == b;
  }
}

// Field-by-field equality, nested records included.
template <class R>
bool equal_records(const R& a, const R& b) {
  bool same = true;
  fields(Tag<R>{}, [&](const Key&, auto member) { same = same && equal_values(a.*member, b.*member); });
  return same;
}

// Calls f(key) for every reference field of R and of the records nested in it, in
// table order (a schema walk: no record is needed).
template <class R, class F>
void for_each_ref_key(F&& f) {
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    using M = std::remove_reference_t<decltype(std::declval<R&>().*member)>;
    if (key.ref != RefTo::none) {
      f(key);
    } else if constexpr (IsRecord<M>::value) {  // NOLINT(bugprone-branch-clone): if constexpr leaves empty branches
      for_each_ref_key<M>(f);
    } else if constexpr (IsOptional<M>::value || IsVector<M>::value) {
      using Inner = typename M::value_type;
      if constexpr (IsRecord<Inner>::value) for_each_ref_key<Inner>(f);
    }
  });
}

}  // namespace claimkb::detail
