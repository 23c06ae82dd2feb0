// libFuzzer target: one knowledge-base file, as claims, citations and concepts. Any
// input must give records or diagnostics — never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using claimkb::detail::Table;
  for (Table kind : {Table::claim, Table::citation, Table::concept}) {
    auto records = claimkb::detail::decode_text(text, "fuzz.yaml", kind);
    // Every diagnostic must carry a position or concern the whole file.
    for (const auto& d : records.diagnostics) {
      if (d.line < 0 || d.column < 0) __builtin_trap();
    }
  }
  return 0;
}
