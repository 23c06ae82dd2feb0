// libFuzzer target: one file given to `claimkb import` and to `claimkb retractions`
// (every citation format and every notice format, found from the content). Any input
// must give records or diagnostics at a place in the file — never a crash, a leak or
// a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "claimkb/cite.hpp"
#include "claimkb/retractions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::vector<claimkb::CitationSource> sources{{"fuzz.txt", bytes}};
  auto plan = claimkb::plan_import(sources, {}, {});
  if (!plan) {
    for (const auto& d : plan.errors()) {
      if (d.line < 0 || d.column < 0 || d.message.empty()) __builtin_trap();
    }
  } else {
    // What an import would append must be writable as YAML without trouble.
    std::vector<claimkb::Citation> added;
    for (const auto& c : plan->added) added.push_back(c.citation);
    (void)claimkb::citations_yaml(added);
  }
  auto notices = claimkb::read_notices(sources);
  if (!notices) {
    for (const auto& d : notices.errors()) {
      if (d.line < 0 || d.column < 0 || d.message.empty()) __builtin_trap();
    }
  }
  return 0;
}
