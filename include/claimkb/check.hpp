// claimkb/check.hpp — finding the knowledge base's claims in a text (SPEC.md §5,
// `claimkb check`).
//
// check() splits a text into sentences and reports each sentence that states one of
// the KB's claims, worded as its statement, one of its aliases, or a paraphrase
// close to one of them, with that claim's verdict. Sentences that state no claim
// are not reported. Thread-safe like every query of a KnowledgeBase; never throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/export.h"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/types.hpp"

namespace claimkb {

// One sentence of the text and the claim it states.
struct ClaimMention {
  // Byte offsets into the text given to check(): the sentence is text[begin, end).
  // Offsets count bytes, not characters, so UTF-8 text slices correctly.
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string sentence;
  std::string id;  // the claim
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;
  // How much of the claim's closest wording the sentence contains, in (0, 1]: the
  // idf-weighted share of the terms of its statement or best alias.
  double score = 0.0;
};

// The claims stated in `text`, in the order of the text; at most one per sentence.
CLAIMKB_EXPORT std::vector<ClaimMention> check(const KnowledgeBase& kb, std::string_view text);

}  // namespace claimkb
