// The JSON of a question or id that resolved to no single claim: what `claimkb
// verdict --json` prints with exit 3, and what `claimkb serve` answers with 404.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "claimkb/knowledge_base.hpp"

namespace claimkb::cli {

// {"query", "match": "unclear" | "none", "candidates": [{id, score, statement}]};
// `query` is repaired to valid UTF-8.
nlohmann::ordered_json no_match_json(const KnowledgeBase& kb, const std::string& query, const Match& m);

}  // namespace claimkb::cli
