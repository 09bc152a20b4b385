#!/usr/bin/env bash
# The long run of the codec frame fuzzer (src/test/java/dev/skein/process/FrameFuzzTest.java):
# damaged frames fed to the decoders in this JVM, and damaged task frames fed to real worker
# processes of a pool. The build runs it bounded (60,000 + 60); this runs FRAMES + WORKER_TASKS.
#   bench/fuzz_frames.sh [FRAMES=100000] [WORKER_TASKS=1000] [SEED=14]
# Prints the fuzzer's figures; any escaped Java exception or hung task fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
frames="${1:-100000}"
tasks="${2:-1000}"
seed="${3:-14}"
start=$(date +%s)
nice -n 19 mvn -o -B test -Dtest=FrameFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dskein.fuzz.frames="$frames" -Dskein.fuzz.workerTasks="$tasks" -Dskein.fuzz.seed="$seed" 2>&1 \
  | grep -E "frame fuzz|Tests run:|FAIL|ERROR" | grep -v "^\[INFO\] Tests run: .*Time elapsed" || true
echo "elapsed: $(( $(date +%s) - start )) s"
