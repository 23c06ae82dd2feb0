// libFuzzer target: any bytes as a compiled snapshot's payload, behind a header
// that passes every check (magic, format, header size, this library's version,
// payload size, XXH3 checksum), so that the fuzzer reaches what open() and the
// lazy decoders do with a payload only an altered file could hold. open() must
// refuse it or give a KB that answers every query — never a crash, a leak or a
// hang, whatever the records say.
//
// Seeds: the payloads of snapshots of the bundled KB and of small random KBs
// (tests/oracle/gen_kb.py), which tools/fuzz.sh makes with this program:
//   CLAIMKB_FUZZ_PAYLOAD_OF=KB_DIR CLAIMKB_FUZZ_PAYLOAD_TO=FILE fuzz_snapshot
// writes the payload of KB_DIR's snapshot to FILE and exits, so that the seeds
// always have this library's format.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/claimkb.hpp"
#include "store/snapshot.hpp"

namespace {

void put_le(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// One name for the whole run, in /dev/shm when there is one (no disk writes). The
// file is written for each input and removed as soon as open() has mapped it (the
// mapping outlives the name), so that a run that ends in a crash, or libFuzzer's
// -fork jobs, leave no files behind.
const std::string& snapshot_path() {
  static const std::string path = [] {
    const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    std::string p = std::string(dir) + "/claimkb-fuzz-snapshot-XXXXXX";
    const int fd = ::mkstemp(p.data());
    if (fd < 0) std::abort();
    ::close(fd);
    ::unlink(p.c_str());
    return p;
  }();
  return path;
}

void write_all(const std::string& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) std::abort();
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

// Every query a caller can make, on every record. Beyond the spans check() returns,
// only memory safety is checked (by the sanitizers): an altered payload may hold
// records that disagree with each other (docs/snapshot.md: it "may give wrong
// answers, but it never reads outside the file or crashes").
void exercise(const claimkb::KnowledgeBase& kb) {
  using namespace claimkb;
  for (const auto& w : kb.warnings()) (void)w.to_string();
  for (std::size_t i = 0; i < kb.citation_count(); ++i) {
    const Citation& c = kb.citation_at(i);
    (void)kb.citation(c.id);
    (void)format_reference(c);
  }
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    const Claim& c = kb.claim_at(i);
    (void)kb.grade_at(i);
    (void)kb.claim(c.id);
    (void)kb.grade(c.id);
    // The store checked every reference at open: each id a record names resolves.
    auto report = kb.report(c.id);
    if (!report) __builtin_trap();
    (void)to_json(*report, 2);
    if (kb.grade_at(i).links.size() != c.evidence.size()) __builtin_trap();
    for (const auto& p : c.depends_on) {
      if (!kb.report(p)) __builtin_trap();
    }
    for (const auto& e : c.evidence) {
      if (kb.citation(e.citation) == nullptr) __builtin_trap();
    }
    for (const auto& a : c.asserted_by) {
      if (kb.citation(a.citation) == nullptr) __builtin_trap();
    }
    if (c.about) {
      for (const auto* ids : {&c.about->subject, &c.about->object, &c.about->compared_with, &c.about->population}) {
        for (const auto& id : *ids) {
          if (kb.find_concept(id) == nullptr) __builtin_trap();
        }
      }
    }
    (void)kb.match(c.statement);
  }
  for (std::size_t i = 0; i < kb.concept_count(); ++i) {
    for (const auto& b : kb.concept_at(i).broader) {
      if (kb.find_concept(b) == nullptr) __builtin_trap();
    }
  }
  (void)kb.claim("no-such-claim");
  (void)kb.citation("no-such-citation");
  (void)kb.report("no-such-claim");
  for (const auto& hit : kb.search("pain", 5)) (void)kb.report(hit.id);
  (void)kb.match("does a tight psoas cause back pain?");
  const std::string text = "A tight psoas causes low back pain. Massage relieves it. The sky is blue.";
  for (const auto& m : check(kb, text)) {
    if (m.begin > m.end || m.end > text.size()) __builtin_trap();  // spans of the text given
  }
  (void)claims_json(kb);
  (void)search_json(kb, "psoas back pain", 10, 2);
  (void)to_dot(kb, "");
  (void)to_dot(kb, "", true);
  if (kb.claim_count() > 0) (void)to_dot(kb, kb.claim_at(kb.claim_count() / 2).id);
  (void)to_dot(kb, "no-such-claim");
  // A KB opened from a snapshot can be written as one again.
  const std::string out = snapshot_path() + ".out";
  if (kb.write_snapshot(out)) ::unlink(out.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* of = std::getenv("CLAIMKB_FUZZ_PAYLOAD_OF");
  const char* to = std::getenv("CLAIMKB_FUZZ_PAYLOAD_TO");
  if (of == nullptr || to == nullptr) return 0;
  auto kb = claimkb::KnowledgeBase::open(of);
  if (!kb) {
    for (const auto& e : kb.errors()) std::fprintf(stderr, "%s\n", e.to_string().c_str());
    std::exit(1);
  }
  const std::string whole = std::string(to) + ".ckb";
  auto written = kb->write_snapshot(whole);
  if (!written) {
    for (const auto& e : written.errors()) std::fprintf(stderr, "%s\n", e.to_string().c_str());
    std::exit(1);
  }
  std::FILE* in = std::fopen(whole.c_str(), "rb");
  std::FILE* out = std::fopen(to, "wb");
  if (in == nullptr || out == nullptr || std::fseek(in, claimkb::detail::kSnapshotHeaderSize, SEEK_SET) != 0) {
    std::exit(1);
  }
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) {
    if (std::fwrite(buffer, 1, n, out) != n) std::exit(1);
  }
  const bool ok = std::ferror(in) == 0 && std::fclose(out) == 0;
  std::fclose(in);
  std::remove(whole.c_str());
  std::exit(ok ? 0 : 1);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimkb::detail;
  std::string file(kSnapshotMagic, sizeof kSnapshotMagic);
  put_le(file, kSnapshotFormat, 4);
  put_le(file, kSnapshotHeaderSize, 4);
  char version[32] = {};
  std::strncpy(version, CLAIMKB_VERSION_STRING, sizeof version - 1);
  file.append(version, sizeof version);
  put_le(file, size, 8);
  put_le(file, XXH3_64bits(data, size), 8);
  if (file.size() != kSnapshotHeaderSize) __builtin_trap();
  file.append(reinterpret_cast<const char*>(data), size);
  write_all(snapshot_path(), file);

  auto kb = claimkb::KnowledgeBase::open(snapshot_path());
  ::unlink(snapshot_path().c_str());
  if (!kb) {
    // Refused, with a reason and the file's name.
    if (kb.errors().empty() || kb.errors()[0].file != snapshot_path()) __builtin_trap();
    return 0;
  }
  exercise(*kb);
  return 0;
}
