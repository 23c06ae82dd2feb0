// PubMed XML as efetch writes it (PubmedArticleSet/PubmedArticle), read with
// pugixml into the same fields the MEDLINE reader gives (docs/import.md): MedlineTA
// as the journal, LastName + Initials as authors, MedlinePgn as pages unless it is
// the article number, ELocationID/ArticleId for DOI and PMC, every PublicationType.
#include <pugixml.hpp>

#include <string>

#include "cite/common.hpp"

namespace claimkb::detail::cite {
namespace {

// Every piece of text below `n`, in document order (titles may hold <i>, <sup>,
// ...), walked without recursion.
std::string text_of(const pugi::xml_node& n) {
  std::string s;
  if (n.empty()) return s;
  pugi::xml_node c = n.first_child();
  while (!c.empty() && c != n) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    if (c.type() == pugi::node_element && !c.first_child().empty()) {
      c = c.first_child();
      continue;
    }
    while (c != n && c.next_sibling().empty()) c = c.parent();
    if (c != n) c = c.next_sibling();
  }
  return squeeze(s);
}

void read_article(const pugi::xml_node& pa, std::string_view text, RawRecord& r) {
  Citation& c = r.c;
  const pugi::xml_node mc = pa.child("MedlineCitation");
  const pugi::xml_node art = mc.child("Article");
  const pugi::xml_node journal = art.child("Journal");
  const pugi::xml_node issue = journal.child("JournalIssue");
  c.pmid = text_of(mc.child("PMID"));
  c.title = text_of(art.child("ArticleTitle"));
  if (c.title.empty()) c.title = text_of(art.child("VernacularTitle"));
  std::string abstract;
  for (const auto& t : art.child("Abstract").children("AbstractText")) {
    const std::string label = t.attribute("Label").value();
    if (!abstract.empty()) abstract += ' ';
    if (!label.empty()) abstract += label + ": ";
    abstract += text_of(t);
  }
  c.abstract = abstract;
  for (const auto& a : art.child("AuthorList").children("Author")) {
    const std::string collective = text_of(a.child("CollectiveName"));
    if (!collective.empty()) {
      c.authors.push_back(collective);
      continue;
    }
    std::string given = text_of(a.child("Initials"));
    if (given.empty()) given = text_of(a.child("ForeName"));
    c.authors.push_back(author_from_parts(text_of(a.child("LastName")), given, text_of(a.child("Suffix"))));
  }
  c.journal = text_of(mc.child("MedlineJournalInfo").child("MedlineTA"));
  if (c.journal.empty()) c.journal = text_of(journal.child("ISOAbbreviation"));
  if (c.journal.empty()) c.journal = text_of(journal.child("Title"));
  const pugi::xml_node date = issue.child("PubDate");
  c.year = year_in(text_of(date.child("Year")));
  if (c.year == 0) c.year = year_in(text_of(date.child("MedlineDate")));
  c.volume = text_of(issue.child("Volume"));
  c.issue = text_of(issue.child("Issue"));
  for (const auto& e : art.children("ELocationID")) {
    const std::string type = e.attribute("EIdType").value();
    if (type == "doi" && c.doi.empty()) c.doi = clean_doi(text_of(e));
    if (type == "pii" && c.article.empty()) c.article = text_of(e);
  }
  for (const auto& id : pa.child("PubmedData").child("ArticleIdList").children("ArticleId")) {
    const std::string type = id.attribute("IdType").value();
    if (type == "doi" && c.doi.empty()) c.doi = clean_doi(text_of(id));
    if (type == "pmc" && c.pmcid.empty()) c.pmcid = text_of(id);
  }
  const std::string pg = text_of(art.child("Pagination").child("MedlinePgn"));
  if (!pg.empty() && pg != c.article) c.pages = clean_pages(pg);
  // A pii that is not the page is a publisher's code, not an article number.
  if (!c.article.empty() && pg != c.article) c.article.clear();
  for (const auto& t : art.child("PublicationTypeList").children("PublicationType")) r.types.push_back(text_of(t));
  const std::ptrdiff_t at = pa.offset_debug();
  r.line = at < 0 ? 1 : line_at(text, static_cast<std::size_t>(at));
}

}  // namespace

void read_pubmed_xml(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
                     std::vector<Diagnostic>& errors) {
  pugi::xml_document doc;
  const pugi::xml_parse_result ok = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!ok) {
    const auto at = static_cast<std::size_t>(ok.offset);
    errors.push_back(
        error_at(file, line_at(text, at), column_at(text, at), std::string("invalid XML: ") + ok.description()));
    return;
  }
  const pugi::xml_node set = doc.child("PubmedArticleSet");
  if (!set) {
    errors.push_back(error_at(file, 1, 1, "PubMed XML must have a PubmedArticleSet root element"));
    return;
  }
  for (const auto& pa : set.children("PubmedArticle")) {
    RawRecord r;
    read_article(pa, text, r);
    out.push_back(std::move(r));
  }
}

}  // namespace claimkb::detail::cite
