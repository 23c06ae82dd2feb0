// Ask in plain words: find the claim a question is about, then answer it. A question
// the knowledge base cannot clearly match is declined, with the closest claims.
//
//   ask_question "does a tight psoas cause back pain?"
#include <claimkb/claimkb.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ask_question \"QUESTION\"\n";
    return 2;
  }
  auto kb = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::default_path());
  if (!kb) {
    for (const auto& e : kb.errors()) std::cerr << e.to_string() << '\n';
    return 1;
  }

  const claimkb::Match match = kb->match(argv[1]);
  if (match.kind != claimkb::Match::Kind::id && match.kind != claimkb::Match::Kind::clear_best) {
    std::cout << "Not sure which claim you mean.";
    if (!match.candidates.empty()) std::cout << " Closest:";
    std::cout << '\n';
    for (const auto& hit : match.candidates) {
      std::cout << "  " << hit.id << ": " << kb->claim(hit.id)->statement << '\n';
    }
    return 3;
  }
  const auto report = kb->report(match.id);
  std::cout << report->id << ": " << report->statement << '\n'
            << claimkb::to_string(report->verdict) << ": " << report->summary << '\n';
  return 0;
}
