// Loading a KB from its YAML files into a Store (store/store.hpp). Private to the
// library.
#pragma once

#include <memory>
#include <string>

#include "claimkb/result.hpp"
#include "store/store.hpp"

namespace claimkb::detail {

// Builds a fully checked and graded KB from the directory `root`, or every error.
// `threads`: files decoded at once, 0 for one per core.
Result<std::unique_ptr<const Store>> load(const std::string& root, unsigned threads = 0);

}  // namespace claimkb::detail
