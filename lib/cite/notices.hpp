// What the readers of retraction notices share (claimkb/retractions.hpp). Private
// to the library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimkb/result.hpp"
#include "claimkb/retractions.hpp"

namespace claimkb::detail::cite {

// Each reader appends the notices of `text` to `out` and its problems, each at
// file:line:column, to `errors`. The CSV reader takes the raw bytes (a row that is
// not UTF-8 is read as Latin-1); the others take valid UTF-8 without a BOM.
void read_retraction_csv(std::string_view bytes, const std::string& file, std::vector<Notice>& out,
                         std::vector<Diagnostic>& errors);
void read_crossref_notices(std::string_view text, const std::string& file, std::vector<Notice>& out,
                           std::vector<Diagnostic>& errors);
void read_pubmed_notices(std::string_view text, const std::string& file, std::vector<Notice>& out,
                         std::vector<Diagnostic>& errors);

// The kind a notice's type names ("Retraction", "expression_of_concern",
// "Expression of concern", "correction", "erratum", "Reinstatement", ...), compared
// without case, '_' read as ' '; nullopt for a kind claimkb does not act on.
std::optional<NoticeKind> notice_kind(std::string_view nature);

// "2021-04-15" when year, month and day name a real day, else "".
std::string iso_date(int year, int month, int day);

// "https://doi.org/<doi>" for a DOI, "" for an empty one.
std::string doi_url(std::string_view doi);

}  // namespace claimkb::detail::cite
