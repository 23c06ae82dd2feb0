// A fingerprint of the field tables, for snapshots. Private to the library.
//
// A snapshot's records are encoded in field-table order (store/codec.hpp), so a
// snapshot written before a field was added, removed or retyped would be misread.
// Its header keeps the fingerprint of the tables that wrote it; opening refuses
// one that differs. So changing a field is one line in model/fields.hpp, never also
// a format number to remember.
#pragma once

#include <cstdint>

namespace claimkb::detail {

// Depends on every stored record's keys, their order, their types and rules, and
// every enum's names.
std::uint32_t schema_fingerprint();

}  // namespace claimkb::detail
