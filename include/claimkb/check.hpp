// claimkb/check.hpp — finding the knowledge base's claims in a text (docs/cli.md,
// `claimkb check`).
//
// check() splits a text into sentences and reports each sentence that makes one of
// the KB's claims, in any words: by what it is about (it names the claim's subject
// and object concepts and a word for how they are related), or worded close to its
// statement or an alias. It says whether the sentence asserts the claim, denies it
// or reports someone else holding it, and how that stands with the claim's verdict:
// what a fact-checker needs. Headings, reference-list entries and quoted study
// titles are not claims. Sentences that make no claim are not reported.
// docs/search.md has the rules. Thread-safe like every query of a KnowledgeBase;
// never throws.
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
  // Where the sentence starts, 1-based; the column counts UTF-8 characters, as
  // editors do.
  std::size_t line = 1;
  std::size_t column = 1;
  std::string sentence;
  std::string id;  // the claim
  Verdict verdict = Verdict::insufficient;
  std::optional<Certainty> certainty;
  // How well the sentence matches the claim, in (0, 1]: by concepts, the score of
  // docs/search.md; by wording, the idf-weighted share of the terms of its
  // statement or best alias.
  double score = 0.0;
  Polarity polarity = Polarity::asserts;
  Agreement agreement = Agreement::unsettled;
  // The ids of the claim's concepts the sentence names (empty when it matched by
  // wording alone); for a sentence that leans on the one before ("one such
  // session"), those the two name together.
  std::vector<std::string> concepts;
};

// The claims stated in `text`, in the order of the text; at most one per sentence.
CLAIMKB_EXPORT std::vector<ClaimMention> check(const KnowledgeBase& kb, std::string_view text);

}  // namespace claimkb
