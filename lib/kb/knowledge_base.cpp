// The KnowledgeBase handle: look-ups over a loaded, graded KB. Whether it came from
// YAML files or from a compiled snapshot, it is one Store (store/store.hpp).
#include "claimkb/knowledge_base.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "kb/bundled_kb.hpp"
#include "kb/state.hpp"
#include "load/loader.hpp"
#include "model/utf8.hpp"
#include "store/snapshot.hpp"

namespace claimkb {
namespace {

using detail::Table;

// Every string handed out is valid UTF-8: paths and quoted input may not be.
std::vector<Diagnostic> valid_utf8(std::vector<Diagnostic> ds) {
  for (Diagnostic& d : ds) {
    d.file = detail::to_valid_utf8(d.file);
    d.message = detail::to_valid_utf8(d.message);
  }
  return ds;
}

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

KnowledgeBase::KnowledgeBase(std::shared_ptr<const State> state) : state_(std::move(state)) {}

Result<KnowledgeBase> KnowledgeBase::open(const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  auto opened =
      std::filesystem::is_regular_file(path, ec) ? detail::open_snapshot(path) : detail::load(path, options.threads);
  if (!opened) return Result<KnowledgeBase>::failure(valid_utf8(std::move(opened).errors()));
  auto state = std::make_shared<State>();
  state->root = path;
  state->store = std::move(opened).value();
  return KnowledgeBase(std::move(state));
}

Result<std::size_t> KnowledgeBase::write_snapshot(const std::string& file) const {
  try {
    auto written = detail::write_snapshot(*state_->store, file);
    if (!written) return Result<std::size_t>::failure(valid_utf8(std::move(written).errors()));
    return written;
  } catch (const std::bad_alloc&) {
    return Result<std::size_t>::failure(
        {{detail::to_valid_utf8(file), 0, 0, Diagnostic::Severity::error, "out of memory while writing the snapshot",
          Diagnostic::Code::out_of_memory}});
  }
}

std::string KnowledgeBase::bundled_path() { return detail::find_bundled_kb(); }

std::string KnowledgeBase::default_path() {
  const char* env = std::getenv("CLAIMKB_KB");
  if (env != nullptr && *env != '\0') return env;
  return bundled_path();
}

std::size_t KnowledgeBase::claim_count() const { return state_->store->size(Table::claim); }
std::size_t KnowledgeBase::citation_count() const { return state_->store->size(Table::citation); }
std::size_t KnowledgeBase::concept_count() const { return state_->store->size(Table::concept); }
const std::vector<Diagnostic>& KnowledgeBase::warnings() const { return state_->store->warnings(); }

const Claim& KnowledgeBase::claim_at(std::size_t i) const {
  return state_->store->claim(checked(i, claim_count(), "claim_at"));
}
const Grade& KnowledgeBase::grade_at(std::size_t i) const {
  return state_->store->grade(checked(i, claim_count(), "grade_at"));
}
const Citation& KnowledgeBase::citation_at(std::size_t i) const {
  return state_->store->citation(checked(i, citation_count(), "citation_at"));
}
const Concept& KnowledgeBase::concept_at(std::size_t i) const {
  return state_->store->concept_at(checked(i, concept_count(), "concept_at"));
}

const Claim* KnowledgeBase::claim(std::string_view id) const {
  auto i = state_->store->find(Table::claim, id);
  return i ? &state_->store->claim(*i) : nullptr;
}

const Grade* KnowledgeBase::grade(std::string_view id) const {
  auto i = state_->store->find(Table::claim, id);
  return i ? &state_->store->grade(*i) : nullptr;
}

const Citation* KnowledgeBase::citation(std::string_view id) const {
  auto i = state_->store->find(Table::citation, id);
  return i ? &state_->store->citation(*i) : nullptr;
}

const Concept* KnowledgeBase::find_concept(std::string_view id) const {
  auto i = state_->store->find(Table::concept, id);
  return i ? &state_->store->concept_at(*i) : nullptr;
}

std::optional<Report> KnowledgeBase::report(std::string_view id) const {
  const detail::Store& store = *state_->store;
  auto index = store.find(Table::claim, id);
  if (!index) return std::nullopt;
  const Claim& c = store.claim(*index);
  const Grade& g = store.grade(*index);
  Report r;
  r.id = c.id;
  r.statement = c.statement;
  r.verdict = g.verdict;
  r.certainty = g.certainty;
  r.summary = std::string(summary(g.verdict, g.certainty));
  r.reasons = g.reasons;
  r.warnings = g.warnings;
  // Every id a decoded record names resolves, and a grade has one use per link: the
  // store checked both when it was opened.
  const detail::IndexList cited = store.refs(Table::claim, *index, 0), asserting = store.refs(Table::claim, *index, 1);
  const detail::IndexList premises = store.refs(Table::claim, *index, 2);
  for (std::uint32_t k = 0; k < cited.size(); ++k) {
    const EvidenceLink& l = c.evidence[k];
    const Citation& cite = store.citation(cited[k]);
    r.evidence.push_back({l.citation, l.stance, cite.design, g.links[k].counted, l.finding, cite.reference});
  }
  for (std::uint32_t k = 0; k < asserting.size(); ++k) {
    const Assertion& a = c.asserted_by[k];
    r.asserted_by.push_back({a.citation, a.quote, store.citation(asserting[k]).reference});
  }
  for (std::uint32_t k = 0; k < premises.size(); ++k) {
    const Grade& pg = store.grade(premises[k]);
    r.premises.push_back({c.depends_on[k], pg.verdict, pg.certainty});
  }
  return r;
}

}  // namespace claimkb
