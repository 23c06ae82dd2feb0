// `claimkb retractions FILE... [--apply]`: retraction notices (Retraction Watch
// CSV, Crossref works JSON, PubMed MEDLINE) matched to the KB's citations; prints
// what would change and every claim whose verdict or certainty moves, and with
// --apply writes `retracted` into the citation files (docs/cli.md,
// docs/retractions.md).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

#include "claimkb/claimkb.hpp"
#include "claimkb/retractions.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

namespace fs = std::filesystem;
using Action = RetractionChange::Action;

struct Args {
  std::vector<std::string> files;
  bool apply = false;
};

const char* action_name(Action a) {
  switch (a) {
    case Action::retract: return "retract";
    case Action::lift: return "lift";
    case Action::warn: return "warn";
    case Action::unchanged: return "unchanged";
  }
  return "";
}

std::string grade_text(Verdict v, const std::optional<Certainty>& c) {
  std::string s(to_string(v));
  if (c) s += " (" + std::string(to_string(*c)) + ")";
  return s;
}

nlohmann::ordered_json retraction_json(const std::optional<Retraction>& r) {
  if (!r) return nullptr;
  return {{"date", r->date}, {"notice", r->notice}};
}

// The files under citations/ (any depth) that may hold records, sorted.
std::vector<fs::path> citation_files(const fs::path& kb) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(kb / "citations", ec), end; !ec && it != end; it.increment(ec)) {
    const auto ext = it->path().extension();
    if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Writes each pending change into the file that holds its citation: every edit is
// made in memory first, and nothing is written when any citation is not found.
int apply(const fs::path& kb_path, const std::map<std::string, std::optional<Retraction>>& pending, Io& io,
          std::vector<std::string>& written) {
  std::map<std::string, std::string> edited;  // file -> new text
  std::map<std::string, bool> done;
  for (const auto& [id, r] : pending) done[id] = false;
  for (const auto& path : citation_files(kb_path)) {
    std::string text;
    if (!read_whole(path.string(), text)) {
      io.err << to_valid_utf8(path.string()) << ":1:1: error: cannot read the file\n";
      return kIo;
    }
    const std::string original = text;
    for (const auto& [id, r] : pending) {
      if (done[id]) continue;
      auto next = set_retracted_in_yaml(text, path.string(), id, r);
      if (!next) continue;  // not in this file
      text = *next;
      done[id] = true;
    }
    if (text != original) edited[path.string()] = std::move(text);
  }
  for (const auto& [id, ok] : done) {
    if (!ok) {
      io.err << to_valid_utf8((kb_path / "citations").string()) << ":1:1: error: no file holds a block-style record "
             << "`- id: " << id << "`; nothing written\n";
      return kInvalidKb;
    }
  }
  for (const auto& [file, text] : edited) {
    if (!write_output(file, text, io.err)) return kIo;
    written.push_back(file);
  }
  return kDone;
}

int run(const Options& o, const Args& a, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  const auto dir = kb_directory(o, a.apply, "be changed; apply to the KB directory, or leave out --apply", io.err);
  if (!dir) return kUsage;
  const fs::path kb_path(*dir);
  const auto sources = read_sources(a.files, io.err);
  if (!sources) return kIo;
  auto notices = read_notices(*sources);
  if (!notices) {
    for (const auto& e : notices.errors()) io.err << e.to_string() << "\n";
    io.err << "claimkb retractions: nothing changed\n";
    return exit_for(notices.errors());
  }
  std::vector<Citation> citations;
  for (std::size_t i = 0; i < kb->citation_count(); ++i) citations.push_back(kb->citation_at(i));
  const RetractionPlan plan = plan_retractions(*notices, citations);
  for (const auto& w : plan.warnings) io.err << w.to_string() << "\n";
  std::map<std::string, std::optional<Retraction>> overrides;
  for (const auto& c : plan.changes) {
    if (c.action == Action::retract || c.action == Action::lift) overrides[c.citation] = c.after;
  }
  const std::vector<GradeChange> claims = regrade_with(*kb, overrides);
  std::vector<std::string> written;
  if (a.apply && !overrides.empty()) {
    const int rc = apply(kb_path, overrides, io, written);
    if (rc != kDone) return rc;
  }

  if (o.json) {
    nlohmann::ordered_json j;
    j["notices_read"] = notices->size();
    j["citations"] = nlohmann::ordered_json::array();
    for (const auto& c : plan.changes) {
      nlohmann::ordered_json r;
      r["id"] = c.citation;
      r["matched_by"] = c.matched_by;
      r["action"] = action_name(c.action);
      r["before"] = retraction_json(c.before);
      r["after"] = retraction_json(c.after);
      r["notices"] = nlohmann::ordered_json::array();
      for (const auto& n : c.notices) {
        r["notices"].push_back({{"kind", to_string(n.kind)},
                                {"nature", n.nature},
                                {"date", n.date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(n.date)},
                                {"notice", n.notice},
                                {"source", n.source},
                                {"file", n.file},
                                {"line", n.line}});
      }
      j["citations"].push_back(r);
    }
    j["claims"] = nlohmann::ordered_json::array();
    for (const auto& c : claims) {
      j["claims"].push_back(
          {{"id", c.claim},
           {"before", {{"verdict", to_string(c.verdict_before)}, {"certainty", certainty_json(c.certainty_before)}}},
           {"after", {{"verdict", to_string(c.verdict_after)}, {"certainty", certainty_json(c.certainty_after)}}},
           {"rules", c.rules},
           {"no_longer", c.gone}});
    }
    j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& w : plan.warnings) j["warnings"].push_back(w.to_string());
    j["applied"] = a.apply;
    j["written"] = written;
    io.out << dump(j) << "\n";
    return kDone;
  }
  io.out << "read " << notices->size() << " notices; " << plan.changes.size() << " match citations of the KB\n";
  for (const auto& c : plan.changes) {
    io.out << c.citation << " (" << to_valid_utf8(c.matched_by) << "): ";
    switch (c.action) {
      case Action::retract:
        io.out << (a.apply ? "retracted " : "would be retracted ") << c.after->date << " (" << c.after->notice << ")";
        break;
      case Action::lift:
        io.out << (a.apply ? "retraction lifted" : "retraction would be lifted") << ": reinstated";
        break;
      case Action::warn: io.out << "warning only, nothing written"; break;
      case Action::unchanged: io.out << (c.before ? "already recorded as retracted" : "nothing to change"); break;
    }
    io.out << "\n";
    for (const auto& n : c.notices) {
      io.out << "  " << to_string(n.kind) << " " << (n.date.empty() ? "(no date)" : n.date) << " "
             << to_valid_utf8(n.nature) << " from " << n.source << " at " << to_valid_utf8(n.file) << ":" << n.line
             << "\n";
    }
  }
  for (const auto& c : claims) {
    io.out << "claim " << c.claim << ": " << grade_text(c.verdict_before, c.certainty_before) << " -> "
           << grade_text(c.verdict_after, c.certainty_after) << "\n";
    for (const auto& r : c.rules) io.out << "  because: " << to_valid_utf8(r) << "\n";
    for (const auto& r : c.gone) io.out << "  no longer: " << to_valid_utf8(r) << "\n";
  }
  if (claims.empty()) io.out << "no claim changes its verdict or certainty\n";
  if (a.apply) {
    io.out << "wrote " << written.size() << " files";
    for (const auto& w : written) io.out << " " << to_valid_utf8(w);
    io.out << "\n";
  } else if (!overrides.empty()) {
    io.out << "dry run: " << overrides.size() << " citations would change; run again with --apply to write them\n";
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto a = std::make_shared<Args>();
  app.add_option("files", a->files, "Retraction Watch CSV, Crossref works JSON or PubMed MEDLINE files")->required();
  app.add_flag("--apply", a->apply, "write `retracted` into the citation files (default: print only)");
  return [a](const Options& o, Io& io) { return run(o, *a, io); };
}

}  // namespace

const Command kRetractionsCommand{
    "retractions",
    "match retraction notices (Retraction Watch, Crossref, PubMed) to the KB's citations and show what they change",
    setup};

}  // namespace claimkb::cli
