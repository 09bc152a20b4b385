#!/usr/bin/env bash
# Class unloading at the issue's scale: CompiledUnloadingTest with 100,000 distinct small scripts
# (each defines one hidden class) in one long-lived session and in fresh engines, metaspace
# after a full GC at five checkpoints. CI runs the same test with 20,000 (about a minute on two
# cores); this runs the full figure and prints the checkpoints.
#
#   bench/unloading.sh            # 100000 scripts per path
#   bench/unloading.sh 50000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n="${1:-100000}"
mvn -o -q -B test -Dtest='CompiledUnloadingTest' -Dskein.unloading.scripts="$n" -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -v SLF4J || true
grep -h "unloading:\|<testcase\|<failure" target/surefire-reports/TEST-dev.skein.interp.CompiledUnloadingTest.xml
