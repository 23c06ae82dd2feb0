// claimkb/knowledge_base.hpp — open a knowledge base and ask it about claims.
//
// Thread safety: a loaded KnowledgeBase is immutable. Any number of threads may
// query the same object (or copies of it) at once without locking. Copies are cheap
// and share one loaded KB, which lives until the last copy is destroyed; every
// pointer or reference a query returns stays valid that long.
//
// Errors: open() never throws. It returns every problem found in the KB, or a KB
// that passed every check and is fully graded — never a partly loaded one.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/export.h"
#include "claimkb/model.hpp"
#include "claimkb/result.hpp"
#include "claimkb/search.hpp"
#include "claimkb/verdict.hpp"

namespace claimkb {

struct ClaimMention;  // claimkb/check.hpp
struct QuoteCheck;    // claimkb/quotes.hpp

class CLAIMKB_EXPORT KnowledgeBase {
 public:
  struct OpenOptions {
    // Threads that decode files at once; 0 means one per core. Files are decoded
    // independently, so the result never depends on this.
    unsigned threads = 0;
  };

  // Loads, validates and grades the KB in directory `path` (with claims/ and
  // citations/ below it). On failure the result holds every error, sorted by file,
  // line and column.
  //
  // When `path` is a file, it must be a snapshot written by write_snapshot() (or
  // `claimkb compile`) with this version of claimkb: it is memory-mapped, its size
  // and checksum checked, and records are read from it when first asked for. A
  // snapshot answers exactly as the KB it was compiled from. A file that is not a
  // whole, unaltered snapshot of this version is refused, never read.
  static Result<KnowledgeBase> open(const std::string& path, const OpenOptions& options);
  static Result<KnowledgeBase> open(const std::string& path) { return open(path, OpenOptions{}); }

  // Writes this KB as a snapshot file (docs/snapshot.md), replacing `file` whole:
  // through a temporary file beside it, flushed and renamed over it, so a reader
  // sees the old file or the new one. Returns the bytes written, or why it could
  // not (code io).
  Result<std::size_t> write_snapshot(const std::string& file) const;

  // The directory open() uses when the caller names none: $CLAIMKB_KB when set and
  // not empty, else the KB bundled with the library.
  static std::string default_path();

  // The bundled KB's directory: <prefix>/share/claimkb next to an installed library
  // (wherever the prefix was moved), else the source tree the library was built from.
  static std::string bundled_path();

  std::size_t claim_count() const;
  std::size_t citation_count() const;
  std::size_t concept_count() const;

  // Records in a stable order (by file, then position in the file); i < the count
  // (an index out of range stops the process with a message: a programming error).
  // A record is decoded from the KB's compact tables the first time it is asked
  // for and kept; every id a record names is one the KB has.
  const Claim& claim_at(std::size_t i) const;
  const Grade& grade_at(std::size_t i) const;
  const Citation& citation_at(std::size_t i) const;
  const Concept& concept_at(std::size_t i) const;

  // Look-ups by id; nullptr when there is no such record.
  const Claim* claim(std::string_view id) const;
  const Grade* grade(std::string_view id) const;
  const Citation* citation(std::string_view id) const;
  const Concept* find_concept(std::string_view id) const;

  // The full answer for a claim (docs/cli.md), or nullopt for an unknown id.
  std::optional<Report> report(std::string_view id) const;

  // Claims ranked by how well `text` matches their statement, aliases and tags,
  // best first; at most `limit` hits, none below the relevance floor.
  std::vector<SearchHit> search(std::string_view text, std::size_t limit = 10) const;

  // Resolves a claim id, or a question in plain words, to one claim when it can.
  Match match(std::string_view id_or_question) const;

  // Load-time warnings that concern the whole KB, e.g. a retracted citation.
  const std::vector<Diagnostic>& warnings() const;

 private:
  struct State;  // the loaded tables, defined in lib/kb/state.hpp
  friend CLAIMKB_EXPORT std::vector<ClaimMention> check(const KnowledgeBase& kb, std::string_view text);
  friend CLAIMKB_EXPORT QuoteCheck check_quotes(const KnowledgeBase& kb);
  friend CLAIMKB_EXPORT std::optional<std::string> to_dot(const KnowledgeBase& kb, std::string_view id, bool concepts);
  explicit KnowledgeBase(std::shared_ptr<const State> state);
  std::shared_ptr<const State> state_;
};

}  // namespace claimkb
