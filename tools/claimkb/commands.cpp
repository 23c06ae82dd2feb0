#include "commands.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"
#include "text_output.hpp"

namespace claimkb::cli {

using nlohmann::ordered_json;

int run_verdict(const Options& o, const std::string& query, std::ostream& out, std::ostream& err) {
  auto kb = open_kb(o, err);
  if (!kb) return kInvalidKb;
  // An id, or a question that clearly means one claim (SPEC §5); otherwise the
  // closest claims, never a guess.
  const Match m = kb->match(query);
  if (m.kind != Match::Kind::id && m.kind != Match::Kind::clear_best) {
    print_no_clear_match(*kb, query, m, o.json, out, err);
    return kNoSuchClaim;
  }
  auto report = kb->report(m.id);
  if (o.json) {
    out << to_json(*report, 2) << "\n";
  } else {
    print_report(*report, out);
  }
  return kDone;
}

int run_list(const Options& o, std::ostream& out, std::ostream& err) {
  auto kb = open_kb(o, err);
  if (!kb) return kInvalidKb;
  if (o.json) {
    out << claims_json(*kb, 2) << "\n";
    return kDone;
  }
  for (std::size_t i = 0; i < kb->claim_count(); ++i) {
    const Grade& g = kb->grade_at(i);
    out << std::left << std::setw(13) << to_string(g.verdict) << std::setw(10)
        << (g.certainty ? to_string(*g.certainty) : "-") << kb->claim_at(i).id << "\n";
  }
  return kDone;
}

int run_lint(const Options& o, std::ostream& out, std::ostream& err) {
  const std::string path = o.kb.empty() ? KnowledgeBase::default_path() : o.kb;
  auto kb = KnowledgeBase::open(path);
  const std::vector<Diagnostic> none;
  const auto& errors = kb ? none : kb.errors();
  const auto& warnings = kb ? kb->warnings() : none;
  if (o.json) {
    auto list = [](const std::vector<Diagnostic>& ds) {
      ordered_json a = ordered_json::array();
      for (const auto& d : ds) {
        a.push_back({{"file", d.file}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
      }
      return a;
    };
    ordered_json j = {{"kb", path},
                      {"ok", kb.ok()},
                      {"claims", kb ? kb->claim_count() : 0},
                      {"citations", kb ? kb->citation_count() : 0},
                      {"errors", list(errors)},
                      {"warnings", list(warnings)}};
    out << dump(j) << "\n";
  } else {
    for (const auto& d : errors) err << d.to_string() << "\n";
    for (const auto& d : warnings) err << d.to_string() << "\n";
    if (kb) {
      out << path << ": ok: " << kb->claim_count() << " claims, " << kb->citation_count()
          << " citations, " << warnings.size() << " warnings\n";
    }
  }
  return kb ? kDone : kInvalidKb;
}

}  // namespace claimkb::cli
