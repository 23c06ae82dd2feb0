// NLM / Vancouver references, in the form PubMed's "Cite" gives (docs/cli.md, "reference"):
//   Authors. Title. Journal. Year;Volume(Issue):Pages. doi: X. PMID: N; PMCID: PMCn.
// A book or web page has no journal: Authors. Title. Publisher; Year. Available from: URL.
#include "claimkb/reference.hpp"

#include <cctype>

namespace claimkb {
namespace {

void end_sentence(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
}

// The first six authors, then "et al." (Vancouver, as PubMed prints it).
std::string author_list(const std::vector<std::string>& authors) {
  std::string out;
  for (std::size_t i = 0; i < authors.size() && i < 6; ++i) {
    if (i > 0) out += ", ";
    out += authors[i];
  }
  if (authors.size() > 6) out += ", et al";
  return out;
}

std::size_t digits_start(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) == 0) ++i;
  return i;
}

}  // namespace

std::string shorten_page_range(std::string_view pages) {
  std::string p(pages);
  // Accept an en dash (as journals print it) as well as a hyphen.
  for (std::size_t at = 0; (at = p.find("\u2013")) != std::string::npos;) p.replace(at, 3, "-");
  const std::size_t dash = p.find('-');
  if (dash == std::string::npos || p.find('-', dash + 1) != std::string::npos) return p;
  std::string first = p.substr(0, dash), last = p.substr(dash + 1);
  const std::size_t fd = digits_start(first), ld = digits_start(last);
  // Letter prefixes must agree ("E515-E519"); the second may drop its prefix.
  if (ld > 0 && first.compare(0, fd, last, 0, ld) != 0) return p;
  std::string a = first.substr(fd), b = last.substr(ld);
  if (a.empty() || b.empty()) return p;
  for (char c : a + b) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return p;
  }
  // A one-page "range" is one page; a range that runs backwards is printed as it
  // stands rather than shortened into nonsense.
  if (a == b) return first;
  if (a.size() > b.size() || (a.size() == b.size() && b < a)) return p;
  if (a.size() != b.size()) return first + "-" + b;
  std::size_t same = 0;
  while (same + 1 < b.size() && a[same] == b[same]) ++same;
  return first + "-" + b.substr(same);
}

std::string format_reference(const Citation& c) {
  std::string out = author_list(c.authors);
  if (!out.empty()) end_sentence(out), out += ' ';
  out += c.title;
  end_sentence(out);
  if (!c.journal.empty()) {
    out += ' ' + c.journal;
    end_sentence(out);
    out += ' ' + std::to_string(c.year);
    if (!c.volume.empty()) out += ';' + c.volume;
    if (!c.issue.empty()) out += (c.volume.empty() ? ";(" : "(") + c.issue + ')';
    const std::string locator = !c.pages.empty() ? shorten_page_range(c.pages) : c.article;
    if (!locator.empty()) out += ':' + locator;
    out += '.';
  } else {
    out += ' ' + c.publisher + "; " + std::to_string(c.year) + '.';
    if (!c.url.empty() && c.doi.empty()) out += " Available from: " + c.url;
  }
  if (!c.doi.empty()) out += " doi: " + c.doi + '.';
  if (!c.pmid.empty()) {
    out += " PMID: " + c.pmid;
    if (!c.pmcid.empty()) out += "; PMCID: " + c.pmcid;
    out += '.';
  } else if (!c.pmcid.empty()) {
    out += " PMCID: " + c.pmcid + '.';
  }
  return out;
}

}  // namespace claimkb
