// Ask the bundled knowledge base about one claim, by id, and show the answer with
// its reasons and references.
//
//   ask_by_id [claim-id]        (default: tight-psoas-causes-back-pain)
#include <claimkb/claimkb.hpp>

#include <iostream>

int main(int argc, char** argv) {
  const std::string id = argc > 1 ? argv[1] : "tight-psoas-causes-back-pain";

  auto kb = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::default_path());
  if (!kb) {
    for (const auto& e : kb.errors()) std::cerr << e.to_string() << '\n';
    return 1;
  }
  auto report = kb->report(id);
  if (!report) {
    std::cerr << "no claim '" << id << "'\n";
    return 3;
  }

  std::cout << report->statement << '\n' << "Verdict: " << claimkb::to_string(report->verdict);
  if (report->certainty) std::cout << ", " << claimkb::to_string(*report->certainty) << " certainty";
  std::cout << '\n' << report->summary << "\n\nWhy:\n";
  for (const auto& reason : report->reasons) std::cout << "  " << reason << '\n';
  std::cout << "\nStudies:\n";
  for (const auto& e : report->evidence) {
    if (e.counted) std::cout << "  [" << claimkb::to_string(e.stance) << "] " << e.reference << '\n';
  }
  return 0;
}
