// Synthetic knowledge bases for benchmarks, written once by bench/gen_kb.py and
// kept under the build directory (bench-kb/<N>) for later runs.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace claimkb::bench {

inline std::string synthetic_kb(long claims) {
  const std::string dir = std::string(CLAIMKB_BENCH_DIR) + "/bench-kb/" + std::to_string(claims);
  if (!std::filesystem::exists(dir + "/claims")) {
    const std::string cmd = "python3 " CLAIMKB_SOURCE_DIR "/bench/gen_kb.py " + dir +
                            " --claims " + std::to_string(claims);
    if (std::system(cmd.c_str()) != 0) std::abort();
  }
  return dir;
}

}  // namespace claimkb::bench
