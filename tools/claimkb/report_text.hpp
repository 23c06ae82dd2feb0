// A report as text for people (`claimkb verdict` without --json).
#pragma once

#include <iosfwd>

#include "claimkb/verdict.hpp"

namespace claimkb::cli {

void print_report(const Report& r, std::ostream& out);

}  // namespace claimkb::cli
