// The one representation of a loaded KB: the tables of store/layout.hpp, checked
// once when opened, read by every query. Private to the library.
//
// A KB loaded from YAML and a KB opened from a snapshot file are both a Store; they
// differ only in who owns the bytes (strings built by the loader, or a memory map
// of the file). Records are decoded from their bytes the first time they are asked
// for and kept; every reference a decoded record makes was checked at open, so
// code that reads a record never needs to ask whether an id resolves.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/model.hpp"
#include "claimkb/result.hpp"
#include "claimkb/verdict.hpp"
#include "grade/evidence_graph.hpp"
#include "store/layout.hpp"
#include "text/concept_index.hpp"
#include "text/search_index.hpp"

namespace claimkb::detail {

// The bytes of every section and the record counts, with whatever keeps the
// bytes alive.
struct StoreBytes {
  std::array<std::string_view, kSections> sections;
  std::array<std::uint32_t, kTables> counts{};
  std::shared_ptr<const void> owner;
  // True when the bytes map a file that could be changed in place while open: then
  // what a look-up follows must be copied before it is checked (snapshot_read.cpp),
  // and the search index is copied when first used.
  bool mapped = false;

  std::string_view at(Section s) const { return sections[section_index(s)]; }
  std::string_view at(Table t, Part p) const { return sections[section_index(t, p)]; }
};

// A list of u32 indices inside a store's bytes.
class IndexList {
 public:
  IndexList() = default;
  IndexList(const char* p, std::uint32_t n) : p_(p), n_(n) {}
  std::uint32_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  std::uint32_t operator[](std::uint32_t k) const { return le32(p_ + 4 * std::uint64_t{k}); }

 private:
  const char* p_ = nullptr;
  std::uint32_t n_ = 0;
};

template <class T>
class LazyRecords;

class Store {
 public:
  // Checks every table, offset, reference and index of `bytes` and returns the
  // store, or nullptr with what is wrong in `why`. Checking is linear in the
  // tables' size and never decodes a record.
  static std::unique_ptr<const Store> open(StoreBytes bytes, std::string& why);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  std::uint32_t size(Table t) const { return bytes_.counts[static_cast<std::size_t>(t)]; }
  std::string_view id(Table t, std::uint32_t i) const;
  std::optional<std::uint32_t> find(Table t, std::string_view id) const;
  // The targets of reference group `group` of record i of table t.
  IndexList refs(Table t, std::uint32_t i, int group) const;
  // Asks the processor to start loading the reference offsets of record i of table
  // t, which refs() reads first; a hint for a loop that knows which records come
  // next, with no effect on any result.
  void prefetch_refs(Table t, std::uint32_t i) const;

  // i < size(the table); decoded on first use, then the same object every time.
  const Claim& claim(std::uint32_t i) const;
  const Grade& grade(std::uint32_t i) const;
  const Citation& citation(std::uint32_t i) const;
  const Concept& concept_at(std::uint32_t i) const;

  // Checked (and, from a mapped file, copied) on first use. An index that fails its
  // check, which only a forged snapshot can hold, finds nothing.
  const SearchIndex& search_index() const;
  // The same, for the concept index.
  const ConceptIndex& concept_index() const;
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  // Claims, citations and concepts as a Boost graph, built on first use.
  const EvidenceGraph& graph() const;

  const StoreBytes& bytes() const { return bytes_; }

 private:
  Store();

  StoreBytes bytes_;
  std::vector<Diagnostic> warnings_;
  mutable std::once_flag search_once_;
  mutable std::string search_copy_;
  mutable SearchIndex search_;
  mutable std::once_flag concepts_once_;
  mutable std::string concepts_copy_;
  mutable ConceptIndex concept_index_;
  std::unique_ptr<LazyRecords<Claim>> claims_;
  std::unique_ptr<LazyRecords<Grade>> grades_;
  std::unique_ptr<LazyRecords<Citation>> citations_;
  std::unique_ptr<LazyRecords<Concept>> concept_records_;
  mutable std::once_flag graph_once_;
  mutable EvidenceGraph graph_;
};

}  // namespace claimkb::detail
