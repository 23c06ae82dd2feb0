// Little-endian binary encoding for snapshots. Private to the library.
//
// Writer appends to a byte string; Reader reads from a span it does not own and
// checks every read against the span's end. A read past the end, a varint longer
// than 10 bytes or an enum value out of range makes the Reader fail: it returns
// zero or empty values from then on and ok() is false. So a damaged or hostile
// input can produce wrong values but never a read outside the span.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/utf8.hpp"

namespace claimkb::detail {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "claimkb reads its stored tables in place, which assumes a little-endian machine"
#endif

// The little-endian unsigned integer in the `n` bytes at `p` (reads exactly those).
inline std::uint64_t load_le(const char* p, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

// A T stored little-endian at `p`, aligned or not: one load on the machines
// claimkb builds on.
template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline std::uint32_t le32(const char* p) { return load<std::uint32_t>(p); }
inline std::uint64_t le64(const char* p) { return load<std::uint64_t>(p); }

// An array of T stored in place, read by index.
template <class T>
class Packed {
 public:
  Packed() = default;
  explicit Packed(const char* p) : p_(p) {}
  T operator[](std::size_t i) const { return load<T>(p_ + i * sizeof(T)); }
  // Asks the processor to start loading element i (a hint, no effect on results).
  void prefetch(std::size_t i) const { __builtin_prefetch(p_ + i * sizeof(T)); }

 private:
  const char* p_ = nullptr;
};

// An offset table read from a file: parts + 1 entries from 0, never decreasing, to
// `end`, the size of what they index. Anything else means the bytes were altered.
inline bool valid_offsets(const Packed<std::uint32_t>& o, std::uint64_t parts, std::uint64_t end) {
  if (o[0] != 0 || o[parts] != end) return false;
  for (std::uint64_t i = 1; i <= parts; ++i) {
    if (o[i] < o[i - 1]) return false;
  }
  return true;
}

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { fixed(v, 4); }
  void u64(std::uint64_t v) { fixed(v, 8); }
  void f32(float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    u32(bits);
  }
  void f64(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  // LEB128: seven bits a byte, low bits first.
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      u8(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    u8(static_cast<std::uint8_t>(v));
  }
  void svarint(std::int64_t v) {  // zig-zag, so small negatives stay short
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void str(std::string_view s) {
    varint(s.size());
    out_.append(s.data(), s.size());
  }
  void strs(const std::vector<std::string>& v) {
    varint(v.size());
    for (const std::string& s : v) str(s);
  }
  template <class E>
  void enumeration(E e) {
    varint(static_cast<std::uint64_t>(e));
  }
  // An optional enum: 0 when absent, else the value + 1.
  template <class E>
  void opt_enum(const std::optional<E>& e) {
    varint(e ? static_cast<std::uint64_t>(*e) + 1 : 0);
  }

  std::size_t size() const { return out_.size(); }
  std::string& bytes() { return out_; }
  const std::string& bytes() const { return out_; }

 private:
  void fixed(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  std::string out_;
};

class Reader {
 public:
  Reader(const char* data, std::size_t size) : p_(data), end_(data + size) {}
  explicit Reader(std::string_view s) : Reader(s.data(), s.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  void fail() {
    ok_ = false;
    p_ = end_;
  }

  std::uint8_t u8() {
    if (p_ == end_) {
      fail();
      return 0;
    }
    return static_cast<std::uint8_t>(*p_++);
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(fixed(4)); }
  std::uint64_t u64() { return fixed(8); }
  float f32() {
    const std::uint32_t bits = u32();
    float v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  double f64() {
    const std::uint64_t bits = u64();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = u8();
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    fail();
    return 0;
  }
  std::int64_t svarint() {
    const std::uint64_t v = varint();
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
  }
  // A count of items that each take at least one byte: more than remain is an error
  // (and so a hostile count cannot make the caller reserve gigabytes).
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > remaining()) {
      fail();
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::string_view str_view() {
    const std::size_t n = count();
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  // Strings stored by claimkb are valid UTF-8; one that is not (an altered file)
  // is repaired rather than passed on.
  std::string str() { return to_valid_utf8(str_view()); }
  std::vector<std::string> strs() {  // grown as read: see count()
    std::vector<std::string> v;
    for (std::size_t n = count(); n > 0 && ok_; --n) v.push_back(str());
    return v;
  }
  // An enum whose values are first..last.
  template <class E>
  E enumeration(E first, E last) {
    const std::uint64_t v = varint();
    if (v < static_cast<std::uint64_t>(first) || v > static_cast<std::uint64_t>(last)) {
      fail();
      return first;
    }
    return static_cast<E>(v);
  }
  template <class E>
  std::optional<E> opt_enum(E first, E last) {
    const std::uint64_t v = varint();
    if (v == 0) return std::nullopt;
    if (v - 1 < static_cast<std::uint64_t>(first) || v - 1 > static_cast<std::uint64_t>(last)) {
      fail();
      return std::nullopt;
    }
    return static_cast<E>(v - 1);
  }

 private:
  std::uint64_t fixed(int n) {
    if (remaining() < static_cast<std::size_t>(n)) {
      fail();
      return 0;
    }
    const std::uint64_t v = load_le(p_, n);
    p_ += n;
    return v;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

}  // namespace claimkb::detail
