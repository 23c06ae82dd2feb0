// The subcommands of the `claimkb` tool (SPEC.md §5).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace claimkb::cli {

// Exit codes (SPEC §5).
enum Exit { kDone = 0, kInvalidKb = 1, kUsage = 2, kNoSuchClaim = 3 };

struct Options {
  std::string kb;  // a directory or a compiled snapshot; empty: KnowledgeBase::default_path()
  bool json = false;
};

struct GraphOptions {
  std::string id;             // empty: the whole KB
  std::string format = "dot";  // dot or svg
  std::string output;         // empty: standard output
};

int run_verdict(const Options& o, const std::string& query, std::ostream& out, std::ostream& err);
int run_list(const Options& o, std::ostream& out, std::ostream& err);
int run_lint(const Options& o, std::ostream& out, std::ostream& err);
int run_search(const Options& o, const std::string& text, std::size_t limit, std::ostream& out,
               std::ostream& err);
int run_check(const Options& o, const std::string& path, std::istream& in, std::ostream& out,
              std::ostream& err);
// Compiles the KB named by `o` into the snapshot file `output`.
int run_compile(const Options& o, const std::string& output, std::ostream& out, std::ostream& err);
int run_graph(const Options& o, const GraphOptions& g, std::ostream& out, std::ostream& err);

}  // namespace claimkb::cli
