#!/usr/bin/env bash
# Shared by bin/ftp-reconstruct and bin/ftp-index-sql: builds the project when needed and runs a
# main class on an embedded Spark with the Maven-resolved Spark jars.
set -euo pipefail

FTPRECON_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_JAR="$(ls "$FTPRECON_HOME"/jobs/target/ftprecon-jobs-*-app.jar 2>/dev/null | head -n 1 || true)"
CLASSPATH_FILE="$FTPRECON_HOME/jobs/target/local-spark.classpath"

needs_build() {
  [ -z "$APP_JAR" ] || [ ! -f "$CLASSPATH_FILE" ] && return 0
  # Rebuild when any source or pom is newer than the application jar.
  [ -n "$(find "$FTPRECON_HOME/common/src/main" "$FTPRECON_HOME/jobs/src/main" \
      "$FTPRECON_HOME/pom.xml" "$FTPRECON_HOME/common/pom.xml" "$FTPRECON_HOME/jobs/pom.xml" \
      -newer "$APP_JAR" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "ftprecon: building the project (mvn -DskipTests package) ..." >&2
  (cd "$FTPRECON_HOME" && mvn -B -q -DskipTests -Dspotless.check.skip=true package) >&2
  APP_JAR="$(ls "$FTPRECON_HOME"/jobs/target/ftprecon-jobs-*-app.jar | head -n 1)"
fi

# Spark on JDK 17 needs these module opens (Spark's own JavaModuleOptions).
SPARK_JVM_OPENS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

# conf/spark-defaults.conf ("key value" lines) becomes -Dkey=value: SparkConf reads spark.* system
# properties, and --conf or spark-submit settings still win.
SPARK_DEFAULTS=()
if [ -f "$FTPRECON_HOME/conf/spark-defaults.conf" ]; then
  while read -r key value; do
    case "$key" in ''|'#'*) continue ;; esac
    SPARK_DEFAULTS+=("-D$key=$value")
  done < "$FTPRECON_HOME/conf/spark-defaults.conf"
fi

# The launchers run Spark on this machine: bind it to loopback, not whatever the hostname resolves to.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# JVM flags measured on bench captures (README "Benchmark"): the parallel collector spends less
# CPU than G1 on this batch work. FTPRECON_JAVA_OPTS replaces them (and the two sets below).
DEFAULT_JAVA_OPTS="-Xmx2g -XX:+UseParallelGC"

# Runs that are not small (below) compile methods later than by default (C2 after about 40,000
# calls instead of 5,000): Spark's planner, Java serialization and Janino ran warm enough for C2
# to spend 9-10 of a 4.93 GB run's ~40 CPU-seconds compiling them; with these thresholds the run
# took ~1.5 CPU-s less and a median 22.5 s instead of 23.75 s (3 alternating runs each). Small
# runs keep the default thresholds: with C1 alone they made an 11 MB run ~0.3 s slower.
LARGE_RUN_JAVA_OPTS="-XX:CompileThresholdScaling=2 -XX:Tier4InvocationThreshold=20000 -XX:Tier4CompileThreshold=30000"
# They also keep warm-but-not-hot code (Spark's planner, Janino, Java serialization...) out of C2
# with the compiler directives in conf/jit-directives.json (measured there). The JVM announces
# the file on its console ("1 compiler directives added"), sent to stderr: stdout is the job's.
LARGE_RUN_DIRECTIVES=(-XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutputToStderr
  "-XX:CompilerDirectivesFile=$FTPRECON_HOME/conf/jit-directives.json")

# Small local runs compile with C1 only (-XX:TieredStopAtLevel=1). Most of a small run is JVM and
# Spark start-up code, run a few thousand times each: C2 recompiling it (with C1's profiling code in
# between) cost ~7 of ~15 CPU-seconds of the 4 MB samples/ run (README "Fixed cost"). Long runs keep
# C2, which their hot loops (record parsing, reassembly, SHA-256) need. A run counts as small when
# ftp-reconstruct runs on a local master and its INPUTs are local paths totalling at most
# FTPRECON_SMALL_BYTES (default 32 MiB); a URI, a glob or a missing path makes it large. Only with
# the default JVM options (FTPRECON_JAVA_OPTS unset).
SMALL_RUN_JAVA_OPTS="-XX:TieredStopAtLevel=1"

# ftp-reconstruct options that take no value; every other option takes the next argument.
FLAG_OPTIONS=" -h --help --mask-passwords --no-control-detection --fail-on-damaged --incremental "

small_local_run() {
  local limit="${FTPRECON_SMALL_BYTES:-33554432}" total=0 arg bytes skip=0 value_of=""
  for arg in "$@"; do
    if [ "$skip" = 1 ]; then
      skip=0
      [ "$value_of" = --master ] && case "$arg" in local*) ;; *) return 1 ;; esac
      continue
    fi
    case "$arg" in
      -?*) case "$FLAG_OPTIONS" in *" $arg "*) ;; *) skip=1; value_of="$arg" ;; esac; continue ;;
    esac
    [ -e "$arg" ] || return 1
    bytes="$(du -sbL -- "$arg" 2>/dev/null | cut -f1)" || return 1
    total=$((total + ${bytes:-0}))
    [ "$total" -le "$limit" ] || return 1
  done
  [ "$total" -gt 0 ]
}

# Class data sharing (JDK AppCDS): the first run after a build records the classes it loaded in an
# archive beside the application jar (once: that run ends a little later); later runs map them
# instead of loading and verifying them again, which saves seconds of CPU at every start.
# FTPRECON_CDS=off runs without it. A stale archive (older than the jar or the classpath) is
# replaced; one the JVM finds mismatched is ignored, quietly.
CDS_ARCHIVE="${APP_JAR%.jar}.jsa"

cds_current() {
  [ -s "$CDS_ARCHIVE" ] && [ ! "$APP_JAR" -nt "$CDS_ARCHIVE" ] \
    && [ ! "$CLASSPATH_FILE" -nt "$CDS_ARCHIVE" ]
}

run_main() {
  local main="$1"; shift
  local java_opts="${FTPRECON_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}" directives=()
  if [ -z "${FTPRECON_JAVA_OPTS:-}" ] && [ "$main" = dev.ftprecon.jobs.FtpReconstructMain ]; then
    if small_local_run "$@"; then
      java_opts="$java_opts $SMALL_RUN_JAVA_OPTS"
    else
      java_opts="$java_opts $LARGE_RUN_JAVA_OPTS"
      directives=("${LARGE_RUN_DIRECTIVES[@]}")
    fi
  fi
  local cmd=(java $java_opts "${directives[@]}" "${SPARK_JVM_OPENS[@]}"
    "${SPARK_DEFAULTS[@]}" -Dlog4j2.configurationFile="file:$FTPRECON_HOME/conf/log4j2.properties"
    -cp "$APP_JAR:$(cat "$CLASSPATH_FILE")")
  if [ "${FTPRECON_CDS:-on}" = off ]; then
    exec "${cmd[@]}" "$main" "$@"
  elif cds_current; then
    exec "${cmd[@]}" -XX:SharedArchiveFile="$CDS_ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off \
      "$main" "$@"
  fi
  # Written under a name of this run's own, then moved: concurrent first runs never share a file.
  local tmp="$CDS_ARCHIVE.$$" rc=0
  "${cmd[@]}" -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "$main" "$@" || rc=$?
  if [ -s "$tmp" ]; then mv -f "$tmp" "$CDS_ARCHIVE"; else rm -f "$tmp"; fi
  exit "$rc"
}
