#include "site/context.hpp"

namespace claimkb::site {

Context make_context(const KnowledgeBase& kb, const SiteOptions& options) {
  Context c;
  c.kb = &kb;
  c.options = options;
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    const Claim& claim = kb.claim_at(i);
    for (const auto& premise : claim.depends_on) c.dependants[premise].push_back(i);
    for (const auto& link : claim.evidence) c.bearings[link.citation].push_back({i, false, link.stance});
    for (const auto& a : claim.asserted_by) c.bearings[a.citation].push_back({i, true, Stance::supports});
  }
  return c;
}

std::string Context::claim_url(const std::string& id) const {
  std::string base = options.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  return base + "claims/" + id + ".html";
}

}  // namespace claimkb::site
