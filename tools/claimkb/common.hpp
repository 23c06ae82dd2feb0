// Helpers shared by the subcommands of the `claimkb` tool.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/cite.hpp"
#include "claimkb/knowledge_base.hpp"
#include "command.hpp"

namespace claimkb::cli {

// Opens the KB named by the options (or the default one). On failure prints every
// error (file:line:column: error: message), sets `exit` (kIo when a file could not
// be read, else kInvalidKb) and returns nullopt.
std::optional<KnowledgeBase> open_kb(const Options& o, std::ostream& err, int& exit);

// The KB's directory as the options name it (or the default KB). A command that
// writes into it (`writing`) cannot write into a compiled snapshot: then it prints
// "PATH:1:1: error: a compiled snapshot cannot <what>" and returns nullopt.
std::optional<std::string> kb_directory(const Options& o, bool writing, std::string_view what, std::ostream& err);

// The exit code for diagnostics that stopped a command: kIo when any is an I/O
// failure, else kInvalidKb.
int exit_for(const std::vector<Diagnostic>& errors);

// Writes `bytes` to `path` whole or not at all (through a temporary file renamed
// over it), or prints why not as file:line:column: error: ... and returns false.
bool write_output(const std::string& path, std::string_view bytes, std::ostream& err);

// A certainty as JSON: its name, or null for an insufficient verdict.
nlohmann::ordered_json certainty_json(const std::optional<Certainty>& c);

// JSON as the tool prints it: indented by 2, invalid UTF-8 replaced.
std::string dump(const nlohmann::ordered_json& j);

// The whole file at `path` in `bytes`; false when it cannot be read.
bool read_whole(const std::string& path, std::string& bytes);

// The files to import or read notices from, whole; nullopt (with "FILE:1:1: error:
// cannot read the file" on `err`) when one cannot be read.
std::optional<std::vector<CitationSource>> read_sources(const std::vector<std::string>& files, std::ostream& err);

}  // namespace claimkb::cli
