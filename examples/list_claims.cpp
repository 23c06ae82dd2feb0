// List every claim in the knowledge base with its verdict and certainty, e.g. to
// fill a screen of "what the evidence says".
#include <claimkb/claimkb.hpp>

#include <cstdio>
#include <iostream>

int main() {
  auto kb = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::default_path());
  if (!kb) {
    for (const auto& e : kb.errors()) std::cerr << e.to_string() << '\n';
    return 1;
  }
  for (std::size_t i = 0; i < kb->claim_count(); ++i) {
    const claimkb::Claim& claim = kb->claim_at(i);
    const claimkb::Grade& grade = kb->grade_at(i);
    const std::string certainty = grade.certainty ? std::string(claimkb::to_string(*grade.certainty)) : "-";
    std::printf("%-12s %-9s %s\n", std::string(claimkb::to_string(grade.verdict)).c_str(), certainty.c_str(),
                claim.statement.c_str());
  }
  std::printf("%zu claims\n", kb->claim_count());
  return 0;
}
