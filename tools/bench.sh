#!/usr/bin/env bash
# Every benchmark of docs and README "Speed and memory", and the plain-words table,
# in one command:
#   bash tools/bench.sh          N = 1,000 and 20,000 (a few minutes)
#   bash tools/bench.sh --100k   adds N = 100,000 (about 12 minutes more)
# Builds the `release` preset, runs the Google Benchmark programs (load, bare
# yaml-cpp parse, snapshots, look-ups; search, match, check), then measures peak
# memory (maximum resident set) of the command loading each synthetic KB from YAML
# and answering one verdict from its snapshot. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(1000 20000)
if [ "${1:-}" = "--100k" ]; then
  export CLAIMKB_BENCH_100K=1
  sizes+=(100000)
fi

cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
build-release/bench/claimkb_load_bench --benchmark_counters_tabular=true
build-release/bench/claimkb_search_bench

# The load benchmark wrote each synthetic KB (bench-kb-3/N) and its snapshot (N.ckb).
# Peak memory is GNU time's maximum resident set of one run of the command (Debian
# package `time`, installed by tools/packages.sh test).
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
kbs=build-release/bench/bench-kb-3
echo
echo "peak memory (maximum resident set):"
for n in "${sizes[@]}"; do
  yaml_kb=$(( $(du -sb "$kbs/$n" | cut -f1) / 1024 ))
  yaml_peak=$(peak build-release/claimkb lint --kb "$kbs/$n")
  snap_peak=$(peak build-release/claimkb --kb "$kbs/$n.ckb" verdict claim0000005)
  python3 -c 'import sys; n, y, a, b = sys.argv[1], *map(int, sys.argv[2:])
print(f"  N={n:<7} YAML {y:7d} KB   load from YAML {a:8d} KB ({a / y:.1f}x)   snapshot verdict {b:7d} KB ({b / y:.1f}x)")' \
    "$n" "$yaml_kb" "$yaml_peak" "$snap_peak"
done

# A whole process answering one verdict from a snapshot, over the process's own
# start (the same binary printing its version): the mean of 50 runs of each.
mean_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq 50); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / 50000 ))  # microseconds
}
echo
echo "a verdict from a snapshot, whole process, over the process's start (mean of 50):"
start_us=$(mean_ms build-release/claimkb --version)
for n in "${sizes[@]}"; do
  verdict_us=$(mean_ms build-release/claimkb --kb "$kbs/$n.ckb" verdict claim0000005)
  python3 -c 'import sys; n, v, s = sys.argv[1], *map(int, sys.argv[2:])
print(f"  N={n:<7} {v / 1000:.1f} ms, start {s / 1000:.1f} ms: {(v - s) / 1000:.1f} ms over the start")' \
    "$n" "$verdict_us" "$start_us"
done

# Plain words: the paraphrase sets (tests/data/paraphrase: the set the matcher was
# tuned on; paraphrase-holdout: one it never was).
echo
python3 bench/paraphrase_eval.py build-release/claimkb tests/data/paraphrase tests/data/paraphrase-holdout

# claimkb serve over HTTP (docs/serving.md): verdict by id at 64 connections, straight
# and through HAProxy, and across a reload; needs wrk and haproxy (tools/packages.sh test).
echo
bash bench/serve_bench.sh build-release/claimkb 10
