#include "load/decode.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>

#include "load/strict_yaml.hpp"
#include "load/suggest.hpp"
#include "load/yaml_tree.hpp"
#include "model/enums.hpp"
#include "model/field_ops.hpp"
#include "store/codec.hpp"

namespace claimkb::detail {
namespace {

using yaml::Node;

Pos pos_of(const Node& node) { return {node.line() + 1, node.column() + 1}; }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool valid_id(std::string_view id) {
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty() || !ok_first(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return ok_first(c) || c == '.' || c == '_' || c == '-'; });
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// YYYY-MM-DD naming a day that exists (2020-02-29 does, 2021-02-29 and 2020-13-45 do not).
bool calendar_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int year = 0, month = 0, day = 0;
  const auto number = [&](std::size_t at, std::size_t len, int& out) {
    const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + len, out);
    return ec == std::errc() && end == s.data() + at + len;
  };
  if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day)) return false;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// The current year (UTC), read once.
long current_year() {
  static const long year = [] {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return 1900L + utc.tm_year;
  }();
  return year;
}

// The names of an enum's values, for "expected one of ..." messages.
template <class E>
std::vector<std::string_view> enum_names() {
  std::vector<std::string_view> out;
  for (std::string_view n : EnumNames<E>::names) {
    if (!n.empty()) out.push_back(n);
  }
  return out;
}

// The keys a record allows, from its field table.
template <class R>
const std::vector<std::string_view>& keys_of() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    fields(Tag<R>{}, [&](const Key& k, auto) { out.push_back(k.name); });
    return out;
  }();
  return keys;
}

// Collects the diagnostics of one file.
class Sink {
 public:
  explicit Sink(const std::string& path) : path_(path) {}
  void error(Pos p, std::string message, Diagnostic::Code code = Diagnostic::Code::invalid_kb) {
    out_.push_back({path_, p.line, p.column, Diagnostic::Severity::error, std::move(message), code});
    ++errors_;
  }
  void error(const Node& at, std::string message) { error(pos_of(at), std::move(message)); }
  void warning(Pos p, std::string message) {
    out_.push_back(
        {path_, p.line, p.column, Diagnostic::Severity::warning, std::move(message), Diagnostic::Code::warning});
  }
  std::vector<Diagnostic>& diagnostics() { return out_; }
  std::size_t errors() const { return errors_; }

 private:
  const std::string& path_;
  std::vector<Diagnostic> out_;
  std::size_t errors_ = 0;
};

// The keys of one mapping, checked against the keys its record allows.
class Mapping {
 public:
  // Reports a node that is not a mapping, duplicate keys and unknown keys.
  Mapping(const Node& node, std::string_view what, const std::vector<std::string_view>& allowed, Sink& sink)
      : node_(node) {
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
        sink.error(key, "unknown key " + quoted(name) + " in " + std::string(what) + did_you_mean(name, allowed));
        continue;
      }
      bool duplicate = false;
      for (const auto& [k, v] : entries_) {
        if (k.Scalar() == name) {
          const Pos first = pos_of(k);
          sink.error(key, "duplicate key " + quoted(name) + " (first at line " + std::to_string(first.line) +
                              ", column " + std::to_string(first.column) + ")");
          duplicate = true;
        }
      }
      if (!duplicate) entries_.emplace_back(key, node.value(i));
    }
  }

  bool valid() const { return valid_; }
  const Node& node() const { return node_; }

  // The key's value node, or nullopt when the key is absent.
  std::optional<Node> find(std::string_view key) const {
    for (const auto& [k, v] : entries_) {
      if (k.Scalar() == key) return v;
    }
    return std::nullopt;
  }

  // The value of `key`, or nullopt when it is absent or null.
  std::optional<Node> get(std::string_view key) const {
    auto v = find(key);
    if (v && v->IsNull()) return std::nullopt;
    return v;
  }

 private:
  Node node_;
  bool valid_ = true;
  std::vector<std::pair<Node, Node>> entries_;
};

// Decodes YAML nodes into records, one field table at a time.
class YamlDecoder {
 public:
  YamlDecoder(Sink& sink, std::uint32_t record, std::vector<RefText>& refs)
      : sink_(sink), record_(record), refs_(refs) {}

  // Decodes the mapping `node` into `out`; false when it is not a mapping.
  template <class R>
  bool record(const Node& node, R& out) {
    const std::string_view what = record_name(Tag<R>{});
    const Mapping m(node, what, keys_of<R>(), sink_);
    if (!m.valid()) return false;
    fields(Tag<R>{}, [&](const Key& key, auto member) { field(m, what, key, out.*member); });
    check(m, out);
    return true;
  }

 private:
  template <class T>
  void field(const Mapping& m, std::string_view what, const Key& key, T& out) {
    const std::optional<Node> present = m.find(key.name);
    if (!present || present->IsNull()) {
      // A required list may be empty ("authors: []", or null); anything else
      // required must have a value.
      const bool null_list_ok = present && IsVector<T>::value && !key.is_non_empty;
      if (key.is_required && !null_list_ok) {
        std::string message = std::string(what) + " is missing required key " + quoted(key.name);
        if (!key.missing_hint.empty()) message += " (" + std::string(key.missing_hint) + ")";
        sink_.error(m.node(), message);
      }
      return;
    }
    if constexpr (std::is_same_v<T, std::string>) {
      if (key.is_record_id) {
        if (auto s = id(key, *present)) out = std::move(*s);
        return;
      }
    }
    if constexpr (kCanRefer<T>) {
      if (key.ref != RefTo::none) return ref(key, *present, out);
    }
    value(key, *present, out);
  }

  std::optional<std::string> text(const Key& key, const Node& v) {
    if (!v.IsScalar()) {
      sink_.error(v, quoted(key.name) + " must be text, not a " + (v.IsMap() ? "mapping" : "list"));
      return std::nullopt;
    }
    if (key.is_non_empty && blank(v.Scalar())) {
      sink_.error(v, quoted(key.name) + " must not be empty");
      return std::nullopt;
    }
    if (key.is_date && !calendar_date(v.Scalar())) {
      sink_.error(v, quoted(key.name) + " is " + quoted(v.Scalar()) +
                         ", not a calendar date: write it as YYYY-MM-DD, e.g. 2020-05-01");
      return std::nullopt;
    }
    return v.Scalar();
  }

  std::optional<std::string> id(const Key& key, const Node& v) {
    auto s = text(key, v);
    if (s && blank(*s)) {
      sink_.error(v, quoted(key.name) + " must not be empty");
      return std::nullopt;
    }
    if (s && !valid_id(*s)) {
      sink_.error(v, "bad id " + quoted(*s) +
                         ": ids are lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
      return std::nullopt;
    }
    return s;
  }

  std::optional<long> integer(const Key& key, const Node& v) {
    if (!v.IsScalar()) {
      sink_.error(v, quoted(key.name) + " must be a whole number");
      return std::nullopt;
    }
    const std::string& s = v.Scalar();
    long value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
      sink_.error(v, quoted(key.name) + " must be a whole number, not " + quoted(s));
      return std::nullopt;
    }
    if ((key.min != 0 || key.max != 0) && (value < key.min || value > key.max)) {
      sink_.error(
          v, quoted(key.name) + " is " + s + ", outside " + std::to_string(key.min) + ".." + std::to_string(key.max));
      return std::nullopt;
    }
    if (key.is_pub_year && value > current_year() + 1) {
      sink_.error(v, quoted(key.name) + " is " + s + ", more than a year after this one (" +
                         std::to_string(current_year()) + "): a citation's year is when it was published");
      return std::nullopt;
    }
    return value;
  }

  template <class E>
  std::optional<E> enumeration(const Key& key, const Node& v) {
    if (v.IsScalar()) {
      if (auto e = parse_enum<E>(v.Scalar())) return e;
    }
    const auto names = enum_names<E>();
    const std::string got = v.IsScalar() ? quoted(v.Scalar()) : std::string("a collection");
    sink_.error(v, "bad value " + got + " for " + quoted(key.name) + ": expected one of " + join_names(names) +
                       (v.IsScalar() ? did_you_mean(v.Scalar(), names) : ""));
    return std::nullopt;
  }

  template <class T>
  void value(const Key& key, const Node& v, T& out) {
    if constexpr (IsRecord<T>::value) {
      nested(v, out);
    } else if constexpr (IsOptional<T>::value) {
      using Inner = typename T::value_type;
      if constexpr (std::is_enum_v<Inner>) {
        out = enumeration<Inner>(key, v);
      } else if constexpr (IsRecord<Inner>::value) {
        nested(v, out.emplace());
      } else {
        out = integer(key, v);
      }
    } else if constexpr (IsVector<T>::value) {
      list(key, v, out);
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (auto s = text(key, v)) out = std::move(*s);
    } else if constexpr (std::is_same_v<T, bool>) {
      if (!key.word.empty()) {
        if (v.IsScalar() && v.Scalar() == key.word) {
          out = true;
        } else {
          sink_.error(v, quoted(key.name) + " can only be " + quoted(key.word) + " (leave it out otherwise)");
        }
      } else if (v.IsScalar() && (v.Scalar() == "true" || v.Scalar() == "false")) {
        out = v.Scalar() == "true";
      } else {
        sink_.error(v, quoted(key.name) + " must be true or false");
      }
    } else if constexpr (std::is_enum_v<T>) {
      if (auto e = enumeration<T>(key, v)) out = *e;
    } else {
      if (auto n = integer(key, v)) out = static_cast<T>(*n);
    }
  }

  template <class T>
  void list(const Key& key, const Node& v, std::vector<T>& out) {
    if (!v.IsSequence()) {
      sink_.error(v, quoted(key.name) + " must be a list");
      return;
    }
    if (key.is_non_empty && v.size() == 0) sink_.error(v, quoted(key.name) + " must not be empty");
    for (const Node& item : v) {
      if constexpr (IsRecord<T>::value) {
        T decoded;
        if (key.shorthand && item.IsScalar()) {
          // A plain string stands for the record's first field ("- iliopsoas").
          bool first = true;
          fields(Tag<T>{}, [&](const Key& k, auto member) {
            if (first) value(k, item, decoded.*member);
            first = false;
          });
        } else {
          nested(item, decoded);
        }
        out.push_back(std::move(decoded));
      } else {
        Key item_key = key;
        item_key.is_non_empty = true;  // no blank items in a list of text
        if (auto s = text(item_key, item)) out.push_back(std::move(*s));
      }
    }
  }

  template <class R>
  void nested(const Node& v, R& out) {
    record(v, out);
  }

  // A reference: one id, or a list of ids.
  template <class T>
  void ref(const Key& key, const Node& v, T& out) {
    auto add = [&](const Node& at, const std::string& s) {
      refs_.push_back({record_, static_cast<std::uint8_t>(key.ref_group), s, pos_of(at)});
    };
    if constexpr (IsVector<T>::value) {
      if (!v.IsSequence()) {
        sink_.error(v, quoted(key.name) + " must be a list");
        return;
      }
      if (key.is_non_empty && v.size() == 0) sink_.error(v, quoted(key.name) + " must not be empty");
      for (const Node& item : v) {
        if (auto s = id(key, item)) {
          add(item, *s);
          out.push_back(std::move(*s));
        }
      }
    } else {
      if (auto s = id(key, v)) {
        add(v, *s);
        out = std::move(*s);
      }
    }
  }

  // Rules that tie a record's fields together; most records have none.
  template <class R>
  void check(const Mapping&, R&) {}

  void check(const Mapping& m, Citation& c) {
    if (c.journal.empty() && c.publisher.empty()) sink_.error(m.node(), "citation needs a 'journal' or a 'publisher'");
    if (auto v = m.get("of"); v && c.design != Design::systematic_review && m.get("design")) {
      sink_.error(*v,
                  "'of' is only for a systematic_review, and this citation is a " + std::string(to_string(c.design)));
    } else if (!v && c.design == Design::systematic_review && m.get("design")) {
      sink_.error(m.node(), "a systematic_review needs 'of': randomized, mixed or observational (what it pooled)");
    }
    // What a review pooled, and other reports of the same participants: each names
    // another citation (a study cannot be pooled in itself, nor be its own companion).
    if (auto v = m.get("includes"); v && c.design != Design::systematic_review && m.get("design")) {
      sink_.error(*v, "'includes' is only for a systematic_review (the studies it pooled), and this citation is a " +
                          std::string(to_string(c.design)));
    } else if (v && v->IsSequence() && !c.id.empty()) {
      for (const Node& item : *v) {
        if (item.IsScalar() && item.Scalar() == c.id) {
          sink_.error(item, "review " + quoted(c.id) + " includes itself; list the studies it pooled");
        }
      }
    }
    if (auto v = m.get("same_sample_as"); v && !c.id.empty() && c.same_sample_as == c.id) {
      sink_.error(*v,
                  "'same_sample_as' names the citation itself; give the id of another report of the same "
                  "participants");
    }
    // Identifier checks: a slip here sends a patient to the wrong paper.
    auto digits = [](std::string_view s) {
      return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (!c.pmid.empty() && !digits(c.pmid)) {
      sink_.error(*m.get("pmid"), "'pmid' must be digits only, not " + quoted(c.pmid));
    }
    if (!c.pmcid.empty() && !(c.pmcid.rfind("PMC", 0) == 0 && digits(std::string_view(c.pmcid).substr(3)))) {
      sink_.error(*m.get("pmcid"), "'pmcid' must look like PMC1234567, not " + quoted(c.pmcid));
    }
    if (!c.doi.empty()) {
      if (c.doi.find("doi.org/") != std::string::npos) {
        sink_.error(*m.get("doi"), "store the DOI without its https://doi.org/ prefix");
      } else if (c.doi.rfind("10.", 0) != 0 || c.doi.find('/') == std::string::npos) {
        sink_.error(*m.get("doi"), "'doi' must look like 10.NNNN/suffix, not " + quoted(c.doi));
      }
    }
  }

  Sink& sink_;
  std::uint32_t record_;
  std::vector<RefText>& refs_;
};

// Decodes one top-level record of `table` into `out`.
template <class R>
void decode_one(const Node& node, FileRecords& out, Sink& sink) {
  const std::size_t errors_before = sink.errors();
  const auto index = static_cast<std::uint32_t>(out.ids.size());
  std::vector<RefText> refs;
  R r;
  YamlDecoder decoder(sink, index, refs);
  if (!decoder.record(node, r)) return;
  Pos id_pos = pos_of(node);
  if (node.IsMap()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (node.key(i).IsScalar() && node.key(i).Scalar() == "id") id_pos = pos_of(node.value(i));
    }
  }
  if (sink.errors() != errors_before) {
    if (!r.id.empty()) out.broken_ids.push_back(r.id);
    return;
  }
  if constexpr (std::is_same_v<R, Citation>) {
    if (r.retracted) {
      sink.warning(id_pos, "citation '" + r.id + "' is retracted (" + r.retracted->notice +
                               "); its links are listed but not counted");
    }
  }
  if constexpr (std::is_same_v<R, Concept>) {
    // The label and each synonym with its place (a synonym is a plain string or a
    // mapping whose `text` is the place to point at).
    out.terms.push_back({index, r.label, false, true, id_pos});
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (node.key(i).Scalar() == "label") out.terms.back().pos = pos_of(node.value(i));
      if (node.key(i).Scalar() != "synonyms") continue;
      const Node list = node.value(i);
      for (std::size_t k = 0; k < r.synonyms.size() && k < list.size(); ++k) {
        const Node item = list.item(k);
        Pos at = pos_of(item);
        for (std::size_t f = 0; item.IsMap() && f < item.size(); ++f) {
          if (item.key(f).Scalar() == "text") at = pos_of(item.value(f));
        }
        out.terms.push_back({index, r.synonyms[k].text, !r.synonyms[k].note.empty(), false, at});
      }
    }
  }
  encode_record(out.data, r);
  out.ends.push_back(out.data.size());
  out.ids.push_back(std::move(r.id));
  out.id_pos.push_back(id_pos);
  for (RefText& ref : refs) out.refs.push_back(std::move(ref));
}

}  // namespace

FileRecords decode_text(std::string_view text, const std::string& path, Table table) {
  FileRecords out;
  out.path = path;
  out.table = table;
  Sink sink(out.path);
  auto done = [&] {
    out.diagnostics = std::move(sink.diagnostics());
    return std::move(out);
  };
  // A UTF-8 byte-order mark is allowed; neither parser needs to see it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto problem = check_yaml(text)) {
    sink.error(Pos{problem->line, problem->column}, problem->message,
               problem->too_large ? Diagnostic::Code::too_large : Diagnostic::Code::invalid_kb);
    return done();
  }
  std::optional<yaml::Tree> tree;
  try {
    tree.emplace(text);
  } catch (const YAML::Exception& e) {
    sink.error(Pos{e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
    return done();
  }
  const std::vector<Node>& documents = tree->documents();
  const char* what = table_name(table);
  // A file that is empty or holds only comments has no records: curators start
  // files that way.
  if (documents.size() > 1) {
    sink.error(pos_of(documents[1]), "the file holds " + std::to_string(documents.size()) +
                                         " YAML documents; put one " + what + " or one list of them in a file");
  } else if (!documents.empty() && !documents[0].IsNull()) {
    const Node& root = documents[0];
    auto decode = [&](const Node& n) {
      switch (table) {
        case Table::claim: return decode_one<Claim>(n, out, sink);
        case Table::citation: return decode_one<Citation>(n, out, sink);
        case Table::concept: return decode_one<Concept>(n, out, sink);
      }
    };
    // Generous for a hand-curated file; a larger one belongs in several files.
    constexpr std::size_t kMaxRecords = 100000;
    if (root.IsSequence() && root.size() > kMaxRecords) {
      sink.error(pos_of(root),
                 "the file holds " + std::to_string(root.size()) + " records, more than " +
                     std::to_string(kMaxRecords) + "; split it into several files",
                 Diagnostic::Code::too_large);
    } else if (root.IsSequence()) {
      for (const Node& item : root) decode(item);
    } else if (root.IsMap()) {
      decode(root);
    } else {
      sink.error(root, std::string("expected a ") + what + " (a mapping) or a list of them");
    }
  }
  return done();
}

FileRecords decode_file(const std::string& path, Table table) {
  auto fail = [&](std::string message, Diagnostic::Code code) {
    FileRecords out;
    out.path = path;
    out.table = table;
    out.diagnostics.push_back({path, 0, 0, Diagnostic::Severity::error, std::move(message), code});
    return out;
  };
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return fail("cannot read the file", Diagnostic::Code::io);
  // A file this large is a mistake (or an attack), not a knowledge base file: split it.
  constexpr std::streamoff kMaxBytes = 64 << 20;
  if (in.tellg() > kMaxBytes) {
    return fail("the file is larger than 64 MiB; split it into several files", Diagnostic::Code::too_large);
  }
  in.seekg(0);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in && !in.eof()) return fail("cannot read the file", Diagnostic::Code::io);
  return decode_text(buffer.str(), path, table);
}

}  // namespace claimkb::detail
