#!/usr/bin/env bash
# How deep a Skein recursion goes before RecursionError on each CLI path (the main thread, a
# threads() pool thread, a virtual() thread, a processes() worker), compiled and on the node tree
# (--no-compile). LIMIT (default 1,000,000) is the recursion limit: a path that prints
# "limit LIMIT" reached it; one that prints "the thread's stack is full at depth N" ran out of
# stack at N. The default limit (20,000) is reached on every path either way (CompiledRecursionTest).
#
#   bench/recursion_depth.sh [LIMIT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
limit="${1:-1000000}"
script="$(mktemp --suffix=.skein)"
trap 'rm -f "$script"' EXIT
cat > "$script" <<'SKEIN'
fn down(n) { return down(n + 1) }
fn probe() {
    try { down(0) } catch RecursionError as e { return e.message }
    return "no error"
}
with virtual() as p { print("virtual  ", await (submit probe() to p)) }
print("main     ", probe())
with threads(1) as p { print("threads  ", await (submit probe() to p)) }
with processes(1) as p { print("processes", await (submit probe() to p)) }
SKEIN
for mode in compiled tree; do
  flag=(); [ "$mode" = tree ] && flag=(--no-compile)
  echo "== $mode"
  start=$(date +%s%N)
  bin/skein --recursion-limit "$limit" "${flag[@]}" "$script"
  echo "($(( ($(date +%s%N) - start) / 1000000 )) ms)"
done
