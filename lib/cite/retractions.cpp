// claimkb/retractions.hpp: the format of a notices file found from its content,
// and notices matched to citations (docs/retractions.md).
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "cite/common.hpp"
#include "cite/notices.hpp"
#include "claimkb/retractions.hpp"
#include "model/utf8.hpp"

namespace claimkb {
namespace detail::cite {

std::optional<NoticeKind> notice_kind(std::string_view nature) {
  std::string k = lower_ascii(squeeze(nature));
  std::replace(k.begin(), k.end(), '_', ' ');
  std::replace(k.begin(), k.end(), '-', ' ');
  if (k == "retraction") return NoticeKind::retraction;
  if (k == "expression of concern" || k == "partial retraction") return NoticeKind::expression_of_concern;
  if (k == "correction" || k == "erratum" || k == "corrigendum") return NoticeKind::correction;
  if (k == "reinstatement") return NoticeKind::reinstatement;
  return std::nullopt;
}

std::string iso_date(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return {};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string doi_url(std::string_view doi) {
  return doi.empty() ? std::string() : "https://doi.org/" + std::string(doi);
}

namespace {

enum class Found { none, csv, crossref, pubmed };

Found detect(std::string_view text) {
  for (const auto l : lines_of(text)) {
    const std::string_view t = trim(l);
    if (t.empty()) continue;
    if (t[0] == '{' || t[0] == '[') return Found::crossref;
    if (t.find("RetractionNature") != std::string_view::npos || t.substr(0, 9) == "Record ID" ||
        t.substr(0, 10) == "\"Record ID") {
      return Found::csv;
    }
    if (l.size() >= 6 && l[4] == '-' && l[5] == ' ' && l[0] >= 'A' && l[0] <= 'Z') return Found::pubmed;
    return Found::none;
  }
  return Found::none;
}

}  // namespace
}  // namespace detail::cite

std::string_view to_string(NoticeKind k) {
  switch (k) {
    case NoticeKind::retraction: return "retraction";
    case NoticeKind::expression_of_concern: return "expression_of_concern";
    case NoticeKind::correction: return "correction";
    case NoticeKind::reinstatement: return "reinstatement";
  }
  return "";
}

Result<std::vector<Notice>> read_notices(const std::vector<CitationSource>& sources) {
  using namespace detail::cite;
  std::vector<Diagnostic> errors;
  std::vector<Notice> out;
  try {
    for (const auto& src : sources) {
      std::string_view text = src.bytes;
      if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      const Found f = detect(text);
      if (f == Found::none) {
        errors.push_back(error_at(src.file, 1, 1,
                                  "not a file of notices claimkb reads: expected Retraction Watch CSV, Crossref "
                                  "works JSON or PubMed MEDLINE (docs/retractions.md)"));
        continue;
      }
      if (f == Found::csv) {
        read_retraction_csv(text, src.file, out, errors);
        continue;
      }
      if (!valid_utf8_or_report(text, src.file, errors)) continue;
      if (f == Found::crossref) {
        read_crossref_notices(text, src.file, out, errors);
      } else {
        read_pubmed_notices(text, src.file, out, errors);
      }
    }
  } catch (const std::exception& e) {  // nothing crosses the API
    errors.push_back(error_at(sources.empty() ? std::string() : sources.front().file, 1, 1,
                              std::string("the notices could not be read: ") + e.what()));
  }
  for (auto& e : errors) e.message = detail::to_valid_utf8(e.message);
  if (!errors.empty()) return Result<std::vector<Notice>>::failure(std::move(errors));
  return out;
}

RetractionPlan plan_retractions(const std::vector<Notice>& notices, const std::vector<Citation>& citations) {
  using detail::cite::lower_ascii;
  RetractionPlan plan;
  std::map<std::string, std::size_t> by_doi, by_pmid;
  for (std::size_t i = 0; i < citations.size(); ++i) {
    if (!citations[i].doi.empty()) by_doi.emplace(lower_ascii(citations[i].doi), i);
    if (!citations[i].pmid.empty()) by_pmid.emplace(citations[i].pmid, i);
  }
  std::map<std::size_t, RetractionChange> found;
  for (const auto& n : notices) {
    std::size_t i = 0;
    std::string how;
    if (const auto d = n.doi.empty() ? by_doi.end() : by_doi.find(lower_ascii(n.doi)); d != by_doi.end()) {
      i = d->second;
      how = "DOI " + citations[i].doi;
    } else if (const auto p = n.pmid.empty() ? by_pmid.end() : by_pmid.find(n.pmid); p != by_pmid.end()) {
      i = p->second;
      how = "PMID " + n.pmid;
    } else {
      continue;
    }
    RetractionChange& ch = found[i];
    if (ch.citation.empty()) {
      ch.citation = citations[i].id;
      ch.before = citations[i].retracted;
      ch.matched_by = how;
    }
    ch.notices.push_back(n);
  }
  for (auto& entry : found) {
    RetractionChange& ch = entry.second;
    // By date; a notice without one first, so that a dated one decides.
    std::stable_sort(ch.notices.begin(), ch.notices.end(),
                     [](const Notice& a, const Notice& b) { return a.date < b.date; });
    const Notice* retraction = nullptr;
    const Notice* reinstated = nullptr;
    bool concern = false;
    for (const auto& n : ch.notices) {
      if (n.kind == NoticeKind::retraction) {
        retraction = &n;
        reinstated = nullptr;  // a retraction after a reinstatement stands
      } else if (n.kind == NoticeKind::reinstatement) {
        reinstated = &n;
      } else if (n.kind == NoticeKind::expression_of_concern) {
        concern = true;
      }
    }
    const auto warn = [&](const Notice& n, const std::string& message) {
      Diagnostic w;
      w.file = n.file;
      w.line = n.line;
      w.column = 1;
      w.severity = Diagnostic::Severity::warning;
      w.code = Diagnostic::Code::warning;
      w.message = "citation '" + ch.citation + "' (" + ch.matched_by + "): " + message;
      plan.warnings.push_back(std::move(w));
    };
    ch.after = ch.before;
    if (retraction != nullptr && reinstated == nullptr) {
      if (retraction->date.empty() || retraction->notice.empty()) {
        warn(*retraction, std::string("retracted according to ") + retraction->source + ", which gives no " +
                              (retraction->date.empty() ? "date" : "notice") +
                              " of the retraction; set `retracted` by hand");
        ch.action = RetractionChange::Action::warn;
      } else {
        ch.after = Retraction{retraction->date, retraction->notice};
        const bool same = ch.before && ch.before->date == ch.after->date && ch.before->notice == ch.after->notice;
        ch.action = same ? RetractionChange::Action::unchanged : RetractionChange::Action::retract;
      }
    } else if (reinstated != nullptr && ch.before) {
      ch.after = std::nullopt;
      ch.action = RetractionChange::Action::lift;
    } else if (concern) {
      ch.action = RetractionChange::Action::warn;
    }
    if (concern) {
      for (const auto& n : ch.notices) {
        if (n.kind == NoticeKind::expression_of_concern) {
          warn(n, n.nature + " " + (n.date.empty() ? "" : n.date + " ") +
                      (n.notice.empty() ? "" : "(" + n.notice + ") ") + "according to " + n.source +
                      ": the paper still counts; read the notice");
        }
      }
    }
    plan.changes.push_back(std::move(ch));
  }
  return plan;
}

}  // namespace claimkb
