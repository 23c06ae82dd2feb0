// Helpers shared by the subcommands of the `claimkb` tool.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "claimkb/knowledge_base.hpp"
#include "commands.hpp"

namespace claimkb::cli {

// Opens the KB named by the options (or the default one), or prints every error
// (SPEC §5: file:line:column: error: message) and returns nullopt.
std::optional<KnowledgeBase> open_kb(const Options& o, std::ostream& err);

// Writes `bytes` to `path` whole or not at all (through a temporary file renamed over it), or prints
// why not as file:line:column: error: ... and returns false.
bool write_output(const std::string& path, std::string_view bytes, std::ostream& err);

// A certainty as JSON: its name, or null for an insufficient verdict.
nlohmann::ordered_json certainty_json(const std::optional<Certainty>& c);

// JSON as the tool prints it: indented by 2, invalid UTF-8 replaced.
std::string dump(const nlohmann::ordered_json& j);

// For `verdict` when `query` resolved to no claim, or to no single one: says so on
// `err` with the closest claims, and with `json` also prints them on `out` as
// {"query", "match": "unclear" | "none", "candidates": [{id, score, statement}]}.
void print_no_clear_match(const KnowledgeBase& kb, const std::string& query, const Match& m,
                          bool json, std::ostream& out, std::ostream& err);

}  // namespace claimkb::cli
