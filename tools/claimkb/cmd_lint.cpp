// `claimkb lint`: check a knowledge base; every problem as file:line:column.
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

int run(const Options& o, Io& io) {
  const std::string path = o.kb.empty() ? KnowledgeBase::default_path() : o.kb;
  auto kb = KnowledgeBase::open(path);
  const std::vector<Diagnostic> none;
  const auto& errors = kb ? none : kb.errors();
  const auto& warnings = kb ? kb->warnings() : none;
  if (o.json) {
    auto list = [](const std::vector<Diagnostic>& ds) {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const auto& d : ds) {
        a.push_back({{"file", d.file},
                     {"line", d.line},
                     {"column", d.column},
                     {"severity", d.severity == Diagnostic::Severity::error ? "error" : "warning"},
                     {"code", std::string(to_string(d.code))},
                     {"message", d.message}});
      }
      return a;
    };
    nlohmann::ordered_json j = {{"kb", to_valid_utf8(path)},
                                {"ok", kb.ok()},
                                {"claims", kb ? kb->claim_count() : 0},
                                {"citations", kb ? kb->citation_count() : 0},
                                {"concepts", kb ? kb->concept_count() : 0},
                                {"errors", list(errors)},
                                {"warnings", list(warnings)}};
    io.out << dump(j) << "\n";
  } else {
    for (const auto& d : errors) io.err << d.to_string() << "\n";
    for (const auto& d : warnings) io.err << d.to_string() << "\n";
    if (kb) {
      io.out << to_valid_utf8(path) << ": ok: " << kb->claim_count() << " claims, " << kb->citation_count()
             << " citations, " << kb->concept_count() << " concepts, " << warnings.size() << " warnings\n";
    }
  }
  return kb ? kDone : exit_for(errors);
}

Run setup(CLI::App&) { return run; }

}  // namespace

const Command kLintCommand{"lint", "check a knowledge base; every problem as file:line:column", setup};

}  // namespace claimkb::cli
