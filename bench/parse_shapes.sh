#!/usr/bin/env bash
# Parse time of 1 MB sources of many shapes (issue 14: "a 1 MB source of any shape parses in
# under 2 s"): flat, long lists and chains, and nesting past the nesting limit (a SyntaxError,
# which must come as fast). Times are the parsing thread's CPU time, so a busy machine does not
# inflate them; wall time is printed too.
#
#   bench/parse_shapes.sh [BYTES] [SHAPE…]      # default 1048576 bytes, every shape
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${OUT_DIR:-bench/results/latest}"
mkdir -p "$out"
bin/skein --version >/dev/null   # builds target/skein.jar if needed
java_bin="$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n1)"
java_bin="${SKEIN_JAVA:-${java_bin:-java}}"
"$java_bin" -XX:+UseParallelGC -cp target/skein.jar bench/parse_shapes/ParseShapes.java "${1:-1048576}" "${@:2}" \
  | tee "$out/parse_shapes.txt"
