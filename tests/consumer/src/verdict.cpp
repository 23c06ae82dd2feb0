// A C++ program outside claimkb's tree: opens the default KB (the bundled one when
// CLAIMKB_KB is unset) and prints where it was found and one verdict. The consumer
// tests check both: the path proves an installed library finds its own data.
#include <claimkb/claimkb.hpp>

#include <iostream>

int main(int argc, char** argv) {
  const char* id = argc > 1 ? argv[1] : "tight-psoas-causes-back-pain";
  const std::string path = claimkb::KnowledgeBase::default_path();
  std::cout << "kb: " << path << '\n';
  auto kb = claimkb::KnowledgeBase::open(path);
  if (!kb) {
    for (const auto& e : kb.errors()) std::cerr << e.to_string() << '\n';
    return 1;
  }
  const auto report = kb->report(id);
  if (!report) {
    std::cerr << "no claim " << id << '\n';
    return 3;
  }
  std::cout << report->id << '\n'
            << "verdict: " << claimkb::to_string(report->verdict) << '\n'
            << report->summary << '\n';
  return 0;
}
