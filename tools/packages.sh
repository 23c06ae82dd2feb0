#!/usr/bin/env bash
# Installs the Debian 12 packages claimkb needs that are missing, as root or
# through sudo. Safe to run again: it only installs what is missing.
#   bash tools/packages.sh answer   what building the library and the command needs
#   bash tools/packages.sh test     that, and what the tests, sanitizers, fuzzers,
#                                   benchmarks and style checks need
set -euo pipefail

answer=(g++ cmake make pkg-config
        libyaml-cpp-dev libyaml-dev libboost-dev nlohmann-json3-dev libcli11-dev libstemmer-dev
        libxxhash-dev libcpp-httplib-dev libpugixml-dev
        # English words for the speller (cmake/english-words.cmake)
        wamerican wbritish)
test=(python3 python3-yaml python3-dev python3-pytest pybind11-dev doctest-dev clang libclang-rt-14-dev libbenchmark-dev valgrind graphviz time
      clang-format clang-tidy
      # the scale-out test (tests/serve) and the pip install test (tests/package)
      haproxy wrk python3-venv python3-pip python3-setuptools python3-wheel
      # the site's browser and FHIR tests (tests/site): system Chromium, node and npm
      chromium nodejs)
# Debian's nodejs needs its npm package; NodeSource's nodejs carries npm itself.
command -v npm >/dev/null || test+=(npm)

case "${1:-}" in
  answer) wanted=("${answer[@]}") ;;
  test) wanted=("${answer[@]}" "${test[@]}") ;;
  *) echo "usage: tools/packages.sh answer|test" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "tools/packages.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
