#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan, `fuzz` preset) and runs each for
# FUZZ_SECONDS seconds (default 60) from a seed corpus of the project's own YAML and
# the YAML test suite's invalid cases. Fails on any crash, leak or timeout; the
# input that caused it is kept in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"

cmake --preset fuzz >build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }
cmake --build --preset fuzz >>build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/decode" "$work/query" build-fuzz/artifacts
i=0
while IFS= read -r -d '' f; do
  cp "$f" "$work/decode/seed$((i++)).yaml"
done < <(find claims citations tests ../shared/datasets/yaml-errors \
           \( -name '*.yaml' -o -name '*.yml' \) -print0 2>/dev/null)
i=0
while IFS= read -r line; do
  printf '%s' "$line" >"$work/query/seed$((i++))"
done < fuzz/seeds/queries.txt
cp ../shared/seeds/*.txt "$work/query/" 2>/dev/null || true  # whole articles, for check()

for target in decode query; do
  echo "fuzz_$target: ${seconds}s from $(ls "$work/$target" | wc -l) seeds"
  build-fuzz/fuzz/fuzz_$target -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/ \
    "$work/$target" 2>"$work/$target.log" \
    || { tail -60 "$work/$target.log"; echo "fuzz_$target found a problem" >&2; exit 1; }
  grep -E '^stat::number_of_executed_units|^Done' "$work/$target.log" || true
done
