#!/usr/bin/env bash
# The containers stress test at the issue's full size: 8 threads x every mutating method of
# list, dict and set x OPS operations (default 100,000), compiled and on the node tree
# (src/test/resources/stress/containers.skein; CI runs it with 2,000).
#
#   bench/stress_containers.sh            # 100,000 operations per thread and method
#   OPS=20000 bench/stress_containers.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec mvn -o -q -B test -Dtest=ContainerStressTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dskein.stress.ops="${OPS:-100000}" "$@"
