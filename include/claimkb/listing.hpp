// claimkb/listing.hpp — JSON arrays of claims, exactly as `claimkb list --json` and
// `claimkb search --json` print them; the C API's claimkb_list_json and
// claimkb_search_json return the same strings. Thread-safe like every query of a
// KnowledgeBase; never throws except std::bad_alloc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"

namespace claimkb {

// Every claim as [{"id", "statement", "verdict", "certainty"}, ...], in the KB's
// order; certainty is null for an insufficient verdict. indent < 0: one line.
CLAIMKB_EXPORT std::string claims_json(const KnowledgeBase& kb, int indent = -1);

// kb.search(text, limit) as [{"id", "score", "statement", "verdict", "certainty",
// "concepts"}, ...].
CLAIMKB_EXPORT std::string search_json(const KnowledgeBase& kb, std::string_view text, std::size_t limit,
                                       int indent = -1);

// check(kb, text) as `claimkb check --json` prints it: [{"begin", "end", "line",
// "column", "sentence", "id", "statement", "verdict", "certainty", "score",
// "polarity", "agreement", "concepts"}, ...].
CLAIMKB_EXPORT std::string check_json(const KnowledgeBase& kb, std::string_view text, int indent = -1);

// The verdict on the claim a match resolved to (m.kind is id or clear_best), as
// `claimkb verdict --json` prints it: the report's object (to_json(report)) and
// "match": {"by": "id" | "concepts" | "words", "concepts": [ids the question names]}.
CLAIMKB_EXPORT std::string verdict_json(const KnowledgeBase& kb, const Match& m, int indent = -1);

// The claim, citation or concept `id` as stored (`claimkb show --json`): an object
// with every key of docs/format.md that is set, as the YAML spells it (a key left
// at what an absent key gives is left out); a citation also has "reference", its
// formatted reference. nullopt when no record has that id.
CLAIMKB_EXPORT std::optional<std::string> record_json(const KnowledgeBase& kb, std::string_view id, int indent = -1);

}  // namespace claimkb
