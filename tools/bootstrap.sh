#!/usr/bin/env bash
# Sets up a Debian 12 machine to answer questions with claimkb: installs the
# packages that building the library and the command needs (tools/packages.sh
# answer), configures ./build and builds the `claimkb` command only. The tests
# need more: tools/test.sh installs and builds the rest.
# Safe to run again: it only installs what is missing and rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/packages.sh answer

log=build/bootstrap.log
mkdir -p build
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
       && cmake --build build -j"$(nproc)" --target claimkb_cli; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "bootstrap: the build failed; the log is in $log" >&2
  exit 1
fi
