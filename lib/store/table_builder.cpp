#include "store/table_builder.hpp"

#include <algorithm>
#include <numeric>

namespace claimkb::detail {

void TableBuilder::append(std::string_view data, const std::vector<std::uint64_t>& ends,
                          std::vector<std::string>& ids) {
  const std::uint64_t base = data_.size();
  std::uint64_t begin = 0;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    offsets_.push_back(base + begin);
    begin = ends[i];
    id_offsets_.push_back(ids_.size());
    ids_ += ids[i];
  }
  data_.bytes().append(data);
}

std::string_view TableBuilder::id(std::uint32_t i) const {
  const std::uint64_t end = i + 1 < id_offsets_.size() ? id_offsets_[i + 1] : ids_.size();
  return std::string_view(ids_).substr(id_offsets_[i], end - id_offsets_[i]);
}

std::string_view TableBuilder::record(std::uint32_t i) const {
  const std::uint64_t end = i + 1 < offsets_.size() ? offsets_[i + 1] : data_.size();
  return std::string_view(data_.bytes()).substr(offsets_[i], end - offsets_[i]);
}

void TableBuilder::sort_ids() {
  order_.resize(size());
  std::iota(order_.begin(), order_.end(), 0U);
  // Stable: of two records with one id, the first comes first (the loader reports
  // the second as the duplicate).
  std::stable_sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) { return id(a) < id(b); });
}

std::optional<std::uint32_t> TableBuilder::find(std::string_view wanted) const {
  auto it = std::lower_bound(order_.begin(), order_.end(), wanted,
                             [&](std::uint32_t i, std::string_view w) { return id(i) < w; });
  if (it == order_.end() || id(*it) != wanted) return std::nullopt;
  return *it;
}

void TableBuilder::set_refs(std::vector<std::uint32_t> offsets, std::vector<std::uint32_t> targets) {
  ref_offsets_ = std::move(offsets);
  ref_targets_ = std::move(targets);
}

std::vector<std::uint32_t> TableBuilder::refs(std::uint32_t i, int group, int groups) const {
  const std::size_t entry = std::size_t{i} * static_cast<std::size_t>(groups) + static_cast<std::size_t>(group);
  return {ref_targets_.begin() + ref_offsets_[entry], ref_targets_.begin() + ref_offsets_[entry + 1]};
}

std::vector<std::string> TableBuilder::finish() {
  auto u64s = [](const std::vector<std::uint64_t>& v, std::uint64_t end) {
    Writer w;
    w.bytes().reserve(8 * (v.size() + 1));
    for (std::uint64_t x : v) w.u64(x);
    w.u64(end);
    return std::move(w.bytes());
  };
  auto u32s = [](const std::vector<std::uint32_t>& v) {
    Writer w;
    w.bytes().reserve(4 * v.size());
    for (std::uint32_t x : v) w.u32(x);
    return std::move(w.bytes());
  };
  std::vector<std::string> out(7);
  out[1] = u64s(offsets_, data_.size());
  out[3] = u64s(id_offsets_, ids_.size());
  out[4] = u32s(order_);
  out[5] = u32s(ref_offsets_.empty() ? std::vector<std::uint32_t>{0} : ref_offsets_);
  out[6] = u32s(ref_targets_);
  out[0] = std::move(data_.bytes());
  out[2] = std::move(ids_);
  *this = TableBuilder();
  return out;
}

}  // namespace claimkb::detail
