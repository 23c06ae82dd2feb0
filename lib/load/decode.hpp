// Decoding one YAML file of a knowledge base into records (docs/format.md).
//
// Everything that can be checked inside one file is checked here: YAML syntax, the
// shape of each record, required and unknown keys, types, enum values, id syntax,
// the rules that tie one record's fields together. Which keys a record has, and
// their types and rules, come from the field tables (model/fields.hpp). Checks that
// need the whole KB (duplicate and dangling ids, cycles) are the loader's; they use
// the positions kept here.
//
// Records come out encoded for the store (store/codec.hpp): a file's records never
// exist as structs beyond the one being decoded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/result.hpp"
#include "store/binary.hpp"
#include "store/layout.hpp"

namespace claimkb::detail {

// A 1-based position in the file being decoded.
struct Pos {
  int line = 0;
  int column = 0;
};

// One id a record names, where it is written, and which of the record's reference
// groups (model/fields.hpp) it belongs to.
struct RefText {
  std::uint32_t record = 0;  // index among the file's records of its table
  std::uint8_t group = 0;
  std::string id;
  Pos pos;
};

// A concept's label or one of its synonyms, where it is written: the loader checks
// that no two concepts claim the same words unless both say why.
struct TermSite {
  std::uint32_t record = 0;  // index among the file's concepts
  std::string text;
  bool noted = false;  // a synonym with a note
  bool label = false;
  Pos pos;
};

// The valid records of one file, encoded.
struct FileRecords {
  std::string path;
  Table table = Table::claim;
  Writer data;                      // encode_record() of each record, one after another
  std::vector<std::uint64_t> ends;  // where each record ends in data
  std::vector<std::string> ids;
  std::vector<Pos> id_pos;
  std::vector<RefText> refs;            // in record order, then in the order decode_record() reads them
  std::vector<TermSite> terms;          // concepts' labels and synonyms
  std::vector<Diagnostic> diagnostics;  // errors, then warnings (e.g. a retracted citation)
  // Ids of records dropped for errors: references to them are not reported again.
  std::vector<std::string> broken_ids;
};

// Decodes the YAML text of one file of `table`. `path` is used only in diagnostics.
FileRecords decode_text(std::string_view text, const std::string& path, Table table);

// Reads and decodes one file.
FileRecords decode_file(const std::string& path, Table table);

}  // namespace claimkb::detail
