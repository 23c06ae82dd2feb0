// JSON for lists of claims: `claimkb list --json`'s array and search hits. Used by
// the C API, which hands apps the same shapes the command prints. Private to the
// library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "claimkb/knowledge_base.hpp"

namespace claimkb::detail {

// Every claim as [{"id", "statement", "verdict", "certainty"}, ...], in the KB's
// order; certainty is null for an insufficient verdict. indent < 0: one line.
std::string claim_list_json(const KnowledgeBase& kb, int indent = -1);

// kb.search(text, limit) as [{"id", "score", "statement", "verdict", "certainty"}, ...],
// the array `claimkb search --json` prints.
std::string search_json(const KnowledgeBase& kb, std::string_view text, std::size_t limit,
                        int indent = -1);

}  // namespace claimkb::detail
