#!/usr/bin/env bash
# The job on a Spark standalone cluster on loopback (README "Benchmark"): one Master and one Worker
# started from the project's Maven-resolved Spark jars, the application jar submitted through
# SparkSubmit in client mode (what spark-submit runs), alternating ROUNDS rounds of:
#   plain  the JVMs' defaults (G1, default JIT thresholds), as a user would first submit it;
#   flags  the JVM flags bin/ftp-reconstruct gives large local runs (bin/spark-env.sh), on the
#          executors through spark.executor.extraJavaOptions and on the client-mode driver's JVM;
#   gc-jit the same without the compiler directives file, which every node would need at the
#          same path (JVM flags are read before --files reach an executor).
# Both take the launchers' conf/spark-defaults.conf. Prints wall time, peak RSS of the driver and
# how many files match the capture's sha256 manifest.
#
# usage: bench/cluster.sh CAPTURE MANIFEST
# env:   ROUNDS (3)  VARIANTS ("plain flags gc-jit")  CORES (nproc)  EXECUTOR_MEMORY (2g)  DRIVER_MEMORY (1g)
#        WORK (/tmp/ftprecon-cluster-bench)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CAPTURE="$(realpath "$1")"
MANIFEST="$(realpath "$2")"
ROUNDS="${ROUNDS:-3}"
CORES="${CORES:-$(nproc)}"
EXECUTOR_MEMORY="${EXECUTOR_MEMORY:-2g}"
DRIVER_MEMORY="${DRIVER_MEMORY:-1g}"
WORK="${WORK:-/tmp/ftprecon-cluster-bench}"
TIME=/usr/bin/time

# The launcher's jars and JVM flags, from the one place that defines them.
# shellcheck source=../bin/spark-env.sh
source "$ROOT/bin/spark-env.sh"
FLAGS="$DEFAULT_JAVA_OPTS $LARGE_RUN_JAVA_OPTS ${LARGE_RUN_DIRECTIVES[*]}"
FLAGS="${FLAGS/-Xmx2g /}"   # heap sizes come from the executor and driver memory settings
GC_JIT_FLAGS="${DEFAULT_JAVA_OPTS/-Xmx2g /} $LARGE_RUN_JAVA_OPTS"
VARIANTS="${VARIANTS:-plain flags gc-jit}"

rm -rf "$WORK"
mkdir -p "$WORK/spark-home/jars"
tr ':' '\n' < "$CLASSPATH_FILE" | while read -r jar; do
  [ -f "$jar" ] && ln -sf "$jar" "$WORK/spark-home/jars/"
done
export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
unset SPARK_CONF_DIR

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

spark_java() { # heap main-class args...
  local heap="$1"; shift
  java "-Xmx$heap" "${SPARK_JVM_OPENS[@]}" -Dspark.master.rest.enabled=false \
    -cp "$SPARK_HOME/jars/*" "$@"
}

await() { # log pattern
  for _ in $(seq 1 180); do
    grep -qE "$2" "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "timed out waiting for '$2' in $1" >&2
  exit 1
}

spark_java 256m org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 \
  --webui-port 0 > "$WORK/master.log" 2>&1 &
pids+=($!)
await "$WORK/master.log" "Starting Spark master at spark://"
MASTER="$(grep -oE 'spark://127\.0\.0\.1:[0-9]+' "$WORK/master.log" | head -n 1)"
mkdir -p "$WORK/worker"
spark_java 256m org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
  --cores "$CORES" --memory "$(( ${EXECUTOR_MEMORY%g} + 1 ))g" --work-dir "$WORK/worker" \
  "$MASTER" > "$WORK/worker.log" 2>&1 &
pids+=($!)
await "$WORK/worker.log" "Successfully registered with master"

awk '{print $1}' "$MANIFEST" | sort > "$WORK/expected.sums"
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

run() { # variant round
  local out="$WORK/out" log="$WORK/time-$1.log" driver_flags=() conf=()
  rm -rf "$out"
  sync
  local flags=""
  case "$1" in
    flags) flags="$FLAGS" ;;
    gc-jit) flags="$GC_JIT_FLAGS" ;;
  esac
  if [ -n "$flags" ]; then
    # shellcheck disable=SC2206 # a list of JVM options
    driver_flags=($flags)
    conf=(--conf "spark.executor.extraJavaOptions=$flags")
  fi
  $TIME -v java "-Xmx$DRIVER_MEMORY" "${driver_flags[@]}" "${SPARK_JVM_OPENS[@]}" \
    -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit --master "$MASTER" \
    --deploy-mode client --class dev.ftprecon.jobs.FtpReconstructMain \
    --properties-file "$ROOT/conf/spark-defaults.conf" \
    --conf "spark.executor.memory=$EXECUTOR_MEMORY" --conf "spark.executor.cores=$CORES" \
    "${conf[@]}" "$APP_JAR" -o "$out" "$CAPTURE" > "$WORK/stdout-$1.log" 2> "$log" || true
  grep -q "Exit status: 0" "$log" || echo "$1 failed, see $log" >&2
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mib "$log")
  echo "$1 $2 $wall $rss $(matching "$out/files" "$WORK/expected.sums")"
  rm -rf "$out"
}

echo "cluster $MASTER: 1 worker, $CORES cores, executor $EXECUTOR_MEMORY; capture $CAPTURE" \
  "($(stat -c %s "$CAPTURE") bytes, $(wc -l < "$MANIFEST") files); rounds: $ROUNDS" >&2
# shellcheck disable=SC2086 # VARIANTS is a list of names
alternate "$ROUNDS" "$WORK/results.txt" $VARIANTS
awk '{ w[$1] = w[$1] " " $3; m[$1] = m[$1] " " $5 }
  END { for (v in w) printf "%-6s walls:%s  files exact:%s\n", v, w[v], m[v] }' "$WORK/results.txt"
