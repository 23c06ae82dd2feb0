#!/usr/bin/env bash
# Speed of `claimkb serve` on the loopback interface (docs/serving.md, "Figures"):
# the verdict by id at 64 connections with wrk, straight to one replica, then through
# HAProxy to two replicas, then through HAProxy again while the snapshot is replaced
# (renamed over, SIGHUP) mid-run. Prints requests/s, p50/p99 latency and the failed
# requests of each run. Needs haproxy and wrk (bash tools/packages.sh test).
#   bash bench/serve_bench.sh [CLAIMKB_BINARY] [SECONDS]     (defaults: build/claimkb, 10)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/claimkb}")
seconds=${2:-10}
claim=tight-psoas-causes-back-pain
for tool in wrk haproxy; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "serve_bench: $tool missing (bash tools/packages.sh test)" >&2; exit 1; }
done
haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a replica on a free port; sets $port and appends its pid to pids.
start_replica() {
  local log=$1
  "$bin" serve --kb "$tmp/kb.ckb" --listen 127.0.0.1:0 --drain 1 >"$log.out" 2>"$log" &
  pids+=($!)
  for _ in $(seq 200); do
    [ -s "$log.out" ] && break
    sleep 0.05
  done
  port=$(head -1 "$log.out" | sed 's/.*"port":\([0-9]*\).*/\1/')
}

# One wrk run; prints a line of figures (label, requests/s, p50, p99, failed).
run_wrk() {
  local label=$1 url=$2 out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$url")
  local rps p50 p99 non2xx socket
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk -F': ' '/Non-2xx or 3xx/ {print $2}' <<<"$out")
  socket=$(sed -n 's/.*Socket errors: //p' <<<"$out")
  printf '%-34s %10s req/s   p50 %-9s p99 %-9s failed: %s non-2xx, socket errors: %s\n' \
    "$label" "$rps" "$p50" "$p99" "${non2xx:-0}" "${socket:-none}"
}

"$bin" --kb "$root" compile -o "$tmp/kb.ckb" >/dev/null
cp "$tmp/kb.ckb" "$tmp/kb2.ckb"  # the same KB, a new file: a reload does the whole work

echo "claimkb serve, GET /v1/claims/$claim, wrk -t2 -c64 -d${seconds}s --latency, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
start_replica "$tmp/r1.log"
p1=$port
run_wrk "one replica, direct" "http://127.0.0.1:$p1/v1/claims/$claim"

start_replica "$tmp/r2.log"
p2=$port
r2_pid=${pids[-1]}
r1_pid=${pids[-2]}
lb=$(free_port)
# The documented set-up (docs/examples/haproxy.cfg), on loopback ports.
sed -e "s/bind :80/bind 127.0.0.1:$lb/" -e "s/127.0.0.1:8081/127.0.0.1:$p1/" -e "s/127.0.0.1:8082/127.0.0.1:$p2/" \
  "$root/docs/examples/haproxy.cfg" >"$tmp/haproxy.cfg"
"$haproxy" -db -f "$tmp/haproxy.cfg" >/dev/null 2>"$tmp/haproxy.log" &
pids+=($!)
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$lb/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
run_wrk "HAProxy, two replicas" "http://127.0.0.1:$lb/v1/claims/$claim"

# A rolling update under load: the new snapshot beside the old, renamed over it,
# SIGHUP to both replicas a third of the way in.
(
  sleep "$((seconds / 3))"
  cp "$tmp/kb2.ckb" "$tmp/kb.ckb.new"
  mv "$tmp/kb.ckb.new" "$tmp/kb.ckb"
  kill -HUP "$r1_pid" "$r2_pid"
) &
run_wrk "HAProxy, two replicas, reload" "http://127.0.0.1:$lb/v1/claims/$claim"
wait $!
reloads=$(cat "$tmp/r1.log" "$tmp/r2.log" | grep -c '"event":"reload","ok":true' || true)
echo "reloads that succeeded during the last run: $reloads (2 replicas: SIGHUP, and possibly the rename seen)"
