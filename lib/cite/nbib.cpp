// PubMed MEDLINE (.nbib) records: "TAG - value" lines, a tag padded to four
// characters, values continued on lines that start with six spaces; a blank line
// ends a record (docs/import.md).
#include <string>

#include "cite/common.hpp"

namespace claimkb::detail::cite {
namespace {

bool is_tag_line(std::string_view l) {
  if (l.size() < 5 || l[4] != '-') return false;
  if (l.size() > 5 && l[5] != ' ') return false;
  for (std::size_t i = 0; i < 4; ++i) {
    const char c = l[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c == ' ' && i > 0);
    if (!ok) return false;
  }
  return l[0] != ' ';
}

struct Field {
  std::string tag, value;
  int line;
};

// "10.1/x [doi]" -> ("10.1/x", "doi"); no bracket: ("...", "").
std::pair<std::string, std::string> id_and_kind(std::string_view v) {
  v = trim(v);
  if (!v.empty() && v.back() == ']') {
    const std::size_t open = v.rfind('[');
    if (open != std::string_view::npos) {
      return {std::string(trim(v.substr(0, open))), std::string(v.substr(open + 1, v.size() - open - 2))};
    }
  }
  return {std::string(v), std::string()};
}

void finish(std::vector<Field>& fields, std::vector<RawRecord>& out) {
  if (fields.empty()) return;
  RawRecord r;
  r.line = fields.front().line;
  Citation& c = r.c;
  std::vector<std::string> full_authors;
  std::string pg;
  std::string journal_full;
  for (const auto& f : fields) {
    const std::string v = squeeze(f.value);
    if (f.tag == "PMID") {
      c.pmid = v;
    } else if (f.tag == "TI" || (f.tag == "BTI" && c.title.empty())) {
      c.title = v;
    } else if (f.tag == "AB") {
      c.abstract = v;
    } else if (f.tag == "AU") {
      c.authors.push_back(v);
    } else if (f.tag == "FAU") {
      full_authors.push_back(author_from_inverted(v));
    } else if (f.tag == "TA") {
      c.journal = v;
    } else if (f.tag == "JT") {
      journal_full = v;
    } else if (f.tag == "PB") {
      c.publisher = v;
    } else if (f.tag == "DP") {
      c.year = year_in(v);
    } else if (f.tag == "VI") {
      c.volume = v;
    } else if (f.tag == "IP") {
      c.issue = v;
    } else if (f.tag == "PG") {
      pg = v;
    } else if (f.tag == "LID" || f.tag == "AID") {
      auto [id, kind] = id_and_kind(v);
      if (kind == "doi" && c.doi.empty()) {
        c.doi = clean_doi(id);
      } else if (kind.empty() && f.tag == "LID" && c.article.empty()) {
        c.article = id;  // a bare LID is the electronic location: the article number
      }
    } else if (f.tag == "PMC") {
      c.pmcid = v;
    } else if (f.tag == "PT") {
      r.types.push_back(v);
    } else if (f.tag == "UR") {
      c.url = v;
    }
    if (f.tag == "RIN" || f.tag == "PRIN" || f.tag == "ROF" || f.tag == "ECI" || f.tag == "EIN" || f.tag == "DP") {
      r.links.emplace_back(f.tag, v);
    }
  }
  if (c.authors.empty()) c.authors = full_authors;
  if (c.journal.empty()) c.journal = journal_full;
  if (!pg.empty() && pg != c.article) c.pages = clean_pages(pg);
  out.push_back(std::move(r));
  fields.clear();
}

}  // namespace

void read_nbib(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
               std::vector<Diagnostic>& errors) {
  std::vector<Field> fields;
  int n = 0;
  for (const auto l : lines_of(text)) {
    ++n;
    if (trim(l).empty()) {
      finish(fields, out);
      continue;
    }
    if (l.size() > 6 && l.substr(0, 6) == "      ") {
      if (fields.empty()) {
        errors.push_back(error_at(file, n, 1, "a continuation line (six spaces) with no tag line before it"));
        continue;
      }
      fields.back().value += ' ';
      fields.back().value += std::string(trim(l));
      continue;
    }
    if (!is_tag_line(l)) {
      errors.push_back(error_at(file, n, 1,
                                "not a MEDLINE line: expected a tag of up to four capitals padded to four, then "
                                "'- ' (e.g. 'TI  - '), or a continuation line of six spaces"));
      continue;
    }
    fields.push_back(Field{std::string(trim(l.substr(0, 4))), std::string(l.size() > 6 ? l.substr(6) : ""), n});
  }
  finish(fields, out);
}

namespace {

// "TAG - value", wrapped at about 80 columns on spaces, continued with six spaces.
void put(std::string& out, std::string_view tag, std::string_view value) {
  if (value.empty()) return;
  std::string t(tag);
  t.resize(4, ' ');
  out += t + "- ";
  std::size_t col = 6;
  std::size_t i = 0;
  const std::string v = squeeze(value);
  while (i < v.size()) {
    std::size_t e = v.find(' ', i);
    if (e == std::string::npos) e = v.size();
    const std::size_t len = e - i;
    if (col > 6 && col + 1 + len > 80) {
      out += "\n      ";
      col = 6;
    } else if (col > 6) {
      out += ' ';
      ++col;
    }
    out.append(v, i, len);
    col += len;
    i = e + 1;
  }
  out += '\n';
}

}  // namespace

std::string write_nbib(const std::vector<Citation>& cs) {
  std::string out;
  for (const auto& c : cs) {
    if (!out.empty()) out += '\n';
    put(out, "PMID", c.pmid);
    put(out, "TI", c.title);
    put(out, "AB", c.abstract);
    for (const auto& a : c.authors) put(out, "AU", a);
    put(out, "PT", publication_type_of(c.design));
    put(out, "TA", c.journal);
    put(out, "PB", c.publisher);
    if (c.year != 0) put(out, "DP", std::to_string(c.year));
    put(out, "VI", c.volume);
    put(out, "IP", c.issue);
    put(out, "PG", c.pages.empty() ? c.article : c.pages);
    if (!c.doi.empty()) put(out, "LID", c.doi + " [doi]");
    put(out, "LID", c.article);
    put(out, "PMC", c.pmcid);
    put(out, "UR", c.url);  // not a MEDLINE tag: written so that a URL survives the round trip
  }
  return out;
}

}  // namespace claimkb::detail::cite
