// `claimkb compile`: the KB as a snapshot file (docs/snapshot.md).
#include <ostream>

#include "common.hpp"

namespace claimkb::cli {

int run_compile(const Options& o, const std::string& output, std::ostream& out, std::ostream& err) {
  auto kb = open_kb(o, err);
  if (!kb) return kInvalidKb;
  for (const auto& w : kb->warnings()) err << w.to_string() << "\n";
  auto written = kb->write_snapshot(output);
  if (!written) {
    for (const auto& e : written.errors()) err << e.to_string() << "\n";
    return kUsage;
  }
  out << output << ": " << kb->claim_count() << " claims, " << kb->citation_count() << " citations, "
      << *written << " bytes\n";
  return kDone;
}

}  // namespace claimkb::cli
