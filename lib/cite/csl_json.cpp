// CSL-JSON, what a DOI resolves to (Accept: application/vnd.citationstyles.csl+json)
// and what Zotero exports: one object or an array of them.
#include <nlohmann/json.hpp>

#include <string>

#include "cite/common.hpp"
#include "cite/json_text.hpp"

namespace claimkb::detail::cite {
namespace {

using nlohmann::json;

int year_of(const json& j) {
  const auto it = j.find("issued");
  if (it == j.end() || !it->is_object()) return 0;
  const auto dp = it->find("date-parts");
  if (dp != it->end() && dp->is_array() && !dp->empty() && (*dp)[0].is_array() && !(*dp)[0].empty()) {
    const json& y = (*dp)[0][0];
    if (y.is_number_integer()) return static_cast<int>(y.get<long long>());
    if (y.is_string()) return year_in(y.get<std::string>());
  }
  for (const char* k : {"raw", "literal"}) {
    const std::string s = text_of(*it, k);
    if (!s.empty()) return year_in(s);
  }
  return 0;
}

// The byte offset of each object at the top of the text (depth 1 of an array, or
// the one object), to tell a record's line.
std::vector<std::size_t> object_starts(std::string_view t) {
  std::vector<std::size_t> starts;
  int depth = 0;
  bool in_string = false;
  bool top_array = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (depth == 0) top_array = c == '[';
      if (c == '{' && (depth == 0 || (depth == 1 && top_array))) starts.push_back(i);
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return starts;
}

}  // namespace

void read_csl_json(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
                   std::vector<Diagnostic>& errors) {
  json doc;
  if (!parse_json_or_report(text, file, doc, errors)) return;
  if (!doc.is_array() && !doc.is_object()) {
    errors.push_back(error_at(file, 1, 1, "CSL-JSON must be an object or an array of objects"));
    return;
  }
  const std::vector<std::size_t> starts = object_starts(text);
  const json items = doc.is_array() ? doc : json::array({doc});
  for (std::size_t k = 0; k < items.size(); ++k) {
    const json& j = items[k];
    const int line = k < starts.size() ? line_at(text, starts[k]) : 1;
    if (!j.is_object()) {
      errors.push_back(error_at(file, line, 1, "item " + std::to_string(k + 1) + " is not an object"));
      continue;
    }
    RawRecord r;
    r.line = line;
    const std::string type = text_of(j, "type");
    if (!type.empty()) r.types.push_back(type);
    const std::string genre = text_of(j, "genre");
    if (!genre.empty()) r.types.push_back(genre);
    Citation& c = r.c;
    const auto authors = j.find("author");
    if (authors != j.end() && authors->is_array()) {
      for (const auto& a : *authors) {
        if (!a.is_object()) continue;
        std::string family = text_of(a, "family");
        const std::string lit = text_of(a, "literal");
        if (family.empty() && !lit.empty()) {
          c.authors.push_back(lit);
          continue;
        }
        // "van" of "van Beethoven", then "de" of "de la Cruz": before the family name.
        for (const char* key : {"non-dropping-particle", "dropping-particle"}) {
          std::string particle = text_of(a, key);
          if (particle.empty()) continue;
          particle += ' ';
          family.insert(0, particle);
        }
        c.authors.push_back(author_from_parts(family, text_of(a, "given"), text_of(a, "suffix")));
      }
    }
    c.title = text_of(j, "title");
    c.journal = text_of(j, "container-title-short");
    if (c.journal.empty()) c.journal = text_of(j, "journalAbbreviation");
    if (c.journal.empty()) c.journal = text_of(j, "container-title");
    c.publisher = text_of(j, "publisher");
    c.year = year_of(j);
    c.volume = text_of(j, "volume");
    c.issue = text_of(j, "issue");
    c.pages = clean_pages(text_of(j, "page"));
    c.article = text_of(j, "article-number");
    if (c.article.empty()) c.article = text_of(j, "number");
    c.doi = clean_doi(text_of(j, "DOI"));
    c.pmid = text_of(j, "PMID");
    c.pmcid = text_of(j, "PMCID");
    c.url = text_of(j, "URL");
    if (c.url.find("doi.org/") != std::string::npos && !c.doi.empty()) c.url.clear();  // the DOI's own link
    c.abstract = text_of(j, "abstract");
    out.push_back(std::move(r));
  }
}

std::string write_csl_json(const std::vector<Citation>& cs) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const auto& c : cs) {
    nlohmann::ordered_json j;
    j["id"] = c.id;
    j["type"] = c.design == Design::book ? "book" : c.design == Design::web ? "webpage" : "article-journal";
    if (!c.authors.empty()) {
      nlohmann::ordered_json authors = nlohmann::ordered_json::array();
      for (const auto& name : c.authors) {
        const NameParts p = split_author(name);
        nlohmann::ordered_json o;
        o["family"] = p.family;
        if (!p.given.empty()) o["given"] = p.given;
        if (!p.suffix.empty()) o["suffix"] = p.suffix;
        authors.push_back(o);
      }
      j["author"] = authors;
    }
    const auto put = [&](const char* key, const std::string& v) {
      if (!v.empty()) j[key] = v;
    };
    put("title", c.title);
    put("container-title", c.journal);
    put("container-title-short", c.journal);
    put("publisher", c.publisher);
    if (c.year != 0) {
      nlohmann::ordered_json parts = nlohmann::ordered_json::array();
      parts.push_back(nlohmann::ordered_json::array({c.year}));
      j["issued"]["date-parts"] = parts;
    }
    put("volume", c.volume);
    put("issue", c.issue);
    put("page", c.pages);
    put("article-number", c.article);
    put("DOI", c.doi);
    put("PMID", c.pmid);
    put("PMCID", c.pmcid);
    put("URL", c.url);
    put("abstract", c.abstract);
    a.push_back(j);
  }
  return a.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace claimkb::detail::cite
