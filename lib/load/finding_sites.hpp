// Where each evidence link's finding is written in a KB's claim files, for
// messages about findings after the KB is loaded (`claimkb lint --quotes`): a
// loaded KB keeps records, not positions. Private to the library.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "load/decode.hpp"

namespace claimkb::detail {

struct FindingSite {
  std::string file;
  Pos pos;  // the finding's value; the evidence item's when it has no finding
};

// The claims of every *.yaml / *.yml file below root/claims, by id, each with one
// site a link of its `evidence`, in order. Files that cannot be read or parsed are
// left out (loading the KB reports them).
std::unordered_map<std::string, std::vector<FindingSite>> finding_sites(const std::string& root);

}  // namespace claimkb::detail
