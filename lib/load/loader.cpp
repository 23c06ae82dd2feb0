// Loading a knowledge base: find the files, decode each, then check what spans
// files (duplicate and dangling ids, depends_on cycles), then grade every claim in
// premise order. Nothing is returned unless every check passed.
#include <algorithm>
#include <atomic>
#include <thread>
#include <filesystem>
#include <memory>
#include <system_error>
#include <unordered_set>

#include "claimkb/reference.hpp"
#include "load/decode.hpp"
#include "grade/grade.hpp"
#include "kb/state.hpp"
#include "load/suggest.hpp"

namespace claimkb::detail {
namespace fs = std::filesystem;
namespace {

struct Place {
  std::uint32_t file = 0;
  Pos pos;
};

class Loader {
 public:
  Loader(std::string root, unsigned threads) : root_(std::move(root)), threads_(threads) {}

  Result<std::shared_ptr<const KnowledgeBase::Impl>> run() {
    auto files = find_files();
    if (errors_.empty()) {
      std::vector<FileRecords> decoded = decode_all(files, threads_);
      // Exact sizes up front: growing these by doubling would briefly hold two
      // copies of the largest vectors of a big KB.
      std::size_t claims = 0, citations = 0;
      for (const FileRecords& r : decoded) {
        claims += r.claims.size();
        citations += r.citations.size();
      }
      kb_->claims.reserve(claims);
      claim_sites_.reserve(claims);
      kb_->citations.reserve(citations);
      citation_sites_.reserve(citations);
      for (FileRecords& r : decoded) add(std::move(r));
    }
    // Cross-file checks run even after errors in some files, so that one run
    // reports every problem; references to records dropped for errors are skipped.
    if (!files.empty()) check_ids();
    if (!errors_.empty()) {
      std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
      });
      return Result<std::shared_ptr<const KnowledgeBase::Impl>>::failure(std::move(errors_));
    }
    grade_all();
    kb_->root = root_;
    return std::shared_ptr<const KnowledgeBase::Impl>(std::move(kb_));
  }

 private:
  void error(const std::string& file, Pos p, std::string message) {
    errors_.push_back({file, p.line, p.column, Diagnostic::Severity::error, std::move(message)});
  }
  void error(Place at, std::string message) { error(paths_[at.file], at.pos, std::move(message)); }

  // Every *.yaml / *.yml below claims/ and citations/, in a stable order.
  std::vector<std::pair<std::string, RecordKind>> find_files() {
    std::vector<std::pair<std::string, RecordKind>> out;
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      error(root_, {}, "not a knowledge base directory (it should hold claims/ and citations/)");
      return out;
    }
    for (auto [sub, kind] : {std::pair{"citations", RecordKind::citation},
                             std::pair{"claims", RecordKind::claim}}) {
      const fs::path dir = fs::path(root_) / sub;
      if (!fs::is_directory(dir, ec)) {
        error(dir.string(), {}, std::string("missing directory: a knowledge base needs ") + sub + "/");
        continue;
      }
      std::vector<std::string> found;
      // Directory symlinks are not followed, so a link loop cannot trap the walk.
      fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const auto ext = p.extension();
        if (ext != ".yaml" && ext != ".yml") continue;
        std::error_code file_ec;  // a bad entry must not end the walk
        if (it->is_regular_file(file_ec)) {
          found.push_back(p.string());
        } else if (file_ec) {
          error(p.string(), {}, "cannot read the file: " + file_ec.message());
        }
      }
      if (ec) error(dir.string(), {}, "cannot list the directory: " + ec.message());
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.emplace_back(std::move(f), kind);
    }
    return out;
  }

  // Files are independent until their records are merged, so they are decoded on
  // every core; the results keep the files' order, so errors and ids do not depend
  // on thread timing.
  static std::vector<FileRecords> decode_all(const std::vector<std::pair<std::string, RecordKind>>& files,
                                             unsigned wanted) {
    std::vector<FileRecords> out(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next++) < files.size();) {
        try {
          out[i] = decode_file(files[i].first, files[i].second);
        } catch (...) {  // e.g. std::bad_alloc: nothing may escape a thread
          out[i] = FileRecords{};
          out[i].path = files[i].first;
          out[i].diagnostics.push_back({files[i].first, 0, 0, Diagnostic::Severity::error,
                                        "cannot decode the file: out of memory or an internal error"});
        }
      }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(wanted == 0 ? cores : wanted, files.size());
    std::vector<std::thread> pool;
    try {
      for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    } catch (const std::system_error&) {
      // No more threads to be had (a container's process limit): the threads that
      // started, and this one, share the files.
    }
    work();
    for (auto& t : pool) t.join();
    return out;
  }

  void add(FileRecords r) {
    const auto file = static_cast<std::uint32_t>(paths_.size());
    paths_.push_back(r.path);
    for (auto& d : r.diagnostics) errors_.push_back(std::move(d));
    for (auto& id : r.broken_ids) broken_.insert(std::move(id));
    for (std::size_t i = 0; i < r.claims.size(); ++i) {
      kb_->claims.push_back(std::move(r.claims[i]));
      claim_sites_.emplace_back(file, std::move(r.claim_sites[i]));
    }
    for (std::size_t i = 0; i < r.citations.size(); ++i) {
      kb_->citations.push_back(std::move(r.citations[i]));
      citation_sites_.push_back({file, r.citation_sites[i]});
    }
  }

  // Ids are unique across claims and citations; every id a claim names exists.
  void check_ids() {
    std::unordered_map<std::string_view, Place> seen;
    auto define = [&](std::string_view id, Place at) {
      auto [it, fresh] = seen.emplace(id, at);
      if (!fresh) {
        const Place& first = it->second;
        error(at, "duplicate id '" + std::string(id) + "' (first defined at " +
                      paths_[first.file] + ":" + std::to_string(first.pos.line) + ":" +
                      std::to_string(first.pos.column) + ")");
      }
      return fresh;
    };
    for (std::uint32_t j = 0; j < kb_->citations.size(); ++j) {
      if (define(kb_->citations[j].id, citation_sites_[j])) kb_->citation_index.emplace(kb_->citations[j].id, j);
    }
    for (std::uint32_t i = 0; i < kb_->claims.size(); ++i) {
      const Place at{claim_sites_[i].first, claim_sites_[i].second.id};
      if (define(kb_->claims[i].id, at)) kb_->claim_index.emplace(kb_->claims[i].id, i);
    }

    refs_.resize(kb_->claims.size());
    for (std::uint32_t i = 0; i < kb_->claims.size(); ++i) {
      const Claim& c = kb_->claims[i];
      const auto& [file, site] = claim_sites_[i];
      // One study linked twice would count its participants and its vote twice.
      std::unordered_map<std::string_view, std::size_t> linked;
      for (std::size_t k = 0; k < c.evidence.size(); ++k) {
        refs_[i].evidence.push_back(find_citation(c.evidence[k].citation, {file, site.evidence[k]}, "evidence"));
        auto [first, fresh] = linked.emplace(c.evidence[k].citation, k);
        if (!fresh) {
          const Pos& at = site.evidence[first->second];
          error({file, site.evidence[k]},
                "citation '" + c.evidence[k].citation + "' is already linked in this claim's evidence (line " +
                    std::to_string(at.line) + "); put both findings in one link");
        }
      }
      for (std::size_t k = 0; k < c.asserted_by.size(); ++k) {
        refs_[i].asserted_by.push_back(find_citation(c.asserted_by[k].citation, {file, site.asserted_by[k]}, "asserted_by"));
      }
      for (std::size_t k = 0; k < c.depends_on.size(); ++k) {
        refs_[i].depends_on.push_back(find_claim(c.depends_on[k], {file, site.depends_on[k]}));
      }
    }
    kb_->evidence_graph = build_graph(kb_->claims.size(), kb_->citations.size(), kb_->claims, refs_);
    for (const Cycle& cycle : find_cycles(kb_->evidence_graph)) {
      std::string names;
      for (std::uint32_t v : cycle.claims) names += kb_->claims[v].id + " -> ";
      names += kb_->claims[cycle.claims.front()].id;
      const auto& [file, site] = claim_sites_[cycle.claims.back()];
      error({file, site.depends_on[cycle.position]}, "depends_on cycle: " + names);
    }
  }

  std::int64_t find_citation(const std::string& id, Place at, const char* key) {
    auto it = kb_->citation_index.find(id);
    if (it != kb_->citation_index.end()) return it->second;
    if (broken_.count(id)) return -1;
    if (kb_->claim_index.count(id)) {
      error(at, "'" + id + "' in " + key + " is a claim, not a citation");
    } else {
      error(at, "unknown citation '" + id + "' in " + key + nearest(id, kb_->citation_index));
    }
    return -1;
  }

  std::int64_t find_claim(const std::string& id, Place at) {
    auto it = kb_->claim_index.find(id);
    if (it != kb_->claim_index.end()) return it->second;
    if (broken_.count(id)) return -1;
    if (kb_->citation_index.count(id)) {
      error(at, "'" + id + "' in depends_on is a citation, not a claim");
    } else {
      error(at, "unknown claim '" + id + "' in depends_on" + nearest(id, kb_->claim_index));
    }
    return -1;
  }

  // A suggestion for a dangling id. Each costs a pass over every id, so only the
  // first few dangling ids get one: a KB with thousands of them needs no hints.
  std::string nearest(const std::string& id,
                      const std::unordered_map<std::string_view, std::uint32_t>& index) {
    if (++suggestions_ > 20) return {};
    std::vector<std::string_view> ids;
    ids.reserve(index.size());
    for (const auto& entry : index) ids.push_back(entry.first);
    return did_you_mean(id, ids);
  }

  void grade_all() {
    for (Citation& c : kb_->citations) c.reference = format_reference(c);
    kb_->grades.resize(kb_->claims.size());
    for (std::uint32_t i : premise_order(kb_->evidence_graph)) {
      const Claim& c = kb_->claims[i];
      GradeInput in;
      in.claim = &c;
      for (auto j : refs_[i].evidence) in.link_citations.push_back(&kb_->citations[j]);
      for (auto j : refs_[i].asserted_by) in.assertion_citations.push_back(&kb_->citations[j]);
      for (auto p : refs_[i].depends_on) in.premises.push_back(&kb_->grades[p]);
      kb_->grades[i] = grade_claim(in);
    }
    for (std::uint32_t j = 0; j < kb_->citations.size(); ++j) {
      const Citation& c = kb_->citations[j];
      if (!c.retracted) continue;
      const Place& at = citation_sites_[j];
      kb_->warnings.push_back({paths_[at.file], at.pos.line, at.pos.column,
                               Diagnostic::Severity::warning,
                               "citation '" + c.id + "' is retracted (" + c.retracted->notice +
                                   "); its links are listed but not counted"});
    }
    kb_->search_index = SearchIndex(kb_->claims);
  }

  std::string root_;
  unsigned threads_ = 0;
  std::unique_ptr<KnowledgeBase::Impl> kb_ = std::make_unique<KnowledgeBase::Impl>();
  std::vector<std::string> paths_;
  std::vector<std::pair<std::uint32_t, ClaimSite>> claim_sites_;
  std::vector<Place> citation_sites_;
  std::vector<ClaimRefs> refs_;
  std::unordered_set<std::string> broken_;
  std::vector<Diagnostic> errors_;
  int suggestions_ = 0;
};

}  // namespace

Result<std::shared_ptr<const KnowledgeBase::Impl>> load(const std::string& root, unsigned threads) {
  try {
    return Loader(root, threads).run();
  } catch (...) {  // e.g. std::bad_alloc: open() never throws
    return Result<std::shared_ptr<const KnowledgeBase::Impl>>::failure(
        {{root, 0, 0, Diagnostic::Severity::error,
          "the knowledge base could not be loaded: out of memory or an internal error"}});
  }
}

}  // namespace claimkb::detail
