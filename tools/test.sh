#!/usr/bin/env bash
# Runs every test of claimkb on a Debian 12 machine, setting it up first:
#   1. tools/bootstrap.sh (packages, configure, build) and the whole CTest suite;
#   2. the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. the concurrency test under ThreadSanitizer;
#   4. each libFuzzer target for FUZZ_SECONDS seconds (default 60).
# CLAIMKB_TEST_QUICK=1 stops after step 1.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "build and test (build/)"
bash tools/bootstrap.sh
ctest --test-dir build --output-on-failure -j2
[ "${CLAIMKB_TEST_QUICK:-0}" = 1 ] && exit 0

for preset in asan tsan; do
  step "$preset: build and test (build-$preset/)"
  cmake --preset "$preset" >"build-$preset.log" 2>&1 || { cat "build-$preset.log"; exit 1; }
  cmake --build --preset "$preset" >>"build-$preset.log" 2>&1 || { cat "build-$preset.log"; exit 1; }
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 TSAN_OPTIONS=halt_on_error=1 \
    ctest --preset "$preset"
done

step "fuzz (build-fuzz/), ${FUZZ_SECONDS:-60}s a target"
bash tools/fuzz.sh
