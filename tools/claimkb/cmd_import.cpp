// `claimkb import FILE... [-o citations/FILE.yaml] [--dry-run]`: records from
// PubMed (MEDLINE), RIS, BibTeX or CSL-JSON files appended to the KB as citations
// (docs/cli.md, docs/import.md).
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

namespace fs = std::filesystem;

struct Args {
  std::vector<std::string> files;
  std::string output = "citations/imported.yaml";
  bool dry_run = false;
};

// True when `text` (a citations file) can take list items at its end: it holds no
// record yet, or its records are a block list ("- id: ...").
bool takes_list_items(std::string_view text) {
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    b = e + 1;
    if (l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
    const std::size_t first = l.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || l[first] == '#' || l.substr(first) == "---") continue;
    return l.substr(0, 2) == "- " || l == "-" || l == "-\r";
  }
  return true;
}

int run(const Options& o, const Args& a, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  const auto dir =
      kb_directory(o, !a.dry_run, "take new citations; import into the KB directory, or use --dry-run", io.err);
  if (!dir) return kUsage;
  const fs::path kb_path(*dir);

  const auto sources = read_sources(a.files, io.err);
  if (!sources) return kIo;
  std::vector<Citation> existing;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < kb->citation_count(); ++i) existing.push_back(kb->citation_at(i));
  for (std::size_t i = 0; i < kb->claim_count(); ++i) ids.push_back(kb->claim_at(i).id);
  for (std::size_t i = 0; i < kb->concept_count(); ++i) ids.push_back(kb->concept_at(i).id);

  auto plan = plan_import(*sources, existing, ids);
  if (!plan) {
    for (const auto& e : plan.errors()) io.err << e.to_string() << "\n";
    io.err << "claimkb import: nothing imported\n";
    return exit_for(plan.errors());
  }
  for (const auto& w : plan->warnings) io.err << w.to_string() << "\n";

  const fs::path target = fs::path(a.output).is_absolute() ? fs::path(a.output) : kb_path / a.output;
  std::string written;
  if (!plan->added.empty() && !a.dry_run) {
    std::string bytes;
    std::error_code ec;
    if (fs::exists(target, ec)) {
      if (!read_whole(target.string(), bytes)) {
        io.err << to_valid_utf8(target.string()) << ":1:1: error: cannot read the file\n";
        return kIo;
      }
      if (!takes_list_items(bytes)) {
        io.err << to_valid_utf8(target.string())
               << ":1:1: error: this file holds one record, not a list, so records cannot be appended; name "
                  "another file with -o\n";
        return kUsage;
      }
      if (!bytes.empty() && bytes.back() != '\n') bytes += '\n';
      bytes += '\n';
    } else {
      fs::create_directories(target.parent_path(), ec);
      bytes = "# Citations added by `claimkb import`. Check each record's design and notes.\n\n";
    }
    std::vector<Citation> added;
    for (const auto& c : plan->added) added.push_back(c.citation);
    bytes += citations_yaml(added);
    if (!write_output(target.string(), bytes, io.err)) return kIo;
    written = target.string();
  }

  if (o.json) {
    nlohmann::ordered_json j;
    j["added"] = nlohmann::ordered_json::array();
    for (const auto& c : plan->added) {
      nlohmann::ordered_json r;
      r["id"] = c.citation.id;
      r["file"] = c.file;
      r["line"] = c.line;
      r["format"] = c.format;
      r["design_suggested_from"] =
          c.design_suggested_from.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.design_suggested_from);
      r["citation"] = nlohmann::ordered_json::parse(citation_json(c.citation));
      j["added"].push_back(r);
    }
    j["skipped"] = nlohmann::ordered_json::array();
    for (const auto& s : plan->skipped) {
      j["skipped"].push_back({{"file", s.file}, {"line", s.line}, {"existing", s.existing_id}, {"reason", s.reason}});
    }
    j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& w : plan->warnings) j["warnings"].push_back(w.to_string());
    j["written"] = written.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(written);
    io.out << dump(j) << "\n";
    return kDone;
  }
  for (const auto& c : plan->added) {
    io.out << "added " << c.citation.id << " (" << to_valid_utf8(c.file) << ":" << c.line << ", design "
           << to_string(c.citation.design);
    if (c.design_suggested_from.empty()) {
      io.out << " as a placeholder: no publication type)\n";
    } else {
      io.out << " suggested from '" << to_valid_utf8(c.design_suggested_from) << "')\n";
    }
  }
  for (const auto& s : plan->skipped) {
    io.out << "skipped " << to_valid_utf8(s.file) << ":" << s.line << ": " << to_valid_utf8(s.reason) << " as "
           << s.existing_id << "\n";
  }
  if (a.dry_run || plan->added.empty()) {
    io.out << (a.dry_run ? "dry run: would add " : "added ") << plan->added.size() << " citations"
           << (a.dry_run && !plan->added.empty() ? " to " + to_valid_utf8(target.string()) : std::string()) << "\n";
  } else {
    io.out << "wrote " << plan->added.size() << " citations to " << to_valid_utf8(written) << "\n";
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto a = std::make_shared<Args>();
  app.add_option("files", a->files, "MEDLINE (.nbib), PubMed XML, RIS, BibTeX or CSL-JSON files")->required();
  app.add_option("-o,--output", a->output,
                 "the citations file to append to, relative to the KB (default: citations/imported.yaml)");
  app.add_flag("--dry-run", a->dry_run, "print what would be added; write nothing");
  return [a](const Options& o, Io& io) { return run(o, *a, io); };
}

}  // namespace

const Command kImportCommand{
    "import", "add citations from PubMed (MEDLINE or XML), RIS, BibTeX or CSL-JSON files, skipping those the KB has",
    setup};

}  // namespace claimkb::cli
