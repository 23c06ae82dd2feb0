// Quotes in a finding: the normaliser, the extraction and the matching of
// text/quotes.hpp.
#include "text/quotes.hpp"

#include "model/utf8.hpp"

namespace claimkb::detail {
namespace {

// The code point of the valid sequence text[i, i + n).
char32_t decode(std::string_view text, std::size_t i, std::size_t n) {
  const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (n) {
    case 1: return byte(0);
    case 2: return ((byte(0) & 0x1FU) << 6U) | (byte(1) & 0x3FU);
    case 3: return ((byte(0) & 0x0FU) << 12U) | ((byte(1) & 0x3FU) << 6U) | (byte(2) & 0x3FU);
    default:
      return ((byte(0) & 0x07U) << 18U) | ((byte(1) & 0x3FU) << 12U) | ((byte(2) & 0x3FU) << 6U) | (byte(3) & 0x3FU);
  }
}

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// What a code point becomes; empty when it stays as it is.
std::string_view replacement(char32_t c) {
  if (c >= 0x201C && c <= 0x201F) return "\"";                  // “ ” „ ‟
  if (c >= 0x2018 && c <= 0x201B) return "'";                   // ‘ ’ ‚ ‛
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return "-";  // hyphens, dashes, minus
  if (c == 0x2026) return "...";                                // …
  return {};
}

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";  // ”

bool blank(std::string_view s) { return normalize_quote_text(s).empty(); }

void trim(std::string& s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) {
    s.clear();
    return;
  }
  s.erase(s.find_last_not_of(' ') + 1);
  s.erase(0, first);
}

}  // namespace

std::string normalize_quote_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {  // not UTF-8: kept, byte by byte
      n = 1;
    } else {
      const char32_t c = decode(text, i, n);
      if (is_space(c)) {
        pending_space = true;
        i += n;
        continue;
      }
      if (const std::string_view r = replacement(c); !r.empty()) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += r;
        i += n;
        continue;
      }
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    for (std::size_t k = 0; k < n; ++k) {
      const char b = text[i + k];
      out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b;
    }
    i += n;
  }
  return out;
}

std::vector<QuoteSpan> extract_quotes(std::string_view finding) {
  std::vector<QuoteSpan> out;
  std::size_t i = 0;
  while (i < finding.size()) {
    std::string_view close;
    std::size_t open_size = 0;
    if (finding[i] == '"') {
      close = "\"";
      open_size = 1;
    } else if (finding.substr(i, kOpenCurly.size()) == kOpenCurly) {
      close = kCloseCurly;
      open_size = kOpenCurly.size();
    } else {
      ++i;
      continue;
    }
    const std::size_t begin = i + open_size;
    const std::size_t end = finding.find(close, begin);
    if (end == std::string_view::npos) break;  // left open: not a quote
    if (!blank(finding.substr(begin, end - begin))) out.push_back({begin, end});
    i = end + close.size();
  }
  return out;
}

std::vector<std::string> quote_parts(std::string_view quote) {
  std::string text = normalize_quote_text(quote);
  // "[...]" is an ellipsis too: drop its brackets.
  for (std::size_t at = text.find("[...]"); at != std::string::npos; at = text.find("[...]", at)) {
    text.replace(at, 5, "...");
  }
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t at = text.find("...", from);
    if (at == std::string::npos) at = text.size();
    std::string part = text.substr(from, at - from);
    trim(part);
    if (!part.empty()) parts.push_back(std::move(part));
    if (at == text.size()) break;
    from = at + 3;
    while (from < text.size() && text[from] == '.') ++from;  // four dots: an ellipsis and a full stop
  }
  return parts;
}

bool parts_appear_in(const std::vector<std::string>& parts, std::string_view normalized_text) {
  if (parts.empty()) return false;
  std::size_t from = 0;
  for (const std::string& part : parts) {
    const std::size_t at = normalized_text.find(part, from);
    if (at == std::string_view::npos) return false;
    from = at + part.size();
  }
  return true;
}

QuoteOutcome check_quote(std::string_view quote, std::string_view title, std::string_view abstract) {
  const std::string text = normalize_quote_text(abstract);
  if (text.empty()) return QuoteOutcome::unverifiable;
  const std::vector<std::string> parts = quote_parts(quote);
  if (parts.empty()) return QuoteOutcome::matched;
  if (parts_appear_in(parts, normalize_quote_text(title))) return QuoteOutcome::in_title;
  return parts_appear_in(parts, text) ? QuoteOutcome::matched : QuoteOutcome::not_found;
}

}  // namespace claimkb::detail
