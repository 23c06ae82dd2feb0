// What the readers and writers of lib/cite share. Private to the library.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimkb/model.hpp"
#include "claimkb/result.hpp"

namespace claimkb::detail::cite {

// One record as a reader found it: the bibliographic fields seen, and what the
// record says its kind is (publication types, RIS TY, a BibTeX entry type).
struct RawRecord {
  Citation c;
  std::vector<std::string> types;  // publication types as spelled (PT, CSL type, ...)
  // MEDLINE only: the links to notices and the full date, as tag and value (RIN,
  // PRIN, ROF, ECI, EIN, DP), for the reader of retraction notices.
  std::vector<std::pair<std::string, std::string>> links;
  int line = 0;
};

// Each reader appends the records of `text` (valid UTF-8, without a BOM) to `out`
// and its problems, each at file:line:column, to `errors`.
void read_nbib(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
               std::vector<Diagnostic>& errors);
void read_ris(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
              std::vector<Diagnostic>& errors);
void read_bibtex(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
                 std::vector<Diagnostic>& errors);
// PubMed XML (efetch): PubmedArticleSet/PubmedArticle.
void read_pubmed_xml(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
                     std::vector<Diagnostic>& errors);
void read_csl_json(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
                   std::vector<Diagnostic>& errors);

// LaTeX in a BibTeX value as plain UTF-8: accents, escaped specials, no braces.
std::string latex_to_text(std::string_view s);

std::string write_nbib(const std::vector<Citation>& cs);
std::string write_ris(const std::vector<Citation>& cs);
std::string write_bibtex(const std::vector<Citation>& cs);
std::string write_csl_json(const std::vector<Citation>& cs);

Diagnostic error_at(const std::string& file, int line, int column, std::string message);

// Spaces at both ends removed.
std::string_view trim(std::string_view s);
// Runs of white space (space, tab, CR, LF) made one space, ends trimmed.
std::string squeeze(std::string_view s);
std::string lower_ascii(std::string_view s);

// "Peeler JD" from a family name and given names ("John D.", "J. D.", "JD") and
// an optional suffix ("Jr"): the form of the KB's `authors`.
std::string author_from_parts(std::string_view family, std::string_view given, std::string_view suffix = {});
// "Peeler, John D." (family, given) to "Peeler JD", "Smith, John, Jr" to "Smith J
// Jr" (RIS's order); a name without a comma is taken as already "Surname Initials".
std::string author_from_inverted(std::string_view name);

// A KB author "Janse De Jonge X" split into family "Janse De Jonge", given
// initials "X" (as "X.": "JD" gives "J. D.") and suffix ("Jr").
struct NameParts {
  std::string family, given, suffix;
};
NameParts split_author(std::string_view author);

// The first run of four digits read as a year (1000..2999), or 0.
int year_in(std::string_view s);
// A DOI without "https://doi.org/", "doi:" or white space.
std::string clean_doi(std::string_view s);
// "14-21" from "14--21", "14–21" or "14 - 21".
std::string clean_pages(std::string_view s);

// Pages "a-b" split at the first hyphen.
std::pair<std::string, std::string> split_pages(std::string_view pages);

// Lines of `text` without their ends (LF or CRLF).
std::vector<std::string_view> lines_of(std::string_view text);
// 1-based line of byte `offset`.
// False, with an error at the first byte that is not UTF-8 ("save the file as
// UTF-8"), for text that is not valid UTF-8.
bool valid_utf8_or_report(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors);

int line_at(std::string_view text, std::size_t offset);
int column_at(std::string_view text, std::size_t offset);

// The publication type an export writes for a design (nbib PT), or "".
std::string_view publication_type_of(Design d);

}  // namespace claimkb::detail::cite
