# Sourced by bench scripts that run a class from the test sources: builds them and sets
# $java_bin (a JDK 25 if installed, else SKEIN_JAVA or java), $test_cp (test and main classes
# plus the test class path) and $out (OUT_DIR, default bench/results/latest).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${OUT_DIR:-bench/results/latest}"
mkdir -p "$out"
mvn -o -q -B test-compile
mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
java_bin="$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n1)"
java_bin="${SKEIN_JAVA:-${java_bin:-java}}"
test_cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
