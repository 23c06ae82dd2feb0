// The KnowledgeBase handle: look-ups over a loaded, graded KB, whether it came from
// YAML files or from a compiled snapshot.
#include "claimkb/knowledge_base.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "kb/bundled_kb.hpp"
#include "store/write_file.hpp"
#include "kb/state.hpp"
#include "store/snapshot.hpp"

namespace claimkb {

KnowledgeBase::Impl::Impl() = default;
KnowledgeBase::Impl::~Impl() = default;

std::size_t KnowledgeBase::Impl::claim_count() const {
  return snapshot ? snapshot->claim_count() : claims.size();
}
std::size_t KnowledgeBase::Impl::citation_count() const {
  return snapshot ? snapshot->citation_count() : citations.size();
}
const Claim& KnowledgeBase::Impl::claim(std::uint32_t i) const {
  return snapshot ? snapshot->claim(i) : claims[i];
}
const Grade& KnowledgeBase::Impl::grade(std::uint32_t i) const {
  return snapshot ? snapshot->grade(i) : grades[i];
}
const Citation& KnowledgeBase::Impl::citation(std::uint32_t i) const {
  return snapshot ? snapshot->citation(i) : citations[i];
}
std::optional<std::uint32_t> KnowledgeBase::Impl::find_claim(std::string_view id) const {
  if (snapshot) return snapshot->find_claim(id);
  auto it = claim_index.find(id);
  return it == claim_index.end() ? std::nullopt : std::optional(it->second);
}
std::optional<std::uint32_t> KnowledgeBase::Impl::find_citation(std::string_view id) const {
  if (snapshot) return snapshot->find_citation(id);
  auto it = citation_index.find(id);
  return it == citation_index.end() ? std::nullopt : std::optional(it->second);
}
const detail::EvidenceGraph& KnowledgeBase::Impl::graph() const {
  return snapshot ? snapshot->graph() : evidence_graph;
}

KnowledgeBase::KnowledgeBase(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<KnowledgeBase> KnowledgeBase::open(const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  auto loaded = std::filesystem::is_regular_file(path, ec) ? detail::open_snapshot(path)
                                                            : detail::load(path, options.threads);
  if (!loaded) return Result<KnowledgeBase>::failure(loaded.errors());
  return KnowledgeBase(std::move(loaded).value());
}

Result<std::size_t> KnowledgeBase::write_snapshot(const std::string& file) const {
  std::string bytes;
  try {
    bytes = detail::snapshot_bytes(*impl_);
  } catch (const std::bad_alloc&) {
    return Result<std::size_t>::failure(
        {{file, 0, 0, Diagnostic::Severity::error, "out of memory while compiling the snapshot"}});
  }
  if (auto error = write_file_atomically(file, bytes)) return Result<std::size_t>::failure({*error});
  return bytes.size();
}

std::string KnowledgeBase::bundled_path() { return detail::find_bundled_kb(); }

std::string KnowledgeBase::default_path() {
  const char* env = std::getenv("CLAIMKB_KB");
  if (env != nullptr && *env != '\0') return env;
  return bundled_path();
}

std::size_t KnowledgeBase::claim_count() const { return impl_->claim_count(); }
std::size_t KnowledgeBase::citation_count() const { return impl_->citation_count(); }
const std::vector<Diagnostic>& KnowledgeBase::warnings() const { return impl_->warnings; }

namespace {
// claim_at() and friends stop the process for an index out of range, as
// std::vector::at() would but without an exception crossing the API.
std::uint32_t checked(std::size_t i, std::size_t size, const char* what) {
  if (i >= size) {
    std::fprintf(stderr, "claimkb: %s(%zu) out of range (size %zu)\n", what, i, size);
    std::abort();
  }
  return static_cast<std::uint32_t>(i);
}
}  // namespace

const Claim& KnowledgeBase::claim_at(std::size_t i) const {
  return impl_->claim(checked(i, claim_count(), "claim_at"));
}
const Grade& KnowledgeBase::grade_at(std::size_t i) const {
  return impl_->grade(checked(i, claim_count(), "grade_at"));
}
const Citation& KnowledgeBase::citation_at(std::size_t i) const {
  return impl_->citation(checked(i, citation_count(), "citation_at"));
}

const Claim* KnowledgeBase::claim(std::string_view id) const {
  auto i = impl_->find_claim(id);
  return i ? &impl_->claim(*i) : nullptr;
}

const Grade* KnowledgeBase::grade(std::string_view id) const {
  auto i = impl_->find_claim(id);
  return i ? &impl_->grade(*i) : nullptr;
}

const Citation* KnowledgeBase::citation(std::string_view id) const {
  auto i = impl_->find_citation(id);
  return i ? &impl_->citation(*i) : nullptr;
}

std::optional<Report> KnowledgeBase::report(std::string_view id) const {
  auto index = impl_->find_claim(id);
  if (!index) return std::nullopt;
  const Claim& c = impl_->claim(*index);
  const Grade& g = impl_->grade(*index);
  Report r;
  r.id = c.id;
  r.statement = c.statement;
  r.verdict = g.verdict;
  r.certainty = g.certainty;
  r.summary = std::string(summary(g.verdict, g.certainty));
  r.reasons = g.reasons;
  r.warnings = g.warnings;
  // A loaded KB names only records it has; the checks below matter only for a
  // snapshot that was altered and given a matching checksum.
  auto reference = [&](const std::string& cite) {
    const Citation* found = citation(cite);
    return found != nullptr ? found->reference : std::string();
  };
  for (std::size_t i = 0; i < c.evidence.size(); ++i) {
    const EvidenceLink& l = c.evidence[i];
    const Citation* cite = citation(l.citation);
    const bool counted = i < g.links.size() && g.links[i].counted;
    r.evidence.push_back({l.citation, l.stance, cite != nullptr ? cite->design : Design::web, counted, l.finding,
                          cite != nullptr ? cite->reference : std::string()});
  }
  for (const Assertion& a : c.asserted_by) r.asserted_by.push_back({a.citation, a.quote, reference(a.citation)});
  for (const std::string& p : c.depends_on) {
    const Grade* pg = grade(p);
    if (pg != nullptr) r.premises.push_back({p, pg->verdict, pg->certainty});
  }
  return r;
}

}  // namespace claimkb
