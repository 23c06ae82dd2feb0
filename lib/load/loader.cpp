// Loading a knowledge base from YAML: find the files, decode them (several at once)
// straight into the store's tables, check what spans files (duplicate and dangling
// ids, cycles), grade every claim in premise order, index the claims for search,
// and open the result as a Store, the same type a snapshot opens as. Nothing is
// returned unless every check passed.
#include "load/loader.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iterator>
#include <memory>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "grade/evidence_graph.hpp"
#include "grade/grade.hpp"
#include "load/decode.hpp"
#include "load/suggest.hpp"
#include "model/field_ops.hpp"
#include "store/codec.hpp"
#include "store/table_builder.hpp"
#include "text/concept_index.hpp"
#include "text/search_index.hpp"
#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace fs = std::filesystem;
namespace {

using Loaded = Result<std::unique_ptr<const Store>>;

// Where something is: a file (by number) and a position in it.
struct Place {
  std::uint32_t file = 0;
  Pos pos;
};
bool operator<(const Place& a, const Place& b) {
  return std::tie(a.file, a.pos.line, a.pos.column) < std::tie(b.file, b.pos.line, b.pos.column);
}

// One reference of a record, before it is resolved; its id is in the loader's
// `ref_ids_` (ids are short, and there are several references a record).
struct PendingRef {
  std::uint32_t record = 0;
  std::uint32_t id_begin = 0;
  std::uint16_t id_size = 0;
  std::uint8_t group = 0;
  Place at;
};

// What each reference group is called in messages: "evidence", "depends_on",
// "about.subject", from the field tables.
template <class R>
void ref_labels(std::vector<std::string>& out, const std::string& parent, bool parent_is_list) {
  fields(Tag<R>{}, [&](const Key& key, auto member) {
    using M = std::remove_reference_t<decltype(std::declval<R&>().*member)>;
    if (key.ref != RefTo::none) {
      if (out.size() <= static_cast<std::size_t>(key.ref_group)) {
        out.resize(static_cast<std::size_t>(key.ref_group) + 1);
      }
      out[static_cast<std::size_t>(key.ref_group)] = parent.empty()   ? std::string(key.name)
                                                     : parent_is_list ? parent
                                                                      : parent + "." + std::string(key.name);
    } else if constexpr (IsOptional<M>::value || IsVector<M>::value) {
      using Inner = typename M::value_type;
      if constexpr (IsRecord<Inner>::value) ref_labels<Inner>(out, std::string(key.name), IsVector<M>::value);
    }
  });
}

const std::vector<std::string>& labels(Table t) {
  static const std::vector<std::string> claim = [] {
    std::vector<std::string> out;
    ref_labels<Claim>(out, "", false);
    return out;
  }();
  static const std::vector<std::string> citation = [] {
    std::vector<std::string> out;
    ref_labels<Citation>(out, "", false);
    return out;
  }();
  static const std::vector<std::string> concept = [] {
    std::vector<std::string> out;
    ref_labels<Concept>(out, "", false);
    return out;
  }();
  return t == Table::claim ? claim : t == Table::concept ? concept : citation;
}

// A record's references, from the builder's resolved tables, for decoding it.
class BuilderRefs : public RefSource {
 public:
  BuilderRefs(const std::array<TableBuilder, kTables>& tables, Table t, std::uint32_t i) : tables_(tables), table_(t) {
    for (int g = 0; g < ref_groups(t); ++g) {
      groups_[static_cast<std::size_t>(g)] = tables[static_cast<std::size_t>(t)].refs(i, g, ref_groups(t));
    }
  }
  std::size_t size(int group) const override { return groups_[static_cast<std::size_t>(group)].size(); }
  std::string_view id(int group, std::size_t k) const override {
    const Table target = ref_target(table_, group);
    return tables_[static_cast<std::size_t>(target)].id(groups_[static_cast<std::size_t>(group)][k]);
  }

 private:
  const std::array<TableBuilder, kTables>& tables_;
  Table table_;
  std::array<std::vector<std::uint32_t>, kMaxRefGroups> groups_;
};

class Loader {
 public:
  Loader(std::string root, unsigned threads) : root_(std::move(root)), threads_(threads) {}

  Loaded run() {
    const auto files = find_files();
    if (errors_.empty()) decode_all(files);
    // Cross-file checks run even after errors in some files, so that one run
    // reports every problem; references to records dropped for errors are skipped.
    if (!files.empty()) {
      check_ids();
      resolve_refs();
      check_cycles();
      check_includes();
      check_terms();
      warn_unabout();
    }
    if (!errors_.empty()) {
      std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
      });
      return Loaded::failure(std::move(errors_));
    }
    return finish();
  }

 private:
  TableBuilder& table(Table t) { return tables_[static_cast<std::size_t>(t)]; }

  void error(const std::string& file, Pos p, std::string message,
             Diagnostic::Code code = Diagnostic::Code::invalid_kb) {
    errors_.push_back({file, p.line, p.column, Diagnostic::Severity::error, std::move(message), code});
  }
  void error(Place at, std::string message) { error(paths_[at.file], at.pos, std::move(message)); }
  std::string where(Place at) const {
    return paths_[at.file] + ":" + std::to_string(at.pos.line) + ":" + std::to_string(at.pos.column);
  }

  // Every *.yaml / *.yml below citations/, claims/ and (if there) concepts/, in a
  // stable order.
  std::vector<std::pair<std::string, Table>> find_files() {
    std::vector<std::pair<std::string, Table>> out;
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      error(root_, {}, "not a knowledge base directory (it should hold claims/ and citations/)",
            fs::exists(root_, ec) ? Diagnostic::Code::invalid_kb : Diagnostic::Code::io);
      return out;
    }
    for (auto [sub, t] : {std::pair{"citations", Table::citation}, std::pair{"claims", Table::claim},
                          std::pair{"concepts", Table::concept}}) {
      const fs::path dir = fs::path(root_) / sub;
      if (!fs::is_directory(dir, ec)) {
        if (t != Table::concept) {
          error(dir.string(), {}, std::string("missing directory: a knowledge base needs ") + sub + "/");
        } else if (fs::exists(dir, ec)) {
          error(dir.string(), {}, "concepts must be a directory of *.yaml files, not a file");
        }
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
          std::error_code size_ec;
          const auto bytes = fs::file_size(p, size_ec);
          if (!size_ec) reserve_[static_cast<std::size_t>(t)] += static_cast<std::size_t>(bytes);
        } else if (file_ec) {
          error(p.string(), {}, "cannot read the file: " + file_ec.message(), Diagnostic::Code::io);
        }
      }
      if (ec) error(dir.string(), {}, "cannot list the directory: " + ec.message(), Diagnostic::Code::io);
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.emplace_back(std::move(f), t);
    }
    return out;
  }

  // Files are independent until their records are appended, so they are decoded a
  // few at a time on every core and appended in file order: ids, errors and the
  // tables never depend on thread timing, and only a few files' records are ever
  // held besides the tables.
  void decode_all(const std::vector<std::pair<std::string, Table>>& files) {
    for (std::size_t t = 0; t < kTables; ++t) {
      // Encoded records are smaller than their YAML (no keys, no indentation).
      tables_[t].reserve(reserve_[t]);
    }
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t threads =
        std::max<std::size_t>(1, std::min<std::size_t>(threads_ == 0 ? cores : threads_, files.size()));
    const std::size_t batch = 2 * threads;
    std::vector<FileRecords> decoded(batch);
    for (std::size_t first = 0; first < files.size(); first += batch) {
      const std::size_t n = std::min(batch, files.size() - first);
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t k = 0; (k = next++) < n;) {
          const auto& [path, t] = files[first + k];
          try {
            decoded[k] = decode_file(path, t);
          } catch (...) {  // e.g. std::bad_alloc: nothing may escape a thread
            decoded[k] = FileRecords{};
            decoded[k].path = path;
            decoded[k].diagnostics.push_back({path, 0, 0, Diagnostic::Severity::error,
                                              "cannot decode the file: out of memory or an internal error",
                                              Diagnostic::Code::out_of_memory});
          }
        }
      };
      std::vector<std::thread> pool;
      try {
        for (std::size_t t = 1; t < std::min(threads, n); ++t) pool.emplace_back(work);
      } catch (const std::system_error&) {
        // No more threads to be had (a container's process limit): the threads that
        // started, and this one, share the files.
      }
      work();
      for (auto& t : pool) t.join();
      for (std::size_t k = 0; k < n; ++k) add(std::move(decoded[k]));
    }
  }

  void add(FileRecords r) {
    const auto file = static_cast<std::uint32_t>(paths_.size());
    paths_.push_back(r.path);
    for (auto& d : r.diagnostics) {
      (d.severity == Diagnostic::Severity::error ? errors_ : warnings_).push_back(std::move(d));
    }
    for (auto& id : r.broken_ids) broken_.insert(std::move(id));
    const auto t = static_cast<std::size_t>(r.table);
    const std::uint32_t base = tables_[t].size();
    for (const Pos& p : r.id_pos) sites_[t].push_back({file, p});
    for (TermSite& term : r.terms) {
      term.record += base;
      terms_.emplace_back(std::move(term), file);
    }
    for (const RefText& ref : r.refs) {
      const auto id_begin = static_cast<std::uint32_t>(ref_ids_.size());
      ref_ids_ += ref.id;
      pending_[t].push_back(
          {base + ref.record, id_begin, static_cast<std::uint16_t>(ref.id.size()), ref.group, {file, ref.pos}});
    }
    tables_[t].append(r.data.bytes(), r.ends, r.ids);
  }

  // Ids are unique across claims, citations and concepts.
  void check_ids() {
    struct Entry {
      std::string_view id;
      Place at;
    };
    std::vector<Entry> all;
    for (std::size_t t = 0; t < kTables; ++t) {
      tables_[t].sort_ids();
      for (std::uint32_t i = 0; i < tables_[t].size(); ++i) all.push_back({tables_[t].id(i), sites_[t][i]});
    }
    std::sort(all.begin(), all.end(),
              [](const Entry& a, const Entry& b) { return a.id != b.id ? a.id < b.id : a.at < b.at; });
    for (std::size_t k = 1; k < all.size(); ++k) {
      std::size_t first = k - 1;
      while (first > 0 && all[first - 1].id == all[k].id) --first;
      if (all[k].id == all[first].id) {
        error(all[k].at,
              "duplicate id '" + std::string(all[k].id) + "' (first defined at " + where(all[first].at) + ")");
      }
    }
  }

  // Each pending reference becomes an index into its target table, or an error.
  void resolve_refs() {
    for (std::size_t t = 0; t < kTables; ++t) {
      const auto table_id = static_cast<Table>(t);
      const int groups = ref_groups(table_id);
      auto& pending = pending_[t];
      std::stable_sort(pending.begin(), pending.end(), [](const PendingRef& a, const PendingRef& b) {
        return std::tie(a.record, a.group) < std::tie(b.record, b.group);
      });
      std::vector<std::uint32_t> offsets(std::size_t{tables_[t].size()} * static_cast<std::size_t>(groups) + 1, 0);
      std::vector<std::uint32_t> targets;
      std::vector<Place>& places = ref_places_[t];
      targets.reserve(pending.size());
      for (const PendingRef& ref : pending) {
        const Table target = ref_target(table_id, ref.group);
        std::optional<std::uint32_t> found = table(target).find(id_of(ref));
        if (!found) {
          dangling(ref, table_id, target);
          continue;
        }
        ++offsets[std::size_t{ref.record} * static_cast<std::size_t>(groups) + ref.group + 1];
        targets.push_back(*found);
        places.push_back(ref.at);
      }
      for (std::size_t e = 1; e < offsets.size(); ++e) offsets[e] += offsets[e - 1];
      pending = {};
      tables_[t].set_refs(std::move(offsets), std::move(targets));
    }
    ref_ids_ = std::string();
    // One study linked twice would count its participants and its vote twice.
    const TableBuilder& claims = table(Table::claim);
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
      const std::vector<std::uint32_t> cited = claims.refs(i, 0, kClaimRefGroups);
      for (std::size_t k = 1; k < cited.size(); ++k) {
        for (std::size_t j = 0; j < k; ++j) {
          if (cited[j] != cited[k]) continue;
          const Place &first = ref_place(Table::claim, i, 0, j), &again = ref_place(Table::claim, i, 0, k);
          error(again, "citation '" + std::string(table(Table::citation).id(cited[k])) +
                           "' is already linked in this claim's evidence (line " + std::to_string(first.pos.line) +
                           "); put both findings in one link");
          break;
        }
      }
    }
  }

  std::string_view id_of(const PendingRef& ref) const {
    return std::string_view(ref_ids_).substr(ref.id_begin, ref.id_size);
  }

  void dangling(const PendingRef& ref, Table from, Table target) {
    const std::string id(id_of(ref));
    if (broken_.count(id) != 0) return;
    const std::string& label = labels(from)[ref.group];
    // An id of another kind of record: say which kind.
    const Table kinds[] = {Table::claim, Table::citation, Table::concept};
    const Table* other = std::find_if(std::begin(kinds), std::end(kinds),
                                      [&](Table t) { return t != target && table(t).find(id).has_value(); });
    if (other != std::end(kinds)) {
      error(ref.at, "'" + id + "' in " + label + " is a " + table_name(*other) + ", not a " + table_name(target));
      return;
    }
    std::string hint;
    // Each suggestion costs a pass over every id, so only the first few dangling
    // ids get one: a KB with thousands of them needs no hints.
    if (++suggestions_ <= 20) {
      std::vector<std::string_view> ids;
      const TableBuilder& t = table(target);
      for (std::uint32_t i = 0; i < t.size(); ++i) ids.push_back(t.id(i));
      hint = did_you_mean(id, ids);
    }
    error(ref.at, std::string("unknown ") + table_name(target) + " '" + id + "' in " + label + hint);
  }

  // The place of reference k of group g of record i (resolved references only).
  const Place& ref_place(Table t, std::uint32_t i, int g, std::size_t k) const {
    const TableBuilder& b = tables_[static_cast<std::size_t>(t)];
    return ref_places_[static_cast<std::size_t>(t)][b.ref_offset(i, g, ref_groups(t)) + k];
  }

  // No claim may presuppose itself, and no concept be broader than itself.
  void check_cycles() {
    const std::size_t claims = table(Table::claim).size(), citations = table(Table::citation).size();
    const std::size_t concepts = table(Table::concept).size();
    std::vector<GraphEdge> edges;
    for (std::uint32_t i = 0; i < claims; ++i) {
      const auto premises = table(Table::claim).refs(i, 2, kClaimRefGroups);
      for (std::uint32_t k = 0; k < premises.size(); ++k) edges.push_back({i, premises[k], EdgeKind::depends_on, k});
    }
    const auto first_concept = static_cast<std::uint32_t>(claims + citations);
    for (std::uint32_t i = 0; i < concepts; ++i) {
      const auto broader = table(Table::concept).refs(i, 0, kConceptRefGroups);
      for (std::uint32_t k = 0; k < broader.size(); ++k) {
        edges.push_back({first_concept + i, first_concept + broader[k], EdgeKind::broader, k});
      }
    }
    premise_graph_ = make_graph({claims, citations, concepts}, edges);
    for (EdgeKind along : {EdgeKind::depends_on, EdgeKind::broader}) {
      const bool premise = along == EdgeKind::depends_on;
      const Table t = premise ? Table::claim : Table::concept;
      for (const Cycle& cycle : find_cycles(premise_graph_, along)) {
        std::string names;
        for (std::uint32_t v : cycle.vertices) names += std::string(table(t).id(premise_graph_[v].index)) + " -> ";
        names += std::string(table(t).id(premise_graph_[cycle.vertices.front()].index));
        const std::uint32_t last = premise_graph_[cycle.vertices.back()].index;
        error(ref_place(t, last, premise ? 2 : 0, cycle.position),
              std::string(premise ? "depends_on" : "broader") + " cycle: " + names);
      }
    }
  }

  // A review pools the participants of each citation it includes and of every other
  // report of them (same_sample_as), and a link it pools is not counted beside it
  // (docs/grading.md §2). So no review may pool, through any chain, a review that
  // pools it: both would be set aside, and their participants never counted. The
  // pooling is followed between groups of participants; a review that includes
  // another report of its own participants is fine alone, but two reviews of one
  // group that both do so pool each other.
  void check_includes() {
    const TableBuilder& cites = table(Table::citation);
    const std::uint32_t n = cites.size();
    std::vector<std::optional<std::uint32_t>> same(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      const auto named = cites.refs(i, 0, kCitationRefGroups);
      if (!named.empty()) same[i] = named[0];
    }
    samples_ = sample_groups(same);
    struct Pooling {
      std::uint32_t review, included, position;
    };
    // The names of a cycle of poolings: "r1 -> x (same sample as r2) -> r1".
    auto names = [&](const std::vector<Pooling>& cycle) {
      std::string out(cites.id(cycle.front().review));
      for (std::size_t k = 0; k < cycle.size(); ++k) {
        const std::uint32_t next = cycle[(k + 1) % cycle.size()].review;
        out += " -> " + std::string(cites.id(cycle[k].included));
        if (cycle[k].included != next) out += " (same sample as " + std::string(cites.id(next)) + ")";
      }
      return out;
    };
    auto report = [&](const std::vector<Pooling>& cycle) {
      const Pooling& last = cycle.back();
      error(ref_place(Table::citation, last.review, 1, last.position), "includes cycle: " + names(cycle));
    };
    std::vector<std::vector<Pooling>> out(n);  // by group (its first citation's index)
    std::vector<std::optional<Pooling>> pools_own(n);
    for (std::uint32_t r = 0; r < n; ++r) {
      const auto included = cites.refs(r, 1, kCitationRefGroups);
      bool own = false;
      for (std::uint32_t k = 0; k < included.size(); ++k) {
        const Pooling p{r, included[k], k};
        if (samples_[included[k]] != samples_[r]) {
          out[samples_[r]].push_back(p);
        } else if (!own) {
          own = true;
          std::optional<Pooling>& first = pools_own[samples_[r]];
          if (first) {
            report({*first, p});
          } else {
            first = p;
          }
        }
      }
    }
    // Depth first over the groups; an edge back to a group on the path closes a cycle.
    enum : std::uint8_t { kNew, kOpen, kDone };
    std::vector<std::uint8_t> state(n, kNew);
    std::vector<std::pair<std::uint32_t, std::size_t>> path;  // (group, next edge)
    std::vector<Pooling> taken;                               // the edge into each group after the first
    for (std::uint32_t root = 0; root < n; ++root) {
      if (state[root] != kNew || out[root].empty()) continue;
      state[root] = kOpen;
      path.emplace_back(root, 0);
      while (!path.empty()) {
        auto& [group, next] = path.back();
        if (next == out[group].size()) {
          state[group] = kDone;
          path.pop_back();
          if (!taken.empty()) taken.pop_back();
          continue;
        }
        const Pooling p = out[group][next++];
        const std::uint32_t to = samples_[p.included];
        if (state[to] == kOpen) {
          std::size_t from = 0;
          while (path[from].first != to) ++from;
          std::vector<Pooling> cycle(taken.begin() + static_cast<std::ptrdiff_t>(from), taken.end());
          cycle.push_back(p);
          report(cycle);
        } else if (state[to] == kNew) {
          state[to] = kOpen;
          taken.push_back(p);
          path.emplace_back(to, 0);
        }
      }
    }
  }

  // No two concepts claim the same words (as matching sees them: analysed, stemmed)
  // unless both synonyms say why in a note: otherwise a mention would stand for
  // both without anyone having decided it should.
  void check_terms() {
    Stemmer stemmer;
    struct First {
      std::uint32_t concept_index;
      bool noted, label;
      Place at;
    };
    std::unordered_map<std::string, First> seen;
    for (const auto& [term, file] : terms_) {
      const Place at{file, term.pos};
      std::string key;
      for (const std::string& t : analyze(term.text, stemmer)) key += (key.empty() ? "" : " ") + t;
      if (key.empty()) {
        error(at, "'" + term.text +
                      "' has no word that matching can use (only short or common words); "
                      "say it in other words, or leave it out");
        continue;
      }
      auto [it, fresh] = seen.emplace(key, First{term.record, term.noted, term.label, at});
      if (fresh || it->second.concept_index == term.record) continue;
      if (term.noted && it->second.noted) continue;
      const bool labels = term.label || it->second.label;
      error(at, "'" + term.text + "' is also a " + (it->second.label ? "label" : "synonym") + " of concept '" +
                    std::string(table(Table::concept).id(it->second.concept_index)) + "' (" + where(it->second.at) +
                    (labels ? "); a label is one concept's own: reword one of them, or make one concept broader "
                              "than the other"
                            : "); two concepts may share words only when both synonyms carry a `note` saying why"));
    }
    terms_ = {};
  }

  // A claim that says nothing of what it is about is found only by its own words.
  void warn_unabout() {
    const TableBuilder& claims = table(Table::claim);
    if (!errors_.empty()) return;
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
      if (!claims.refs(i, 3, kClaimRefGroups).empty()) continue;  // about.subject is required in an about
      const Place& at = sites_[static_cast<std::size_t>(Table::claim)][i];
      warnings_.push_back({paths_[at.file], at.pos.line, at.pos.column, Diagnostic::Severity::warning,
                           "claim '" + std::string(claims.id(i)) +
                               "' has no `about` (subject, relation, object): questions in other words than "
                               "its own will not find it",
                           Diagnostic::Code::warning});
    }
  }

  Loaded finish() {
    std::vector<std::string> sections(kSections);
    grade_all(sections);
    index_claims(sections);
    Writer meta;
    meta.varint(warnings_.size());
    for (const Diagnostic& d : warnings_) encode_record(meta, d);
    sections[section_index(Section::meta)] = std::move(meta.bytes());

    StoreBytes bytes;
    for (std::size_t t = 0; t < kTables; ++t) {
      bytes.counts[t] = tables_[t].size();
      std::vector<std::string> parts = tables_[t].finish();
      for (std::size_t p = 0; p < parts.size(); ++p) {
        sections[section_index(static_cast<Table>(t), static_cast<Part>(p))] = std::move(parts[p]);
      }
    }
    auto owner = std::make_shared<std::vector<std::string>>(std::move(sections));
    for (std::size_t s = 0; s < kSections; ++s) bytes.sections[s] = (*owner)[s];
    bytes.owner = owner;
    // The same checks a snapshot gets: a loader bug cannot hand out a store that a
    // snapshot of it would fail.
    std::string why;
    auto store = Store::open(std::move(bytes), why);
    if (!store) {
      return Loaded::failure({{root_, 0, 0, Diagnostic::Severity::error,
                               "internal error: the loaded tables fail a check (" + why + "); please report it",
                               Diagnostic::Code::internal}});
    }
    return store;
  }

  template <class R>
  R decode(Table t, std::uint32_t i) const {
    R out;
    Reader r(tables_[static_cast<std::size_t>(t)].record(i));
    const BuilderRefs refs(tables_, t, i);
    decode_record(r, out, &refs);
    out.id = std::string(tables_[static_cast<std::size_t>(t)].id(i));
    return out;
  }

  // Grades every claim into the grade table. The first pass goes premises first
  // and keeps only each verdict and certainty, which is all a dependant needs; the
  // second grades in table order again, writing each grade straight into the
  // table, so that the grades are never held twice.
  void grade_all(std::vector<std::string>& sections) {
    const std::uint32_t claims = table(Table::claim).size();
    std::vector<Grade> premise_grades(claims);  // verdict and certainty only
    auto grade = [&](std::uint32_t i) {
      const auto claim = decode<Claim>(Table::claim, i);
      std::vector<Citation> cited, asserting;
      for (std::uint32_t j : table(Table::claim).refs(i, 0, kClaimRefGroups)) {
        cited.push_back(decode<Citation>(Table::citation, j));
      }
      for (std::uint32_t j : table(Table::claim).refs(i, 1, kClaimRefGroups)) {
        asserting.push_back(decode<Citation>(Table::citation, j));
      }
      GradeInput in;
      in.claim = &claim;
      for (const Citation& c : cited) in.link_citations.push_back(&c);
      for (std::uint32_t j : table(Table::claim).refs(i, 0, kClaimRefGroups)) {
        in.link_samples.push_back(samples_[j]);
        std::vector<std::uint32_t> pooled;
        for (std::uint32_t x : table(Table::citation).refs(j, 1, kCitationRefGroups)) pooled.push_back(samples_[x]);
        in.pooled_samples.push_back(std::move(pooled));
      }
      for (const Citation& c : asserting) in.assertion_citations.push_back(&c);
      for (std::uint32_t p : table(Table::claim).refs(i, 2, kClaimRefGroups)) in.premises.push_back(&premise_grades[p]);
      return grade_claim(in);
    };
    for (std::uint32_t i : premise_order(premise_graph_)) {
      const Grade g = grade(i);
      premise_grades[i].verdict = g.verdict;
      premise_grades[i].certainty = g.certainty;
    }
    premise_graph_ = EvidenceGraph();
    Writer data, offsets;
    for (std::uint32_t i = 0; i < claims; ++i) {
      offsets.u64(data.size());
      encode_record(data, grade(i));
    }
    offsets.u64(data.size());
    sections[section_index(Section::grade_data)] = std::move(data.bytes());
    sections[section_index(Section::grade_offsets)] = std::move(offsets.bytes());
  }

  // The search index over the claims' words, and the concept index over the
  // concepts' words and what the claims are about.
  void index_claims(std::vector<std::string>& sections) {
    SearchIndexBuilder words;
    ConceptIndexBuilder concepts;
    const TableBuilder& concept_table = table(Table::concept);
    for (std::uint32_t i = 0; i < concept_table.size(); ++i) {
      concepts.add_concept(decode<Concept>(Table::concept, i), concept_table.refs(i, 0, kConceptRefGroups));
    }
    for (std::uint32_t i = 0; i < table(Table::claim).size(); ++i) {
      const auto claim = decode<Claim>(Table::claim, i);
      words.add(claim);
      concepts.add_claim(claim, table(Table::claim).refs(i, 3, kClaimRefGroups));
    }
    sections[section_index(Section::search_index)] = words.finish();
    sections[section_index(Section::concept_index)] = concepts.finish();
  }

  std::string root_;
  unsigned threads_ = 0;
  std::array<std::size_t, kTables> reserve_{};
  std::array<TableBuilder, kTables> tables_;
  std::array<std::vector<Place>, kTables> sites_;  // each record's id
  std::array<std::vector<PendingRef>, kTables> pending_;
  std::string ref_ids_;                                    // the ids of pending_, one after another
  std::vector<std::pair<TermSite, std::uint32_t>> terms_;  // with their file
  std::array<std::vector<Place>, kTables> ref_places_;     // each resolved reference, in table order
  std::vector<std::string> paths_;
  std::unordered_set<std::string> broken_;
  std::vector<Diagnostic> errors_, warnings_;
  EvidenceGraph premise_graph_;
  std::vector<std::uint32_t> samples_;  // each citation's group of participants (sample_groups())
  int suggestions_ = 0;
};

}  // namespace

Loaded load(const std::string& root, unsigned threads) {
  try {
    return Loader(root, threads).run();
  } catch (const std::bad_alloc&) {  // open() never throws
    return Loaded::failure(
        {{root, 0, 0, Diagnostic::Severity::error, "the knowledge base could not be loaded: out of memory",
          Diagnostic::Code::out_of_memory}});
  } catch (...) {
    return Loaded::failure({{root, 0, 0, Diagnostic::Severity::error,
                             "the knowledge base could not be loaded: an internal error", Diagnostic::Code::internal}});
  }
}

}  // namespace claimkb::detail
