// Writing a snapshot: the header, then the payload's sections (snapshot.hpp).
#include <algorithm>
#include <cstring>
#include <numeric>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/version.hpp"
#include "kb/state.hpp"
#include "store/codec.hpp"
#include "store/snapshot.hpp"

namespace claimkb::detail {
namespace {

// Encodes `count` records into `data`, and where each starts (then the end) into
// `offsets`.
template <class Get>
void write_table(std::size_t count, Get get, Writer& offsets, Writer& data) {
  for (std::size_t i = 0; i < count; ++i) {
    offsets.u64(data.size());
    encode(data, get(static_cast<std::uint32_t>(i)));
  }
  offsets.u64(data.size());
}

// Each record's id, by index, with where each starts (then the end).
template <class Id>
void write_ids(std::size_t count, Id id, Writer& offsets, Writer& data) {
  for (std::size_t i = 0; i < count; ++i) {
    offsets.u64(data.size());
    data.bytes() += id(static_cast<std::uint32_t>(i));
  }
  offsets.u64(data.size());
}

template <class Id>
void write_order(std::size_t count, Id id, Writer& out) {
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return id(a) < id(b); });
  for (std::uint32_t i : order) out.u32(i);
}

}  // namespace

std::string snapshot_bytes(const KnowledgeBase::Impl& kb) {
  constexpr auto kSections = static_cast<std::size_t>(Section::count);
  std::vector<Writer> s(kSections);
  auto at = [&](Section k) -> Writer& { return s[static_cast<std::size_t>(k)]; };

  Writer& meta = at(Section::meta);
  meta.varint(kb.warnings.size());
  for (const Diagnostic& d : kb.warnings) encode(meta, d);

  const std::size_t claims = kb.claim_count(), citations = kb.citation_count();
  write_table(claims, [&](std::uint32_t i) -> const Claim& { return kb.claim(i); }, at(Section::claim_offsets),
              at(Section::claim_data));
  write_table(claims, [&](std::uint32_t i) -> const Grade& { return kb.grade(i); }, at(Section::grade_offsets),
              at(Section::grade_data));
  write_table(citations, [&](std::uint32_t i) -> const Citation& { return kb.citation(i); },
              at(Section::citation_offsets), at(Section::citation_data));
  auto claim_id = [&](std::uint32_t i) -> const std::string& { return kb.claim(i).id; };
  auto citation_id = [&](std::uint32_t i) -> const std::string& { return kb.citation(i).id; };
  write_ids(claims, claim_id, at(Section::claim_id_offsets), at(Section::claim_ids));
  write_ids(citations, citation_id, at(Section::citation_id_offsets), at(Section::citation_ids));
  write_order(claims, claim_id, at(Section::claim_order));
  write_order(citations, citation_id, at(Section::citation_order));

  const EvidenceGraph& g = kb.graph();
  Writer& edges = at(Section::graph);
  edges.varint(boost::num_edges(g));
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    edges.varint(boost::source(*e, g));
    edges.varint(boost::target(*e, g));
    edges.enumeration(g[*e].kind);
    edges.varint(g[*e].position);
  }
  kb.search_index.save(at(Section::search_index));

  // The header's place first; it is filled in when the checksum is known.
  Writer file;
  file.bytes().resize(kSnapshotHeaderSize);
  file.u32(static_cast<std::uint32_t>(claims));
  file.u32(static_cast<std::uint32_t>(citations));
  std::uint64_t offset = 8 + 8 * (kSections + 1);
  for (const Writer& w : s) {
    file.u64(offset);
    offset += w.size();
  }
  file.u64(offset);
  file.bytes().reserve(kSnapshotHeaderSize + offset);
  for (Writer& w : s) {
    file.bytes() += w.bytes();
    w.bytes() = std::string();  // freed as soon as it is copied
  }

  const std::string_view payload = std::string_view(file.bytes()).substr(kSnapshotHeaderSize);
  Writer header;
  header.bytes().append(kSnapshotMagic, sizeof kSnapshotMagic);
  header.u32(kSnapshotFormat);
  header.u32(static_cast<std::uint32_t>(kSnapshotHeaderSize));
  char version[32] = {};
  std::strncpy(version, CLAIMKB_VERSION_STRING, sizeof version - 1);
  header.bytes().append(version, sizeof version);
  header.u64(payload.size());
  header.u64(XXH3_64bits(payload.data(), payload.size()));
  file.bytes().replace(0, kSnapshotHeaderSize, header.bytes());
  return std::move(file.bytes());
}

}  // namespace claimkb::detail
