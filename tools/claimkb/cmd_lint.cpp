// `claimkb lint`: check a knowledge base; every problem as file:line:column. With
// --quotes, also the quotes in findings against their citations' abstracts.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

nlohmann::ordered_json diagnostics(const std::vector<Diagnostic>& ds) {
  return nlohmann::ordered_json::parse(diagnostics_json(ds));
}

// The one line `--quotes` always prints.
std::string quotes_summary(const QuoteCheck& q) {
  return "quotes: " + std::to_string(q.checked) + " checked, " + std::to_string(q.matched) + " matched, " +
         std::to_string(q.unverifiable) + " unverifiable (no abstract), " + std::to_string(q.failed) + " failed";
}

int run(const Options& o, bool quotes, Io& io) {
  const std::string path = o.kb.empty() ? KnowledgeBase::default_path() : o.kb;
  auto kb = KnowledgeBase::open(path);
  const std::vector<Diagnostic> none;
  const auto& errors = kb ? none : kb.errors();
  const auto& warnings = kb ? kb->warnings() : none;
  const std::optional<QuoteCheck> checked = quotes && kb ? std::optional(check_quotes(*kb)) : std::nullopt;
  if (o.json) {
    nlohmann::ordered_json j = {{"kb", to_valid_utf8(path)},
                                {"ok", kb.ok()},
                                {"claims", kb ? kb->claim_count() : 0},
                                {"citations", kb ? kb->citation_count() : 0},
                                {"concepts", kb ? kb->concept_count() : 0},
                                {"errors", diagnostics(errors)},
                                {"warnings", diagnostics(warnings)}};
    if (checked) {
      j["quotes"] = nlohmann::ordered_json::parse(quotes_json(*checked));
    } else if (quotes) {
      j["quotes"] = nullptr;  // not checked: the KB did not load
    }
    io.out << dump(j) << "\n";
  } else {
    for (const auto& d : errors) io.err << d.to_string() << "\n";
    for (const auto& d : warnings) io.err << d.to_string() << "\n";
    if (kb) {
      io.out << to_valid_utf8(path) << ": ok: " << kb->claim_count() << " claims, " << kb->citation_count()
             << " citations, " << kb->concept_count() << " concepts, " << warnings.size() << " warnings\n";
    }
    if (checked) {
      for (const auto& d : checked->failures) io.err << d.to_string() << "\n";
      io.out << quotes_summary(*checked) << "\n";
    } else if (quotes) {
      io.out << "quotes: not checked: the knowledge base did not load\n";
    }
  }
  if (!kb) return exit_for(errors);
  return checked && checked->failed > 0 ? kInvalidKb : kDone;
}

Run setup(CLI::App& app) {
  auto quotes = std::make_shared<bool>(false);
  app.add_flag("--quotes", *quotes,
               "also check each quote in a finding against its citation's abstract, and print a count of them");
  return [quotes](const Options& o, Io& io) { return run(o, *quotes, io); };
}

}  // namespace

const Command kLintCommand{"lint", "check a knowledge base; every problem as file:line:column", setup};

}  // namespace claimkb::cli
