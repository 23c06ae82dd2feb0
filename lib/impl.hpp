// The state behind a KnowledgeBase handle. Private to the library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "graph.hpp"
#include "search_index.hpp"

namespace claimkb {

struct KnowledgeBase::Impl {
  std::string root;
  std::vector<Claim> claims;
  std::vector<Grade> grades;  // parallel to claims
  std::vector<Citation> citations;
  // Keys view the ids inside `claims` and `citations`, which never change after load.
  std::unordered_map<std::string_view, std::uint32_t> claim_index;
  std::unordered_map<std::string_view, std::uint32_t> citation_index;
  detail::EvidenceGraph graph;
  detail::SearchIndex search_index;  // built last, over `claims`
  std::vector<Diagnostic> warnings;
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
