// The tables a loaded KB is kept in, in memory and in a snapshot file alike.
// Private to the library; docs/snapshot.md describes the file.
//
// A KB is a few record tables (claims, citations, concepts), each stored as:
//   data         the records, encoded by store/codec.hpp, one after another
//   offsets      u64 x (count + 1): where each record starts in data, then the end
//   ids          each record's id, one after another (records do not repeat it)
//   id_offsets   u64 x (count + 1), into ids
//   order        u32 x count: record indices sorted by id, ids strictly increasing
//   ref_offsets  u32 x (count x groups + 1): where reference group g of record i
//                starts in refs (entry i x groups + g), then the end
//   refs         u32 targets: indices into the table each group refers to
// plus each claim's grade (grade_data, grade_offsets), the KB's warnings (meta),
// the search index and the concept index. All numbers are little-endian.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "model/fields.hpp"

namespace claimkb::detail {

enum class Table : std::uint8_t { claim, citation, concept };
inline constexpr std::size_t kTables = 3;

enum class Section : std::uint32_t {
  meta,
  grade_data,
  grade_offsets,
  search_index,
  concept_index,
  // Each table's seven sections, in Table order, from kFirstTableSection.
  count = 5 + 7 * kTables
};
inline constexpr std::size_t kSections = static_cast<std::size_t>(Section::count);
inline constexpr std::size_t kFirstTableSection = 5;

enum class Part : std::uint32_t { data, offsets, ids, id_offsets, order, ref_offsets, refs };

constexpr std::size_t section_index(Table t, Part p) {
  return kFirstTableSection + 7 * static_cast<std::size_t>(t) + static_cast<std::size_t>(p);
}
constexpr std::size_t section_index(Section s) { return static_cast<std::size_t>(s); }

// Reference groups of each table (model/fields.hpp numbers them) and the table
// each group's targets are in.
constexpr int ref_groups(Table t) {
  return t == Table::claim ? kClaimRefGroups : t == Table::concept ? kConceptRefGroups : kCitationRefGroups;
}
constexpr Table target_table(RefTo to) {
  return to == RefTo::claim ? Table::claim : to == RefTo::citation ? Table::citation : Table::concept;
}

// The table that reference group `group` of table `t` points into, from the
// field tables (store/store.cpp).
Table ref_target(Table t, int group);

constexpr const char* table_name(Table t) {
  return t == Table::claim ? "claim" : t == Table::citation ? "citation" : "concept";
}

}  // namespace claimkb::detail
