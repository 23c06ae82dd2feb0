// claimkb — ask an evidence-graded knowledge base about health claims.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

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
                 "knowledge base: a directory, or a snapshot written by `claimkb compile`\n"
                 "(default: $CLAIMKB_KB, else the bundled KB)");
  app.add_flag("--json", o.json, "print JSON for other programs");

  std::string query;
  auto* verdict = app.add_subcommand("verdict", "the graded verdict for one claim, with reasons and references");
  verdict->add_option("claim", query, "a claim id (see `claimkb list`), or a question in plain words")
      ->required();

  std::vector<std::string> words;
  std::size_t limit = 10;
  auto* search = app.add_subcommand("search", "claims ranked by how well TEXT matches them, with scores");
  search->add_option("text", words, "words to look for")->required();
  search->add_option("--limit", limit, "at most this many claims (default 10)")->check(CLI::PositiveNumber);

  std::string check_path;
  auto* check = app.add_subcommand("check", "the knowledge base's claims stated in a text, with their verdicts");
  check->add_option("file", check_path, "the text (UTF-8), or - for standard input")->required();

  GraphOptions graph_options;
  auto* graph = app.add_subcommand(
      "graph", "the evidence graph around a claim, or of the whole KB, as Graphviz DOT (--json: nodes and edges)");
  graph->add_option("claim", graph_options.id, "a claim id (default: every claim)");
  graph->add_option("--format", graph_options.format, "dot (default) or svg (runs Graphviz's dot)")
      ->check(CLI::IsMember({"dot", "svg"}));
  graph->add_option("-o,--output", graph_options.output, "write to FILE instead of standard output");
  auto* list = app.add_subcommand("list", "every claim with its verdict and certainty");
  auto* lint = app.add_subcommand("lint", "check a knowledge base; every problem as file:line:column");
  std::string compile_output;
  auto* compile = app.add_subcommand(
      "compile", "check and grade the knowledge base, then write it as a snapshot FILE that opens in milliseconds");
  compile->add_option("-o,--output", compile_output, "the snapshot file to write (replaced whole)")->required();

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

  // The library never throws, but the command's own file and stream handling can
  // (a bad TMPDIR, no memory): say so and exit, rather than abort.
  try {
    if (verdict->parsed()) return run_verdict(o, query, std::cout, std::cerr);
    if (list->parsed()) return run_list(o, std::cout, std::cerr);
    if (lint->parsed()) return run_lint(o, std::cout, std::cerr);
    if (search->parsed()) {
      std::string text;
      for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
      return run_search(o, text, limit, std::cout, std::cerr);
    }
    if (check->parsed()) return run_check(o, check_path, std::cin, std::cout, std::cerr);
    if (compile->parsed()) return run_compile(o, compile_output, std::cout, std::cerr);
    if (graph->parsed()) return run_graph(o, graph_options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "claimkb: " << e.what() << "\n";
  }
  return kUsage;
}
