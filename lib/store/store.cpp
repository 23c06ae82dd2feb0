// Opening a store: every table checked once, so that look-ups and decoded records
// can trust them; then records decoded on first use.
#include "store/store.hpp"

#include <algorithm>
#include <cstring>

#include "claimkb/reference.hpp"
#include "store/binary.hpp"
#include "store/codec.hpp"

namespace claimkb::detail {
namespace {

// `count` + 1 u64 offsets: from 0, never decreasing, to `end`.
bool valid_offsets64(std::string_view offsets, std::uint64_t count, std::uint64_t end) {
  if (offsets.size() != 8 * (count + 1)) return false;
  const char* p = offsets.data();
  if (le64(p) != 0 || le64(p + 8 * count) != end) return false;
  for (std::uint64_t i = 1; i <= count; ++i) {
    if (le64(p + 8 * i) < le64(p + 8 * (i - 1))) return false;
  }
  return true;
}

// The same for u32 offsets.
bool valid_offsets32(std::string_view offsets, std::uint64_t count, std::uint64_t end) {
  if (offsets.size() != 4 * (count + 1)) return false;
  const char* p = offsets.data();
  if (le32(p) != 0 || le32(p + 4 * count) != end) return false;
  for (std::uint64_t i = 1; i <= count; ++i) {
    if (le32(p + 4 * i) < le32(p + 4 * (i - 1))) return false;
  }
  return true;
}

std::string_view slice(std::string_view data, std::string_view offsets64, std::uint32_t i) {
  const std::uint64_t begin = le64(offsets64.data() + 8 * std::uint64_t{i});
  const std::uint64_t end = le64(offsets64.data() + 8 * (std::uint64_t{i} + 1));
  return data.substr(begin, end - begin);
}

// True when `next(i)` (the targets of record i, all < count) has no cycle.
template <class Next>
bool acyclic(std::uint32_t count, Next next) {
  enum : std::uint8_t { kNew, kOpen, kDone };
  std::vector<std::uint8_t> state(count, kNew);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // (vertex, next edge)
  for (std::uint32_t root = 0; root < count; ++root) {
    if (state[root] != kNew) continue;
    stack.emplace_back(root, 0);
    state[root] = kOpen;
    while (!stack.empty()) {
      auto& [v, k] = stack.back();
      const IndexList targets = next(v);
      if (k == targets.size()) {
        state[v] = kDone;
        stack.pop_back();
        continue;
      }
      const std::uint32_t t = targets[k++];
      if (state[t] == kOpen) return false;
      if (state[t] == kNew) {
        state[t] = kOpen;
        stack.emplace_back(t, 0);
      }
    }
  }
  return true;
}

}  // namespace

Table ref_target(Table t, int group) {
  // From the field tables, once: group g of a record type is filled by the field
  // whose key says refers_to(..., g).
  static const auto targets = [] {
    std::array<std::array<Table, kMaxRefGroups>, kTables> out{};
    for_each_ref_key<Claim>([&](const Key& k) { out[0][static_cast<std::size_t>(k.ref_group)] = target_table(k.ref); });
    for_each_ref_key<Citation>(
        [&](const Key& k) { out[1][static_cast<std::size_t>(k.ref_group)] = target_table(k.ref); });
    for_each_ref_key<Concept>(
        [&](const Key& k) { out[2][static_cast<std::size_t>(k.ref_group)] = target_table(k.ref); });
    return out;
  }();
  return targets[static_cast<std::size_t>(t)][static_cast<std::size_t>(group)];
}

// Records of one table, decoded when first asked for. Any number of threads may call
// get() at once: the first to finish decoding a record publishes it; another that
// raced it discards its own copy.
template <class T>
class LazyRecords {
 public:
  LazyRecords(const Store& store, Table table, std::string_view data, std::string_view offsets, std::uint32_t count)
      : store_(store), table_(table), data_(data), offsets_(offsets), count_(count),
        cache_(std::make_unique<std::atomic<T*>[]>(count)) {}
  ~LazyRecords() {
    for (std::uint32_t i = 0; i < count_; ++i) delete cache_[i].load(std::memory_order_relaxed);
  }
  LazyRecords(const LazyRecords&) = delete;
  LazyRecords& operator=(const LazyRecords&) = delete;

  const T& get(std::uint32_t i) const {
    if (T* ready = cache_[i].load(std::memory_order_acquire)) return *ready;
    auto fresh = std::make_unique<T>();
    decode(i, *fresh);
    T* expected = nullptr;
    if (cache_[i].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel,
                                          std::memory_order_acquire)) {
      return *fresh.release();
    }
    return *expected;  // another thread got there first
  }

 private:
  // The ids a record's references resolve to, from the checked reference table.
  class Refs : public RefSource {
   public:
    Refs(const Store& s, Table t, std::uint32_t i) : store_(s), table_(t), record_(i) {}
    std::size_t size(int group) const override {
      return group < ref_groups(table_) ? store_.refs(table_, record_, group).size() : 0;
    }
    std::string_view id(int group, std::size_t k) const override {
      return store_.id(ref_target(table_, group), store_.refs(table_, record_, group)[static_cast<std::uint32_t>(k)]);
    }

   private:
    const Store& store_;
    Table table_;
    std::uint32_t record_;
  };

  void decode(std::uint32_t i, T& out) const {
    Reader r(slice(data_, offsets_, i));
    const Refs refs(store_, table_, i);
    decode_record(r, out, &refs);  // a damaged record (only a forged file) keeps defaults
    if constexpr (std::is_same_v<T, Grade>) {
      // One use per evidence link, whatever the bytes said.
      out.links.resize(store_.refs(Table::claim, i, 0).size());
    } else {
      out.id = std::string(store_.id(table_, i));
    }
    if constexpr (std::is_same_v<T, Citation>) out.reference = format_reference(out);
  }

  const Store& store_;
  Table table_;
  std::string_view data_, offsets_;
  std::uint32_t count_;
  std::unique_ptr<std::atomic<T*>[]> cache_;
};

Store::Store() = default;
Store::~Store() = default;

std::string_view Store::id(Table t, std::uint32_t i) const {
  return slice(bytes_.at(t, Part::ids), bytes_.at(t, Part::id_offsets), i);
}

std::optional<std::uint32_t> Store::find(Table t, std::string_view id) const {
  const char* order = bytes_.at(t, Part::order).data();
  std::uint32_t lo = 0, hi = size(t);
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    const std::uint32_t index = le32(order + 4 * std::uint64_t{mid});
    const int c = this->id(t, index).compare(id);
    if (c == 0) return index;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

IndexList Store::refs(Table t, std::uint32_t i, int group) const {
  const char* offsets = bytes_.at(t, Part::ref_offsets).data();
  const std::uint64_t entry =
      std::uint64_t{i} * static_cast<std::uint64_t>(ref_groups(t)) + static_cast<std::uint64_t>(group);
  const std::uint32_t begin = le32(offsets + 4 * entry), end = le32(offsets + 4 * (entry + 1));
  return IndexList(bytes_.at(t, Part::refs).data() + 4 * std::uint64_t{begin}, end - begin);
}

void Store::prefetch_refs(Table t, std::uint32_t i) const {
  if (i >= size(t)) return;
  const std::uint64_t groups = static_cast<std::uint64_t>(ref_groups(t)), entry = std::uint64_t{i} * groups;
  const char* offsets = bytes_.at(t, Part::ref_offsets).data();
  __builtin_prefetch(offsets + 4 * entry);  // the record's offsets may span two cache lines
  __builtin_prefetch(offsets + 4 * (entry + groups));
}

const Claim& Store::claim(std::uint32_t i) const { return claims_->get(i); }
const Grade& Store::grade(std::uint32_t i) const { return grades_->get(i); }
const Citation& Store::citation(std::uint32_t i) const { return citations_->get(i); }
const Concept& Store::concept_at(std::uint32_t i) const { return concept_records_->get(i); }

const SearchIndex& Store::search_index() const {
  std::call_once(search_once_, [this] {
    std::string_view bytes = bytes_.at(Section::search_index);
    if (bytes_.mapped) {
      search_copy_.assign(bytes);
      bytes = search_copy_;
    }
    if (auto index = SearchIndex::open(bytes, size(Table::claim))) search_ = *index;
  });
  return search_;
}

const ConceptIndex& Store::concept_index() const {
  std::call_once(concepts_once_, [this] {
    std::string_view bytes = bytes_.at(Section::concept_index);
    if (bytes_.mapped) {
      concepts_copy_.assign(bytes);
      bytes = concepts_copy_;
    }
    if (auto index = ConceptIndex::open(bytes, size(Table::concept), size(Table::claim))) concept_index_ = *index;
  });
  return concept_index_;
}

const EvidenceGraph& Store::graph() const {
  std::call_once(graph_once_, [this] {
    const std::uint32_t claims = size(Table::claim), citations = size(Table::citation);
    std::vector<GraphEdge> edges;
    auto add = [&](std::uint32_t from, std::uint32_t to, EdgeKind kind, std::uint32_t position) {
      edges.push_back({from, to, kind, position});
    };
    for (std::uint32_t i = 0; i < claims; ++i) {
      const Claim& c = claim(i);
      const IndexList evidence = refs(Table::claim, i, 0);
      for (std::uint32_t k = 0; k < evidence.size(); ++k) {
        const Stance s = c.evidence[k].stance;
        add(i, claims + evidence[k],
            s == Stance::supports  ? EdgeKind::supports
            : s == Stance::refutes ? EdgeKind::refutes
                                   : EdgeKind::neutral,
            k);
      }
      const IndexList asserted = refs(Table::claim, i, 1), premises = refs(Table::claim, i, 2);
      for (std::uint32_t k = 0; k < asserted.size(); ++k) add(i, claims + asserted[k], EdgeKind::asserted_by, k);
      for (std::uint32_t k = 0; k < premises.size(); ++k) add(i, premises[k], EdgeKind::depends_on, k);
      for (int g = 3; g < kClaimRefGroups; ++g) {  // about: subject, object, compared_with, population
        const IndexList about = refs(Table::claim, i, g);
        for (std::uint32_t k = 0; k < about.size(); ++k) add(i, claims + citations + about[k], EdgeKind::about, k);
      }
    }
    for (std::uint32_t i = 0; i < size(Table::concept); ++i) {
      const IndexList broader = refs(Table::concept, i, 0);
      for (std::uint32_t k = 0; k < broader.size(); ++k) {
        add(claims + citations + i, claims + citations + broader[k], EdgeKind::broader, k);
      }
    }
    graph_ = make_graph({claims, citations, size(Table::concept)}, edges);
  });
  return graph_;
}

std::unique_ptr<const Store> Store::open(StoreBytes bytes, std::string& why) {
  auto damaged = [&](const std::string& what) -> std::unique_ptr<const Store> {
    why = what;
    return nullptr;
  };
  const auto& counts = bytes.counts;
  for (std::size_t t = 0; t < kTables; ++t) {
    const auto table = static_cast<Table>(t);
    const std::uint32_t n = counts[t];
    const char* name = table_name(table);
    if (!valid_offsets64(bytes.at(table, Part::offsets), n, bytes.at(table, Part::data).size()) ||
        !valid_offsets64(bytes.at(table, Part::id_offsets), n, bytes.at(table, Part::ids).size())) {
      return damaged(std::string("a ") + name + " table points outside its data");
    }
    const auto groups = static_cast<std::uint64_t>(ref_groups(table));
    const std::string_view refs = bytes.at(table, Part::refs);
    if (refs.size() % 4 != 0 || !valid_offsets32(bytes.at(table, Part::ref_offsets), n * groups, refs.size() / 4)) {
      return damaged(std::string("the ") + name + " reference table points outside its data");
    }
    // Each reference is below the size of the table its group points into.
    std::array<std::uint32_t, kMaxRefGroups> limit{};
    for (int g = 0; g < static_cast<int>(groups); ++g) {
      limit[static_cast<std::size_t>(g)] = counts[static_cast<std::size_t>(ref_target(table, g))];
    }
    const Packed<std::uint32_t> ref_offsets(bytes.at(table, Part::ref_offsets).data()), targets(refs.data());
    std::uint32_t k = 0;
    for (std::uint64_t e = 0; e < n * groups; ++e) {
      const std::uint32_t bound = limit[e % groups], end = ref_offsets[e + 1];
      for (; k < end; ++k) {
        if (targets[k] >= bound) return damaged(std::string("a ") + name + " names a record that is not there");
      }
    }
    // Ids sorted strictly by `order`: then they are distinct, `order` is a
    // permutation, and find() finds every record.
    const std::string_view order = bytes.at(table, Part::order);
    if (order.size() != 4 * std::uint64_t{n}) return damaged(std::string("the ") + name + " id order is cut");
    for (std::uint32_t i = 0; i < n; ++i) {
      if (le32(order.data() + 4 * std::uint64_t{i}) >= n) {
        return damaged(std::string("the ") + name + " id order is out of range");
      }
    }
    const Packed<std::uint32_t> sorted(order.data());
    const std::string_view ids = bytes.at(table, Part::ids), id_offsets = bytes.at(table, Part::id_offsets);
    for (std::uint32_t i = 1; i < n; ++i) {
      if (!(slice(ids, id_offsets, sorted[i - 1]) < slice(ids, id_offsets, sorted[i]))) {
        return damaged(std::string("the ") + name + " ids are not in order, or not distinct");
      }
    }
  }
  if (!valid_offsets64(bytes.at(Section::grade_offsets), counts[0], bytes.at(Section::grade_data).size())) {
    return damaged("the grade table points outside its data");
  }

  std::unique_ptr<Store> store(new Store());
  store->bytes_ = std::move(bytes);
  const StoreBytes& b = store->bytes_;
  // No claim presupposes itself, through any chain; no concept is broader than itself.
  if (!acyclic(b.counts[0], [&](std::uint32_t i) { return store->refs(Table::claim, i, 2); }) ||
      !acyclic(b.counts[2], [&](std::uint32_t i) { return store->refs(Table::concept, i, 0); })) {
    return damaged("a depends_on or broader cycle");
  }
  Reader meta(b.at(Section::meta));
  for (std::size_t n = meta.count(); n > 0 && meta.ok(); --n) decode_record(meta, store->warnings_.emplace_back());
  if (!meta.ok() || !meta.at_end()) return damaged("bad warnings");

  const Store& s = *store;
  store->claims_ = std::make_unique<LazyRecords<Claim>>(s, Table::claim, b.at(Table::claim, Part::data),
                                                        b.at(Table::claim, Part::offsets), b.counts[0]);
  store->grades_ = std::make_unique<LazyRecords<Grade>>(s, Table::claim, b.at(Section::grade_data),
                                                        b.at(Section::grade_offsets), b.counts[0]);
  store->citations_ = std::make_unique<LazyRecords<Citation>>(s, Table::citation, b.at(Table::citation, Part::data),
                                                              b.at(Table::citation, Part::offsets), b.counts[1]);
  store->concept_records_ = std::make_unique<LazyRecords<Concept>>(s, Table::concept, b.at(Table::concept, Part::data),
                                                                   b.at(Table::concept, Part::offsets), b.counts[2]);
  return store;
}

}  // namespace claimkb::detail
