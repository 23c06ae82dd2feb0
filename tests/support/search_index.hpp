// A search index built from claims in memory, for tests that test the index alone.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/search_index.hpp"

namespace claimkb::test {

// Owns the bytes the index reads.
class IndexOf {
 public:
  explicit IndexOf(const std::vector<Claim>& claims) {
    detail::SearchIndexBuilder builder;
    for (const Claim& c : claims) builder.add(c);
    bytes_ = builder.finish();
    auto opened = detail::SearchIndex::open(bytes_, claims.size());
    REQUIRE(opened.has_value());
    index_ = *opened;
  }
  const detail::SearchIndex* operator->() const { return &index_; }
  const detail::SearchIndex& operator*() const { return index_; }

 private:
  std::string bytes_;
  detail::SearchIndex index_;
};

}  // namespace claimkb::test
