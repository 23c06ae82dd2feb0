// libFuzzer target: any text as a search query, a question and an article to check,
// against the bundled knowledge base (loaded once).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "claimkb/claimkb.hpp"

namespace {
const claimkb::KnowledgeBase& kb() {
  static const claimkb::KnowledgeBase loaded = [] {
    auto r = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::bundled_path());
    if (!r) std::abort();
    return std::move(r).value();
  }();
  return loaded;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto& hit : kb().search(text, 5)) {
    if (kb().claim(hit.id) == nullptr) __builtin_trap();  // hits name real claims
  }
  const claimkb::Match m = kb().match(text);
  if (!m.id.empty() && kb().claim(m.id) == nullptr) __builtin_trap();
  (void)kb().report(text);
  // Every mention is a real sentence span of the input, naming a real claim.
  for (const auto& m : claimkb::check(kb(), text)) {
    if (m.begin > m.end || m.end > text.size() || kb().claim(m.id) == nullptr) __builtin_trap();
  }
  return 0;
}
