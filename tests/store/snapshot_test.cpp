// Compiled snapshots (lib/snapshot*.cpp): a snapshot answers exactly as the KB it
// was compiled from, and a file that is not a whole, unaltered snapshot of this
// version is refused with the reason, never read.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <tuple>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "claimkb/check.hpp"
#include "claimkb/graph.hpp"
#include "claimkb/knowledge_base.hpp"
#include "claimkb/listing.hpp"
#include "model/field_ops.hpp"
#include "store/snapshot.hpp"
#include "support/temp_kb.hpp"

using namespace claimkb;
using claimkb::test::TempKb;

// Records are compared field by field through the field tables
// (model/field_ops.hpp), so a field the snapshot forgot to store shows up as a
// failure.
template <class R>
bool same(const R& a, const R& b) {
  return detail::equal_records(a, b);
}

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// A snapshot file in the temporary directory, removed afterwards.
struct TempFile {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("claimkb-snapshot-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++)))
                         .string();
  TempFile() = default;
  ~TempFile() { std::remove(path.c_str()); }
  TempFile(const TempFile&) = delete;  // would remove the file twice
  TempFile& operator=(const TempFile&) = delete;
  static int& counter() {
    static int n = 0;
    return n;
  }
};

KnowledgeBase compile_and_open(const KnowledgeBase& kb, const std::string& file) {
  auto written = kb.write_snapshot(file);
  REQUIRE(written.ok());
  CHECK(*written == std::filesystem::file_size(file));
  auto opened = KnowledgeBase::open(file);
  REQUIRE(opened.ok());
  return std::move(opened).value();
}

// Every answer the API gives, compared between the KB and its snapshot.
void check_same_answers(const KnowledgeBase& yaml, const KnowledgeBase& snap, const std::string& article) {
  REQUIRE(snap.claim_count() == yaml.claim_count());
  REQUIRE(snap.citation_count() == yaml.citation_count());
  for (std::size_t i = 0; i < yaml.claim_count(); ++i) {
    const Claim& c = yaml.claim_at(i);
    CAPTURE(c.id);
    CHECK(same(snap.claim_at(i), c));
    CHECK(same(snap.grade_at(i), yaml.grade_at(i)));
    REQUIRE(snap.claim(c.id) != nullptr);
    CHECK(snap.claim(c.id) == &snap.claim_at(i));  // the same decoded record every time
    CHECK(snap.grade(c.id) == &snap.grade_at(i));
    CHECK(to_json(*snap.report(c.id)) == to_json(*yaml.report(c.id)));
    CHECK(to_dot(snap, c.id) == to_dot(yaml, c.id));
    for (const std::string& words : c.aliases) {
      CHECK(search_json(snap, words, 10) == search_json(yaml, words, 10));
      CHECK(snap.match(words).id == yaml.match(words).id);
    }
  }
  for (std::size_t i = 0; i < yaml.citation_count(); ++i) {
    const Citation& c = yaml.citation_at(i);
    CAPTURE(c.id);
    CHECK(same(snap.citation_at(i), c));
    REQUIRE(snap.citation(c.id) != nullptr);
    CHECK(snap.citation(c.id)->id == c.id);
  }
  CHECK(snap.claim("no-such-claim") == nullptr);
  CHECK(snap.citation("no-such-citation") == nullptr);
  CHECK_FALSE(snap.report("no-such-claim").has_value());
  CHECK(claims_json(snap) == claims_json(yaml));
  CHECK(to_dot(snap) == to_dot(yaml));
  CHECK(to_dot(snap, "", true) == to_dot(yaml, "", true));
  REQUIRE(snap.concept_count() == yaml.concept_count());
  for (std::size_t i = 0; i < yaml.concept_count(); ++i) {
    CHECK(same(snap.concept_at(i), yaml.concept_at(i)));
    CHECK(record_json(snap, yaml.concept_at(i).id) == record_json(yaml, yaml.concept_at(i).id));
  }
  CHECK_FALSE(to_dot(snap, "no-such-claim").has_value());
  const auto a = check(yaml, article), b = check(snap, article);
  CHECK_FALSE(a.empty());  // the article must state some claims for this to test anything
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(std::tie(a[i].begin, a[i].end, a[i].id, a[i].verdict, a[i].certainty, a[i].score) ==
          std::tie(b[i].begin, b[i].end, b[i].id, b[i].verdict, b[i].certainty, b[i].score));
  }
  REQUIRE(snap.warnings().size() == yaml.warnings().size());
  for (std::size_t i = 0; i < yaml.warnings().size(); ++i) {
    CHECK(snap.warnings()[i].to_string() == yaml.warnings()[i].to_string());
  }
}

// The bundled KB's snapshot bytes, made once.
const std::string& bundled_snapshot() {
  static const std::string bytes = [] {
    auto kb = KnowledgeBase::open(KnowledgeBase::bundled_path());
    REQUIRE(kb.ok());
    TempFile f;
    REQUIRE(kb->write_snapshot(f.path).ok());
    return slurp(f.path);
  }();
  return bytes;
}

// Opens `bytes` as a snapshot file; the errors as strings (empty when it opened).
std::vector<std::string> open_errors(const std::string& bytes, const std::string& path) {
  spit(path, bytes);
  auto r = KnowledgeBase::open(path);
  std::vector<std::string> out;
  for (const auto& e : r.errors()) out.push_back(e.to_string());
  return out;
}

// Puts a correct checksum on `bytes` (an altered payload), as someone who meant to
// fool the reader would.
void fix_checksum(std::string& bytes) {
  const std::uint64_t sum = XXH3_64bits(bytes.data() + 64, bytes.size() - 64);
  for (int i = 0; i < 8; ++i) bytes[56 + i] = static_cast<char>(sum >> (8 * i));
}

}  // namespace

TEST_CASE("a snapshot of the bundled KB answers exactly as the YAML files") {
  auto yaml = KnowledgeBase::open(KnowledgeBase::bundled_path());
  REQUIRE(yaml.ok());
  TempFile f;
  const KnowledgeBase snap = compile_and_open(*yaml, f.path);
  // The project's test articles (tests/data/articles), which state many of its claims.
  const std::string articles = std::string(CLAIMKB_TEST_DATA) + "/articles/";
  check_same_answers(*yaml, snap,
                     slurp(articles + "wellness-blog.txt") + slurp(articles + "physio-review.txt") +
                         slurp(articles + "news-back-pain.txt"));
}

TEST_CASE("a snapshot keeps every optional field, retractions and load warnings") {
  TempKb kb;
  kb.write(
      "citations/c.yaml",
      "- {id: sr, design: systematic_review, of: randomized, title: \"Pooled — “quoted” ünïcode\","
      " authors: [Doe A, Roe B], year: 2019, journal: Cochrane Database Syst Rev, volume: '3', issue: '2',"
      " article: CD001, pmid: '123', pmcid: PMC9, doi: 10.1/x, url: 'https://example.org', n: 1234,"
      " risk_of_bias: some_concerns, abstract: An abstract., notes: A note.}\n"
      "- {id: gone, design: rct, title: Withdrawn, authors: [Ng K], year: 2015, journal: J Test,"
      " pages: 100-109, n: 80, retracted: {date: 2016-01-02, notice: 10.1/retraction}}\n"
      "- {id: site, design: web, title: A page, authors: [], year: 2026, publisher: Site, url: 'https://s.example'}\n");
  kb.write("claims/a.yaml",
           "- id: base\n"
           "  statement: Exercise reduces back pain.\n"
           "  aliases: [\"Does exercise help back pain?\"]\n"
           "  tags: [exercise, back]\n"
           "  notes: Claim note.\n"
           "  asserted_by: [{citation: site, quote: \"Move!\"}]\n"
           "  evidence:\n"
           "    - citation: sr\n"
           "      stance: supports\n"
           "      finding: Pooled trials favoured exercise.\n"
           "      directness: indirect\n"
           "      risk_of_bias: high\n"
           "      effect: large\n"
           "      dose_response: true\n"
           "      publication_bias: suspected\n"
           "      reported_certainty: moderate\n"
           "      reported_domains: {risk_of_bias: serious, imprecision: very_serious, large_effect: 1}\n"
           "      notes: Link note.\n"
           "    - {citation: gone, stance: refutes, finding: Retracted trial.}\n"
           "- id: child\n"
           "  statement: Walking reduces back pain because exercise does.\n"
           "  depends_on: [base]\n");
  auto yaml = KnowledgeBase::open(kb.path());
  REQUIRE(yaml.ok());
  REQUIRE_FALSE(yaml->warnings().empty());  // the retraction
  TempFile f;
  const KnowledgeBase snap = compile_and_open(*yaml, f.path);
  check_same_answers(*yaml, snap, "Exercise reduces back pain. Walking reduces back pain because exercise does.");
  // Spot checks against the YAML above, so that equal-but-empty cannot pass.
  CHECK(snap.citation("sr")->pmcid == "PMC9");
  CHECK(snap.citation("sr")->n == 1234);
  CHECK(snap.citation("gone")->retracted->notice == "10.1/retraction");
  CHECK(snap.claim("base")->evidence[0].reported_domains->imprecision == Concern::very_serious);
  CHECK(snap.claim("base")->evidence[0].publication_bias);
}

TEST_CASE("an empty KB makes a snapshot that opens empty") {
  TempKb kb;
  auto yaml = KnowledgeBase::open(kb.path());
  REQUIRE(yaml.ok());
  TempFile f;
  const KnowledgeBase snap = compile_and_open(*yaml, f.path);
  CHECK(snap.claim_count() == 0);
  CHECK(snap.citation_count() == 0);
  CHECK(snap.search("back pain").empty());
  CHECK(check(snap, "Exercise reduces back pain.").empty());
}

TEST_CASE("a file that is not a whole snapshot of this version is refused, naming the file") {
  const std::string& good = bundled_snapshot();
  REQUIRE(good.size() > 1000);
  TempFile f;
  REQUIRE(open_errors(good, f.path).empty());
  auto refused = [&](const std::string& bytes, const std::string& words) {
    const auto errors = open_errors(bytes, f.path);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind(f.path + ":1:1: error: ", 0) == 0);
    CHECK(errors[0].find(words) != std::string::npos);
  };

  SUBCASE("not a snapshot at all") {
    refused("", "not a knowledge base");
    refused("- id: a-yaml-file\n  statement: x\n", "not a knowledge base");
    refused("CLAIMKBX", "not a knowledge base");  // a wrong signature
  }
  SUBCASE("truncated") {
    for (std::size_t keep : {std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{63}, std::size_t{64},
                             good.size() / 2, good.size() - 1}) {
      CAPTURE(keep);
      refused(good.substr(0, keep), "truncated");
    }
  }
  SUBCASE("extra bytes") { refused(good + "x", "extra bytes"); }
  SUBCASE("another header size") {
    std::string bytes = good;
    bytes[12] = 65;  // u32 at byte 12
    refused(bytes, "header size is 65 bytes");
  }
  SUBCASE("another format version") {
    std::string bytes = good;
    bytes[8] = static_cast<char>(detail::kSnapshotFormat + 1);  // u32 at byte 8
    refused(bytes, "format version " + std::to_string(detail::kSnapshotFormat + 1));
  }
  SUBCASE("another claimkb version") {
    std::string bytes = good;
    bytes.replace(16, 32, std::string("99.0.0") + std::string(26, '\0'));
    refused(bytes, "written by claimkb 99.0.0");
  }
  SUBCASE("any changed byte of the data fails the checksum") {
    std::mt19937 random(7);
    for (int trial = 0; trial < 200; ++trial) {
      std::string bytes = good;
      const std::size_t at = 64 + random() % (good.size() - 64);
      bytes[at] = static_cast<char>(bytes[at] ^ (1 + random() % 255));
      CAPTURE(at);
      refused(bytes, "checksum");
    }
  }
}

TEST_CASE("an altered snapshot with a matching checksum is refused or read safely") {
  // Such a file was made to fool the reader; nothing can promise right answers from
  // it, only that reading it never goes outside the file (ASan checks this in CI)
  // and that every answer is one the API could give.
  const std::string& good = bundled_snapshot();
  TempFile f;
  std::mt19937 random(11);
  int refused = 0, opened = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string bytes = good;
    for (int k = 0, n = 1 + static_cast<int>(random() % 4); k < n; ++k) {
      const std::size_t at = 64 + random() % (good.size() - 64);
      bytes[at] = static_cast<char>(random());
    }
    fix_checksum(bytes);
    spit(f.path, bytes);
    auto r = KnowledgeBase::open(f.path);
    if (!r.ok()) {
      ++refused;
      REQUIRE(r.errors().size() == 1);
      CHECK(r.errors()[0].message.find("damaged") != std::string::npos);
      continue;
    }
    ++opened;
    const KnowledgeBase& kb = *r;
    for (std::size_t i = 0; i < kb.claim_count(); ++i) {
      const Claim& c = kb.claim_at(i);
      (void)kb.grade_at(i);
      if (auto report = kb.report(c.id)) (void)to_json(*report);
      (void)to_dot(kb, c.id);
    }
    for (std::size_t i = 0; i < kb.citation_count(); ++i) (void)kb.citation(kb.citation_at(i).id);
    (void)claims_json(kb);
    (void)kb.search("psoas back pain");
    (void)check(kb, "A tight psoas causes low back pain. Stretching the psoas relieves it.");
    (void)to_dot(kb);
  }
  // Most single-byte changes land in text, which decodes to other text; some land
  // in a table and are caught. Both must happen for this test to test anything.
  CHECK(opened > 0);
  CHECK(refused > 0);
}

TEST_CASE("a snapshot that cannot be written says why and leaves no file") {
  auto kb = KnowledgeBase::open(KnowledgeBase::bundled_path());
  REQUIRE(kb.ok());
  const std::string path = "/nonexistent-claimkb-dir/kb.ckb";
  auto r = kb->write_snapshot(path);
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.errors().size() == 1);
  CHECK(r.errors()[0].to_string().rfind(path + ":1:1: error: cannot write the file: ", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a snapshot whose ids were altered out of order is refused, so that every id resolves") {
  // Renaming a claim's id in the id table (and forging the checksum) would leave the
  // sorted order wrong: looking that claim up by its own id would then fail.
  auto kb = KnowledgeBase::open(KnowledgeBase::bundled_path());
  REQUIRE(kb.ok());
  std::string bytes = bundled_snapshot();
  const std::string id = "tight-psoas-causes-back-pain";
  // Where the claim id table starts: its offset in the payload's section table.
  std::uint64_t ids = 0;
  for (int i = 0; i < 8; ++i) {
    const std::size_t entry =
        64 + 4 * detail::kTables + 4 + 8 * detail::section_index(detail::Table::claim, detail::Part::ids) + i;
    ids |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[entry])) << (8 * i);
  }
  const std::size_t at = bytes.find(id, 64 + ids);
  REQUIRE(at != std::string::npos);
  bytes[at] = 'a';  // "aight-..." now sorts before ids it came after
  fix_checksum(bytes);
  TempFile f;
  const auto errors = open_errors(bytes, f.path);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("the claim ids are not in order, or not distinct") != std::string::npos);
}

TEST_CASE("a snapshot changed in place after it was opened cannot send a look-up outside it") {
  // Only `rename` replaces a snapshot safely (as `compile` does), but a plain copy
  // over an open one must not crash the program: the tables look-ups follow are
  // copies made at open, and records are decoded with bounds checks.
  TempFile f;
  const std::string& good = bundled_snapshot();
  spit(f.path, good);
  auto r = KnowledgeBase::open(f.path);
  REQUIRE(r.ok());
  const KnowledgeBase& kb = *r;
  {
    // Every byte after the header becomes 0xff in the same file (same inode): every
    // offset, index and length the reader could still take from the file is huge.
    std::fstream file(f.path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(64);
    file << std::string(good.size() - 64, '\xff');
  }
  REQUIRE(std::filesystem::file_size(f.path) == good.size());
  std::size_t answered = 0;
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    const Claim& c = kb.claim_at(i);  // decoded from the changed bytes: nonsense, safely
    if (kb.report(c.id)) ++answered;
    (void)kb.citation_at(i % kb.citation_count());
  }
  CHECK(answered == kb.claim_count());  // every id still finds its claim
  CHECK(kb.claim("tight-psoas-causes-back-pain") != nullptr);
  (void)claims_json(kb);
  (void)to_dot(kb);
}

TEST_CASE("a snapshot outlives the handle it was opened with, and copies share it") {
  TempFile f;
  spit(f.path, bundled_snapshot());
  const Claim* claim = nullptr;
  KnowledgeBase copy = [&] {
    auto r = KnowledgeBase::open(f.path);
    REQUIRE(r.ok());
    KnowledgeBase kb = std::move(r).value();
    claim = kb.claim("tight-psoas-causes-back-pain");
    return kb;  // the original handle goes; the copy keeps the mapping
  }();
  std::remove(f.path.c_str());  // the mapping survives the file's removal
  REQUIRE(claim != nullptr);
  CHECK(copy.claim("tight-psoas-causes-back-pain") == claim);
  CHECK(claim->statement == "A tight (shortened) psoas muscle causes low back pain.");
}

TEST_CASE("a snapshot written with other record fields is refused, not misread") {
  // The u32 after the three record counts is the field tables' fingerprint
  // (store/schema.hpp). A claimkb whose fields differ would read the records in
  // another order: it must refuse the file, with code other_version.
  std::string bytes = bundled_snapshot();
  const std::size_t at = 64 + 4 * detail::kTables;
  bytes[at] = static_cast<char>(bytes[at] ^ 0x5a);
  fix_checksum(bytes);
  TempFile f;
  spit(f.path, bytes);
  auto r = KnowledgeBase::open(f.path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors()[0].code == Diagnostic::Code::other_version);
  CHECK(r.errors()[0].message.rfind("the snapshot was written with other record fields (fingerprint ", 0) == 0);
}
