// The subcommands of the `claimkb` tool (SPEC.md §5).
#pragma once

#include <iosfwd>
#include <string>

namespace claimkb::cli {

// Exit codes (SPEC §5).
enum Exit { kDone = 0, kInvalidKb = 1, kUsage = 2, kNoSuchClaim = 3 };

struct Options {
  std::string kb;  // empty: KnowledgeBase::default_path()
  bool json = false;
};

int run_verdict(const Options& o, const std::string& query, std::ostream& out, std::ostream& err);
int run_list(const Options& o, std::ostream& out, std::ostream& err);
int run_lint(const Options& o, std::ostream& out, std::ostream& err);

}  // namespace claimkb::cli
