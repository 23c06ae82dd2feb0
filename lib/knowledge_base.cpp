// The KnowledgeBase handle: look-ups over a loaded, graded KB.
#include "claimkb/knowledge_base.hpp"

#include <cstdlib>

#include "bundled_kb.hpp"
#include "impl.hpp"

namespace claimkb {

KnowledgeBase::KnowledgeBase(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<KnowledgeBase> KnowledgeBase::open(const std::string& path, const OpenOptions& options) {
  auto loaded = detail::load(path, options.threads);
  if (!loaded) return Result<KnowledgeBase>::failure(loaded.errors());
  return KnowledgeBase(std::move(loaded).value());
}

std::string KnowledgeBase::bundled_path() { return detail::find_bundled_kb(); }

std::string KnowledgeBase::default_path() {
  const char* env = std::getenv("CLAIMKB_KB");
  if (env != nullptr && *env != '\0') return env;
  return bundled_path();
}

std::size_t KnowledgeBase::claim_count() const { return impl_->claims.size(); }
std::size_t KnowledgeBase::citation_count() const { return impl_->citations.size(); }
const Claim& KnowledgeBase::claim_at(std::size_t i) const { return impl_->claims.at(i); }
const Grade& KnowledgeBase::grade_at(std::size_t i) const { return impl_->grades.at(i); }
const Citation& KnowledgeBase::citation_at(std::size_t i) const { return impl_->citations.at(i); }
const std::vector<Diagnostic>& KnowledgeBase::warnings() const { return impl_->warnings; }

const Claim* KnowledgeBase::claim(std::string_view id) const {
  auto it = impl_->claim_index.find(id);
  return it == impl_->claim_index.end() ? nullptr : &impl_->claims[it->second];
}

const Grade* KnowledgeBase::grade(std::string_view id) const {
  auto it = impl_->claim_index.find(id);
  return it == impl_->claim_index.end() ? nullptr : &impl_->grades[it->second];
}

const Citation* KnowledgeBase::citation(std::string_view id) const {
  auto it = impl_->citation_index.find(id);
  return it == impl_->citation_index.end() ? nullptr : &impl_->citations[it->second];
}

std::optional<Report> KnowledgeBase::report(std::string_view id) const {
  const Claim* c = claim(id);
  if (c == nullptr) return std::nullopt;
  const Grade& g = *grade(id);
  Report r;
  r.id = c->id;
  r.statement = c->statement;
  r.verdict = g.verdict;
  r.certainty = g.certainty;
  r.summary = std::string(summary(g.verdict, g.certainty));
  r.reasons = g.reasons;
  r.warnings = g.warnings;
  for (std::size_t i = 0; i < c->evidence.size(); ++i) {
    const EvidenceLink& l = c->evidence[i];
    const Citation& cite = *citation(l.citation);
    r.evidence.push_back({l.citation, l.stance, cite.design, g.links[i].counted, l.finding, cite.reference});
  }
  for (const Assertion& a : c->asserted_by) {
    r.asserted_by.push_back({a.citation, a.quote, citation(a.citation)->reference});
  }
  for (const std::string& p : c->depends_on) {
    const Grade& pg = *grade(p);
    r.premises.push_back({p, pg.verdict, pg.certainty});
  }
  return r;
}

}  // namespace claimkb
