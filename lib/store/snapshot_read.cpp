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
#include <string>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/version.hpp"
#include "store/binary.hpp"
#include "store/snapshot.hpp"

namespace claimkb::detail {
namespace {

std::uint64_t le64(const char* p) { return load_le(p, 8); }
std::uint32_t le32(const char* p) { return static_cast<std::uint32_t>(load_le(p, 4)); }

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
  std::string tables;
  ~Mapped() {
    if (map != nullptr) ::munmap(map, size);
  }
};

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

// Whether a section is copied out of the mapping at open: every table a look-up
// follows is (offsets, ids, order, references, the search index), so that a file
// changed in place while it is open (not by rename, as `compile` does) cannot make
// a look-up leave the mapping: what was checked is what is used. Records are read
// from the mapping, through bounds-checked decoding.
bool copied(std::size_t section) {
  if (section == section_index(Section::grade_data)) return false;
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
  auto damaged = [&](const std::string& message) { return refuse(message + again, Diagnostic::Code::damaged_snapshot); };

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
    return refuse("the snapshot was written by claimkb " + written_by + ", and this is claimkb " +
                      CLAIMKB_VERSION_STRING + again,
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
    if (size > SIZE_MAX) return refuse("the snapshot is too large to map into memory on this machine", Diagnostic::Code::too_large);
  }

  auto mapped = std::make_shared<Mapped>();
  mapped->size = static_cast<std::size_t>(size);
  void* map = ::mmap(nullptr, mapped->size, PROT_READ, MAP_PRIVATE, file.fd(), 0);
  if (map == MAP_FAILED) {
    return refuse(std::string("cannot map the snapshot into memory: ") + std::strerror(errno), Diagnostic::Code::io);
  }
  mapped->map = map;
  if (checksum_of_mapping(static_cast<char*>(map), mapped->size) != checksum) {
    return damaged("the snapshot is damaged: the checksum of its data does not match its header (it was changed "
                   "or cut after it was written)");
  }

  // Checksummed, so from here on only an altered file (or a faulty writer) fails.
  const char* p = static_cast<const char*>(map) + kSnapshotHeaderSize;
  if (payload_size < kSnapshotTableSize) return damaged("the snapshot is damaged: no section table");
  StoreBytes bytes;
  for (std::size_t t = 0; t < kTables; ++t) bytes.counts[t] = le32(p + 4 * t);
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
  mapped->tables.reserve(copy_size);
  for (std::size_t i = 0; i < kSections; ++i) {
    const std::string_view in_file(p + starts[i], starts[i + 1] - starts[i]);
    if (copied(i)) {
      const std::size_t at = mapped->tables.size();
      mapped->tables.append(in_file);
      bytes.sections[i] = std::string_view(mapped->tables).substr(at, in_file.size());  // reserved: never moves
    } else {
      bytes.sections[i] = in_file;
    }
  }
  bytes.owner = mapped;
  std::string why;
  auto store = Store::open(std::move(bytes), why);
  if (!store) return damaged("the snapshot is damaged: " + why);
  return store;
}

}  // namespace claimkb::detail
