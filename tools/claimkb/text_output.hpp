// Human-readable output of the `claimkb` tool.
#pragma once

#include <iosfwd>

#include "claimkb/verdict.hpp"

namespace claimkb::cli {

void print_report(const Report& r, std::ostream& out);

}  // namespace claimkb::cli
