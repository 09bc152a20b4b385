#!/usr/bin/env bash
# Starts two `skein worker`s of cluster "bench" on 127.0.0.1 (one after the other), runs
# bench/cluster.skein against them and against processes(2), and stops the workers, even on
# failure. Prints one JSON line of figures (see bench/cluster.skein). Ports: BENCH_PORT, +1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
port="${BENCH_PORT:-5931}"
export SKEIN_CLUSTER_KEY="${SKEIN_CLUSTER_KEY:-bench-key-$(date +%s%N)}"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
join="127.0.0.1:$port,127.0.0.1:$((port + 1))"
"$here/bin/skein" --version >/dev/null   # builds the jar and its start-up caches first
"$here/bin/skein" worker --help >/dev/null   # and the cluster pools' cache (docs/scaling-out.md)
for p in "$port" "$((port + 1))"; do
  log="$(mktemp)"
  "$here/bin/skein" worker --cluster bench --listen "127.0.0.1:$p" --join "$join" --threads 1 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 1200); do grep -q "ready at" "$log" && break; sleep 0.1; done
  grep "ready at" "$log" >&2 || { echo "worker on port $p not ready:" >&2; cat "$log" >&2; exit 1; }
done
CLUSTER_JOIN="$join" "$here/bin/skein" "$here/bench/cluster.skein"
