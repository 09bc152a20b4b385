#!/usr/bin/env bash
# Runs each benchmark's Python twin and its Skein version in the same run, alternating, and
# prints a table: workload, metric, Python s, Skein s, ratio (Python/Skein: >1 means Skein is
# faster), plus each side's whole-process wall time.
#
#   bench/run.sh                          # every workload below, one pass
#   PASSES=3 bench/run.sh                 # three passes (medians in the table), order alternates
#   bench/run.sh interp_fib               # only some workloads
#
# A workload's Python twin is $SKEIN_PY_BENCH/NAME.py if the shared suite has one, else
# bench/python/NAME.py (twins kept in this repository: nbody, spectral_norm, fannkuch,
# word_count, cpu_tasks; they import the shared suite's benchutil through bench/python/benchutil_local.py).
#
# Env: SKEIN_PY_BENCH (the Python suite; default ../shared/bench/python from the repo root),
# PYTHON (default python3), PASSES (default 1), FACTORIZE_COUNT (default 20000, given to both),
# SKEIN_LOOPS_ONLY (e.g. loop_for,dict_count: only those interp_loops workloads on the Skein side),
# OUT_DIR (default bench/results/latest), BENCH_TIMEOUT (seconds one script may run, default
# 900). The Python scripts' own env (BENCH_REPS, BENCH_QUIET…) passes through, except that the Python suite's quiet-machine gate is off unless BENCH_QUIET=1:
# Skein has no such gate, and its waiting would count in Python's whole-process wall time.
# Each run's JSON line goes to $OUT_DIR/results.jsonl, stderr to $OUT_DIR/log.txt.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

PYDIR="${SKEIN_PY_BENCH:-../shared/bench/python}"
PY="${PYTHON:-python3}"
PASSES="${PASSES:-1}"
OUT="${OUT_DIR:-bench/results/latest}"
ALL=(interp_fib interp_loops factorize overhead_threads io_sleep primes overhead_procs transfer pbkdf2 factorial_sum
     nbody spectral_norm fannkuch word_count)
if [ $# -gt 0 ]; then WORKLOADS=("$@"); else WORKLOADS=("${ALL[@]}"); fi

[ -d "$PYDIR" ] || { echo "run.sh: Python benchmarks not found in $PYDIR (set SKEIN_PY_BENCH)" >&2; exit 2; }
export SKEIN_PY_BENCH="$PYDIR"   # for bench/python/benchutil_local.py

# py_script NAME: the Python twin of a workload (the shared suite's, else this repository's).
py_script() {
  if [ -f "$PYDIR/$1.py" ]; then echo "$PYDIR/$1.py"
  elif [ -f "bench/python/$1.py" ]; then echo "bench/python/$1.py"
  else return 1
  fi
}
for w in "${WORKLOADS[@]}"; do
  py_script "$w" >/dev/null || { echo "run.sh: no Python twin for $w in $PYDIR or bench/python" >&2; exit 2; }
  [ -f "bench/$w.skein" ] || { echo "run.sh: no bench/$w.skein" >&2; exit 2; }
done
mkdir -p "$OUT"
: > "$OUT/results.jsonl"
: > "$OUT/log.txt"

# Build the jar before anything is timed, so no run pays for it.
bin/skein --version >/dev/null 2>>"$OUT/log.txt" || { echo "run.sh: bin/skein does not start; see $OUT/log.txt" >&2; exit 2; }

failed=0

# run SIDE WORKLOAD PASS CMD...: appends {"side", "workload", "pass", "wall_s", "result"} to results.jsonl
run() {
  local side="$1" workload="$2" pass="$3"; shift 3
  echo "== pass $pass: $side $workload $(date -u +%H:%M:%S)" | tee -a "$OUT/log.txt" >&2
  local t0 t1 out status
  t0=$(date +%s.%N)
  out="$(timeout "${BENCH_TIMEOUT:-900}" "$@" 2>>"$OUT/log.txt")"
  status=$?
  t1=$(date +%s.%N)
  local json
  json="$(printf '%s\n' "$out" | grep '^{' | tail -n1)"
  if [ $status -ne 0 ] || [ -z "$json" ]; then
    echo "!! $side $workload failed (exit $status); see $OUT/log.txt" | tee -a "$OUT/log.txt" >&2
    failed=1
    json=null
  fi
  local wall
  wall="$(echo "$t1 - $t0" | bc)"
  [[ "$wall" == .* ]] && wall="0$wall"   # bc prints .75 for a run under a second: not JSON
  printf '{"side": "%s", "workload": "%s", "pass": %s, "wall_s": %s, "result": %s}\n' \
    "$side" "$workload" "$pass" "$wall" "$json" >> "$OUT/results.jsonl"
}

export BENCH_QUIET="${BENCH_QUIET:-0}"
count="${FACTORIZE_COUNT:-20000}"
for ((p = 1; p <= PASSES; p++)); do
  for w in "${WORKLOADS[@]}"; do
    py_cmd=("$PY" "$(py_script "$w")")
    sk_cmd=(bin/skein "bench/$w.skein")
    if [ "$w" = factorize ]; then sk_cmd+=("count=$count"); fi
    if [ "$w" = interp_loops ] && [ -n "${SKEIN_LOOPS_ONLY:-}" ]; then sk_cmd+=("only=$SKEIN_LOOPS_ONLY"); fi
    # Alternate which side goes first, so a slow stretch of the host does not always hit one.
    if (( p % 2 == 1 )); then
      FACTORIZE_COUNT="$count" BENCH_PASS=$p run python "$w" "$p" "${py_cmd[@]}"
      run skein "$w" "$p" "${sk_cmd[@]}"
    else
      run skein "$w" "$p" "${sk_cmd[@]}"
      FACTORIZE_COUNT="$count" BENCH_PASS=$p run python "$w" "$p" "${py_cmd[@]}"
    fi
  done
done

"$PY" bench/compare.py "$OUT/results.jsonl" | tee "$OUT/table.md"
exit $failed
