// BibTeX: @type{key, field = value, ...} with @string macros, '#' concatenation,
// braced and quoted values, LaTeX accents, "von Last, Jr, First" names and
// crossref (docs/import.md).
#include <map>
#include <string>

#include "cite/common.hpp"

namespace claimkb::detail::cite {
namespace {

struct Entry {
  std::string type, key;
  std::map<std::string, std::string> fields;  // lower-case name -> raw value (macros expanded)
  int line = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors)
      : t_(text), file_(file), errors_(errors) {
    static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    for (const auto m : kMonths) macros_[std::string(m)] = std::string(m);
  }

  std::vector<Entry> run() {
    std::vector<Entry> entries;
    while (true) {
      const std::size_t at = t_.find('@', i_);
      if (at == std::string_view::npos) break;
      i_ = at + 1;
      const std::size_t start = at;
      std::string type = lower_ascii(ident());
      skip_ws();
      if (i_ >= t_.size() || (t_[i_] != '{' && t_[i_] != '(')) {
        fail(i_, "expected '{' after '@" + type + "'");
        continue;
      }
      const char close = t_[i_] == '{' ? '}' : ')';
      ++i_;
      if (type == "comment" || type == "preamble") {
        skip_balanced(close);
        continue;
      }
      if (type == "string") {
        skip_ws();
        const std::string name = lower_ascii(ident());
        skip_ws();
        if (!expect('=')) continue;
        std::string v;
        if (!value(v)) continue;
        macros_[name] = v;
        skip_ws();
        if (!expect(close)) continue;
        continue;
      }
      Entry e;
      e.type = type;
      e.line = line_at(t_, start);
      skip_ws();
      const std::size_t kb = i_;
      while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != close && t_[i_] != '\n') ++i_;
      e.key = std::string(trim(t_.substr(kb, i_ - kb)));
      bool ok = true;
      while (ok) {
        skip_ws();
        if (i_ < t_.size() && t_[i_] == ',') {
          ++i_;
          skip_ws();
        }
        if (i_ >= t_.size()) {
          fail(start, "this entry is not closed: '" + std::string(1, close) + "' missing");
          ok = false;
          break;
        }
        if (t_[i_] == close) {
          ++i_;
          break;
        }
        const std::size_t fpos = i_;
        const std::string name = lower_ascii(ident());
        if (name.empty()) {
          fail(fpos, "expected a field name (e.g. 'title = {...}')");
          ok = false;
          break;
        }
        skip_ws();
        if (!expect('=')) {
          ok = false;
          break;
        }
        std::string v;
        if (!value(v)) {
          ok = false;
          break;
        }
        e.fields[name] = v;
      }
      if (ok) entries.push_back(std::move(e));
    }
    return entries;
  }

 private:
  void fail(std::size_t at, std::string msg) {
    errors_.push_back(error_at(file_, line_at(t_, at), column_at(t_, at), std::move(msg)));
  }
  void skip_ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  std::string ident() {
    const std::size_t b = i_;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-' || c == ':' || c == '.' || c == '+' || c == '/';
      if (!ok) break;
      ++i_;
    }
    return std::string(t_.substr(b, i_ - b));
  }
  bool expect(char c) {
    if (i_ < t_.size() && t_[i_] == c) {
      ++i_;
      return true;
    }
    fail(i_, std::string("expected '") + c + "'");
    return false;
  }
  void skip_balanced(char close) {
    int depth = 1;
    while (i_ < t_.size() && depth > 0) {
      if (t_[i_] == '{' || (close == ')' && t_[i_] == '(')) ++depth;
      if (t_[i_] == '}' || (close == ')' && t_[i_] == ')')) --depth;
      ++i_;
    }
  }
  // Pieces joined by '#': {braced}, "quoted", digits, a macro name.
  bool value(std::string& out) {
    while (true) {
      skip_ws();
      if (i_ >= t_.size()) {
        fail(i_, "a value is missing at the end of the file");
        return false;
      }
      const std::size_t b = i_;
      if (t_[i_] == '{' || t_[i_] == '"') {
        const bool braced = t_[i_] == '{';
        ++i_;
        int depth = 0;
        const std::size_t vb = i_;
        while (i_ < t_.size()) {
          const char c = t_[i_];
          if (c == '\\' && i_ + 1 < t_.size()) {
            i_ += 2;
            continue;
          }
          if (c == '{') ++depth;
          if (c == '}') {
            if (depth == 0 && braced) break;
            --depth;
          }
          if (c == '"' && !braced && depth == 0) break;
          ++i_;
        }
        if (i_ >= t_.size()) {
          fail(b, braced ? "this '{' is never closed" : "this '\"' is never closed");
          return false;
        }
        out += t_.substr(vb, i_ - vb);
        ++i_;
      } else {
        const std::string name = ident();
        if (name.empty()) {
          fail(b, "expected a value: {text}, \"text\", a number or a @string name");
          return false;
        }
        if (name.find_first_not_of("0123456789") == std::string::npos) {
          out += name;
        } else {
          const auto m = macros_.find(lower_ascii(name));
          if (m == macros_.end()) {
            fail(b, "unknown @string macro '" + name + "'");
            return false;
          }
          out += m->second;
        }
      }
      skip_ws();
      if (i_ < t_.size() && t_[i_] == '#') {
        ++i_;
        continue;
      }
      return true;
    }
  }

  std::string_view t_;
  const std::string& file_;
  std::vector<Diagnostic>& errors_;
  std::size_t i_ = 0;
  std::map<std::string, std::string> macros_;
};

// The letter with an accent as one UTF-8 character, or "" when not known.
std::string accent(char cmd, char letter) {
  struct A {
    char cmd, letter;
    const char* utf8;
  };
  static constexpr A kAccents[] = {
      {'\'', 'a', "á"}, {'\'', 'e', "é"}, {'\'', 'i', "í"}, {'\'', 'o', "ó"}, {'\'', 'u', "ú"}, {'\'', 'y', "ý"},
      {'\'', 'A', "Á"}, {'\'', 'E', "É"}, {'\'', 'I', "Í"}, {'\'', 'O', "Ó"}, {'\'', 'U', "Ú"}, {'\'', 'c', "ć"},
      {'\'', 'n', "ń"}, {'\'', 's', "ś"}, {'\'', 'z', "ź"}, {'`', 'a', "à"},  {'`', 'e', "è"},  {'`', 'i', "ì"},
      {'`', 'o', "ò"},  {'`', 'u', "ù"},  {'`', 'A', "À"},  {'`', 'E', "È"},  {'^', 'a', "â"},  {'^', 'e', "ê"},
      {'^', 'i', "î"},  {'^', 'o', "ô"},  {'^', 'u', "û"},  {'"', 'a', "ä"},  {'"', 'e', "ë"},  {'"', 'i', "ï"},
      {'"', 'o', "ö"},  {'"', 'u', "ü"},  {'"', 'A', "Ä"},  {'"', 'O', "Ö"},  {'"', 'U', "Ü"},  {'~', 'n', "ñ"},
      {'~', 'a', "ã"},  {'~', 'o', "õ"},  {'~', 'N', "Ñ"},  {'c', 'c', "ç"},  {'c', 'C', "Ç"},  {'v', 's', "š"},
      {'v', 'c', "č"},  {'v', 'z', "ž"},  {'v', 'r', "ř"},  {'v', 'e', "ě"},  {'v', 'S', "Š"},  {'v', 'C', "Č"},
      {'v', 'Z', "Ž"},  {'H', 'o', "ő"},  {'H', 'u', "ű"},  {'=', 'a', "ā"},  {'=', 'e', "ē"},  {'u', 'a', "ă"},
      {'k', 'a', "ą"},  {'k', 'e', "ę"},  {'.', 'z', "ż"},  {'r', 'a', "å"},  {'r', 'A', "Å"},
  };
  for (const auto& a : kAccents) {
    if (a.cmd == cmd && a.letter == letter) return a.utf8;
  }
  return {};
}

}  // namespace

// LaTeX in a BibTeX value to plain UTF-8 text: accents, \ss and friends, escaped
// specials, '~' as a space, '--' as an en dash, braces removed.
std::string latex_to_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '{' || c == '}') continue;
    if (c == '~') {
      out += ' ';
      continue;
    }
    if (c == '-' && s.substr(i, 3) == "---") {
      out += "\xE2\x80\x94";
      i += 2;
      continue;
    }
    if (c == '-' && s.substr(i, 2) == "--") {
      out += "\xE2\x80\x93";
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    const char cmd = s[i + 1];
    if (std::string_view("{}%&$#_\\ ").find(cmd) != std::string_view::npos) {
      out += cmd;
      ++i;
      continue;
    }
    // An accent: \'e, \'{e}, \c{c}, \v s ...
    const bool symbol_cmd = std::string_view("'`^\"~=.").find(cmd) != std::string_view::npos;
    const bool letter_cmd = std::string_view("cvHukr").find(cmd) != std::string_view::npos;
    if (symbol_cmd || letter_cmd) {
      std::size_t j = i + 2;
      while (j < s.size() && (s[j] == ' ' || (s[j] == '{' && letter_cmd)) && !(symbol_cmd && s[j] == ' ')) ++j;
      if (j < s.size() && s[j] == '{') ++j;
      if (j < s.size() && s[j] == '\\' && j + 1 < s.size() && s[j + 1] == 'i') {  // \'{\i}
        const std::string a = accent(cmd, 'i');
        if (!a.empty()) {
          out += a;
          i = j + 1;
          if (i + 1 < s.size() && s[i + 1] == '}') ++i;
          continue;
        }
      }
      if (j < s.size()) {
        const std::string a = accent(cmd, s[j]);
        if (!a.empty() && (symbol_cmd || j > i + 2)) {
          out += a;
          i = j;
          if (i + 1 < s.size() && s[i + 1] == '}') ++i;
          continue;
        }
      }
    }
    // A named letter: \ss, \o, \ae, \aa, \l, \i ...
    std::size_t j = i + 1;
    while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) ++j;
    const std::string_view name = s.substr(i + 1, j - i - 1);
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"aa", "å"},         {"AA", "Å"},
        {"l", "ł"},  {"L", "Ł"}, {"i", "ı"}, {"oe", "œ"}, {"OE", "Œ"}, {"textendash", "–"}, {"textemdash", "—"}};
    bool named = false;
    for (const auto& [n, u] : kNamed) {
      if (name == n) {
        out += u;
        named = true;
        break;
      }
    }
    // An unknown command (\textit, \emph) is dropped; its braced argument stays.
    i = j - 1;
    if (i + 1 < s.size() && s[i + 1] == ' ' && named) ++i;  // "\ss " ends the command
  }
  return squeeze(out);
}

namespace {

// Splits at " and " outside braces.
std::vector<std::string> split_names(std::string_view s) {
  std::vector<std::string> out;
  int depth = 0;
  std::size_t b = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}') --depth;
    if (depth == 0 && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') && i + 5 <= s.size() &&
        lower_ascii(s.substr(i + 1, 3)) == "and" && (s[i + 4] == ' ' || s[i + 4] == '\n' || s[i + 4] == '\t')) {
      out.emplace_back(trim(s.substr(b, i - b)));
      i += 4;
      b = i + 1;
    }
  }
  out.emplace_back(trim(s.substr(b)));
  return out;
}

// Words outside braces, split at white space; a braced group stays whole.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> w;
  std::string cur;
  int depth = 0;
  for (const char c : s) {
    if (c == '{') ++depth;
    if (c == '}') --depth;
    if (depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '~')) {
      if (!cur.empty()) w.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) w.push_back(cur);
  return w;
}

std::string bibtex_author(std::string_view raw) {
  // Commas outside braces pick the form: "von Last, First" / "von Last, Jr, First".
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t b = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '{') ++depth;
    if (raw[i] == '}') --depth;
    if (raw[i] == ',' && depth == 0) {
      parts.emplace_back(trim(raw.substr(b, i - b)));
      b = i + 1;
    }
  }
  parts.emplace_back(trim(raw.substr(b)));
  if (parts.size() == 2) return author_from_parts(latex_to_text(parts[0]), latex_to_text(parts[1]));
  if (parts.size() >= 3) {
    return author_from_parts(latex_to_text(parts[0]), latex_to_text(parts[2]), latex_to_text(parts[1]));
  }
  // "First von Last": von starts at the first word in lower case; Last is the rest.
  const std::vector<std::string> w = words_of(raw);
  if (w.size() == 1) return latex_to_text(w[0]);  // "{World Health Organization}"
  std::size_t von = w.size() - 1;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i][0] >= 'a' && w[i][0] <= 'z') {
      von = i;
      break;
    }
  }
  std::string first;
  std::string last;
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::string& to = i < von ? first : last;
    if (!to.empty()) to += ' ';
    to += w[i];
  }
  return author_from_parts(latex_to_text(last), latex_to_text(first));
}

}  // namespace

void read_bibtex(std::string_view text, const std::string& file, std::vector<RawRecord>& out,
                 std::vector<Diagnostic>& errors) {
  Parser p(text, file, errors);
  std::vector<Entry> entries = p.run();
  std::map<std::string, const Entry*> by_key;
  std::map<std::string, bool> targets;  // keys that a crossref names
  for (const auto& e : entries) {
    by_key[lower_ascii(e.key)] = &e;
    const auto x = e.fields.find("crossref");
    if (x != e.fields.end()) targets[lower_ascii(trim(x->second))] = true;
  }
  for (const auto& e : entries) {
    // An entry that only holds what others crossref (a journal volume, a
    // proceedings without a title of its own) is not a citation by itself.
    if (targets.count(lower_ascii(e.key)) != 0U && e.fields.count("title") == 0U) continue;
    std::map<std::string, std::string> f = e.fields;
    // crossref: a field the entry lacks comes from the entry it names (one level;
    // a book's title becomes the booktitle of a chapter).
    const auto x = f.find("crossref");
    if (x != f.end()) {
      const auto parent = by_key.find(lower_ascii(trim(x->second)));
      if (parent == by_key.end()) {
        errors.push_back(error_at(file, e.line, 1, "crossref '" + x->second + "' names no entry of this file"));
        continue;
      }
      for (const auto& [k, v] : parent->second->fields) {
        if (k == "title") {
          f.emplace("booktitle", v);
        } else if (k != "crossref") {
          f.emplace(k, v);
        }
      }
    }
    RawRecord r;
    r.line = e.line;
    r.types.push_back(e.type);
    Citation& c = r.c;
    const auto get = [&](const char* k) {
      const auto it = f.find(k);
      return it == f.end() ? std::string() : latex_to_text(it->second);
    };
    if (f.count("author") != 0U) {
      for (const auto& a : split_names(f["author"])) {
        if (!a.empty()) c.authors.push_back(bibtex_author(a));
      }
    }
    c.title = get("title");
    if (c.title.empty()) c.title = get("booktitle");
    c.journal = get("shortjournal");
    if (c.journal.empty()) c.journal = get("journal");
    if (c.journal.empty()) c.journal = get("journaltitle");
    c.publisher = get("publisher");
    const std::string year = get("year");
    c.year = year_in(year.empty() ? get("date") : year);
    c.volume = get("volume");
    c.issue = get("number");
    if (c.issue.empty()) c.issue = get("issue");
    if (f.count("pages") != 0U) c.pages = clean_pages(f["pages"]);
    c.article = get("eid");
    c.doi = clean_doi(get("doi"));
    c.pmid = get("pmid");
    c.pmcid = get("pmcid");
    c.url = get("url");
    if (f.count("url") != 0U) c.url = std::string(trim(f["url"]));  // a URL is not LaTeX
    if (f.count("doi") != 0U) c.doi = clean_doi(f["doi"]);
    c.abstract = get("abstract");
    out.push_back(std::move(r));
  }
}

namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (std::string_view("{}%&$#_").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else if (c == '\\') {
      out += "\\textbackslash{}";
    } else {
      out += c;
    }
  }
  return out;
}

void put(std::string& out, std::string_view name, std::string_view value, bool latex = true) {
  if (value.empty()) return;
  out += "  ";
  out += name;
  out += " = {";
  out += latex ? escape(value) : std::string(value);
  out += "},\n";
}

}  // namespace

std::string write_bibtex(const std::vector<Citation>& cs) {
  std::string out;
  for (const auto& c : cs) {
    if (!out.empty()) out += '\n';
    const char* type = c.design == Design::book ? "book" : c.journal.empty() ? "misc" : "article";
    out += std::string("@") + type + "{" + c.id + ",\n";
    std::string authors;
    for (const auto& a : c.authors) {
      const NameParts p = split_author(a);
      if (!authors.empty()) authors += " and ";
      authors += "{" + escape(p.family) + "}";
      if (!p.suffix.empty()) authors += ", " + p.suffix;
      if (!p.given.empty()) authors += ", " + p.given;
    }
    if (!authors.empty()) out += "  author = {" + authors + "},\n";
    if (!c.title.empty()) out += "  title = {{" + escape(c.title) + "}},\n";
    put(out, "journal", c.journal);
    put(out, "publisher", c.publisher);
    if (c.year != 0) put(out, "year", std::to_string(c.year));
    put(out, "volume", c.volume);
    put(out, "number", c.issue);
    std::string pages = c.pages;
    const std::size_t dash = pages.find('-');
    if (dash != std::string::npos) pages.replace(dash, 1, "--");
    put(out, "pages", pages);
    put(out, "eid", c.article);
    put(out, "doi", c.doi, false);
    put(out, "pmid", c.pmid);
    put(out, "pmcid", c.pmcid);
    put(out, "url", c.url, false);
    put(out, "abstract", c.abstract);
    out += "}\n";
  }
  return out;
}

}  // namespace claimkb::detail::cite
