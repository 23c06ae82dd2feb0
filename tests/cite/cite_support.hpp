// Helpers of the tests of lib/cite: a fixture's bytes, and the records of one file.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claimkb/cite.hpp"

namespace cite_test {

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CLAIMKB_TEST_DATA) + "/cite/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The citations plan_import makes of `bytes` into an empty KB (fails the test when
// the import fails).
inline std::vector<claimkb::ImportedCitation> import_text(const std::string& name, const std::string& bytes) {
  auto plan = claimkb::plan_import({claimkb::CitationSource{name, bytes}}, {}, {});
  if (!plan) return {};
  return plan->added;
}

}  // namespace cite_test
