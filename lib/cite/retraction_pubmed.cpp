// PubMed MEDLINE records as notices. The retracted paper's record carries
// `PT - Retracted Publication` and a `RIN` (retraction in) line citing the notice;
// the notice's own record carries `PT - Retraction of Publication` and `ROF`
// (retraction of) citing the paper — the notice itself is never taken as
// retracted. `ECI` (expression of concern in), `PRIN` (partial retraction in) and
// `EIN` (erratum in) name the other kinds; comments (CIN, CON) mean nothing here
// (docs/retractions.md).
#include <algorithm>
#include <string>

#include "cite/common.hpp"
#include "cite/notices.hpp"

namespace claimkb::detail::cite {
namespace {

bool has_type(const RawRecord& r, std::string_view type) {
  return std::any_of(r.types.begin(), r.types.end(),
                     [&](const std::string& t) { return lower_ascii(squeeze(t)) == type; });
}

// The day a MEDLINE date names ("2010 Feb 6", "2010 Feb 6;375(9713):445"), or ""
// when it gives no whole day.
std::string medline_day(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    const std::string_view y = s.substr(i, 4);
    const bool digits = y.find_first_not_of("0123456789") == std::string_view::npos;
    const bool bounded = (i == 0 || s[i - 1] == ' ') && (i + 4 == s.size() || s[i + 4] == ' ');
    if (!digits || !bounded || y[0] < '1' || y[0] > '2') continue;
    const int year = year_in(y);
    std::size_t j = i + 5;
    if (j + 3 > s.size()) return {};
    const std::string mon = lower_ascii(s.substr(j, 3));
    int month = 0;
    for (int m = 0; m < 12; ++m) {
      if (kMonths[m] == mon) month = m + 1;
    }
    if (month == 0 || j + 4 > s.size() || s[j + 3] != ' ') return {};
    j += 4;
    int day = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && day < 100) day = day * 10 + (s[j++] - '0');
    return iso_date(year, month, day);
  }
  return {};
}

// What follows `label` ("doi: ", "PMID: ") in a MEDLINE citation, to the next space,
// a final '.' dropped.
std::string after(std::string_view s, std::string_view label) {
  const std::size_t at = lower_ascii(s).find(lower_ascii(label));
  if (at == std::string::npos) return {};
  std::string_view v = s.substr(at + label.size());
  v = v.substr(0, v.find(' '));
  while (!v.empty() && (v.back() == '.' || v.back() == ';')) v.remove_suffix(1);
  return std::string(v);
}

std::string notice_url(std::string_view citation) {
  const std::string doi = after(citation, "doi: ");
  if (!doi.empty()) return doi_url(clean_doi(doi));
  const std::string pmid = after(citation, "PMID: ");
  if (!pmid.empty()) return "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
  return {};
}

}  // namespace

void read_pubmed_notices(std::string_view text, const std::string& file, std::vector<Notice>& out,
                         std::vector<Diagnostic>& errors) {
  std::vector<RawRecord> records;
  read_nbib(text, file, records, errors);
  for (const auto& r : records) {
    const bool retracted = has_type(r, "retracted publication");
    const bool is_notice = has_type(r, "retraction of publication");
    std::string dp;
    for (const auto& [tag, v] : r.links) {
      if (tag == "DP") dp = v;
    }
    auto add = [&](NoticeKind kind, const std::string& nature, const std::string& doi, std::string pmid,
                   std::string date, std::string url) {
      Notice n;
      n.kind = kind;
      n.nature = nature;
      n.doi = lower_ascii(doi);
      n.pmid = std::move(pmid);
      n.date = std::move(date);
      n.notice = std::move(url);
      n.source = "pubmed";
      n.file = file;
      n.line = r.line;
      if (!n.doi.empty() || !n.pmid.empty()) out.push_back(std::move(n));
    };
    bool rin = false;
    for (const auto& [tag, v] : r.links) {
      if (tag == "RIN" && retracted) {
        rin = true;
        add(NoticeKind::retraction, "Retracted Publication (RIN)", r.c.doi, r.c.pmid, medline_day(v), notice_url(v));
      } else if (tag == "ECI") {
        add(NoticeKind::expression_of_concern, "Expression of concern (ECI)", r.c.doi, r.c.pmid, medline_day(v),
            notice_url(v));
      } else if (tag == "PRIN") {
        add(NoticeKind::expression_of_concern, "Partial retraction (PRIN)", r.c.doi, r.c.pmid, medline_day(v),
            notice_url(v));
      } else if (tag == "EIN") {
        add(NoticeKind::correction, "Erratum (EIN)", r.c.doi, r.c.pmid, medline_day(v), notice_url(v));
      } else if (tag == "ROF" && is_notice) {
        // The notice's record: the paper it retracts is the one ROF cites.
        std::string url = r.c.doi.empty() ? "https://pubmed.ncbi.nlm.nih.gov/" + r.c.pmid + "/" : doi_url(r.c.doi);
        if (r.c.doi.empty() && r.c.pmid.empty()) url.clear();
        add(NoticeKind::retraction, "Retraction of Publication (ROF)", clean_doi(after(v, "doi: ")), after(v, "PMID: "),
            medline_day(dp), url);
      }
    }
    if (retracted && !rin) {
      add(NoticeKind::retraction, "Retracted Publication", r.c.doi, r.c.pmid, "", "");
    }
  }
}

}  // namespace claimkb::detail::cite
