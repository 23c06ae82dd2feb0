#!/usr/bin/env bash
# Sets up a Debian 12 machine for claimkb and builds it into ./build:
# installs the Debian packages that are missing, configures, builds.
# Safe to run again: it only installs what is missing and rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make pkg-config python3 python3-yaml
          libyaml-cpp-dev libyaml-dev libboost-dev libboost-graph-dev nlohmann-json3-dev
          libcli11-dev doctest-dev libstemmer-dev libxxhash-dev
          clang libclang-rt-14-dev libbenchmark-dev valgrind graphviz time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi

log=build/bootstrap.log
mkdir -p build
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
       && cmake --build build -j"$(nproc)"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "bootstrap: the build failed; the log is in $log" >&2
  exit 1
fi
