#!/usr/bin/env bash
# Runs the complexity benchmark (bench/complexity.skein) and keeps its output. A benchmark,
# not a test: it reports per-call costs at n and 100·n and flags cases whose cost grows more
# than their complexity class allows; the exit status is 0 whatever it flags.
#
#   bench/complexity.sh                          # n=5000 and 500000, every case
#   bench/complexity.sh only=random budget=0.3   # arguments go to the script
#   SKEIN_JAR=/tmp/old.jar bench/complexity.sh   # time another build (e.g. before a change)
#
# Output: the table on stdout and in $OUT_DIR/complexity.txt (default bench/results/latest),
# its JSON line in $OUT_DIR/complexity.jsonl. See bench/COMPLEXITY.md.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
OUT="${OUT_DIR:-bench/results/latest}"
mkdir -p "$OUT"

if [ -n "${SKEIN_JAR:-}" ]; then
  # The same JVM options as bin/skein, on a given jar (no start-up caches: they do not matter here).
  java_bin="${SKEIN_JAVA:-java}"
  cmd=("$java_bin" -Xss16m -XX:+UseParallelGC -jar "$SKEIN_JAR")
else
  cmd=(bin/skein)
fi

"${cmd[@]}" bench/complexity.skein "$@" | tee "$OUT/complexity.out"
grep -v '^{' "$OUT/complexity.out" > "$OUT/complexity.txt"
grep '^{' "$OUT/complexity.out" > "$OUT/complexity.jsonl"
rm -f "$OUT/complexity.out"
