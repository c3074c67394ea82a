#!/usr/bin/env bash
# Make the hostile-name capture (testdata/hostile/): a real download session copied
# 14 times with its RETR line rewritten to a hostile name per copy
# (HostileNamesCapture), and the hostile control-channel captures in
# testdata/hostile/control/ (HostileControlCaptures), both in
# common/src/test/java/dev/ftprecon/faults/.
#
#   scripts/make-hostile-captures.sh              # rewrite testdata/hostile/
#   scripts/make-hostile-captures.sh OUT_DIR      # write elsewhere (e.g. to compare)
#
# Deterministic: HostileNamesCaptureTest fails when the committed files differ from
# what it writes. When tshark is installed, checksums and the rewritten RETR lines
# are checked.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$REPO/testdata/hostile}
cd "$REPO"
mvn -B -q ${MVN_FLAGS:-} -pl common test-compile
java -cp common/target/classes:common/target/test-classes \
  dev.ftprecon.faults.HostileNamesCapture "$REPO" "$OUT"
java -cp common/target/classes:common/target/test-classes \
  dev.ftprecon.faults.HostileControlCaptures "$REPO" "$OUT/control"

if command -v tshark >/dev/null; then
  f=$OUT/hostile-names.pcap
  bad=$(tshark -n -r "$f" -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE \
    -Y 'tcp.checksum.status == 0 || ip.checksum.status == 0' -T fields -e frame.number | wc -l)
  echo "tshark: $bad frames with a bad checksum; RETR commands seen:"
  tshark -n -r "$f" -d tcp.port==2121,ftp -Y 'ftp.request.command == "RETR"' -T fields \
    -e tcp.srcport -e ftp.request.arg 2>/dev/null | cut -c1-80
  [ "$bad" -eq 0 ]
  for c in "$OUT"/control/*.pcap; do
    bad=$(tshark -n -r "$c" -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE \
      -Y 'tcp.checksum.status == 0 || ip.checksum.status == 0 || tcp.analysis.flags' \
      -T fields -e frame.number | wc -l)
    echo "tshark: $c: $bad frames with a bad checksum or a TCP problem"
    [ "$bad" -eq 0 ]
  done
fi
