#include "store/schema.hpp"

#include <string>
#include <type_traits>

#include "model/enums.hpp"
#include "model/field_ops.hpp"

namespace claimkb::detail {
namespace {

// FNV-1a, 32 bits: small, and enough to tell two schemas apart.
std::uint32_t fnv1a(const std::string& s) {
  std::uint32_t h = 2166136261U;
  for (unsigned char c : s) h = (h ^ c) * 16777619U;
  return h;
}

template <class R>
void describe(std::string& out);

// A type's shape: "s" text, "i" number, "b" flag, "e(...)" an enum with its names,
// "?" optional, "[]" list, "{...}" a record.
template <class T>
void describe_type(std::string& out) {
  if constexpr (IsRecord<T>::value) {
    describe<T>(out);
  } else if constexpr (IsOptional<T>::value) {
    out += '?';
    describe_type<typename T::value_type>(out);
  } else if constexpr (IsVector<T>::value) {
    out += "[]";
    describe_type<typename T::value_type>(out);
  } else if constexpr (std::is_same_v<T, std::string>) {
    out += 's';
  } else if constexpr (std::is_same_v<T, bool>) {
    out += 'b';
  } else if constexpr (std::is_enum_v<T>) {
    out += "e(";
    for (std::string_view n : EnumNames<T>::names) out += std::string(n) + ",";
    out += ')';
  } else {
    out += 'i' + std::to_string(sizeof(T));
  }
}

template <class R>
void describe(std::string& out) {
  out += '{';
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    using M = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<R&>().*member)>>;
    out += std::string(key.name) + (key.is_record_id ? "#" : "") + ":" + std::to_string(key.ref_group) + ":";
    describe_type<M>(out);
    out += ';';
  });
  out += '}';
}

}  // namespace

std::uint32_t schema_fingerprint() {
  static const std::uint32_t fingerprint = [] {
    std::string all;
    describe<Claim>(all);
    describe<Citation>(all);
    describe<Concept>(all);
    describe<Grade>(all);
    describe<Diagnostic>(all);
    return fnv1a(all);
  }();
  return fingerprint;
}

}  // namespace claimkb::detail
