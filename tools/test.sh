#!/usr/bin/env bash
# Runs every test of claimkb on a Debian 12 machine, setting it up first:
#   1. the packages (tools/packages.sh test), configure and build ./build with the
#      tests and the Python module (its pytest suite runs there only), check the code's format and clang-tidy, and the whole CTest suite;
#   2. the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. the concurrency test under ThreadSanitizer;
#   4. each libFuzzer target for FUZZ_SECONDS seconds (default 60).
# CLAIMKB_TEST_QUICK=1 stops after step 1.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# Runs ctest with the given arguments and adds its counts to $passed and $skipped
# (ctest fails the script first if any test fails). ctest counts a skipped test
# among the passed ones and lists it as "(Skipped)": it is taken out again here.
passed=0 skipped=0
run_ctest() {
  local log total skips
  log="$(mktemp)"
  ctest "$@" | tee "$log"
  total="$(grep -oE 'out of [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')"
  skips="$(grep -c '(Skipped)' "$log" || true)"
  passed=$((passed + total - skips))
  skipped=$((skipped + skips))
  rm -f "$log"
}
summary() { echo "tools/test.sh: $passed passed, $skipped skipped, 0 failed"; }

step "build and test (build/)"
bash tools/packages.sh test
log=build/test-build.log
mkdir -p build
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DCLAIMKB_BUILD_TESTS=ON \
         -DCLAIMKB_BUILD_EXAMPLES=ON -DCLAIMKB_PYTHON=ON -DCLAIMKB_REQUIRE_TESTS=ON -DCLAIMKB_WARNINGS_AS_ERRORS=ON \
         -DCMAKE_EXPORT_COMPILE_COMMANDS=ON && cmake --build build -j"$(nproc)"; } >"$log" 2>&1; then
  cat "$log"
  echo "tools/test.sh: the build failed; the log is in $log" >&2
  exit 1
fi
run_ctest --test-dir build --output-on-failure -j2

step "style: clang-format and clang-tidy (tools/style.sh)"
bash tools/style.sh build
passed=$((passed + 1))
if [ "${CLAIMKB_TEST_QUICK:-0}" = 1 ]; then
  summary
  exit 0
fi

for preset in asan tsan; do
  step "$preset: build and test (build-$preset/)"
  cmake --preset "$preset" >"build-$preset.log" 2>&1 || { cat "build-$preset.log"; exit 1; }
  cmake --build --preset "$preset" >>"build-$preset.log" 2>&1 || { cat "build-$preset.log"; exit 1; }
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 TSAN_OPTIONS=halt_on_error=1 \
    run_ctest --preset "$preset"
done

step "fuzz (build-fuzz/), ${FUZZ_SECONDS:-60}s a target"
fuzz_log="$(mktemp)"
bash tools/fuzz.sh | tee "$fuzz_log"
# One for each fuzz target, as tools/fuzz.sh's last line counts them.
passed=$((passed + $(sed -nE 's/^tools\/fuzz\.sh: ([0-9]+) targets passed$/\1/p' "$fuzz_log")))
rm -f "$fuzz_log"
summary
