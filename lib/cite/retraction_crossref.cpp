// Crossref works JSON: a work's `updated-by` lists the notices about it (the
// notice's DOI, its type, the date); a notice's own record lists in `update-to` the
// works it is about. Either may come from the publisher or from Retraction Watch
// (`source`). Read: one work, an array of works, or an API answer whose `message`
// is a work or holds `items` (docs/retractions.md).
#include <nlohmann/json.hpp>

#include <string>

#include "cite/common.hpp"
#include "cite/json_text.hpp"
#include "cite/notices.hpp"

namespace claimkb::detail::cite {
namespace {

using nlohmann::json;

// {"date-parts": [[2021, 4, 15]]} as 2021-04-15; "" when it is not a whole day.
std::string date_of(const json& entry) {
  const auto u = entry.find("updated");
  if (u == entry.end() || !u->is_object()) return {};
  const auto dp = u->find("date-parts");
  if (dp == u->end() || !dp->is_array() || dp->empty() || !(*dp)[0].is_array() || (*dp)[0].size() < 3) return {};
  const json& p = (*dp)[0];
  if (!p[0].is_number_integer() || !p[1].is_number_integer() || !p[2].is_number_integer()) return {};
  return iso_date(p[0].get<int>(), p[1].get<int>(), p[2].get<int>());
}

// Where the text names `doi` next, from `from` on (the line of a notice); `from`
// when it cannot be found (an escaped '/').
std::size_t find_from(std::string_view text, const std::string& doi, std::size_t from) {
  if (doi.empty()) return from;
  const std::size_t at = text.find("\"" + doi + "\"", from);
  return at == std::string_view::npos ? from : at;
}

}  // namespace

void read_crossref_notices(std::string_view text, const std::string& file, std::vector<Notice>& out,
                           std::vector<Diagnostic>& errors) {
  json doc;
  if (!parse_json_or_report(text, file, doc, errors)) return;
  // Unwrap an API answer.
  if (doc.is_object() && doc.contains("message")) doc = doc["message"];
  if (doc.is_object() && doc.contains("items")) doc = doc["items"];
  const json works = doc.is_array() ? doc : json::array({doc});
  std::size_t cursor = 0;
  for (const json& w : works) {
    if (!w.is_object()) {
      errors.push_back(error_at(file, line_at(text, cursor), 1, "a Crossref work must be a JSON object"));
      continue;
    }
    const std::string self = clean_doi(text_of(w, "DOI"));
    cursor = find_from(text, self, cursor);
    for (const char* key : {"updated-by", "update-to"}) {
      const auto list = w.find(key);
      if (list == w.end()) continue;
      if (!list->is_array()) {
        errors.push_back(error_at(file, line_at(text, cursor), 1,
                                  std::string("`") + key + "` of work " + self + " must be an array"));
        continue;
      }
      const bool by = std::string_view(key) == "updated-by";
      for (const json& e : *list) {
        if (!e.is_object()) continue;
        const std::string type = text_of(e, "type");
        const auto kind = notice_kind(type);
        if (!kind) continue;  // an addendum, a new version, ...
        const std::string other = clean_doi(text_of(e, "DOI"));
        cursor = find_from(text, other, cursor);
        Notice n;
        n.kind = *kind;
        n.nature = type;
        n.doi = lower_ascii(by ? self : other);
        n.notice = doi_url(by ? other : self);
        n.date = date_of(e);
        const std::string src = text_of(e, "source");
        n.source = src.empty() ? "crossref" : "crossref (" + src + ")";
        n.file = file;
        n.line = line_at(text, cursor);
        if (n.doi.empty()) continue;
        out.push_back(std::move(n));
      }
    }
  }
}

}  // namespace claimkb::detail::cite
