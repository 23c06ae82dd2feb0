// `claimkb compile -o FILE`: the KB as a snapshot file (docs/snapshot.md).
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

int run(const Options& o, const std::string& output, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  for (const auto& w : kb->warnings()) io.err << w.to_string() << "\n";
  auto written = kb->write_snapshot(output);
  if (!written) {
    for (const auto& e : written.errors()) io.err << e.to_string() << "\n";
    return exit_for(written.errors());
  }
  io.out << to_valid_utf8(output) << ": " << kb->claim_count() << " claims, " << kb->citation_count() << " citations, "
         << kb->concept_count() << " concepts, " << *written << " bytes\n";
  return kDone;
}

Run setup(CLI::App& app) {
  auto output = std::make_shared<std::string>();
  app.add_option("-o,--output", *output, "the snapshot file to write (replaced whole)")->required();
  return [output](const Options& o, Io& io) { return run(o, *output, io); };
}

}  // namespace

const Command kCompileCommand{
    "compile", "check and grade the knowledge base, then write it as a snapshot FILE that opens in milliseconds",
    setup};

}  // namespace claimkb::cli
