#!/usr/bin/env bash
# First result on running workers, for one or more skein launchers in alternating rounds (ABAB):
#   bench/cluster_first.sh [ROUNDS] [LAUNCHER...]   (default: 3 rounds of this tree's bin/skein)
# Each round, for each launcher: starts two fresh `skein worker`s of cluster "bench" on 127.0.0.1
# (BENCH_PORT, +1), runs bench/cluster_first.skein against them twice (members cold, then warm:
# each run a fresh script JVM), and stops them, even on failure. One line per script run:
#   <launcher> <round> members=cold|warm {"connect_s": ..., "first_task_s": ..., "first_result_s": ...} wall=<s> rss_kb=<KB>
# BENCH_SCRIPT=bench/cluster_factorize.skein runs that script instead (the same way).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"; shift || true
launchers=("$@"); [ ${#launchers[@]} -gt 0 ] || launchers=("$here/bin/skein")
port="${BENCH_PORT:-5951}"
export SKEIN_CLUSTER_KEY="${SKEIN_CLUSTER_KEY:-bench-key-$(date +%s%N)}"
export CLUSTER_JOIN="127.0.0.1:$port,127.0.0.1:$((port + 1))"
pids=()
stop() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop EXIT
for l in "${launchers[@]}"; do   # builds each launcher's jar and caches (the cluster one too) first
  "$l" --version >/dev/null
  "$l" worker --help >/dev/null   # and the cluster pools' cache (docs/scaling-out.md)
done
for r in $(seq 1 "$rounds"); do
  for l in "${launchers[@]}"; do
    for p in "$port" "$((port + 1))"; do
      log="$(mktemp)"
      "$l" worker --cluster bench --listen "127.0.0.1:$p" --join "$CLUSTER_JOIN" --threads 1 >"$log" 2>&1 &
      pids+=($!)
      for _ in $(seq 1 600); do grep -q "ready at" "$log" && break; sleep 0.1; done
      grep -q "ready at" "$log" || { echo "worker on port $p not ready:" >&2; cat "$log" >&2; exit 1; }
    done
    for members in cold warm; do
      out="$(/usr/bin/time -f "wall=%e rss_kb=%M" "$l" "${BENCH_SCRIPT:-$here/bench/cluster_first.skein}" 2>&1)"
      echo "$l $r members=$members $(echo "$out" | tr '\n' ' ')"
    done
    stop
  done
done
