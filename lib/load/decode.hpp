// Decoding one YAML file of a knowledge base into records (SPEC.md §1).
//
// Everything that can be checked inside one file is checked here: YAML syntax, the
// shape of each record, required and unknown keys, types, enum values, id syntax.
// Checks that need the whole KB (duplicate ids, dangling ids, cycles) are in
// knowledge_base.cpp and graph.cpp; they use the positions kept in the *Site structs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claimkb/model.hpp"
#include "claimkb/result.hpp"

namespace claimkb::detail {

// A 1-based position in the file being decoded.
struct Pos {
  int line = 0;
  int column = 0;
};

// Where the parts of a claim that name other records are, for cross-file errors.
struct ClaimSite {
  Pos id;
  std::vector<Pos> evidence;     // each link's `citation` value
  std::vector<Pos> asserted_by;  // each assertion's `citation` value
  std::vector<Pos> depends_on;   // each premise id
};

enum class RecordKind { claim, citation };

struct FileRecords {
  std::string path;
  std::vector<Claim> claims;
  std::vector<ClaimSite> claim_sites;  // parallel to claims
  std::vector<Citation> citations;
  std::vector<Pos> citation_sites;  // position of each citation's id
  std::vector<Diagnostic> diagnostics;
  // Ids of records dropped for errors: references to them are not reported again.
  std::vector<std::string> broken_ids;
};

// Decodes the YAML text of one file. `path` is used only in diagnostics.
FileRecords decode_text(std::string_view text, const std::string& path, RecordKind kind);

// Reads and decodes one file.
FileRecords decode_file(const std::string& path, RecordKind kind);

}  // namespace claimkb::detail
