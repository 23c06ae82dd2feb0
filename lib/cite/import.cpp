// claimkb/cite.hpp: the format found from the content, records to citations (ids,
// suggested designs, duplicates skipped), and export_citations.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "cite/common.hpp"
#include "claimkb/cite.hpp"
#include "model/enums.hpp"
#include "model/utf8.hpp"

namespace claimkb {
namespace detail::cite {
namespace {

enum class Found { none, nbib, ris, bibtex, csl_json, pubmed_xml };

// From the first line that says something: '[' or '{' opens CSL-JSON, '@' (or a
// '%' comment) BibTeX, "TY  - " RIS, "PMID- " or another padded MEDLINE tag nbib.
Found detect(std::string_view text) {
  for (const auto l : lines_of(text)) {
    const std::string_view t = trim(l);
    if (t.empty()) continue;
    if (t[0] == '<') return text.find("<PubmedArticleSet") != std::string_view::npos ? Found::pubmed_xml : Found::none;
    if (t[0] == '[' || t[0] == '{') return Found::csl_json;
    if (t[0] == '@' || t[0] == '%') return Found::bibtex;
    if (l.substr(0, 6) == "TY  - " || l == "TY  -") return Found::ris;
    if (l.size() >= 6 && l[4] == '-' && l[5] == ' ' && l[0] >= 'A' && l[0] <= 'Z') return Found::nbib;
    return Found::none;
  }
  return Found::none;
}

const char* format_name(Found f) {
  switch (f) {
    case Found::nbib: return "nbib";
    case Found::ris: return "ris";
    case Found::bibtex: return "bibtex";
    case Found::csl_json: return "csl-json";
    case Found::pubmed_xml: return "pubmed-xml";
    default: return "";
  }
}

// A design from the record's publication types: the first that names one. Nothing
// found: expert_opinion, which counts for nothing (docs/grading.md), so that an
// unchecked guess never moves a verdict.
std::pair<Design, std::string> suggest_design(const std::vector<std::string>& types) {
  struct Rule {
    const char* needle;  // in the lower-cased type
    Design design;
  };
  static constexpr Rule kRules[] = {
      {"retraction of publication", Design::expert_opinion},
      {"meta-analysis", Design::systematic_review},
      {"systematic review", Design::systematic_review},
      {"systematic_review", Design::systematic_review},
      {"randomized controlled trial", Design::rct},
      {"randomised controlled trial", Design::rct},
      {"case reports", Design::case_report},
      {"practice guideline", Design::guideline},
      {"guideline", Design::guideline},
      {"review", Design::narrative_review},
  };
  for (const auto& rule : kRules) {
    for (const auto& t : types) {
      if (lower_ascii(t).find(rule.needle) != std::string::npos) return {rule.design, t};
    }
  }
  // The kind of record: a book or a web page.
  static constexpr Rule kKinds[] = {
      {"book", Design::book}, {"chap", Design::book},  {"webpage", Design::web},
      {"elec", Design::web},  {"online", Design::web}, {"post-weblog", Design::web},
  };
  for (const auto& t : types) {
    const std::string l = lower_ascii(t);
    for (const auto& k : kKinds) {
      if (l == k.needle) return {k.design, t};
    }
  }
  return {Design::expert_opinion, std::string()};
}

// Lower-case ASCII letters of a surname: accents dropped ("Müller" -> "muller").
std::string ascii_letters(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kFold[] = {
      {"à", "a"}, {"á", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "a"},  {"å", "a"}, {"æ", "ae"}, {"ç", "c"},
      {"è", "e"}, {"é", "e"}, {"ê", "e"}, {"ë", "e"}, {"ì", "i"},  {"í", "i"}, {"î", "i"},  {"ï", "i"},
      {"ñ", "n"}, {"ò", "o"}, {"ó", "o"}, {"ô", "o"}, {"õ", "o"},  {"ö", "o"}, {"ø", "o"},  {"ù", "u"},
      {"ú", "u"}, {"û", "u"}, {"ü", "u"}, {"ý", "y"}, {"ß", "ss"}, {"ł", "l"}, {"š", "s"},  {"č", "c"},
      {"ž", "z"}, {"ř", "r"}, {"ě", "e"}, {"ő", "o"}, {"ű", "u"},  {"ć", "c"}, {"ń", "n"},  {"ś", "s"},
      {"ź", "z"}, {"ż", "z"}, {"ą", "a"}, {"ę", "e"}, {"œ", "oe"}, {"ā", "a"}, {"ē", "e"},  {"ă", "a"},
  };
  std::string out;
  const std::string low = lower_ascii(s);
  for (std::size_t i = 0; i < low.size();) {
    const char c = low[i];
    if (c >= 'a' && c <= 'z') {
      out += c;
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFold) {
      if (low.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    // Upper-case accented letters: their lower-case forms are two bytes below in
    // Latin-1 Supplement (À..Þ -> à..þ, second byte + 0x20).
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < low.size()) {
      const auto b = static_cast<unsigned char>(low[i + 1]);
      if (b >= 0x80 && b <= 0x9E) {
        std::string lowered = "\xC3";
        lowered += static_cast<char>(b + 0x20);
        for (const auto& [from, to] : kFold) {
          if (from == lowered) out += to;
        }
      }
    }
    const std::size_t len = utf8_sequence_length(low, i);
    i += len == 0 ? 1 : len;
  }
  return out;
}

std::string id_base(const Citation& c) {
  std::string stem;
  if (!c.authors.empty()) {
    const NameParts p = split_author(c.authors.front());
    stem = ascii_letters(p.family);
  }
  if (stem.empty()) {
    // No author: the first word of the title with three letters or more.
    std::size_t i = 0;
    const std::string& t = c.title;
    while (i < t.size() && stem.size() < 3) {
      std::size_t e = t.find(' ', i);
      if (e == std::string::npos) e = t.size();
      stem = ascii_letters(std::string_view(t).substr(i, e - i));
      i = e + 1;
    }
  }
  if (stem.empty()) stem = "citation";
  return stem + std::to_string(c.year);
}

}  // namespace
}  // namespace detail::cite

using detail::cite::RawRecord;

std::optional<CitationFormat> parse_citation_format(std::string_view name) {
  if (name == "csl-json") return CitationFormat::csl_json;
  if (name == "ris") return CitationFormat::ris;
  if (name == "bibtex") return CitationFormat::bibtex;
  if (name == "nbib") return CitationFormat::nbib;
  return std::nullopt;
}

std::string_view to_string(CitationFormat f) {
  switch (f) {
    case CitationFormat::csl_json: return "csl-json";
    case CitationFormat::ris: return "ris";
    case CitationFormat::bibtex: return "bibtex";
    case CitationFormat::nbib: return "nbib";
  }
  return "";
}

std::string export_citations(const std::vector<Citation>& citations, CitationFormat f) {
  std::string out;
  switch (f) {
    case CitationFormat::csl_json: out = detail::cite::write_csl_json(citations); break;
    case CitationFormat::ris: out = detail::cite::write_ris(citations); break;
    case CitationFormat::bibtex: out = detail::cite::write_bibtex(citations); break;
    case CitationFormat::nbib: out = detail::cite::write_nbib(citations); break;
  }
  return detail::to_valid_utf8(out);
}

Result<ImportPlan> plan_import(const std::vector<CitationSource>& sources, const std::vector<Citation>& existing,
                               const std::vector<std::string>& taken_ids) {
  using namespace detail::cite;
  std::vector<Diagnostic> errors;
  struct Read {
    RawRecord r;
    const CitationSource* src;
    const char* format;
  };
  std::vector<Read> records;
  for (const auto& src : sources) {
    std::string_view text = src.bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!valid_utf8_or_report(text, src.file, errors)) continue;
    const Found f = detect(text);
    std::vector<RawRecord> raw;
    const std::size_t before = errors.size();
    switch (f) {
      case Found::nbib: read_nbib(text, src.file, raw, errors); break;
      case Found::ris: read_ris(text, src.file, raw, errors); break;
      case Found::bibtex: read_bibtex(text, src.file, raw, errors); break;
      case Found::csl_json: read_csl_json(text, src.file, raw, errors); break;
      case Found::pubmed_xml: read_pubmed_xml(text, src.file, raw, errors); break;
      case Found::none:
        errors.push_back(error_at(src.file, 1, 1,
                                  "not a citation file claimkb reads: expected PubMed MEDLINE (.nbib) or XML, RIS, "
                                  "BibTeX or CSL-JSON (docs/import.md)"));
        continue;
    }
    if (errors.size() == before && raw.empty()) {
      errors.push_back(error_at(src.file, 1, 1, std::string("no records found in this ") + format_name(f) + " file"));
    }
    for (auto& r : raw) {
      // A record must give what a citation requires (docs/format.md).
      const char* missing = r.c.title.empty() ? (r.c.year == 0 ? "title and no year" : "title")
                            : r.c.year == 0   ? "year"
                                              : nullptr;
      if (missing != nullptr) {
        errors.push_back(
            error_at(src.file, r.line, 1,
                     std::string("this record has no ") + missing + "; a citation needs a title and a year"));
        continue;
      }
      records.push_back(Read{std::move(r), &src, format_name(f)});
    }
  }
  if (!errors.empty()) return Result<ImportPlan>::failure(std::move(errors));

  ImportPlan plan;
  std::map<std::string, std::string> by_doi;   // lower-cased DOI -> id
  std::map<std::string, std::string> by_pmid;  // PMID -> id
  for (const auto& c : existing) {
    if (!c.doi.empty()) by_doi.emplace(lower_ascii(c.doi), c.id);
    if (!c.pmid.empty()) by_pmid.emplace(c.pmid, c.id);
  }
  std::set<std::string> taken(taken_ids.begin(), taken_ids.end());
  for (const auto& c : existing) taken.insert(c.id);
  for (auto& rec : records) {
    Citation c = std::move(rec.r.c);
    const std::string doi = lower_ascii(c.doi);
    const auto d = doi.empty() ? by_doi.end() : by_doi.find(doi);
    const auto p = c.pmid.empty() ? by_pmid.end() : by_pmid.find(c.pmid);
    if (d != by_doi.end() || p != by_pmid.end()) {
      SkippedCitation s;
      s.file = rec.src->file;
      s.line = rec.r.line;
      s.existing_id = d != by_doi.end() ? d->second : p->second;
      s.reason = d != by_doi.end() ? "same DOI " + c.doi : "same PMID " + c.pmid;
      plan.skipped.push_back(std::move(s));
      continue;
    }
    const std::string base = id_base(c);
    c.id = base;
    for (char suffix = 'a'; taken.count(c.id) != 0U && suffix <= 'z'; ++suffix) c.id = base + suffix;
    for (int k = 2; taken.count(c.id) != 0U; ++k) c.id = base + "-" + std::to_string(k);
    taken.insert(c.id);
    if (!doi.empty()) by_doi.emplace(doi, c.id);
    if (!c.pmid.empty()) by_pmid.emplace(c.pmid, c.id);

    const auto [design, from] = suggest_design(rec.r.types);
    c.design = design;
    const std::string where = rec.src->file + ":" + std::to_string(rec.r.line);
    if (from.empty()) {
      c.notes = "Imported by claimkb import from " + where +
                ". DESIGN NOT KNOWN: the record names no publication type, and expert_opinion is a placeholder "
                "that counts for nothing; set the real design, then edit this note.";
    } else {
      c.notes = "Imported by claimkb import from " + where + ". DESIGN SUGGESTED from the publication type '";
      c.notes += from;
      c.notes += "'; check it against the paper, then edit this note.";
    }
    const auto warn = [&](const std::string& message) {
      Diagnostic w;
      w.file = rec.src->file;
      w.line = rec.r.line;
      w.column = 1;
      w.severity = Diagnostic::Severity::warning;
      w.code = Diagnostic::Code::warning;
      w.message = "citation '" + c.id + "' " + message + "; the KB does not load until it is set";
      plan.warnings.push_back(std::move(w));
    };
    if (design == Design::systematic_review) {
      c.notes += " Set `of` (randomized, mixed or observational) by hand: a systematic review needs it.";
      warn("is suggested to be a systematic_review: set its `of` (randomized, mixed or observational) by hand");
    }
    if (c.journal.empty() && c.publisher.empty()) warn("has neither a journal nor a publisher: add one");
    ImportedCitation ic;
    ic.citation = std::move(c);
    ic.file = rec.src->file;
    ic.line = rec.r.line;
    ic.format = rec.format;
    ic.design_suggested_from = from;
    plan.added.push_back(std::move(ic));
  }
  return plan;
}

}  // namespace claimkb
