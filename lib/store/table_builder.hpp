// Assembling one record table of store/layout.hpp in memory. Private to the
// library: the loader appends records as files are decoded, then sets each
// record's references once every id is known.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/binary.hpp"

namespace claimkb::detail {

class TableBuilder {
 public:
  // Room for about `bytes` of encoded records, so that the data is not copied as
  // it grows (it is most of a KB's memory).
  void reserve(std::size_t bytes) { data_.bytes().reserve(bytes); }

  // Appends the records of `data` (one after another, each ending at ends[i]) and
  // their ids.
  void append(std::string_view data, const std::vector<std::uint64_t>& ends, std::vector<std::string>& ids);

  std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size()); }
  std::string_view id(std::uint32_t i) const;
  std::string_view record(std::uint32_t i) const;

  // Sorts the ids (once every record is in); then find() works.
  void sort_ids();
  const std::vector<std::uint32_t>& order() const { return order_; }
  std::optional<std::uint32_t> find(std::string_view wanted) const;

  // Sets the references: `offsets` (size() x groups + 1) into `targets`.
  void set_refs(std::vector<std::uint32_t> offsets, std::vector<std::uint32_t> targets);
  std::vector<std::uint32_t> refs(std::uint32_t i, int group, int groups) const;
  // Where group `group` of record i starts among all the table's references.
  std::uint32_t ref_offset(std::uint32_t i, int group, int groups) const {
    return ref_offsets_[std::size_t{i} * static_cast<std::size_t>(groups) + static_cast<std::size_t>(group)];
  }

  // The table's seven sections (Part order), moved out of the builder.
  std::vector<std::string> finish();

 private:
  Writer data_;
  std::vector<std::uint64_t> offsets_;  // where each record starts
  std::string ids_;
  std::vector<std::uint64_t> id_offsets_;  // where each id starts
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> ref_offsets_, ref_targets_;
};

}  // namespace claimkb::detail
