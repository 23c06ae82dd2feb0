// What the pages of one site share: the KB, the options, and the reverse links
// (which claims depend on a claim, which claims a citation bears on) computed once.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "claimkb/site.hpp"

namespace claimkb::site {

// How a citation bears on a claim: an evidence link (with its stance) or an assertion.
struct Bearing {
  std::size_t claim = 0;  // index into the KB's claims
  bool asserts = false;   // true: asserted_by; false: evidence
  Stance stance = Stance::neutral;
};

struct Context {
  const KnowledgeBase* kb = nullptr;
  SiteOptions options;                                                   // date filled in
  std::unordered_map<std::string, std::vector<std::size_t>> dependants;  // claim id -> claims naming it in depends_on
  std::unordered_map<std::string, std::vector<Bearing>> bearings;        // citation id -> its claims

  // The ClaimReview url of a claim page: base_url + "claims/ID.html".
  std::string claim_url(const std::string& id) const;
};

Context make_context(const KnowledgeBase& kb, const SiteOptions& options);

}  // namespace claimkb::site
