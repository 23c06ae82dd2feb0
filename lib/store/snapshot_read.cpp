// Opening a snapshot: check the header, the size and the checksum before anything
// else is read, then the section table, then hand the sections to Store::open().
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/version.hpp"
#include "store/binary.hpp"
#include "store/schema.hpp"
#include "store/snapshot.hpp"

namespace claimkb::detail {
namespace {

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

// Keeps a snapshot's bytes alive: the mapping, and the copies of the tables that
// look-ups follow.
struct Mapped {
  void* map = nullptr;
  std::size_t size = 0;
  char* tables = nullptr;  // anonymous memory; pread() fills it
  std::size_t tables_size = 0;
  Mapped() = default;
  ~Mapped() {
    if (map != nullptr) ::munmap(map, size);
    if (tables != nullptr) ::munmap(tables, tables_size);
  }
  Mapped(const Mapped&) = delete;  // would unmap twice
  Mapped& operator=(const Mapped&) = delete;

  // Memory for the copied tables. Asked for in huge pages where the system gives
  // them (a first touch of each small page costs a fault, which adds up to several
  // milliseconds for a large KB's tables).
  bool allocate_tables(std::size_t bytes) {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    tables_size = std::max<std::size_t>(1, (bytes + kHuge - 1) / kHuge * kHuge);
    void* p = ::mmap(nullptr, tables_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return false;
#ifdef MADV_HUGEPAGE
    ::madvise(p, tables_size, MADV_HUGEPAGE);
#endif
    tables = static_cast<char*>(p);
    return true;
  }
};

// Reads `size` bytes at `offset` of the file into `out`; false on a read error or
// a file cut short.
bool read_at(int fd, char* out, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

// XXH3-64 of the payload (everything after the header), read through a small
// buffer: the file's pages are never mapped into this process for it, so opening
// holds and touches only what is used.
std::optional<std::uint64_t> checksum_of_file(int fd, std::uint64_t payload_size) {
  constexpr std::size_t kChunk = std::size_t{256} << 10;  // stays in a core's cache between read and hash
  const std::unique_ptr<char[]> buffer(new char[kChunk]);
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  for (std::uint64_t done = 0; done < payload_size;) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, payload_size - done));
    if (!read_at(fd, buffer.get(), n, kSnapshotHeaderSize + done)) return std::nullopt;
    XXH3_64bits_update(&state, buffer.get(), n);
    done += n;
  }
  return XXH3_64bits_digest(&state);
}

// Whether a section is copied out of the file at open: every table a look-up
// follows is (offsets, ids, order, references), so that a file changed in place
// while it is open (not by rename, as `compile` does) cannot make a look-up leave
// the mapping: what was checked is what is used. Records are read from the mapping,
// through bounds-checked decoding; the search index is copied when first used
// (Store::search_index()).
bool copied(std::size_t section) {
  if (section == section_index(Section::grade_data) || section == section_index(Section::search_index) ||
      section == section_index(Section::concept_index)) {
    return false;
  }
  for (std::size_t t = 0; t < kTables; ++t) {
    if (section == section_index(static_cast<Table>(t), Part::data)) return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<const Store>> open_snapshot(const std::string& path) {
  using Opened = Result<std::unique_ptr<const Store>>;
  auto refuse = [&](const std::string& message, Diagnostic::Code code) {
    return Opened::failure({{path, 0, 0, Diagnostic::Severity::error, message, code}});
  };
  const std::string again = "; write it again with `claimkb compile --kb DIR -o " + path + "`";
  auto damaged = [&](const std::string& message) {
    return refuse(message + again, Diagnostic::Code::damaged_snapshot);
  };

  File file(path);
  struct stat st {};
  if (file.fd() < 0 || ::fstat(file.fd(), &st) != 0) {
    return refuse(std::string("cannot open the snapshot: ") + std::strerror(errno), Diagnostic::Code::io);
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  char header[kSnapshotHeaderSize] = {};
  const ssize_t got = ::pread(file.fd(), header, sizeof header, 0);
  if (got < 0) return refuse(std::string("cannot read the snapshot: ") + std::strerror(errno), Diagnostic::Code::io);
  const auto prefix = std::min(static_cast<std::size_t>(got), sizeof kSnapshotMagic);
  if (got == 0 || std::memcmp(header, kSnapshotMagic, prefix) != 0) {
    return refuse(std::string("not a knowledge base: give a directory holding claims/ and citations/, or a "
                              "snapshot file written by `claimkb compile` (") +
                      (got == 0 ? "this file is empty)" : "this file does not start with a snapshot's signature)"),
                  Diagnostic::Code::damaged_snapshot);
  }
  if (static_cast<std::size_t>(got) < kSnapshotHeaderSize) {
    return damaged("the snapshot is truncated: " + std::to_string(size) + " bytes, less than its " +
                   std::to_string(kSnapshotHeaderSize) + "-byte header");
  }
  const std::uint32_t format = le32(header + 8);
  if (format != kSnapshotFormat) {
    return refuse("the snapshot has format version " + std::to_string(format) + "; this claimkb (" +
                      CLAIMKB_VERSION_STRING + ") reads version " + std::to_string(kSnapshotFormat) + again,
                  Diagnostic::Code::other_version);
  }
  const std::string written_by = to_valid_utf8(std::string_view(header + 16, strnlen(header + 16, 32)));
  if (le32(header + 12) != kSnapshotHeaderSize) {
    return damaged("the snapshot's header size is " + std::to_string(le32(header + 12)) + " bytes, not " +
                   std::to_string(kSnapshotHeaderSize) + " as format version " + std::to_string(kSnapshotFormat) +
                   " has; the header is damaged");
  }
  if (written_by != CLAIMKB_VERSION_STRING) {
    // Grading rules may differ between versions, so a snapshot's verdicts are
    // trusted only by the version that graded them.
    return refuse(
        "the snapshot was written by claimkb " + written_by + ", and this is claimkb " + CLAIMKB_VERSION_STRING + again,
        Diagnostic::Code::other_version);
  }
  const std::uint64_t payload_size = le64(header + 48), checksum = le64(header + 56);
  const std::uint64_t have = size - kSnapshotHeaderSize;
  if (have != payload_size) {
    return damaged(std::string(have < payload_size ? "the snapshot is truncated" : "the snapshot has extra bytes") +
                   ": its header announces " + std::to_string(payload_size) + " bytes of data after the header, " +
                   "the file holds " + std::to_string(have));
  }
  if constexpr (sizeof(std::size_t) < sizeof(std::uint64_t)) {
    if (size > SIZE_MAX) {
      return refuse("the snapshot is too large to map into memory on this machine", Diagnostic::Code::too_large);
    }
  }

  const std::optional<std::uint64_t> sum = checksum_of_file(file.fd(), payload_size);
  if (!sum) return refuse(std::string("cannot read the snapshot: ") + std::strerror(errno), Diagnostic::Code::io);
  if (*sum != checksum) {
    return damaged(
        "the snapshot is damaged: the checksum of its data does not match its header (it was changed "
        "or cut after it was written)");
  }
  auto mapped = std::make_shared<Mapped>();
  mapped->size = static_cast<std::size_t>(size);
  void* map = ::mmap(nullptr, mapped->size, PROT_READ, MAP_PRIVATE, file.fd(), 0);
  if (map == MAP_FAILED) {
    return refuse(std::string("cannot map the snapshot into memory: ") + std::strerror(errno), Diagnostic::Code::io);
  }
  mapped->map = map;

  // Checksummed, so from here on only an altered file (or a faulty writer) fails.
  const char* p = static_cast<const char*>(map) + kSnapshotHeaderSize;
  if (payload_size < kSnapshotTableSize) return damaged("the snapshot is damaged: no section table");
  StoreBytes bytes;
  for (std::size_t t = 0; t < kTables; ++t) bytes.counts[t] = le32(p + 4 * t);
  if (const std::uint32_t schema = le32(p + 4 * kTables); schema != schema_fingerprint()) {
    // Records are read in the field tables' order: other tables would misread them.
    return refuse("the snapshot was written with other record fields (fingerprint " + std::to_string(schema) +
                      ", this claimkb has " + std::to_string(schema_fingerprint()) + ")" + again,
                  Diagnostic::Code::other_version);
  }
  const char* offsets = p + 4 * kTables + 4;
  std::uint64_t starts[kSections + 1];
  for (std::size_t i = 0; i <= kSections; ++i) starts[i] = le64(offsets + 8 * i);
  if (starts[0] != kSnapshotTableSize || starts[kSections] != payload_size) {
    return damaged("the snapshot is damaged: bad section table");
  }
  std::size_t copy_size = 0;
  for (std::size_t i = 0; i < kSections; ++i) {
    if (starts[i + 1] < starts[i]) return damaged("the snapshot is damaged: bad section table");
    if (copied(i)) copy_size += starts[i + 1] - starts[i];
  }
  // Copied with pread(), not from the mapping: the kernel copies from its page
  // cache, and none of the file's pages are faulted into this process for it.
  if (!mapped->allocate_tables(copy_size)) {
    return refuse(std::string("cannot allocate memory for the snapshot's tables: ") + std::strerror(errno),
                  Diagnostic::Code::out_of_memory);
  }
  std::size_t at = 0;
  for (std::size_t i = 0; i < kSections; ++i) {
    const std::size_t n = starts[i + 1] - starts[i];
    if (copied(i)) {
      if (!read_at(file.fd(), mapped->tables + at, n, kSnapshotHeaderSize + starts[i])) {
        return refuse(std::string("cannot read the snapshot: ") + std::strerror(errno), Diagnostic::Code::io);
      }
      bytes.sections[i] = std::string_view(mapped->tables + at, n);
      at += n;
    } else {
      bytes.sections[i] = std::string_view(p + starts[i], n);
    }
  }
  bytes.owner = mapped;
  bytes.mapped = true;
  std::string why;
  auto store = Store::open(std::move(bytes), why);
  if (!store) return damaged("the snapshot is damaged: " + why);
  return store;
}

}  // namespace claimkb::detail
