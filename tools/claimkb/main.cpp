// claimkb — ask an evidence-graded knowledge base about health claims.
#include <CLI/CLI.hpp>

#include <iostream>
#include <utility>
#include <vector>

#include "claimkb/version.hpp"
#include "command.hpp"

namespace {

using claimkb::cli::Command;

// Every command, in the order `claimkb --help` lists them.
const Command* const kCommands[] = {
    &claimkb::cli::kVerdictCommand, &claimkb::cli::kListCommand,        &claimkb::cli::kSearchCommand,
    &claimkb::cli::kCheckCommand,   &claimkb::cli::kShowCommand,        &claimkb::cli::kGraphCommand,
    &claimkb::cli::kLintCommand,    &claimkb::cli::kCompileCommand,     &claimkb::cli::kImportCommand,
    &claimkb::cli::kExportCommand,  &claimkb::cli::kRetractionsCommand, &claimkb::cli::kServeCommand,
    &claimkb::cli::kSiteCommand,
};

int run_cli(int argc, char** argv) {
  using namespace claimkb::cli;
  CLI::App app{
      "claimkb: evidence-graded answers about health claims.\n"
      "Exit codes: 0 done, 1 invalid knowledge base, 2 bad usage, 3 no such claim,\n"
      "4 a file could not be read or written."};
  app.set_version_flag("--version", CLAIMKB_VERSION_STRING);
  app.require_subcommand(1);
  app.fallthrough();  // --kb and --json may follow the subcommand

  Options o;
  app.add_option("--kb", o.kb,
                 "knowledge base: a directory, or a snapshot written by `claimkb compile`\n"
                 "(default: $CLAIMKB_KB, else the bundled KB)");
  app.add_flag("--json", o.json, "print JSON for other programs");

  std::vector<std::pair<CLI::App*, Run>> commands;
  for (const Command* c : kCommands) {
    CLI::App* sub = app.add_subcommand(c->name, c->help);
    commands.emplace_back(sub, c->setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "claimkb: " << e.what() << "\nRun `claimkb --help` for usage.\n";
    return kUsage;
  }

  Io io{std::cin, std::cout, std::cerr};
  for (const auto& [sub, run] : commands) {
    if (sub->parsed()) return run(o, io);
  }
  return kUsage;
}

}  // namespace

// The library never throws, but the command's own file and stream handling can (a
// bad TMPDIR, no memory), and so can setting up the arguments: say so and exit,
// rather than abort.
int main(int argc, char** argv) {
  try {
    return run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "claimkb: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "claimkb: an unexpected error\n";
  }
  return claimkb::cli::kUsage;
}
