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

# AppCDS: a class-data archive of the kiosk's own classes (JavaFX, Jackson, SQLite, logback, ours), made once per build
# by a headless start on a scratch copy of the simulation config, then mapped by every later start instead of parsing
# and verifying thousands of classes again. The JVM archives classes only from jars, so our classes go into
# target/cds/kiosk.jar first. A stale or unusable archive is only a slower start, never a failure.
cds_dir=target/cds
cds_archive=$cds_dir/kiosk.jsa

ensure_cds() {
  ensure_built
  [[ "${KIOSK_CDS:-1}" == "0" ]] && return 0
  if [[ -f "$cds_archive" && "$cds_archive" -nt target/classpath.txt ]]; then
    return 0
  fi
  mkdir -p "$cds_dir"
  rm -f "$cds_archive" "$cds_dir/kiosk.jar"
  jar --create --file "$cds_dir/kiosk.jar" -C target/classes . || return 0
  local scratch
  scratch=$(mktemp -d)
  cp -r kiosk-config "$scratch/kiosk-config"
  echo "making the class-data archive for a faster start (once per build)..." >&2
  if ! java -XX:ArchiveClassesAtExit="$cds_archive" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
      -Dprism.order=sw -Dheadless.geometry=2000x2000-32 -cp "$cds_dir/kiosk.jar:$(cat target/classpath.txt)" \
      org.topupkiosk.app.KioskMain --config "$scratch/kiosk-config/kiosk.yaml" --measure-start >/dev/null 2>&1 \
      || [[ ! -f "$cds_archive" ]]; then
    echo "class-data archive not made; starting without it" >&2
    rm -f "$cds_archive"
  fi
  rm -rf "$scratch"
}

# The kiosk window: like run_java, but from the archived jar and its class-data archive when they exist.
run_kiosk_java() {
  ensure_cds
  if [[ -f "$cds_archive" && "${KIOSK_CDS:-1}" != "0" ]]; then
    exec java ${JAVA_OPTS:-} -XX:SharedArchiveFile="$cds_archive" -Xshare:auto \
      -cp "$cds_dir/kiosk.jar:$(cat target/classpath.txt)" "$@"
  fi
  exec java ${JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" "$@"
}
