#!/usr/bin/env bash
# Host-object call cost (issue 19): ns per obj.method() in a warm Skein loop, compiled and on
# the tree, beside an empty loop, a bean getter, an overloaded method and a host function.
#   bench/host_calls.sh [N]        # N iterations per timing (default 5,000,000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -o -q -B -Dstyle.color=never test-compile >/dev/null 2>&1
mvn -o -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null 2>&1
uptime
"$java" -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" dev.skein.embed.HostCallBench "${1:-5000000}"
