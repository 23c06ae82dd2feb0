// Synthetic knowledge bases for benchmarks, written once by bench/gen_kb.py and
// kept under the build directory (bench-kb-3/<N>) for later runs; the "3" marks
// the generator version (concept words that stem apart), so that a KB an older one
// wrote is not reused.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace claimkb::bench {

// With concepts (every claim says what it is about), or without any (`plain`), to
// time what concepts cost.
inline std::string synthetic_kb(long claims, bool plain = false) {
  const std::string dir =
      std::string(CLAIMKB_BENCH_DIR) + (plain ? "/bench-kb-3-plain/" : "/bench-kb-3/") + std::to_string(claims);
  if (!std::filesystem::exists(dir + "/claims")) {
    const std::string cmd = "python3 " CLAIMKB_SOURCE_DIR "/bench/gen_kb.py " + dir + " --claims " +
                            std::to_string(claims) + (plain ? " --no-concepts" : "");
    if (std::system(cmd.c_str()) != 0) std::abort();
  }
  return dir;
}

}  // namespace claimkb::bench
