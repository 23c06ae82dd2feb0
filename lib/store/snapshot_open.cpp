// Opening a snapshot: check the header, the size and the checksum before anything
// else is read, then the payload's layout; records are decoded on first use.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/version.hpp"
#include "store/binary.hpp"
#include "kb/state.hpp"
#include "store/codec.hpp"
#include "store/snapshot.hpp"

namespace claimkb::detail {
namespace {

std::uint64_t le64(const char* p) { return load_le(p, 8); }
std::uint32_t le32(const char* p) { return static_cast<std::uint32_t>(load_le(p, 4)); }

// An offsets table of `count` + 1 entries: from 0, never decreasing, to `end`.
bool valid_offsets(const char* offsets, std::uint64_t count, std::uint64_t end) {
  if (le64(offsets) != 0 || le64(offsets + 8 * count) != end) return false;
  for (std::uint64_t i = 1; i <= count; ++i) {
    if (le64(offsets + 8 * i) < le64(offsets + 8 * (i - 1))) return false;
  }
  return true;
}

bool valid_order(const char* order, std::uint32_t count) {
  for (std::uint32_t i = 0; i < count; ++i) {
    if (le32(order + 4 * i) >= count) return false;
  }
  return true;
}

// XXH3-64 of the payload (everything after the header) of a mapped snapshot. The
// pages read are let go from this process's resident memory as it goes (they stay
// in the page cache), so that opening never holds the whole file: memory then grows
// only with the records asked for.
std::uint64_t checksum_of_mapping(char* map, std::size_t size) {
  constexpr std::size_t kChunk = std::size_t{8} << 20;  // a multiple of any page size
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  for (std::size_t begin = 0; begin < size; begin += kChunk) {
    const std::size_t end = std::min(size, begin + kChunk);
    const std::size_t from = std::max(begin, kSnapshotHeaderSize);
    if (from < end) XXH3_64bits_update(&state, map + from, end - from);
    ::madvise(map + begin, end - begin, MADV_DONTNEED);
  }
  return XXH3_64bits_digest(&state);
}

constexpr Section kCopiedSections[] = {
    Section::claim_offsets,  Section::grade_offsets, Section::citation_offsets,    Section::claim_id_offsets,
    Section::claim_ids,      Section::citation_id_offsets, Section::citation_ids, Section::claim_order,
    Section::citation_order};

class File {
 public:
  explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string_view StringTable::at(std::uint32_t i) const {
  const std::uint64_t begin = le64(offsets_ + 8 * std::uint64_t{i}), end = le64(offsets_ + 8 * (std::uint64_t{i} + 1));
  return data_.substr(begin, end - begin);
}

template <class T>
void LazyTable<T>::init(StringTable records, StringTable ids) {
  cache_ = std::make_unique<std::atomic<T*>[]>(records.size());
  records_ = records;
  ids_ = ids;
}

namespace {
void set_id(Claim& c, std::string_view id) { c.id = std::string(id); }
void set_id(Citation& c, std::string_view id) { c.id = std::string(id); }
void set_id(Grade&, std::string_view) {}
}  // namespace

template <class T>
LazyTable<T>::~LazyTable() {
  for (std::uint32_t i = 0; i < size(); ++i) delete cache_[i].load(std::memory_order_relaxed);
}

template <class T>
const T& LazyTable<T>::get(std::uint32_t i) const {
  if (T* ready = cache_[i].load(std::memory_order_acquire)) return *ready;
  auto fresh = std::make_unique<T>();
  Reader r(records_.at(i));
  decode(r, *fresh);  // a damaged record (only an altered file) leaves defaults
  if (ids_.size() != 0) set_id(*fresh, ids_.at(i));
  T* expected = nullptr;
  if (cache_[i].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel,
                                        std::memory_order_acquire)) {
    return *fresh.release();
  }
  return *expected;  // another thread got there first
}

template class LazyTable<Claim>;
template class LazyTable<Grade>;
template class LazyTable<Citation>;

SnapshotStore::~SnapshotStore() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

template <class T>
std::optional<std::uint32_t> SnapshotStore::find(const LazyTable<T>& table, const char* order, std::string_view id) {
  std::uint32_t lo = 0, hi = table.size();
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    const std::uint32_t index = le32(order + 4 * std::uint64_t{mid});
    const int c = table.id(index).compare(id);
    if (c == 0) return index;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

// True when `order` lists the table's ids in strictly increasing order. Then the
// ids are distinct and `order` is a permutation, so find() finds every record.
template <class T>
bool SnapshotStore::strictly_sorted(const LazyTable<T>& table, const char* order) {
  for (std::uint32_t k = 1; k < table.size(); ++k) {
    if (!(table.id(le32(order + 4 * std::uint64_t{k - 1})) < table.id(le32(order + 4 * std::uint64_t{k})))) {
      return false;
    }
  }
  return true;
}

std::optional<std::uint32_t> SnapshotStore::find_claim(std::string_view id) const {
  return find(claims_, claim_order_, id);
}

std::optional<std::uint32_t> SnapshotStore::find_citation(std::string_view id) const {
  return find(citations_, citation_order_, id);
}

const EvidenceGraph& SnapshotStore::graph() const {
  std::call_once(graph_once_, [this] {
    const std::size_t claims = claim_count(), vertices = claims + citation_count();
    EvidenceGraph g(vertices);
    for (std::size_t v = 0; v < vertices; ++v) {
      g[v] = v < claims ? VertexData{VertexKind::claim, static_cast<std::uint32_t>(v)}
                        : VertexData{VertexKind::citation, static_cast<std::uint32_t>(v - claims)};
    }
    Reader r(graph_edges_);
    for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
      const std::uint64_t from = r.varint(), to = r.varint();
      const EdgeKind kind = r.enumeration(EdgeKind::supports, EdgeKind::depends_on);
      const auto position = static_cast<std::uint32_t>(r.varint());
      if (r.ok() && from < claims && to < vertices) boost::add_edge(from, to, EdgeData{kind, position}, g);
    }
    graph_ = std::move(g);
  });
  return graph_;
}

Result<std::shared_ptr<const KnowledgeBase::Impl>> open_snapshot(const std::string& path) {
  using Opened = Result<std::shared_ptr<const KnowledgeBase::Impl>>;
  auto refuse = [&](const std::string& message) {
    return Opened::failure({{path, 0, 0, Diagnostic::Severity::error, message}});
  };
  const std::string again = "; write it again with `claimkb compile --kb DIR -o " + path + "`";

  File file(path);
  struct stat st {};
  if (file.fd() < 0 || ::fstat(file.fd(), &st) != 0) {
    return refuse(std::string("cannot open the snapshot: ") + std::strerror(errno));
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  char header[kSnapshotHeaderSize] = {};
  const ssize_t got = ::pread(file.fd(), header, sizeof header, 0);
  if (got < 0) return refuse(std::string("cannot read the snapshot: ") + std::strerror(errno));
  const auto prefix = std::min(static_cast<std::size_t>(got), sizeof kSnapshotMagic);
  if (got == 0 || std::memcmp(header, kSnapshotMagic, prefix) != 0) {
    return refuse(std::string("not a knowledge base: give a directory holding claims/ and citations/, or a "
                              "snapshot file written by `claimkb compile` (") +
                  (got == 0 ? "this file is empty)" : "this file does not start with a snapshot's signature)"));
  }
  if (static_cast<std::size_t>(got) < kSnapshotHeaderSize) {
    return refuse("the snapshot is truncated: " + std::to_string(size) + " bytes, less than its " +
                  std::to_string(kSnapshotHeaderSize) + "-byte header" + again);
  }
  const std::uint32_t format = le32(header + 8);
  if (format != kSnapshotFormat) {
    return refuse("the snapshot has format version " + std::to_string(format) + "; this claimkb (" +
                  CLAIMKB_VERSION_STRING + ") reads version " + std::to_string(kSnapshotFormat) + again);
  }
  const std::string written_by(header + 16, strnlen(header + 16, 32));
  if (le32(header + 12) != kSnapshotHeaderSize) {
    return refuse("the snapshot's header size is " + std::to_string(le32(header + 12)) + " bytes, not " +
                  std::to_string(kSnapshotHeaderSize) + " as format version " + std::to_string(kSnapshotFormat) +
                  " has; the header is damaged" + again);
  }
  if (written_by != CLAIMKB_VERSION_STRING) {
    // Grading rules may differ between versions, so a snapshot's verdicts are
    // trusted only by the version that graded them.
    return refuse("the snapshot was written by claimkb " + written_by + ", and this is claimkb " +
                  CLAIMKB_VERSION_STRING + again);
  }
  const std::uint64_t payload_size = le64(header + 48), checksum = le64(header + 56);
  const std::uint64_t have = size - kSnapshotHeaderSize;
  if (have != payload_size) {
    return refuse(std::string(have < payload_size ? "the snapshot is truncated" : "the snapshot has extra bytes") +
                  ": its header announces " + std::to_string(payload_size) + " bytes of data after the header, " +
                  "the file holds " + std::to_string(have) + again);
  }

  if constexpr (sizeof(std::size_t) < sizeof(std::uint64_t)) {
    if (size > SIZE_MAX) return refuse("the snapshot is too large to map into memory on this machine");
  }
  std::unique_ptr<SnapshotStore> store(new SnapshotStore());
  store->map_size_ = static_cast<std::size_t>(size);
  void* map = ::mmap(nullptr, store->map_size_, PROT_READ, MAP_PRIVATE, file.fd(), 0);
  if (map == MAP_FAILED) return refuse(std::string("cannot map the snapshot into memory: ") + std::strerror(errno));
  store->map_ = map;
  const char* p = static_cast<const char*>(map) + kSnapshotHeaderSize;
  if (checksum_of_mapping(static_cast<char*>(map), store->map_size_) != checksum) {
    return refuse("the snapshot is damaged: the checksum of its data does not match its header (it was changed "
                  "or cut after it was written)" + again);
  }

  // Checksummed, so from here on only an altered file (or a faulty writer) fails.
  auto damaged = [&](const char* what) { return refuse(std::string("the snapshot is damaged: ") + what + again); };
  constexpr std::size_t kSections = static_cast<std::size_t>(Section::count);
  constexpr std::uint64_t kTable = 8 + 8 * (kSections + 1);
  if (payload_size < kTable) return damaged("no section table");
  const std::uint32_t claims = le32(p), citations = le32(p + 4);
  std::uint64_t offsets[kSections + 1];
  for (std::size_t i = 0; i <= kSections; ++i) offsets[i] = le64(p + 8 + 8 * i);
  if (offsets[0] != kTable || offsets[kSections] != payload_size) return damaged("bad section table");
  for (std::size_t i = 1; i <= kSections; ++i) {
    if (offsets[i] < offsets[i - 1]) return damaged("bad section table");
  }
  std::string_view sections[kSections];
  for (std::size_t i = 0; i < kSections; ++i) sections[i] = std::string_view(p + offsets[i], offsets[i + 1] - offsets[i]);
  auto section = [&](Section s) { return sections[static_cast<std::size_t>(s)]; };
  const std::uint64_t c = claims, k = citations;
  if (section(Section::claim_offsets).size() != 8 * (c + 1) ||
      section(Section::grade_offsets).size() != 8 * (c + 1) ||
      section(Section::citation_offsets).size() != 8 * (k + 1) ||
      section(Section::claim_order).size() != 4 * c || section(Section::citation_order).size() != 4 * k) {
    return damaged("a table's size does not match the record counts");
  }
  if (section(Section::claim_id_offsets).size() != 8 * (c + 1) ||
      section(Section::citation_id_offsets).size() != 8 * (k + 1)) {
    return damaged("an id table's size does not match the record counts");
  }
  // The tables every look-up follows (offsets, ids, sorted order) are copied out of
  // the mapping and checked in the copy, so that a file changed in place while it is
  // open (not by rename, as `compile` does) cannot make a look-up leave the mapping:
  // what was checked is what is used. Records are read from the mapping, through
  // bounds-checked decoding. The tables are a small part of the file.
  std::string& tables = store->tables_;
  std::size_t copied_size = 0;
  for (Section t : kCopiedSections) copied_size += section(t).size();
  tables.reserve(copied_size);
  for (Section t : kCopiedSections) {
    std::string_view& view = sections[static_cast<std::size_t>(t)];
    const std::size_t at = tables.size();
    tables.append(view);
    view = std::string_view(tables.data() + at, view.size());  // reserved: never moves
  }
  if (!valid_offsets(section(Section::claim_offsets).data(), c, section(Section::claim_data).size()) ||
      !valid_offsets(section(Section::grade_offsets).data(), c, section(Section::grade_data).size()) ||
      !valid_offsets(section(Section::citation_offsets).data(), k, section(Section::citation_data).size()) ||
      !valid_offsets(section(Section::claim_id_offsets).data(), c, section(Section::claim_ids).size()) ||
      !valid_offsets(section(Section::citation_id_offsets).data(), k, section(Section::citation_ids).size()) ||
      !valid_order(section(Section::claim_order).data(), claims) ||
      !valid_order(section(Section::citation_order).data(), citations)) {
    return damaged("a record table points outside its data");
  }

  auto kb = std::make_unique<KnowledgeBase::Impl>();
  kb->root = path;
  Reader meta(section(Section::meta));
  for (std::size_t n = meta.count(); n > 0 && meta.ok(); --n) decode(meta, kb->warnings.emplace_back());
  if (!meta.ok() || !meta.at_end()) return damaged("bad warnings");
  Reader index(section(Section::search_index));
  auto search = SearchIndex::load(index, claims);
  if (!search) return damaged("bad search index");
  kb->search_index = std::move(*search);

  auto table = [&](Section data, Section starts, std::uint32_t count) {
    return StringTable(section(data), section(starts).data(), count);
  };
  store->claims_.init(table(Section::claim_data, Section::claim_offsets, claims),
                      table(Section::claim_ids, Section::claim_id_offsets, claims));
  store->grades_.init(table(Section::grade_data, Section::grade_offsets, claims), StringTable());
  store->citations_.init(table(Section::citation_data, Section::citation_offsets, citations),
                         table(Section::citation_ids, Section::citation_id_offsets, citations));
  store->claim_order_ = section(Section::claim_order).data();
  store->citation_order_ = section(Section::citation_order).data();
  if (!SnapshotStore::strictly_sorted(store->claims_, store->claim_order_) ||
      !SnapshotStore::strictly_sorted(store->citations_, store->citation_order_)) {
    return damaged("the ids are not in order, or not distinct");
  }
  store->graph_edges_ = section(Section::graph);
  kb->snapshot = std::move(store);
  return std::shared_ptr<const KnowledgeBase::Impl>(std::move(kb));
}

}  // namespace claimkb::detail
