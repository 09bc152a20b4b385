#!/usr/bin/env bash
# The golden scripts under load: runs the golden scripts and examples whose names match REGEX
# ROUNDS times on both engines (dev.skein.GoldenSoak, in one JVM as Surefire runs them) while
# BUSY spinning shell loops compete for the cores, and prints every failure with its report.
# Timing-dependent scripts (sleeps, timeouts, completion order) must pass every round. With
# FRESH=1 each run gets a new JVM (cold JIT, first compiles: harsher, as a CLI run is).
#
#   bench/soak_goldens.sh [ROUNDS] [REGEX]       # default 5 rounds of every script, BUSY=4
#   BUSY=0 bench/soak_goldens.sh 20 'concurrency/|processes/'
#   FRESH=1 bench/soak_goldens.sh 3 '^(concurrency|processes|conformance)/'
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/test_java.sh"
busy=()
stop_busy() { for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop_busy EXIT
for ((i = 0; i < ${BUSY:-4}; i++)); do (while :; do :; done) & busy+=($!); done
# Surefire's argLine (pom.xml), so the scripts run as they do in CI.
"$java_bin" -Xss16m -XX:+UseParallelGC -Dskein.compile.check=on \
  -cp "$test_cp" \
  dev.skein.GoldenSoak "${1:-5}" "${2:-.*}" ${FRESH:+fresh} | tee "$out/soak_goldens.txt"
