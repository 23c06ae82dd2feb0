#include "site/html.hpp"

#include <cctype>

#include "claimkb/text.hpp"

namespace claimkb::site {

std::string escape(std::string_view text) {
  const std::string valid = to_valid_utf8(text);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (const char c : valid) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

std::string human(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = c == '_' ? ' ' : c;
  return out;
}

std::string capitalized(std::string_view name) {
  std::string out = human(name);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string shorten(std::string_view text, std::size_t max) {
  std::string valid = to_valid_utf8(text);
  // Byte offsets of each code point's start (continuation bytes are 10xxxxxx).
  std::size_t count = 0, cut = valid.size();
  for (std::size_t i = 0; i < valid.size(); ++i) {
    if ((static_cast<unsigned char>(valid[i]) & 0xC0) == 0x80) continue;
    if (count == max - 1) cut = i;  // room for the ellipsis
    ++count;
  }
  if (count <= max) return valid;
  std::size_t space = valid.rfind(' ', cut);
  // Cut at a word boundary unless that loses more than a quarter of the room.
  if (space != std::string::npos && space * 4 >= cut * 3) cut = space;
  std::string out = valid.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
  return out + "\u2026";
}

std::string verdict_words(Verdict verdict, std::optional<Certainty> certainty) {
  if (verdict == Verdict::insufficient || !certainty) return "Not enough evidence";
  return capitalized(to_string(verdict)) + ", " + human(to_string(*certainty)) + " certainty";
}

std::string verdict_class(Verdict verdict) { return "v-" + std::string(to_string(verdict)); }

std::string doi_url(std::string_view doi) { return "https://doi.org/" + std::string(doi); }
std::string pubmed_url(std::string_view pmid) { return "https://pubmed.ncbi.nlm.nih.gov/" + std::string(pmid) + "/"; }
std::string pmc_url(std::string_view pmcid) {
  return "https://www.ncbi.nlm.nih.gov/pmc/articles/" + std::string(pmcid) + "/";
}

}  // namespace claimkb::site
