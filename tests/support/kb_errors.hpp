// The errors of a KB that must fail to load, for tests of loading.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "support/temp_kb.hpp"

namespace claimkb::test {

// Every error as "file:line:column: error: ..." with the KB's directory cut off
// the front.
inline std::vector<std::string> errors_of(const TempKb& kb) {
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE_FALSE(r.ok());
  std::vector<std::string> out;
  for (const auto& e : r.errors()) {
    std::string s = e.to_string();
    if (s.rfind(kb.path() + "/", 0) == 0) s = s.substr(kb.path().size() + 1);
    out.push_back(s);
  }
  return out;
}

inline std::string one_error(const TempKb& kb) {
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 1);
  return errors[0];
}

}  // namespace claimkb::test
