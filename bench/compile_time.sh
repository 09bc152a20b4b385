#!/usr/bin/env bash
# Compile time and start-up (issue 13's targets: compiling a 2,000-line script under 100 ms;
# bin/skein on hello world no slower than ~0.4 s wall, and the README's "about 0.1 s").
#
#   bench/compile_time.sh [RUNS]        # default 5 runs of each measurement
#
# 1. bench/compile_time/generate.py writes a 2,000-line script of realistic functions.
# 2. CompileTime (a fresh JVM per run, the jar on the class path, no AOT cache) times parsing and
#    resolve + node tree + bytecode of that script the first time in the JVM (cold: what a
#    script run pays), then the best of 20 more compiles in fresh interpreters (warm); with the
#    compiler on (lazy: functions compile at their first call, so none here), eager (every
#    function as the script loads) and off (--no-compile), so the bytecode stage's own share shows;
#    then "on" again with bin/skein's AOT cache (classes loaded and linked, as a script run has
#    them), and the parse split into its stages (ParseStages). Each row has wall times and the compiling thread's CPU times (*_cpu_ms), which a
#    loaded machine disturbs less.
# 3. Wall time of bin/skein (with its start-up caches, as users run it) on hello world (and of
#    the java command it execs, run directly, so the launcher's own cost shows), on the
#    generated script (which only defines its functions and calls one), and the latter with
#    --no-compile.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
out="${OUT_DIR:-bench/results/latest}"
mkdir -p "$out" target/bench-classes

hello="target/bench-classes/hello.skein"
echo 'print("hello, world")' > "$hello"
bin/skein "$hello" >/dev/null   # builds the jar and trains the start-up caches if needed
java_bin="$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n1)"
java_bin="${SKEIN_JAVA:-${java_bin:-java}}"
javac_bin="$(dirname "$java_bin")/javac"
"$javac_bin" -d target/bench-classes -cp target/skein.jar bench/compile_time/CompileTime.java bench/compile_time/ParseStages.java

gen="target/bench-classes/gen2000.skein"
python3 bench/compile_time/generate.py 2000 > "$gen"

echo "# compile of $(wc -l < "$gen") lines in a fresh JVM (ms), $runs runs each" | tee "$out/compile_time.txt"
# on: functions compile at their first call (the default); eager: all as the script loads
# (-Dskein.compile.after=-1, with the top level, as before compiling was lazy); off: the tree only.
for mode in on eager off; do
  props=(); [ "$mode" = eager ] && props=(-Dskein.compile.after=-1 -Dskein.compile.toplevel=on)
  for _ in $(seq "$runs"); do
    "$java_bin" "${props[@]}" -Xss16m -XX:+UseParallelGC -XX:TieredStopAtLevel=4 -cp target/skein.jar:target/bench-classes CompileTime "$gen" "$mode" 20
  done
done | tee -a "$out/compile_time.txt"
aot="$root/target/skein.aot"   # trained by bin/skein above, for -cp "$root/target/skein.jar"; extra class path entries may follow
if [ -f "$aot" ]; then
  for _ in $(seq "$runs"); do
    "$java_bin" -XX:AOTCache="$aot" -Xlog:aot=error -Xss16m -XX:+UseParallelGC -Xmn64m -XX:TieredStopAtLevel=4 \
      -cp "$root/target/skein.jar:target/bench-classes" CompileTime "$gen" on-aot-cache 20
  done | tee -a "$out/compile_time.txt"
  # The parse split into stages (lexer and parser class set-up, lexing, parsing, AST, nesting
  # check), cold, with the same cache: which of them a change moved.
  for _ in $(seq "$runs"); do
    "$java_bin" -XX:AOTCache="$aot" -Xlog:aot=error -Xss16m -XX:+UseParallelGC -Xmn64m -XX:TieredStopAtLevel=4 \
      -cp "$root/target/skein.jar:target/bench-classes" dev.skein.syntax.ParseStages "$gen" stages 10
  done | tee -a "$out/compile_time.txt"
fi

wall() {  # median wall seconds of $runs runs of the command
  local times=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.3f s (min %.3f, max %.3f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'
}
{
  echo "# bin/skein wall time, $runs runs"
  echo "hello world:                 $(wall bin/skein "$hello")"
  eval "direct=($(SKEIN_SHOW_COMMAND=1 bin/skein))"   # the java command bin/skein execs (printed %q-quoted)
  echo "hello world, java directly:  $(wall "${direct[@]}" "$hello")   (bin/skein's own cost is the difference)"
  echo "hello world, --no-compile:   $(wall bin/skein --no-compile "$hello")"
  echo "2000-line script:            $(wall bin/skein "$gen")"
  echo "2000-line script, eager:     $(JAVA_TOOL_OPTIONS=-Dskein.compile.after=-1 wall bin/skein "$gen")"
  echo "2000-line script, --no-compile: $(wall bin/skein --no-compile "$gen")"
} | tee -a "$out/compile_time.txt"
