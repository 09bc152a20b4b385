#!/usr/bin/env bash
# The long run of the program fuzzer (the test suite runs a bounded one, ProgramFuzzTest):
# COUNT generated programs (grammar-aware, deep nesting, long chains, random tokens, mutated
# golden scripts, in turn), each in a fresh embedded engine with a 0.5 s time limit on a 1 MB
# thread. Prints every failure with its program and seed, a line every 1,000 programs, and the
# totals; exits 1 if anything failed.
#
#   bench/fuzz_programs.sh [COUNT] [SEED]        # default 100000 programs, seed 14
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/test_java.sh"
"$java_bin" -XX:+UseParallelGC -cp "$test_cp" \
  dev.skein.fuzz.ProgramFuzz "${1:-100000}" "${2:-14}" | tee "$out/fuzz_programs.txt"
