// RIS: "TY  - " starts a record, "ER  - " ends it; tags in any order, repeated
// tags kept in order, a line without a tag continues the value before it.
#include <array>
#include <string>

#include "cite/common.hpp"

namespace claimkb::detail::cite {
namespace {

bool is_tag(std::string_view l) {
  if (l.size() < 5) return false;
  const auto cap = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto alnum = [&](char c) { return cap(c) || (c >= '0' && c <= '9'); };
  // "XX  - value"; a tag alone at the end of a line ("ER  -") is allowed.
  return cap(l[0]) && alnum(l[1]) && l[2] == ' ' && l[3] == ' ' && l[4] == '-' && (l.size() == 5 || l[5] == ' ');
}

constexpr std::size_t kJournalTags = 5;

struct Pending {
  RawRecord r;
  std::string sp, ep;
  std::array<std::string, kJournalTags> journal_by_rank;  // J2, JA, JO, T2, JF
  bool open = false;
};

void set(Pending& p, std::string_view tag, const std::string& v) {
  Citation& c = p.r.c;
  static constexpr std::string_view kJournal[kJournalTags] = {"J2", "JA", "JO", "T2", "JF"};
  for (std::size_t i = 0; i < kJournalTags; ++i) {
    if (tag == kJournal[i]) {
      if (p.journal_by_rank[i].empty()) p.journal_by_rank[i] = v;
      return;
    }
  }
  if (tag == "TY" || tag == "M3") {  // the kind of reference, the type of work
    p.r.types.push_back(v);
  } else if (tag == "AU" || tag == "A1") {
    c.authors.push_back(author_from_inverted(v));
  } else if ((tag == "TI" || tag == "T1") && c.title.empty()) {
    c.title = v;
  } else if (tag == "PY" || tag == "Y1" || (tag == "DA" && c.year == 0)) {
    if (c.year == 0 || tag != "DA") c.year = year_in(v);
  } else if (tag == "VL") {
    c.volume = v;
  } else if (tag == "IS") {
    c.issue = v;
  } else if (tag == "SP") {
    p.sp = v;
  } else if (tag == "EP") {
    p.ep = v;
  } else if (tag == "C7") {
    c.article = v;
  } else if (tag == "DO") {
    c.doi = clean_doi(v);
  } else if (tag == "AN") {
    // PubMed's and Zotero's accession number: the PMID when it is digits.
    std::string d = v.substr(0, 5) == "PMID:" ? std::string(trim(std::string_view(v).substr(5))) : v;
    if (!d.empty() && d.find_first_not_of("0123456789") == std::string::npos) c.pmid = d;
  } else if (tag == "C2") {
    std::string_view s = v;
    if (s.substr(0, 6) == "PMCID:") s = trim(s.substr(6));
    if (s.substr(0, 3) == "PMC") c.pmcid = std::string(s);
  } else if (tag == "UR" || tag == "L2") {
    if (c.url.empty() && v.find("doi.org/") == std::string::npos) c.url = v;
  } else if (tag == "PB") {
    c.publisher = v;
  } else if (tag == "AB" || tag == "N2") {
    if (c.abstract.empty()) c.abstract = v;
  }
}

void finish(Pending& p, std::vector<RawRecord>& out) {
  Citation& c = p.r.c;
  for (const auto& j : p.journal_by_rank) {
    if (!j.empty()) {
      c.journal = j;
      break;
    }
  }
  if (!p.sp.empty()) c.pages = clean_pages(p.ep.empty() || p.ep == p.sp ? p.sp : p.sp + "-" + p.ep);
  out.push_back(std::move(p.r));
  p = Pending{};
}

}  // namespace

void read_ris(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
              std::vector<Diagnostic>& errors) {
  Pending p;
  std::vector<std::pair<std::string, std::string>> fields;  // tag, value of the open record
  int n = 0;
  const auto flush = [&]() {
    for (const auto& [t, v] : fields) set(p, t, squeeze(v));
    fields.clear();
    finish(p, out);
  };
  for (const auto l : lines_of(text)) {
    ++n;
    if (is_tag(l)) {
      const std::string tag(l.substr(0, 2));
      const std::string value(l.size() > 6 ? trim(l.substr(6)) : std::string_view());
      if (tag == "TY") {
        if (p.open) {
          errors.push_back(
              error_at(file, p.r.line, 1,
                       "this record has no 'ER  - ' line before the next 'TY  - ' (line " + std::to_string(n) + ")"));
          fields.clear();
          p = Pending{};
        }
        p.open = true;
        p.r.line = n;
      } else if (!p.open) {
        errors.push_back(error_at(file, n, 1, "tag '" + tag + "' outside a record: a RIS record starts with 'TY  - '"));
        continue;
      }
      if (tag == "ER") {
        flush();
        continue;
      }
      fields.emplace_back(tag, value);
      continue;
    }
    if (trim(l).empty()) continue;
    if (p.open && !fields.empty()) {
      fields.back().second += ' ';
      fields.back().second += std::string(trim(l));
    }
    // Text outside a record (an export's header) is ignored.
  }
  if (p.open) errors.push_back(error_at(file, p.r.line, 1, "this record has no 'ER  - ' line at its end"));
}

namespace {

void put(std::string& out, std::string_view tag, std::string_view value) {
  if (value.empty()) return;
  out += tag;
  out += "  - ";
  out += squeeze(value);
  out += "\r\n";  // RIS as reference managers write it
}

std::string inverted(const std::string& author) {
  const NameParts p = split_author(author);
  std::string s = p.family;
  if (!p.given.empty()) s += ", " + p.given;
  if (!p.suffix.empty()) s += ", " + p.suffix;
  return s;
}

}  // namespace

std::string write_ris(const std::vector<Citation>& cs) {
  std::string out;
  for (const auto& c : cs) {
    if (!out.empty()) out += "\r\n";
    put(out, "TY", c.design == Design::book ? "BOOK" : c.design == Design::web ? "ELEC" : "JOUR");
    for (const auto& a : c.authors) put(out, "AU", inverted(a));
    put(out, "TI", c.title);
    put(out, "JO", c.journal);
    put(out, "PB", c.publisher);
    if (c.year != 0) put(out, "PY", std::to_string(c.year));
    put(out, "VL", c.volume);
    put(out, "IS", c.issue);
    const auto [sp, ep] = split_pages(c.pages);
    put(out, "SP", sp);
    put(out, "EP", ep);
    put(out, "C7", c.article);
    put(out, "DO", c.doi);
    put(out, "AN", c.pmid);
    put(out, "C2", c.pmcid);
    put(out, "UR", c.url);
    put(out, "AB", c.abstract);
    out += "ER  - \r\n";
  }
  return out;
}

}  // namespace claimkb::detail::cite
