// claimkb/cite.hpp — citations in and out of a KB: reference-manager exports
// (CSL-JSON, RIS, BibTeX, PubMed MEDLINE) and imports of the same formats, with
// the format found from the content (docs/import.md).
//
// Nothing here throws; a failed import returns every problem found, each with
// file:line:column. Every string returned is valid UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/export.h"
#include "claimkb/model.hpp"
#include "claimkb/result.hpp"

namespace claimkb {

enum class CitationFormat { csl_json, ris, bibtex, nbib };

// "csl-json", "ris", "bibtex", "nbib"; nullopt for any other name.
CLAIMKB_EXPORT std::optional<CitationFormat> parse_citation_format(std::string_view name);
CLAIMKB_EXPORT std::string_view to_string(CitationFormat f);

// Every citation, in order, as one file of the format. Only bibliographic fields
// are written (authors, title, journal, publisher, year, volume, issue, pages,
// article, pmid, pmcid, doi, url, abstract), and for nbib the publication type the
// design stands for (docs/import.md).
CLAIMKB_EXPORT std::string export_citations(const std::vector<Citation>& citations, CitationFormat f);

// One file to import: its name (for messages) and its bytes.
struct CitationSource {
  std::string file;
  std::string bytes;
};

// A record that becomes a citation.
struct ImportedCitation {
  Citation citation;  // only the fields the record has, plus id, design and notes
  std::string file;
  int line = 0;                       // where the record starts
  std::string format;                 // "nbib", "pubmed-xml", "ris", "bibtex", "csl-json"
  std::string design_suggested_from;  // the publication type read; empty: none (a placeholder design)
};

// A record left out because the KB (or an earlier record of the batch) has it.
struct SkippedCitation {
  std::string file;
  int line = 0;
  std::string existing_id;  // the citation that has the same DOI or PMID
  std::string reason;       // "same DOI 10.x/y", "same PMID 123"
};

struct ImportPlan {
  std::vector<ImportedCitation> added;
  std::vector<SkippedCitation> skipped;
  std::vector<Diagnostic> warnings;  // e.g. a systematic review whose `of` must be set by hand
};

// Reads every source and decides what an import adds: ids (first author's surname
// in lower-case ASCII and the year, then a, b, ... past `taken_ids` and the batch),
// the suggested design, and what is skipped as already in `existing` (same DOI,
// case-insensitive, or same PMID). Fails, adding nothing, when any source is not
// UTF-8, is in no known format, or holds a malformed record.
CLAIMKB_EXPORT Result<ImportPlan> plan_import(const std::vector<CitationSource>& sources,
                                              const std::vector<Citation>& existing,
                                              const std::vector<std::string>& taken_ids);

// The citations as YAML list items for a file under citations/ (docs/format.md),
// each field that is set, in the order of the citation's table.
CLAIMKB_EXPORT std::string citations_yaml(const std::vector<Citation>& citations);

// One citation as a JSON object of the fields that are set, keyed as in YAML.
CLAIMKB_EXPORT std::string citation_json(const Citation& c, int indent = -1);

}  // namespace claimkb
