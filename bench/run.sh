#!/usr/bin/env bash
# Benchmark (see README.md, "Benchmark"): generates a large realistic capture (one multi-GiB FTP
# download whose sequence numbers wrap, plus hundreds of small concurrent FTP sessions) and runs,
# alternating, N rounds of: ftprecon with local[2] and local[1] (bin/ftp-reconstruct), tshark's
# ftp-data export, and a single-pass decode loop (the ceiling). Prints wall time, MB/s, peak RSS,
# the ratio to tshark and how many files match the generator's sha256 manifest.
#
# usage: bench/run.sh [SIZE]            SIZE of the large download, e.g. 1g, 4g (default 4g)
# env:   BENCH_DIR (default /tmp)       work directory; the capture stays there for reuse
#        ROUNDS (3)  SMALL (300)  SMALL_MAX (2m)  SEED (1)
#        TOOLS ("ours2 ours2-nomd5 tshark ceiling ours1")   which runs, in the order of each round:
#          ours1, ours2         ftprecon with local[1], local[2] (default settings)
#          ours2-nomd5          local[2] with --conf spark.ftprecon.output.md5=false
#          ours1-onecore, ours2-onecore   local[1] / local[2] pinned to one core (taskset -c 0):
#                               what one core does, since local[1] alone still uses both cores
#                               (its digest and write threads, the JIT, the GC)
#          ceiling-digests      the ceiling with every digest the index carries (the capture's
#                               SHA-256, each file's SHA-256 and MD5), still on one core
#        OURS_ARGS ("")                  extra options for bin/ftp-reconstruct (e.g. --conf k=v)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${1:-4g}"
WORK="${BENCH_DIR:-/tmp}/ftprecon-bench"
ROUNDS="${ROUNDS:-3}"
SMALL="${SMALL:-300}"
SMALL_MAX="${SMALL_MAX:-2m}"
SEED="${SEED:-1}"
TOOLS="${TOOLS:-ours2 ours2-nomd5 tshark ceiling ours1}"
CAPTURE="$WORK/capture-$SIZE-$SMALL-$SEED.pcap"
MANIFEST="$CAPTURE.sha256"
TIME=/usr/bin/time
mkdir -p "$WORK"

if [ ! -f "$ROOT/jobs/target/test-classes/dev/ftprecon/bench/SyntheticCapture.class" ] \
    || [ ! -f "$ROOT/common/target/classes/dev/ftprecon/packet/PacketDecoder.class" ]; then
  (cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package) >&2
fi
BENCH_CP="$ROOT/jobs/target/test-classes:$ROOT/common/target/classes"

if [ ! -f "$MANIFEST" ]; then
  echo "generating $CAPTURE ..." >&2
  java -cp "$BENCH_CP" dev.ftprecon.bench.SyntheticCapture --out "$CAPTURE" --manifest "$MANIFEST" \
    --big "$SIZE" --small "$SMALL" --small-max "$SMALL_MAX" --seed "$SEED"
fi
BYTES=$(stat -c %s "$CAPTURE")
FILES=$(wc -l < "$MANIFEST")
awk '{print $1}' "$MANIFEST" | sort > "$WORK/expected.sums"

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

# run TOOL ROUND: prints "tool round wall_s rss_mib matching"
run() {
  local tool="$1" out="$WORK/out-$1" log="$WORK/time-$1.log"
  rm -rf "$out"
  # Each tool starts with no dirty pages of the one before still being written back.
  sync
  case "$tool" in
    ours*)
      local slots="${tool#ours}" pin=() extra=()
      slots="${slots%%-*}"
      case "$tool" in
        *-nomd5) extra=(--conf spark.ftprecon.output.md5=false) ;;
        *-onecore) pin=(taskset -c 0) ;;
      esac
      # shellcheck disable=SC2086 # OURS_ARGS is a list of options
      $TIME -v "${pin[@]}" "$ROOT/bin/ftp-reconstruct" --master "local[$slots]" "${extra[@]}" ${OURS_ARGS:-} \
        -o "$out" "$CAPTURE" > "$WORK/stdout-$tool.log" 2> "$log" || true ;;
    tshark)
      mkdir -p "$out"
      $TIME -v tshark -o tcp.reassemble_out_of_order:TRUE --export-objects "ftp-data,$out" \
        -r "$CAPTURE" -q > "$WORK/stdout-$tool.log" 2> "$log" || true ;;
    ceiling*)
      local digests=()
      [ "$tool" = ceiling-digests ] && digests=(--index-digests)
      mkdir -p "$out"
      $TIME -v java -Xmx512m -cp "$BENCH_CP" dev.ftprecon.bench.DecodeLoop "$CAPTURE" "$MANIFEST" \
        "${digests[@]}" > "$WORK/stdout-$tool.log" 2> "$log" || true ;;
  esac
  if ! grep -q "Exit status: 0" "$log"; then
    echo "$tool failed, see $log" >&2
  fi
  local wall rss match
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mib "$log")
  if [ "${tool%%-*}" = ceiling ]; then
    match=$(sed -n 's/.*, \([0-9]*\) of [0-9]* files match.*/\1/p' "$WORK/stdout-$tool.log")
  else
    match=$(matching "$out" "$WORK/expected.sums")
  fi
  rm -rf "$out"
  echo "$tool $2 $wall $rss $match"
}

# One untimed run first: the first run after a build writes the launcher's class-data-sharing
# archive (bin/spark-env.sh), which would make the first timed run slower than the rest.
"$ROOT/bin/ftp-reconstruct" --master "local[1]" -o "$WORK/warm-up" "$ROOT/samples" > /dev/null 2>&1 || true
rm -rf "$WORK/warm-up"

echo "capture: $CAPTURE ($BYTES bytes, $FILES FTP files); $(nproc) cores; rounds: $ROUNDS"
RESULTS="$WORK/results.txt"
# shellcheck disable=SC2086 # TOOLS is a list of names
alternate "$ROUNDS" "$RESULTS" $TOOLS

# Median per tool; ratio = tshark's median wall / the tool's.
awk -v bytes="$BYTES" -v files="$FILES" '
  { wall[$1] = wall[$1] " " $3; rss[$1] = ($4 > rss[$1] ? $4 : rss[$1]); m[$1] = m[$1] " " $5; seen[$1] = 1 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    ts = ("tshark" in seen) ? median(wall["tshark"]) : 0
    printf "%-14s %9s %9s %13s %14s %13s\n", "tool", "wall s", "MB/s", "peak RSS MiB", "tshark/tool", "files exact"
    for (t in seen) {
      w = median(wall[t])
      printf "%-14s %9.2f %9.0f %13d %14s %13s\n", t, w, bytes / w / 1e6, rss[t],
        ts ? sprintf("%.2fx", ts / w) : "-", median(m[t]) "/" files
    }
    if (("ours1" in seen) && ("ours2" in seen))
      printf "local[2] speed-up over local[1]: %.2fx\n", median(wall["ours1"]) / median(wall["ours2"])
    if (("ours1-onecore" in seen) && ("ours2" in seen))
      printf "two cores (local[2]) over one core (local[1], taskset -c 0): %.2fx\n", median(wall["ours1-onecore"]) / median(wall["ours2"])
  }' "$RESULTS"
