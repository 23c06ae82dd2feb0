// The binary form of a record in the store, driven by the field tables of
// model/fields.hpp. Private to the library.
//
// Fields are written in table order. Two kinds of field are not written: a
// record's own id (the store keeps ids in a table of their own) and references to
// other records (kept in the store's reference table as indices, checked when the
// store is opened). decode_record() takes them from a RefSource instead, so a
// decoded record can only name records that exist. decode_record() of a damaged
// record fails the Reader (store/binary.hpp): the fields it could not read keep
// their defaults, and it never reads outside the record.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "model/enums.hpp"
#include "model/field_ops.hpp"
#include "store/binary.hpp"

namespace claimkb::detail {

inline constexpr int kMaxRefGroups = 8;

// Where a record's references come from when it is decoded: size(g) ids in group
// g, each id(g, k) a record that exists.
struct RefSource {
  virtual ~RefSource() = default;
  virtual std::size_t size(int group) const = 0;
  virtual std::string_view id(int group, std::size_t k) const = 0;
};

// ---- encoding ----

template <class R>
void encode_record(Writer& w, const R& r);

template <class T>
void encode_value(Writer& w, const T& v) {
  if constexpr (IsRecord<T>::value) {
    encode_record(w, v);
  } else if constexpr (IsOptional<T>::value) {
    using Inner = typename T::value_type;
    if constexpr (std::is_enum_v<Inner>) {
      w.opt_enum(v);
    } else {
      w.u8(v ? 1 : 0);
      if (v) encode_value(w, *v);
    }
  } else if constexpr (IsVector<T>::value) {
    w.varint(v.size());
    for (const auto& item : v) encode_value(w, item);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.str(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    w.u8(v ? 1 : 0);
  } else if constexpr (std::is_enum_v<T>) {
    w.enumeration(v);
  } else {
    static_assert(std::is_integral_v<T>, "a field type the codec does not know");
    w.svarint(v);
  }
}

template <class R>
void encode_record(Writer& w, const R& r) {
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    if (key.is_record_id || key.ref != RefTo::none) return;
    encode_value(w, r.*member);
  });
}

// Calls f(group, id) for every reference a record makes, in the order
// decode_record() consumes them.
template <class R, class F>
void for_each_ref(const R& r, F&& f);

template <class T, class F>
void refs_of_value(const T& v, F& f) {
  if constexpr (IsRecord<T>::value) {
    for_each_ref(v, f);
  } else if constexpr (IsOptional<T>::value || IsVector<T>::value) {
    if constexpr (IsRecord<typename T::value_type>::value) {
      if constexpr (IsOptional<T>::value) {
        if (v) for_each_ref(*v, f);
      } else {
        for (const auto& item : v) for_each_ref(item, f);
      }
    }
  }
}

template <class R, class F>
void for_each_ref(const R& r, F&& f) {
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    const auto& v = r.*member;
    using M = std::remove_cv_t<std::remove_reference_t<decltype(v)>>;
    if (key.ref == RefTo::none) {
      refs_of_value(v, f);
    } else if constexpr (IsVector<M>::value) {
      for (const std::string& id : v) f(key.ref_group, std::string_view(id));
    } else if constexpr (std::is_same_v<M, std::string>) {
      if (!v.empty()) f(key.ref_group, std::string_view(v));  // empty: an optional id left out
    }
  });
}

// ---- decoding ----

// The reference group of the one-id reference field of R, or -1 when R has none.
// A list of such records has exactly as many items as that group has ids.
template <class R>
int single_ref_group() {
  int group = -1;
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    using M = std::remove_reference_t<decltype(std::declval<R&>().*member)>;
    if (key.ref != RefTo::none && std::is_same_v<M, std::string>) group = key.ref_group;
  });
  return group;
}

class RecordDecoder {
 public:
  RecordDecoder(Reader& r, const RefSource* refs) : r_(r), refs_(refs) {}

  template <class R>
  void record(R& out) {
    fields(Tag<R>{}, [&](const Key& key, auto member) {
      auto& v = out.*member;
      if (key.is_record_id) return;
      if constexpr (kCanRefer<std::remove_reference_t<decltype(v)>>) {
        if (key.ref != RefTo::none) return ref(key, v);
      }
      value(v);
    });
  }

 private:
  template <class T>
  void value(T& v) {
    if constexpr (IsRecord<T>::value) {
      record(v);
    } else if constexpr (IsOptional<T>::value) {
      using Inner = typename T::value_type;
      if constexpr (std::is_enum_v<Inner>) {
        const std::uint64_t n = r_.varint();
        if (n == 0) {
          v.reset();
        } else if (valid_enum<Inner>(n - 1)) {
          v = static_cast<Inner>(n - 1);
        } else {
          r_.fail();
        }
      } else if (r_.u8() != 0) {
        value(v.emplace());
      }
    } else if constexpr (IsVector<T>::value) {
      using Item = typename T::value_type;
      std::size_t n = r_.count();
      bool counted_by_refs = false;
      if constexpr (IsRecord<Item>::value) {
        // A list whose items each name a record has one item per reference.
        if (const int g = single_ref_group<Item>(); g >= 0) {
          const std::size_t from_refs = refs_ != nullptr ? refs_->size(g) : 0;
          if (from_refs != n) r_.fail();
          n = from_refs;
          counted_by_refs = true;
        }
      }
      v.clear();
      // Grown as read: a forged count costs no more than the items really there.
      for (; n > 0 && (r_.ok() || counted_by_refs); --n) value(v.emplace_back());
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = r_.str();
    } else if constexpr (std::is_same_v<T, bool>) {
      v = r_.u8() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      const std::uint64_t n = r_.varint();
      if (valid_enum<T>(n)) {
        v = static_cast<T>(n);
      } else {
        r_.fail();
      }
    } else {
      v = static_cast<T>(r_.svarint());
    }
  }

  // A one-id reference that is not required (a citation's same_sample_as) is absent
  // when its group is empty; such a field belongs to a top-level record, whose group
  // holds that one id or none.
  template <class T>
  void ref(const Key& key, T& v) {
    const int group = key.ref_group;
    const std::size_t size = refs_ != nullptr ? refs_->size(group) : 0;
    if constexpr (IsVector<T>::value) {
      v.clear();
      for (std::size_t k = 0; k < size; ++k) v.emplace_back(refs_->id(group, k));
    } else {
      std::size_t& k = next_[static_cast<std::size_t>(group)];
      if (k < size) {
        v = std::string(refs_->id(group, k++));
      } else if (key.is_required) {
        r_.fail();
      } else {
        v.clear();
      }
    }
  }

  Reader& r_;
  const RefSource* refs_;
  std::array<std::size_t, kMaxRefGroups> next_{};
};

// Decodes one record written by encode_record(); its references come from `refs`
// (nullptr: a record type with none).
template <class R>
void decode_record(Reader& r, R& out, const RefSource* refs = nullptr) {
  RecordDecoder(r, refs).record(out);
}

}  // namespace claimkb::detail
