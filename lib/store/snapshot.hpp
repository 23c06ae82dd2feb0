// Compiled snapshots: a store's tables (store/layout.hpp) in one checksummed
// binary file. Private to the library; docs/snapshot.md describes the format.
//
// The file is a 64-byte header (signature, format version, the claimkb version
// that wrote it, the payload's size and XXH3-64 checksum), then the payload: the
// record counts, the place of every section, and the sections themselves, exactly
// as a KB loaded from YAML holds them in memory. Opening maps the file, checks the
// header, size and checksum, copies the small tables that look-ups follow, and
// hands the rest to Store::open() as it is: records are decoded from the mapping
// only when asked for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "claimkb/result.hpp"
#include "store/store.hpp"

namespace claimkb::detail {

// Format version of the files this library writes and reads. Change it whenever
// the layout (store/layout.hpp, the search index) changes; a change of the record
// fields needs no new number: the payload keeps the field tables' fingerprint
// (store/schema.hpp), and a snapshot with another one is refused.
inline constexpr std::uint32_t kSnapshotFormat = 4;
inline constexpr std::size_t kSnapshotHeaderSize = 64;
inline constexpr char kSnapshotMagic[8] = {'C', 'L', 'A', 'I', 'M', 'K', 'B', 'S'};
// Payload: u32 count of each table, u32 fingerprint of the field tables, then
// u64 x (sections + 1) offsets.
inline constexpr std::size_t kSnapshotTableSize = 4 * kTables + 4 + 8 * (kSections + 1);

// Writes `store` to `path`, replacing it whole (store/write_file.hpp). Returns the
// bytes written.
Result<std::size_t> write_snapshot(const Store& store, const std::string& path);

// Opens the snapshot file `path`, or says why it cannot be read.
Result<std::unique_ptr<const Store>> open_snapshot(const std::string& path);

}  // namespace claimkb::detail
