#include "load/decode.hpp"

#include <yaml-cpp/exceptions.h>

#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "load/strict_yaml.hpp"
#include "load/suggest.hpp"
#include "load/yaml_tree.hpp"

namespace claimkb::detail {
namespace {

using Names = std::vector<std::string_view>;
// The tables are function-local statics, built on first use: a program that opens a
// KB from its own static initialisers must not find them still empty.

const Names& kCitationKeys() {
  static const Names names = {"id", "design", "title", "authors", "year", "journal",
                              "publisher", "volume", "issue", "pages", "article", "pmid",
                              "pmcid", "doi", "url", "n", "of", "risk_of_bias", "retracted",
                              "abstract", "notes"};
  return names;
}
const Names& kClaimKeys() {
  static const Names names = {"id", "statement", "aliases", "tags", "asserted_by", "evidence",
                              "depends_on", "notes"};
  return names;
}
const Names& kLinkKeys() {
  static const Names names = {"citation", "stance", "finding", "directness", "risk_of_bias",
                              "effect", "dose_response", "publication_bias",
                              "reported_certainty", "reported_domains", "notes"};
  return names;
}
const Names& kAssertionKeys() {
  static const Names names = {"citation", "quote"};
  return names;
}
const Names& kRetractionKeys() {
  static const Names names = {"date", "notice"};
  return names;
}
const Names& kDowngradeDomains() {
  static const Names names = {"risk_of_bias", "inconsistency", "indirectness", "imprecision",
                              "publication_bias"};
  return names;
}
const Names& kUpgradeDomains() {
  static const Names names = {"large_effect", "dose_response", "confounding"};
  return names;
}
const Names& kDomainKeys() {
  static const Names names = {"risk_of_bias", "inconsistency", "indirectness", "imprecision",
                              "publication_bias", "large_effect", "dose_response",
                              "confounding"};
  return names;
}

const Names& kDesignNames() {
  static const Names names = {"systematic_review", "rct", "non_randomized_trial", "cohort",
                              "case_control", "cross_sectional", "case_series", "case_report",
                              "laboratory", "narrative_review", "expert_opinion", "guideline",
                              "book", "web"};
  return names;
}
const Names& kPooledNames() {
  static const Names names = {"randomized", "mixed", "observational"};
  return names;
}
const Names& kStanceNames() {
  static const Names names = {"supports", "refutes", "neutral"};
  return names;
}
const Names& kDirectnessNames() {
  static const Names names = {"direct", "indirect"};
  return names;
}
const Names& kRiskNames() {
  static const Names names = {"low", "some_concerns", "high", "critical", "unclear"};
  return names;
}
const Names& kEffectNames() {
  static const Names names = {"small", "moderate", "large", "very_large"};
  return names;
}
const Names& kCertaintyNames() {
  static const Names names = {"high", "moderate", "low", "very_low"};
  return names;
}
const Names& kConcernNames() {
  static const Names names = {"serious", "very_serious"};
  return names;
}

using yaml::Node;

Pos pos_of(const Node& node) { return {node.line() + 1, node.column() + 1}; }

// Collects the diagnostics of one file.
class Sink {
 public:
  explicit Sink(const std::string& path) : path_(path) {}
  void error(Pos p, std::string message) {
    out_.push_back({path_, p.line, p.column, Diagnostic::Severity::error, std::move(message)});
  }
  void error(const Node& at, std::string message) { error(pos_of(at), std::move(message)); }
  std::vector<Diagnostic>& diagnostics() { return out_; }
  std::size_t count() const { return out_.size(); }

 private:
  const std::string& path_;
  std::vector<Diagnostic> out_;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool valid_id(std::string_view id) {
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty() || !ok_first(id[0])) return false;
  for (char c : id) {
    if (!ok_first(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

// The keys of one mapping, checked against the keys its record allows.
class Fields {
 public:
  // Reports a node that is not a mapping, duplicate keys and unknown keys.
  Fields(const Node& node, std::string_view what, const Names& allowed, Sink& sink)
      : node_(node), what_(what), sink_(sink) {
    if (!node.IsMap()) {
      sink.error(node, std::string(what) + " must be a mapping of keys to values");
      valid_ = false;
      return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
      const Node key = node.key(i);
      if (!key.IsScalar()) {
        sink.error(key, "keys of " + std::string(what) + " must be plain names");
        continue;
      }
      const std::string& name = key.Scalar();
      bool known = false;
      for (std::string_view a : allowed) known = known || a == name;
      if (!known) {
        sink.error(key, "unknown key " + quoted(name) + " in " + std::string(what) +
                            did_you_mean(name, allowed));
        continue;
      }
      bool duplicate = false;
      for (const auto& [k, v] : entries_) {
        if (k.Scalar() == name) {
          const Pos first = pos_of(k);
          sink.error(key, "duplicate key " + quoted(name) + " (first at line " +
                              std::to_string(first.line) + ", column " +
                              std::to_string(first.column) + ")");
          duplicate = true;
        }
      }
      if (!duplicate) entries_.emplace_back(key, node.value(i));
    }
  }

  bool valid() const { return valid_; }

  // The value of `key`, or nullopt when the key is absent or its value is null.
  std::optional<Node> get(std::string_view key) const {
    for (const auto& [k, v] : entries_) {
      if (k.Scalar() == key) {
        if (v.IsNull()) return std::nullopt;
        return v;
      }
    }
    return std::nullopt;
  }

  // Like get(), but a missing key is an error.
  std::optional<Node> require(std::string_view key) const {
    auto v = get(key);
    if (!v && valid_) {
      sink_.error(node_, std::string(what_) + " is missing required key " + quoted(key));
    }
    return v;
  }

  bool has(std::string_view key) const {
    for (const auto& [k, v] : entries_) {
      if (k.Scalar() == key) return true;
    }
    return false;
  }

 private:
  Node node_;
  std::string_view what_;
  Sink& sink_;
  bool valid_ = true;
  std::vector<std::pair<Node, Node>> entries_;
};

// Scalar decoders: each reports a type error and returns nullopt.

std::optional<std::string> as_text(const Node& v, std::string_view key, Sink& sink) {
  if (!v.IsScalar()) {
    sink.error(v, quoted(key) + " must be text, not a " + (v.IsMap() ? "mapping" : "list"));
    return std::nullopt;
  }
  return v.Scalar();
}

std::optional<std::string> as_nonempty_text(const Node& v, std::string_view key,
                                            Sink& sink) {
  auto s = as_text(v, key, sink);
  if (s && s->find_first_not_of(" \t\r\n") == std::string::npos) {
    sink.error(v, quoted(key) + " must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<long> as_integer(const Node& v, std::string_view key, Sink& sink,
                               long min, long max) {
  if (!v.IsScalar()) {
    sink.error(v, quoted(key) + " must be a whole number");
    return std::nullopt;
  }
  const std::string& s = v.Scalar();
  long value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    sink.error(v, quoted(key) + " must be a whole number, not " + quoted(s));
    return std::nullopt;
  }
  if (value < min || value > max) {
    sink.error(v, quoted(key) + " is " + s + ", outside " + std::to_string(min) + ".." +
                      std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> as_bool(const Node& v, std::string_view key, Sink& sink) {
  if (v.IsScalar() && v.Scalar() == "true") return true;
  if (v.IsScalar() && v.Scalar() == "false") return false;
  sink.error(v, quoted(key) + " must be true or false");
  return std::nullopt;
}

template <class E, class Parse>
std::optional<E> as_enum(const Node& v, std::string_view key, const Names& names,
                         Parse parse, Sink& sink) {
  if (v.IsScalar()) {
    if (auto e = parse(v.Scalar())) return e;
  }
  const std::string got = v.IsScalar() ? quoted(v.Scalar()) : std::string("a collection");
  sink.error(v, "bad value " + got + " for " + quoted(key) + ": expected one of " +
                    join_names(names) + (v.IsScalar() ? did_you_mean(v.Scalar(), names) : ""));
  return std::nullopt;
}

std::optional<std::string> as_id(const Node& v, std::string_view key, Sink& sink) {
  auto s = as_nonempty_text(v, key, sink);
  if (s && !valid_id(*s)) {
    sink.error(v, "bad id " + quoted(*s) +
                      ": ids are lower-case letters, digits, '.', '_' and '-', "
                      "starting with a letter or digit");
    return std::nullopt;
  }
  return s;
}

// A list of text items; `positions` (optional) receives each item's position.
std::vector<std::string> as_text_list(const Node& v, std::string_view key, Sink& sink,
                                      std::vector<Pos>* positions = nullptr) {
  std::vector<std::string> out;
  if (!v.IsSequence()) {
    sink.error(v, quoted(key) + " must be a list");
    return out;
  }
  for (const Node& item : v) {
    if (auto s = as_nonempty_text(item, key, sink)) {
      out.push_back(std::move(*s));
      if (positions) positions->push_back(pos_of(item));
    }
  }
  return out;
}

void set_text(const Fields& f, std::string_view key, std::string& out, Sink& sink) {
  if (auto v = f.get(key)) {
    if (auto s = as_text(*v, key, sink)) out = std::move(*s);
  }
}

// Identifier checks: a slip here sends a patient to the wrong paper.
void check_identifiers(const Fields& f, const Citation& c, Sink& sink) {
  auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!c.pmid.empty() && !digits(c.pmid)) {
    sink.error(*f.get("pmid"), "'pmid' must be digits only, not " + quoted(c.pmid));
  }
  if (!c.pmcid.empty() && !(c.pmcid.rfind("PMC", 0) == 0 && digits(c.pmcid.substr(3)))) {
    sink.error(*f.get("pmcid"), "'pmcid' must look like PMC1234567, not " + quoted(c.pmcid));
  }
  if (!c.doi.empty()) {
    if (c.doi.find("doi.org/") != std::string::npos) {
      sink.error(*f.get("doi"), "store the DOI without its https://doi.org/ prefix");
    } else if (c.doi.rfind("10.", 0) != 0 || c.doi.find('/') == std::string::npos) {
      sink.error(*f.get("doi"), "'doi' must look like 10.NNNN/suffix, not " + quoted(c.doi));
    }
  }
}

std::optional<Retraction> decode_retraction(const Node& v, Sink& sink) {
  Fields f(v, "retracted", kRetractionKeys(), sink);
  if (!f.valid()) return std::nullopt;
  Retraction r;
  auto date = f.require("date");
  auto notice = f.require("notice");
  if (date) {
    if (auto s = as_nonempty_text(*date, "date", sink)) r.date = *s;
  }
  if (notice) {
    if (auto s = as_nonempty_text(*notice, "notice", sink)) r.notice = *s;
  }
  return r;
}

void decode_citation(const Node& node, FileRecords& out, Sink& sink) {
  Fields f(node, "citation", kCitationKeys(), sink);
  if (!f.valid()) return;
  const std::size_t errors_before = sink.count();
  Citation c;
  Pos id_pos = pos_of(node);
  if (auto v = f.require("id")) {
    id_pos = pos_of(*v);
    if (auto s = as_id(*v, "id", sink)) c.id = *s;
  }
  if (auto v = f.require("design")) {
    if (auto d = as_enum<Design>(*v, "design", kDesignNames(), parse_design, sink)) c.design = *d;
  }
  if (auto v = f.require("title")) {
    if (auto s = as_nonempty_text(*v, "title", sink)) c.title = *s;
  }
  // Authors are required but may be an empty list (an organisation).
  if (!f.has("authors")) {
    sink.error(node, "citation is missing required key 'authors' (use [] for an organisation)");
  } else if (auto v = f.get("authors")) {
    c.authors = as_text_list(*v, "authors", sink);
  }
  if (auto v = f.require("year")) {
    if (auto y = as_integer(*v, "year", sink, 1000, 2999)) c.year = static_cast<int>(*y);
  }
  set_text(f, "journal", c.journal, sink);
  set_text(f, "publisher", c.publisher, sink);
  if (c.journal.empty() && c.publisher.empty()) {
    sink.error(node, "citation needs a 'journal' or a 'publisher'");
  }
  set_text(f, "volume", c.volume, sink);
  set_text(f, "issue", c.issue, sink);
  set_text(f, "pages", c.pages, sink);
  set_text(f, "article", c.article, sink);
  set_text(f, "pmid", c.pmid, sink);
  set_text(f, "pmcid", c.pmcid, sink);
  set_text(f, "doi", c.doi, sink);
  set_text(f, "url", c.url, sink);
  set_text(f, "abstract", c.abstract, sink);
  set_text(f, "notes", c.notes, sink);
  check_identifiers(f, c, sink);
  if (auto v = f.get("n")) c.n = as_integer(*v, "n", sink, 0, 2000000000L);
  if (auto v = f.get("of")) {
    c.of = as_enum<Pooled>(*v, "of", kPooledNames(), parse_pooled, sink);
    if (c.design != Design::systematic_review) {
      sink.error(*v, "'of' is only for a systematic_review, and this citation is a " +
                         std::string(to_string(c.design)));
    }
  } else if (c.design == Design::systematic_review && f.get("design")) {
    sink.error(node,
               "a systematic_review needs 'of': randomized, mixed or observational "
               "(what it pooled)");
  }
  if (auto v = f.get("risk_of_bias")) {
    if (auto r = as_enum<RiskOfBias>(*v, "risk_of_bias", kRiskNames(), parse_risk_of_bias, sink)) {
      c.risk_of_bias = *r;
    }
  }
  if (auto v = f.get("retracted")) c.retracted = decode_retraction(*v, sink);

  if (sink.count() == errors_before) {
    out.citations.push_back(std::move(c));
    out.citation_sites.push_back(id_pos);
  } else if (!c.id.empty()) {
    out.broken_ids.push_back(c.id);
  }
}

std::optional<ReportedDomains> decode_domains(const Node& v, Sink& sink) {
  Fields f(v, "reported_domains", kDomainKeys(), sink);
  if (!f.valid()) return std::nullopt;
  ReportedDomains d;
  std::optional<Concern>* downgrades[] = {&d.risk_of_bias, &d.inconsistency, &d.indirectness,
                                          &d.imprecision, &d.publication_bias};
  for (std::size_t i = 0; i < kDowngradeDomains().size(); ++i) {
    if (auto x = f.get(kDowngradeDomains()[i])) {
      *downgrades[i] = as_enum<Concern>(*x, kDowngradeDomains()[i], kConcernNames(),
                                        parse_concern, sink);
    }
  }
  int* upgrades[] = {&d.large_effect, &d.dose_response, &d.confounding};
  for (std::size_t i = 0; i < kUpgradeDomains().size(); ++i) {
    if (auto x = f.get(kUpgradeDomains()[i])) {
      if (auto n = as_integer(*x, kUpgradeDomains()[i], sink, 1, 2)) {
        *upgrades[i] = static_cast<int>(*n);
      }
    }
  }
  return d;
}

std::optional<EvidenceLink> decode_link(const Node& node, Pos& citation_pos, Sink& sink) {
  Fields f(node, "evidence link", kLinkKeys(), sink);
  if (!f.valid()) return std::nullopt;
  EvidenceLink l;
  citation_pos = pos_of(node);
  if (auto v = f.require("citation")) {
    citation_pos = pos_of(*v);
    if (auto s = as_id(*v, "citation", sink)) l.citation = *s;
  }
  if (auto v = f.require("stance")) {
    if (auto s = as_enum<Stance>(*v, "stance", kStanceNames(), parse_stance, sink)) l.stance = *s;
  }
  if (auto v = f.require("finding")) {
    if (auto s = as_nonempty_text(*v, "finding", sink)) l.finding = *s;
  }
  if (auto v = f.get("directness")) {
    if (auto d = as_enum<Directness>(*v, "directness", kDirectnessNames(), parse_directness,
                                     sink)) {
      l.directness = *d;
    }
  }
  if (auto v = f.get("risk_of_bias")) {
    l.risk_of_bias = as_enum<RiskOfBias>(*v, "risk_of_bias", kRiskNames(), parse_risk_of_bias,
                                         sink);
  }
  if (auto v = f.get("effect")) {
    l.effect = as_enum<Effect>(*v, "effect", kEffectNames(), parse_effect, sink);
  }
  if (auto v = f.get("dose_response")) l.dose_response = as_bool(*v, "dose_response", sink).value_or(false);
  if (auto v = f.get("publication_bias")) {
    if (v->IsScalar() && v->Scalar() == "suspected") {
      l.publication_bias = true;
    } else {
      sink.error(*v, "'publication_bias' can only be 'suspected' (leave it out otherwise)");
    }
  }
  if (auto v = f.get("reported_certainty")) {
    l.reported_certainty = as_enum<Certainty>(*v, "reported_certainty", kCertaintyNames(),
                                              parse_certainty, sink);
  }
  if (auto v = f.get("reported_domains")) l.reported_domains = decode_domains(*v, sink);
  set_text(f, "notes", l.notes, sink);
  return l;
}

template <class T, class Decode>
std::vector<T> decode_list(const std::optional<Node>& v, std::string_view key, Sink& sink,
                           std::vector<Pos>& positions, Decode decode) {
  std::vector<T> out;
  if (!v) return out;
  if (!v->IsSequence()) {
    sink.error(*v, quoted(key) + " must be a list");
    return out;
  }
  for (const Node& item : *v) {
    Pos p;
    if (auto x = decode(item, p)) {
      out.push_back(std::move(*x));
      positions.push_back(p);
    }
  }
  return out;
}

void decode_claim(const Node& node, FileRecords& out, Sink& sink) {
  Fields f(node, "claim", kClaimKeys(), sink);
  if (!f.valid()) return;
  const std::size_t errors_before = sink.count();
  Claim c;
  ClaimSite site;
  site.id = pos_of(node);
  if (auto v = f.require("id")) {
    site.id = pos_of(*v);
    if (auto s = as_id(*v, "id", sink)) c.id = *s;
  }
  if (auto v = f.require("statement")) {
    if (auto s = as_nonempty_text(*v, "statement", sink)) c.statement = *s;
  }
  if (auto v = f.get("aliases")) c.aliases = as_text_list(*v, "aliases", sink);
  if (auto v = f.get("tags")) c.tags = as_text_list(*v, "tags", sink);
  if (auto v = f.get("depends_on")) {
    c.depends_on = as_text_list(*v, "depends_on", sink, &site.depends_on);
    for (std::size_t i = 0; i < c.depends_on.size(); ++i) {
      if (!valid_id(c.depends_on[i])) {
        sink.error(site.depends_on[i], "bad claim id " + quoted(c.depends_on[i]) + " in 'depends_on'");
      }
    }
  }
  c.asserted_by = decode_list<Assertion>(
      f.get("asserted_by"), "asserted_by", sink, site.asserted_by,
      [&](const Node& item, Pos& p) -> std::optional<Assertion> {
        Fields a(item, "asserted_by entry", kAssertionKeys(), sink);
        if (!a.valid()) return std::nullopt;
        Assertion out_a;
        p = pos_of(item);
        if (auto v = a.require("citation")) {
          p = pos_of(*v);
          if (auto s = as_id(*v, "citation", sink)) out_a.citation = *s;
        }
        set_text(a, "quote", out_a.quote, sink);
        return out_a;
      });
  c.evidence = decode_list<EvidenceLink>(
      f.get("evidence"), "evidence", sink, site.evidence,
      [&](const Node& item, Pos& p) { return decode_link(item, p, sink); });
  set_text(f, "notes", c.notes, sink);

  if (sink.count() == errors_before) {
    out.claims.push_back(std::move(c));
    out.claim_sites.push_back(std::move(site));
  } else if (!c.id.empty()) {
    out.broken_ids.push_back(c.id);
  }
}

}  // namespace

FileRecords decode_text(std::string_view text, const std::string& path, RecordKind kind) {
  FileRecords out;
  out.path = path;
  Sink sink(out.path);
  // A UTF-8 byte-order mark is allowed; neither parser needs to see it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto problem = check_yaml(text)) {
    sink.error(Pos{problem->line, problem->column}, problem->message);
    out.diagnostics = std::move(sink.diagnostics());
    return out;
  }
  std::optional<yaml::Tree> tree;
  try {
    tree.emplace(text);
  } catch (const YAML::Exception& e) {
    sink.error(Pos{e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
    out.diagnostics = std::move(sink.diagnostics());
    return out;
  }
  const std::vector<Node>& documents = tree->documents();
  const char* what = kind == RecordKind::claim ? "claim" : "citation";
  if (documents.size() > 1) {
    sink.error(pos_of(documents[1]), "the file holds " + std::to_string(documents.size()) +
                                         " YAML documents; put one " + what +
                                         " or one list of them in a file");
  } else if (documents.empty() || documents[0].IsNull()) {
    sink.error(Pos{1, 1}, std::string("the file is empty: expected a ") + what +
                              " or a list of them");
  } else {
    const Node& root = documents[0];
    auto decode = [&](const Node& n) {
      if (kind == RecordKind::claim) {
        decode_claim(n, out, sink);
      } else {
        decode_citation(n, out, sink);
      }
    };
    // Generous for a hand-curated file; a larger one belongs in several files.
    constexpr std::size_t kMaxRecords = 100000;
    if (root.IsSequence() && root.size() > kMaxRecords) {
      sink.error(root, "the file holds " + std::to_string(root.size()) + " records, more than " +
                           std::to_string(kMaxRecords) + "; split it into several files");
    } else if (root.IsSequence()) {
      for (const Node& item : root) decode(item);
    } else if (root.IsMap()) {
      decode(root);
    } else {
      sink.error(root, std::string("expected a ") + what + " (a mapping) or a list of them");
    }
  }
  out.diagnostics = std::move(sink.diagnostics());
  return out;
}

FileRecords decode_file(const std::string& path, RecordKind kind) {
  auto fail = [&](std::string message) {
    FileRecords out;
    out.path = path;
    out.diagnostics.push_back({path, 0, 0, Diagnostic::Severity::error, std::move(message)});
    return out;
  };
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return fail("cannot read the file");
  // A file this large is a mistake (or an attack), not a knowledge base file: split it.
  constexpr std::streamoff kMaxBytes = 64 << 20;
  if (in.tellg() > kMaxBytes) {
    return fail("the file is larger than 64 MiB; split it into several files");
  }
  in.seekg(0);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return decode_text(buffer.str(), path, kind);
}

}  // namespace claimkb::detail
