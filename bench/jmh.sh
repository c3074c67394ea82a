#!/usr/bin/env bash
# Builds the JMH benchmarks (jmh/, profile jmh) and runs the capture scan benchmark:
#   (1) sequentialRead   read the capture and touch every byte (a long per 8 bytes)
#   (2) handWalk         a plain walk over every pcap record + Ethernet/IP/TCP header
#   (3) readerAndDecoder CaptureReaders + PacketDecoder on every record (what the scan does)
#   (3') readerAndReassemblingDecoder, the same with IP fragment reassembly on
# then prints GB/s per benchmark and the ratios (3)/(1), (3)/(2).
#
#   bench/jmh.sh                       # defaults: 1 fork, 3 warmups, 5 iterations, -prof gc
#   bench/jmh.sh -prof jfr             # extra JMH arguments are passed on
#   JMH_CAPTURE=/data/x.pcap JMH_SIZE_MIB=2048 JMH_WARMUPS=1 JMH_ITERATIONS=2 bench/jmh.sh
#   JMH_TASKSET="taskset -c 1" bench/jmh.sh   # pin the whole JVM to one CPU
#
# Each benchmark is single-threaded: one operation is one pass over the capture, a ~1 GiB classic
# pcap made by repeating the records of samples/pasv-download-ipv4-pureftpd-curl.pcap (written
# once to JMH_CAPTURE, default /tmp/ftprecon-jmh-1024m.pcap, and read from the page cache).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
CAPTURE=${JMH_CAPTURE:-/tmp/ftprecon-jmh-${JMH_SIZE_MIB:-1024}m.pcap}
RESULT=${JMH_RESULT:-/tmp/ftprecon-jmh-result.json}

mvn -B -q -Pjmh -pl jmh -am package -DskipTests -Dspotless.check.skip=true
${JMH_TASKSET:-} java -jar jmh/target/benchmarks.jar CaptureScanBenchmark \
    -f 1 -wi "${JMH_WARMUPS:-3}" -i "${JMH_ITERATIONS:-5}" -prof gc \
    -p path="$CAPTURE" -p sizeMiB="${JMH_SIZE_MIB:-1024}" \
    -rf json -rff "$RESULT" "$@"

python3 - "$RESULT" "$CAPTURE" <<'PY'
import json, os, sys
results = json.load(open(sys.argv[1]))
size = os.path.getsize(sys.argv[2])
gbps, alloc = {}, {}
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    ms = r["primaryMetric"]["score"]
    gbps[name] = size / 1e9 / (ms / 1000)
    norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm") or r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm")
    alloc[name] = norm["score"] if norm else float("nan")
print(f"\ncapture {sys.argv[2]}: {size} bytes")
for name in gbps:
    print(f"{name:32s} {gbps[name]:6.2f} GB/s   allocated per pass {alloc[name]:12.0f} B")
ours = gbps.get("readerAndDecoder")
if ours:
    for base in ("sequentialRead", "handWalk"):
        if base in gbps:
            print(f"readerAndDecoder / {base:16s} {ours / gbps[base]:.2f}")
PY
