// One subcommand of the `claimkb` tool: its name, its help, and how it adds its
// arguments. Each command lives in a file of its own (cmd_*.cpp); main.cpp is a
// table of them. To add one, see CONTRIBUTING.md.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

namespace claimkb::cli {

// Exit codes (docs/cli.md).
enum Exit { kDone = 0, kInvalidKb = 1, kUsage = 2, kNoSuchClaim = 3, kIo = 4 };

// Options every command takes.
struct Options {
  std::string kb;  // a directory or a compiled snapshot; empty: KnowledgeBase::default_path()
  bool json = false;
};

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Runs a command once its arguments are parsed; returns the exit code.
using Run = std::function<int(const Options&, Io&)>;

struct Command {
  const char* name;
  const char* help;
  // Adds the command's arguments to `app` and returns how to run it.
  Run (*setup)(CLI::App& app);
};

extern const Command kVerdictCommand, kListCommand, kSearchCommand, kCheckCommand, kShowCommand, kGraphCommand,
    kLintCommand, kCompileCommand, kImportCommand, kExportCommand, kRetractionsCommand, kServeCommand, kSiteCommand;

}  // namespace claimkb::cli
