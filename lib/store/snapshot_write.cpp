// Writing a snapshot: the header, the section table, then the store's sections as
// they are, streamed to the file (never gathered into one more copy).
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/version.hpp"
#include "store/binary.hpp"
#include "store/schema.hpp"
#include "store/snapshot.hpp"
#include "store/write_file.hpp"

namespace claimkb::detail {

Result<std::size_t> write_snapshot(const Store& store, const std::string& path) {
  const StoreBytes& bytes = store.bytes();
  Writer table;
  for (std::uint32_t n : bytes.counts) table.u32(n);
  table.u32(schema_fingerprint());
  std::uint64_t offset = kSnapshotTableSize;
  for (std::string_view s : bytes.sections) {
    table.u64(offset);
    offset += s.size();
  }
  table.u64(offset);

  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, table.bytes().data(), table.size());
  for (std::string_view s : bytes.sections) XXH3_64bits_update(&state, s.data(), s.size());

  Writer header;
  header.bytes().append(kSnapshotMagic, sizeof kSnapshotMagic);
  header.u32(kSnapshotFormat);
  header.u32(static_cast<std::uint32_t>(kSnapshotHeaderSize));
  char version[32] = {};
  std::strncpy(version, CLAIMKB_VERSION_STRING, sizeof version - 1);
  header.bytes().append(version, sizeof version);
  header.u64(offset);
  header.u64(XXH3_64bits_digest(&state));

  std::vector<std::string_view> pieces = {header.bytes(), table.bytes()};
  pieces.insert(pieces.end(), bytes.sections.begin(), bytes.sections.end());
  if (auto error = write_file_atomically(path, pieces)) return Result<std::size_t>::failure({*error});
  return static_cast<std::size_t>(kSnapshotHeaderSize + offset);
}

}  // namespace claimkb::detail
