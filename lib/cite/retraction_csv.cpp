// Retraction Watch data as Crossref publishes it: CSV (RFC 4180 quoting, fields may
// hold line breaks), a header row naming its 20 columns, one notice per row. Lists
// (URLS, Author, Reason, ...) are ';'-separated; a missing PMID is 0 and a missing
// DOI "unavailable"; dates read "4/15/2021 0:00". A row that is not valid UTF-8 is
// read as Latin-1 (docs/retractions.md).
#include <charconv>
#include <map>
#include <string>

#include "cite/common.hpp"
#include "cite/notices.hpp"
#include "model/utf8.hpp"

namespace claimkb::detail::cite {
namespace {

struct Field {
  std::string text;
  std::size_t at = 0;  // byte offset of its first character
};

struct Row {
  std::vector<Field> fields;
  std::size_t at = 0;
};

// Splits `s` into rows. Returns false, with the offset of the opening quote, when a
// quoted field is not closed.
bool split_rows(std::string_view s, std::vector<Row>& rows, std::size_t& unclosed) {
  std::size_t i = 0;
  while (i < s.size()) {
    Row row;
    row.at = i;
    bool end = false;
    while (!end) {
      Field f;
      f.at = i;
      if (i < s.size() && s[i] == '"') {
        ++i;
        for (;;) {
          if (i >= s.size()) {
            unclosed = f.at;
            return false;
          }
          if (s[i] == '"') {
            if (i + 1 < s.size() && s[i + 1] == '"') {
              f.text += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          f.text += s[i++];
        }
        // Anything between the closing quote and the separator is kept as written.
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') f.text += s[i++];
      } else {
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') f.text += s[i++];
      }
      row.fields.push_back(std::move(f));
      if (i >= s.size()) {
        end = true;
      } else if (s[i] == ',') {
        ++i;
      } else {
        if (s[i] == '\r') ++i;
        if (i < s.size() && s[i] == '\n') ++i;
        end = true;
      }
    }
    const bool blank = row.fields.size() == 1 && trim(row.fields[0].text).empty();
    if (!blank) rows.push_back(std::move(row));
  }
  return true;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool number(std::string_view s, int& out) {
  s = trim(s);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// "4/15/2021 0:00" (month/day/year, a time after a space) or "2021-04-15" as
// YYYY-MM-DD; "" for an empty field; nullopt when it is neither.
std::optional<std::string> csv_date(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::string();
  const std::size_t space = s.find(' ');
  const std::string_view day_part = s.substr(0, space);
  int y = 0, m = 0, d = 0;
  const std::size_t a = day_part.find('/');
  const std::size_t b = a == std::string_view::npos ? a : day_part.find('/', a + 1);
  if (b != std::string_view::npos) {
    if (!number(day_part.substr(0, a), m) || !number(day_part.substr(a + 1, b - a - 1), d) ||
        !number(day_part.substr(b + 1), y)) {
      return std::nullopt;
    }
  } else if (day_part.size() == 10 && day_part[4] == '-' && day_part[7] == '-') {
    if (!number(day_part.substr(0, 4), y) || !number(day_part.substr(5, 2), m) || !number(day_part.substr(8, 2), d)) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  std::string iso = iso_date(y, m, d);
  if (iso.empty()) return std::nullopt;
  return iso;
}

std::string clean_identifier(std::string_view s) {
  std::string v = squeeze(s);
  if (v.empty() || lower_ascii(v) == "unavailable" || v == "0") return {};
  return v;
}

}  // namespace

void read_retraction_csv(std::string_view bytes, const std::string& file, std::vector<Notice>& out,
                         std::vector<Diagnostic>& errors) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::vector<Row> rows;
  std::size_t unclosed = 0;
  if (!split_rows(bytes, rows, unclosed)) {
    errors.push_back(error_at(file, line_at(bytes, unclosed), column_at(bytes, unclosed),
                              "a quoted field is not closed before the end of the file"));
    return;
  }
  if (rows.empty()) {
    errors.push_back(error_at(file, 1, 1, "an empty file: expected the Retraction Watch header row"));
    return;
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t k = 0; k < rows[0].fields.size(); ++k) column.emplace(squeeze(rows[0].fields[k].text), k);
  static constexpr const char* kRequired[] = {"RetractionNature", "RetractionDate", "OriginalPaperDOI",
                                              "OriginalPaperPubMedID"};
  for (const char* name : kRequired) {
    if (column.count(name) == 0U) {
      errors.push_back(error_at(file, 1, 1,
                                std::string("the header row has no column '") + name +
                                    "': not Retraction Watch data as Crossref publishes it (docs/retractions.md)"));
    }
  }
  if (!errors.empty()) return;
  const std::size_t width = rows[0].fields.size();
  auto at = [&](const Row& r, const char* name) -> const Field* {
    const auto it = column.find(name);
    return it == column.end() ? nullptr : &r.fields[it->second];
  };
  for (std::size_t k = 1; k < rows.size(); ++k) {
    Row& row = rows[k];
    const int line = line_at(bytes, row.at);
    if (row.fields.size() != width) {
      errors.push_back(error_at(
          file, line, 1,
          "this row has " + std::to_string(row.fields.size()) + " fields; the header has " + std::to_string(width)));
      continue;
    }
    bool utf8 = true;
    for (const auto& f : row.fields) utf8 = utf8 && valid_utf8(f.text);
    if (!utf8) {
      for (auto& f : row.fields) f.text = latin1_to_utf8(f.text);
    }
    const std::string nature = squeeze(at(row, "RetractionNature")->text);
    const auto kind = notice_kind(nature);
    if (!kind) continue;  // an empty or unknown nature: nothing to act on
    Notice n;
    n.kind = *kind;
    n.nature = nature;
    n.doi = lower_ascii(clean_doi(clean_identifier(at(row, "OriginalPaperDOI")->text)));
    n.pmid = clean_identifier(at(row, "OriginalPaperPubMedID")->text);
    const Field* date = at(row, "RetractionDate");
    const auto iso = csv_date(date->text);
    if (!iso) {
      errors.push_back(
          error_at(file, line_at(bytes, date->at), column_at(bytes, date->at),
                   "RetractionDate '" + to_valid_utf8(squeeze(date->text)) + "' is not a date like 4/15/2021 0:00"));
      continue;
    }
    n.date = *iso;
    const Field* notice_doi = at(row, "RetractionDOI");
    const Field* notice_pmid = at(row, "RetractionPubMedID");
    const Field* urls = at(row, "URLS");
    if (notice_doi != nullptr && !clean_identifier(notice_doi->text).empty()) {
      n.notice = doi_url(clean_doi(clean_identifier(notice_doi->text)));
    } else if (notice_pmid != nullptr && !clean_identifier(notice_pmid->text).empty()) {
      n.notice = "https://pubmed.ncbi.nlm.nih.gov/" + clean_identifier(notice_pmid->text) + "/";
    } else if (urls != nullptr) {
      const std::string& u = urls->text;
      n.notice = std::string(trim(std::string_view(u).substr(0, u.find(';'))));
    }
    n.source = "retraction-watch";
    n.file = file;
    n.line = line;
    if (n.doi.empty() && n.pmid.empty()) continue;  // nothing to match it by
    out.push_back(std::move(n));
  }
}

}  // namespace claimkb::detail::cite
