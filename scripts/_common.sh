# Shared by the scripts in this folder: run from the repository root, build when sources changed, start the JVM
# from the class path the Maven build writes (target/classpath.txt), without Maven on the hot path.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ensure_built() {
  local stamp=target/classpath.txt
  if [[ ! -f "$stamp" || ! -d target/test-classes || pom.xml -nt "$stamp" \
        || -n "$(find src kiosk-config -newer "$stamp" -type f -print -quit 2>/dev/null)" ]]; then
    echo "building (sources changed)..." >&2
    mvn -q -o -DskipTests test-compile >&2 || mvn -q -DskipTests test-compile >&2
    touch "$stamp"
  fi
}

# The application: main classes only, so the production logback.xml applies.
run_java() {
  ensure_built
  exec java ${JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" "$@"
}

# Test tools (chaos, benchmarks): main and test classes.
run_test_java() {
  ensure_built
  exec java ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" "$@"
}
