#!/usr/bin/env bash
# Builds the JMH benchmarks (jmh/, profile jmh) and runs AssemblyBenchmark, the per-transfer hot
# loop of the assembly: a plain copy loop (ceiling), MD5 alone (floor of anything that digests with
# MD5), the loop with the digests on the writing thread (before) and on threads of their own (now),
# each to a null sink and to a file, and the StreamAssembler alone keeping every byte for comparing
# later copies or none (assemblerKeeping, assemblerUncompared); then prints GB/s per benchmark and
# sink.
#
#   bench/jmh-assembly.sh                          # 1 GiB per operation, 2 warmups, 3 iterations
#   JMH_SIZE_MIB=256 bench/jmh-assembly.sh -p sink=null
#   JMH_TASKSET="taskset -c 1" bench/jmh-assembly.sh   # the writer and digests on one CPU
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
RESULT=${JMH_RESULT:-/tmp/ftprecon-jmh-assembly.json}
SIZE_MIB=${JMH_SIZE_MIB:-1024}

[ -n "${JMH_NO_BUILD:-}" ] || mvn -B -q -Pjmh -pl jmh -am package -DskipTests -Dspotless.check.skip=true
echo "load: $(uptime)"
${JMH_TASKSET:-} java -jar jmh/target/benchmarks.jar AssemblyBenchmark \
    -f 1 -wi "${JMH_WARMUPS:-2}" -i "${JMH_ITERATIONS:-3}" -p sizeMiB="$SIZE_MIB" \
    -rf json -rff "$RESULT" "$@"
echo "load: $(uptime)"

python3 - "$RESULT" "$SIZE_MIB" <<'PY'
import json, sys
size = int(sys.argv[2]) << 20
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    ms, err = r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]
    print(f"{name:16s} sink={r['params']['sink']:5s} {size / 1e9 / (ms / 1000):6.2f} GB/s"
          f"  ({ms:8.1f} ± {err:6.1f} ms per {size >> 20} MiB)")
PY
