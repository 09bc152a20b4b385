#!/usr/bin/env bash
# What recording a timeline (skein --trace) costs on the per-task overhead benchmarks: runs
# bench/overhead_threads.skein and bench/overhead_procs.skein without and with --trace,
# alternating, and prints each run's submit/map rows (µs per task) and the median ratio on/off.
#
#   bench/trace_overhead.sh            # 3 alternations of each
#   PASSES=5 OVERHEAD_THREADS_N=100000 bench/trace_overhead.sh
#
# Env: PASSES (default 3), OVERHEAD_THREADS_N (default 20000: a trace of the default 100000
# holds 1.2 million tasks), OVERHEAD_PROCS_N (passed through), BENCH_REPS (passed through).
# Report the figures with `uptime` beside them: on a loaded machine they vary more than 5 %.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export OVERHEAD_THREADS_N="${OVERHEAD_THREADS_N:-20000}"
PASSES="${PASSES:-3}"
trace="$(mktemp -d)"
trap 'rm -rf "$trace"' EXIT
bin/skein --version >/dev/null || exit 2
uptime
for bench in overhead_threads overhead_procs; do
  for pass in $(seq "$PASSES"); do
    for mode in off on; do
      args=()
      [ "$mode" = on ] && args=(--trace "$trace/$bench.json")
      bin/skein "${args[@]}" "bench/$bench.skein" | grep '^{' | tail -n1 |
        python3 -c "import json,sys; m=json.load(sys.stdin)['metrics']; print('$bench', '$mode', json.dumps({k: round(v, 3) for k, v in m.items() if 'per_task' in k}))"
    done
  done
done | tee "$trace/rows.txt"
python3 - "$trace/rows.txt" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    bench, mode, metrics = line.split(' ', 2)
    for k, v in json.loads(metrics).items():
        rows.setdefault((bench, k), {}).setdefault(mode, []).append(v)
for (bench, k), by in sorted(rows.items()):
    off, on = statistics.median(by['off']), statistics.median(by['on'])
    print(f"{bench:18} {k:40} off {off:8.3f}  on {on:8.3f}  on/off {on / off:5.2f}")
PY
uptime
