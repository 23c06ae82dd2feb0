// set_retracted_in_yaml: the `retracted` mapping of one citation written into the
// text of its file, changing only the lines of that key (docs/retractions.md).
#include <string>
#include <vector>

#include "cite/common.hpp"
#include "claimkb/retractions.hpp"
#include "model/utf8.hpp"

namespace claimkb {
namespace {

struct Line {
  std::string_view body;  // without its end
  std::string_view end;   // "\n", "\r\n" or "" (the last line)
};

std::vector<Line> split(std::string_view text) {
  std::vector<Line> out;
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) {
      out.push_back({text.substr(b), {}});
      break;
    }
    const std::size_t body_end = e > b && text[e - 1] == '\r' ? e - 1 : e;
    out.push_back({text.substr(b, body_end - b), text.substr(body_end, e + 1 - body_end)});
    b = e + 1;
  }
  return out;
}

std::size_t indent_of(std::string_view l) {
  const std::size_t i = l.find_first_not_of(' ');
  return i == std::string_view::npos ? l.size() : i;
}

bool blank(std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; }

// The id an `id:` key at `at` names: quotes and a trailing comment removed.
std::string id_value(std::string_view l, std::size_t at) {
  std::string_view v = detail::cite::trim(l.substr(at + 3));
  if (!v.empty() && (v[0] == '"' || v[0] == '\'')) {
    const std::size_t close = v.find(v[0], 1);
    return std::string(v.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  }
  const std::size_t hash = v.find(" #");
  return std::string(detail::cite::trim(v.substr(0, hash)));
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<std::string> set_retracted_in_yaml(std::string_view text, const std::string& file, std::string_view id,
                                          const std::optional<Retraction>& r) {
  try {
    const std::vector<Line> lines = split(text);
    std::string eol = "\n";
    for (const auto& l : lines) {
      if (!l.end.empty()) {
        eol = std::string(l.end);
        break;
      }
    }
    // The record: "- id: x" (its keys one column past the dash's spaces), or a file
    // that is one mapping with "id: x" at column 0.
    std::size_t start = lines.size(), key_col = 0;
    bool in_list = true;
    for (std::size_t k = 0; k < lines.size() && start == lines.size(); ++k) {
      const std::string_view l = lines[k].body;
      const std::size_t ind = indent_of(l);
      if (ind < l.size() && l[ind] == '-') {
        const std::size_t key = l.find_first_not_of(' ', ind + 1);
        if (key != std::string_view::npos && key > ind + 1 && l.substr(key, 3) == "id:" && id_value(l, key) == id) {
          start = k;
          key_col = key;
        }
      } else if (ind == 0 && l.substr(0, 3) == "id:" && id_value(l, 0) == id) {
        start = k;
        in_list = false;
      }
    }
    if (start == lines.size()) {
      return Result<std::string>::failure({detail::cite::error_at(
          file, 1, 1, "no block-style record `- id: " + std::string(id) + "` in this file; set `retracted` by hand")});
    }
    const std::size_t dash_col = in_list ? indent_of(lines[start].body) : 0;
    std::size_t end = start + 1;  // one past the record's last line
    while (end < lines.size()) {
      const std::string_view l = lines[end].body;
      if (!blank(l) && (in_list ? indent_of(l) <= dash_col : (l == "---" || l == "..."))) break;
      ++end;
    }
    std::size_t last = start;  // the record's last line that is not blank
    for (std::size_t k = start; k < end; ++k) {
      if (!blank(lines[k].body)) last = k;
    }
    // An existing `retracted:` key of the record and the lines of its value.
    std::size_t from = lines.size(), to = lines.size();
    for (std::size_t k = start + 1; k <= last; ++k) {
      const std::string_view l = lines[k].body;
      if (indent_of(l) == key_col && l.substr(key_col, 10) == "retracted:") {
        from = k;
        to = k + 1;
        while (to <= last && (blank(lines[to].body) || indent_of(lines[to].body) > key_col)) ++to;
        while (to > from + 1 && blank(lines[to - 1].body)) --to;
        break;
      }
    }
    std::string block;
    if (r) {
      const std::string pad(key_col, ' ');
      block = pad + "retracted:" + eol + pad + "  date: " + quoted(r->date) + eol + pad +
              "  notice: " + quoted(detail::to_valid_utf8(r->notice)) + eol;
    }
    std::string out;
    out.reserve(text.size() + block.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (k == from) out += block;
      if (k >= from && k < to) continue;
      out += lines[k].body;
      if (k == last && from == lines.size() && !block.empty()) {
        out += lines[k].end.empty() ? std::string_view(eol) : lines[k].end;
        out += block;
        if (lines[k].end.empty()) out.resize(out.size() - eol.size());  // the file had no final line end
        continue;
      }
      out += lines[k].end;
    }
    return out;
  } catch (const std::exception& e) {
    return Result<std::string>::failure(
        {detail::cite::error_at(file, 1, 1, std::string("the file could not be edited: ") + e.what())});
  }
}

}  // namespace claimkb
