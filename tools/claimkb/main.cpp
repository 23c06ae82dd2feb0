// claimkb — ask an evidence-graded knowledge base about health claims.
#include <CLI/CLI.hpp>

#include <iostream>

#include "claimkb/version.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace claimkb::cli;
  CLI::App app{
      "claimkb: evidence-graded answers about health claims.\n"
      "Exit codes: 0 done, 1 invalid knowledge base, 2 bad usage, 3 no such claim."};
  app.set_version_flag("--version", CLAIMKB_VERSION_STRING);
  app.require_subcommand(1);
  app.fallthrough();  // --kb and --json may follow the subcommand

  Options o;
  app.add_option("--kb", o.kb,
                 "knowledge base directory (default: $CLAIMKB_KB, else the bundled KB)");
  app.add_flag("--json", o.json, "print JSON for other programs");

  std::string query;
  auto* verdict = app.add_subcommand("verdict", "the graded verdict for one claim, with reasons and references");
  verdict->add_option("claim", query, "a claim id (see `claimkb list`)")->required();
  auto* list = app.add_subcommand("list", "every claim with its verdict and certainty");
  auto* lint = app.add_subcommand("lint", "check a knowledge base; every problem as file:line:column");

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

  if (verdict->parsed()) return run_verdict(o, query, std::cout, std::cerr);
  if (list->parsed()) return run_list(o, std::cout, std::cerr);
  if (lint->parsed()) return run_lint(o, std::cout, std::cerr);
  return kUsage;
}
