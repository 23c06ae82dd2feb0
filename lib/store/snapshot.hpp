// Compiled snapshots: a validated, graded KB in one binary file. Private to the
// library; docs/snapshot.md describes the format.
//
// Writing serialises everything a KnowledgeBase answers from. Opening maps the file
// into memory, checks its header, size and checksum, copies the small tables that
// look-ups follow and the search index, and then reads a claim, grade or citation
// from the mapping only when it is first asked for. So opening costs a checksum and
// a copy of a fraction of the file, never the decoding of every record.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "claimkb/knowledge_base.hpp"
#include "grade/evidence_graph.hpp"

namespace claimkb::detail {

// Format version of the files this library writes and reads. Change it whenever
// the layout below or in record_codec.cpp changes.
inline constexpr std::uint32_t kSnapshotFormat = 1;
inline constexpr std::size_t kSnapshotHeaderSize = 64;
inline constexpr char kSnapshotMagic[8] = {'C', 'L', 'A', 'I', 'M', 'K', 'B', 'S'};

// The payload's sections, in file order.
enum class Section : std::uint32_t {
  meta,              // warnings
  claim_offsets,     // u64 x (claims + 1), into claim_data
  claim_data,        // encoded Claims (record_codec.hpp)
  grade_offsets,     // u64 x (claims + 1)
  grade_data,        // encoded Grades
  citation_offsets,  // u64 x (citations + 1)
  citation_data,     // encoded Citations
  claim_id_offsets,  // u64 x (claims + 1), into claim_ids
  claim_ids,         // each claim's id, by index (records do not repeat it)
  citation_id_offsets,
  citation_ids,
  claim_order,       // u32 x claims: claim indices sorted by id, strictly increasing
  citation_order,    // u32 x citations: citation indices sorted by id, strictly increasing
  graph,             // the claim-citation graph's edges
  search_index,      // SearchIndex::save()
  count
};

// The whole file for `kb`.
std::string snapshot_bytes(const KnowledgeBase::Impl& kb);

// Opens the snapshot file `path`, or says why it cannot be read.
Result<std::shared_ptr<const KnowledgeBase::Impl>> open_snapshot(const std::string& path);

// Strings by index: `offsets` (count + 1 little-endian u64, checked at open) into
// `data`. A snapshot keeps claim and citation ids in such a table, apart from the
// records, so that finding an id never decodes a record.
class StringTable {
 public:
  StringTable() = default;
  StringTable(std::string_view data, const char* offsets, std::uint32_t count)
      : data_(data), offsets_(offsets), count_(count) {}
  std::uint32_t size() const { return count_; }
  std::string_view at(std::uint32_t i) const;

 private:
  std::string_view data_;
  const char* offsets_ = nullptr;
  std::uint32_t count_ = 0;
};

// Records of one table (claims, grades or citations), decoded when first asked for.
// Any number of threads may call get() at once: the first to finish decoding a
// record publishes it; another that raced it discards its own copy.
template <class T>
class LazyTable {
 public:
  LazyTable() = default;
  LazyTable(const LazyTable&) = delete;
  LazyTable& operator=(const LazyTable&) = delete;
  ~LazyTable();

  // Sets the table's records (before the table is shared); `ids` gives each decoded
  // record its id (empty for grades, which have none).
  void init(StringTable records, StringTable ids);

  std::uint32_t size() const { return records_.size(); }
  std::string_view id(std::uint32_t i) const { return ids_.at(i); }
  const T& get(std::uint32_t i) const;

 private:
  StringTable records_, ids_;
  std::unique_ptr<std::atomic<T*>[]> cache_;
};

// A snapshot opened in memory: what KnowledgeBase::Impl reads from instead of its
// vectors when the KB came from a file.
class SnapshotStore {
 public:
  ~SnapshotStore();
  SnapshotStore(const SnapshotStore&) = delete;
  SnapshotStore& operator=(const SnapshotStore&) = delete;

  std::uint32_t claim_count() const { return claims_.size(); }
  std::uint32_t citation_count() const { return citations_.size(); }
  const Claim& claim(std::uint32_t i) const { return claims_.get(i); }
  const Grade& grade(std::uint32_t i) const { return grades_.get(i); }
  const Citation& citation(std::uint32_t i) const { return citations_.get(i); }
  std::optional<std::uint32_t> find_claim(std::string_view id) const;
  std::optional<std::uint32_t> find_citation(std::string_view id) const;
  // Built from the stored edges on first use.
  const EvidenceGraph& graph() const;

 private:
  friend Result<std::shared_ptr<const KnowledgeBase::Impl>> open_snapshot(const std::string& path);
  SnapshotStore() = default;

  template <class T>
  static std::optional<std::uint32_t> find(const LazyTable<T>& table, const char* order, std::string_view id);
  template <class T>
  static bool strictly_sorted(const LazyTable<T>& table, const char* order);

  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string tables_;  // copies of the offset, id and order sections (snapshot_open.cpp)
  LazyTable<Claim> claims_;
  LazyTable<Grade> grades_;
  LazyTable<Citation> citations_;
  const char* claim_order_ = nullptr;     // claim_count() little-endian u32
  const char* citation_order_ = nullptr;  // citation_count() little-endian u32
  std::string_view graph_edges_;
  mutable std::once_flag graph_once_;
  mutable EvidenceGraph graph_;
};

}  // namespace claimkb::detail
