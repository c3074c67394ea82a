#!/usr/bin/env bash
# Make the fault captures (testdata/faults/): clean samples damaged in one
# controlled way each, with their expected outcomes. See testdata/faults/README.md.
#
#   scripts/make-fault-captures.sh              # rewrite testdata/faults/
#   scripts/make-fault-captures.sh OUT_DIR      # write elsewhere (e.g. to compare)
#   MVN_FLAGS=-o scripts/make-fault-captures.sh # offline Maven
#
# The generator (dev.ftprecon.faults.FaultGenerator, common's test scope) is
# deterministic: a rerun gives the same bytes, and FaultGeneratorTest fails when
# the committed files differ from what it writes. Needs only a JDK 17 and Maven;
# when tshark is installed, every written capture is checked for bad checksums.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$REPO/testdata/faults}
cd "$REPO"

# Incremental: compiles common's main and test classes only if they changed.
mvn -B -q ${MVN_FLAGS:-} -pl common test-compile

# Remove earlier outputs so a renamed or dropped behaviour leaves nothing stale.
mkdir -p "$OUT"
find "$OUT" -maxdepth 1 -type f \( -name '*.expected.json' -o -name '*.pcap' -o -name '*.pcap[0-9]' \) -delete

java -cp common/target/classes:common/target/test-classes \
  dev.ftprecon.faults.FaultGenerator "$REPO" "$OUT"

if command -v tshark >/dev/null; then
  bad=0
  for f in "$OUT"/*.pcap "$OUT"/*.pcap[0-9]; do
    n=$(tshark -n -r "$f" -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE \
      -Y 'tcp.checksum.status == 0 || ip.checksum.status == 0' -T fields -e frame.number 2>/dev/null | wc -l)
    if [ "$n" -ne 0 ]; then
      echo "BAD: $n frames with a bad checksum in $f" >&2
      bad=1
    fi
  done
  [ "$bad" -eq 0 ] && echo "tshark: every checksum correct"
  exit "$bad"
fi
