#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan, `fuzz` preset) and runs each
# (every fuzz/fuzz_*.cpp) for FUZZ_SECONDS seconds (default 60) from a seed corpus:
# the project's own YAML (claims, citations, concepts), with the invalid cases of tests/data/yaml-invalid (decode),
# queries and the project's test articles, tests/data/articles (query), the payloads of
# the bundled KB's and small random
# KBs' snapshots (snapshot). Fails on any crash, leak or timeout; the input that
# caused it is kept in build-fuzz/artifacts/. Ends with "tools/fuzz.sh: N targets
# passed", which tools/test.sh counts.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"

cmake --preset fuzz >build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }
cmake --build --preset fuzz >>build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/decode" "$work/import" "$work/query" "$work/snapshot" build-fuzz/artifacts
i=0
while IFS= read -r -d '' f; do
  cp "$f" "$work/decode/seed$((i++)).yaml"
done < <(find claims citations concepts tests \
           \( -name '*.yaml' -o -name '*.yml' \) -print0 2>/dev/null)
i=0
while IFS= read -r line; do
  printf '%s' "$line" >"$work/query/seed$((i++))"
done < fuzz/seeds/queries.txt
cp tests/data/articles/*.txt "$work/query/"  # whole articles, for check()
# Citation and notice files (import, retractions).
find tests/data/cite -maxdepth 1 -type f ! -name README.md -exec cp {} "$work/import/" \;

# Snapshot payloads (the file after its 64-byte header), written by fuzz_snapshot
# itself so that they always have this build's format: the bundled KB, and small
# random KBs that use every optional field (tests/oracle/gen_kb.py; Debian's python3
# has python3-yaml).
python=/usr/bin/python3
[ -x "$python" ] || python=python3
payload() { CLAIMKB_FUZZ_PAYLOAD_OF="$1" CLAIMKB_FUZZ_PAYLOAD_TO="$2" build-fuzz/fuzz/fuzz_snapshot; }
payload "$PWD" "$work/snapshot/bundled"
for seed in 1 2 3 4 5 6; do
  "$python" tests/oracle/gen_kb.py "$work/kb$seed" --seed "$seed" --claims $((2 * seed))
  payload "$work/kb$seed" "$work/snapshot/random$seed"
  rm -rf "$work/kb$seed"
done

targets=0
for source in fuzz/fuzz_*.cpp; do
  target="$(basename "$source" .cpp)"
  target="${target#fuzz_}"
  [ -d "$work/$target" ] || { echo "tools/fuzz.sh: no seed corpus for fuzz_$target" >&2; exit 1; }
  # Inputs as long as the longest seed (the bundled KB's snapshot is ~85 KB), at least 64 KB.
  max_len="$(find "$work/$target" -type f -printf '%s\n' | sort -n | tail -1)"
  max_len=$(( ${max_len:-0} > 65536 ? max_len : 65536 ))
  echo "fuzz_$target: ${seconds}s from $(ls "$work/$target" | wc -l) seeds"
  UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
  build-fuzz/fuzz/fuzz_$target -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/ \
    "$work/$target" 2>"$work/$target.log" \
    || { tail -60 "$work/$target.log"; echo "fuzz_$target found a problem" >&2; exit 1; }
  grep -E '^stat::number_of_executed_units|^Done' "$work/$target.log" || true
  targets=$((targets + 1))
done
echo "tools/fuzz.sh: $targets targets passed"
