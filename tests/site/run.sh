#!/usr/bin/env bash
# CTest's wrapper for the npm tests in this folder (README.md):
#   run.sh browser CLAIMKB SOURCE_DIR WORK_DIR   the site in headless Chromium
#   run.sh fhir    CLAIMKB SOURCE_DIR WORK_DIR   FHIR Evidence against the R5 schema
# Exit 77 (CTest: Skipped) when node 20+, npm or (for browser) Chromium is missing,
# or the npm packages cannot be installed (no registry and no cache).
set -euo pipefail
mode=$1 claimkb=$2 source=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
skip() { echo "skipped: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed (bash tools/packages.sh test)"
command -v npm >/dev/null || skip "npm is not installed (bash tools/packages.sh test)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || skip "node $major is older than 20, which playwright-core needs"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ "$mode" = browser ] && [ ! -x "$chromium" ]; then skip "no Chromium at $chromium"; fi

mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here"/*.js "$work/"
if ! (cd "$work" && npm ci --prefer-offline --no-audit --no-fund >npm-ci.log 2>&1); then
  cat "$work/npm-ci.log" >&2
  skip "npm ci could not install the packages"
fi
case "$mode" in
  browser)
    rm -rf "$work/site"
    "$claimkb" site -o "$work/site" --kb "$source" --date 2026-01-02
    CHROMIUM=$chromium node "$work/browser_test.js" "$work/site" ${SCREENSHOTS:+"$SCREENSHOTS"}
    ;;
  fhir)
    "$claimkb" export --format fhir --kb "$source" -o "$work/bundle.json"
    claims=$("$claimkb" list --kb "$source" --json | node -e \
      'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log((j.claims||j).length)})')
    node "$work/fhir_test.js" "$work/bundle.json" "$claims"
    ;;
  *) echo "usage: run.sh browser|fhir CLAIMKB SOURCE_DIR WORK_DIR" >&2; exit 2 ;;
esac
