// The state behind a KnowledgeBase handle. Private to the library.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "grade/evidence_graph.hpp"
#include "text/search_index.hpp"

namespace claimkb {

namespace detail {
class SnapshotStore;
}

// A KB loaded from YAML keeps its records in the vectors below; one opened from a
// compiled snapshot keeps them in `snapshot` instead. The library reads them through
// the accessors, which work for both.
struct KnowledgeBase::Impl {
  Impl();
  ~Impl();

  std::size_t claim_count() const;
  std::size_t citation_count() const;
  const Claim& claim(std::uint32_t i) const;
  const Grade& grade(std::uint32_t i) const;
  const Citation& citation(std::uint32_t i) const;
  std::optional<std::uint32_t> find_claim(std::string_view id) const;
  std::optional<std::uint32_t> find_citation(std::string_view id) const;
  const detail::EvidenceGraph& graph() const;

  std::string root;  // the directory or snapshot file it came from
  detail::SearchIndex search_index;  // built last, over the claims
  std::vector<Diagnostic> warnings;

  // Loaded from YAML:
  std::vector<Claim> claims;
  std::vector<Grade> grades;  // parallel to claims
  std::vector<Citation> citations;
  // Keys view the ids inside `claims` and `citations`, which never change after load.
  std::unordered_map<std::string_view, std::uint32_t> claim_index;
  std::unordered_map<std::string_view, std::uint32_t> citation_index;
  detail::EvidenceGraph evidence_graph;

  // Opened from a snapshot:
  std::unique_ptr<const detail::SnapshotStore> snapshot;
};

namespace detail {

// The library's own code (search, check, graph output) reaches the loaded state
// through this; it is not part of the API.
struct ImplAccess {
  static const KnowledgeBase::Impl& of(const KnowledgeBase& kb) { return *kb.impl_; }
};

// Builds a fully checked and graded KB from the directory `root`, or every error.
// `threads`: files decoded at once, 0 for one per core.
Result<std::shared_ptr<const KnowledgeBase::Impl>> load(const std::string& root, unsigned threads = 0);

}  // namespace detail
}  // namespace claimkb
