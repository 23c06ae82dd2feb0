#include "report_text.hpp"

#include <ostream>

namespace claimkb::cli {

void print_report(const Report& r, std::ostream& out) {
  out << r.id << "\n  " << r.statement << "\n\n";
  out << "Verdict: " << to_string(r.verdict);
  if (r.certainty) out << " (" << to_string(*r.certainty) << " certainty)";
  out << "\n" << r.summary << "\n";
  if (!r.reasons.empty()) {
    out << "\nWhy:\n";
    for (const auto& line : r.reasons) out << "  - " << line << "\n";
  }
  if (!r.premises.empty()) {
    out << "\nPresupposes:\n";
    for (const auto& p : r.premises) {
      out << "  - " << p.id << ": " << to_string(p.verdict);
      if (p.certainty) out << " (" << to_string(*p.certainty) << ")";
      out << "\n";
    }
  }
  if (!r.evidence.empty()) {
    out << "\nEvidence:\n";
    for (const auto& e : r.evidence) {
      out << "  [" << to_string(e.stance) << ", " << to_string(e.design) << (e.counted ? "" : ", not counted") << "] "
          << e.citation << "\n"
          << "      " << e.finding << "\n"
          << "      " << e.reference << "\n";
    }
  }
  if (!r.asserted_by.empty()) {
    out << "\nAsserted by:\n";
    for (const auto& a : r.asserted_by) {
      out << "  " << a.citation;
      if (!a.quote.empty()) out << ": \"" << a.quote << "\"";
      out << "\n      " << a.reference << "\n";
    }
  }
  if (!r.warnings.empty()) {
    out << "\nWarnings:\n";
    for (const auto& w : r.warnings) out << "  ! " << w << "\n";
  }
}

}  // namespace claimkb::cli
