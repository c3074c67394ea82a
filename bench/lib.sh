# Sourced by the bench scripts: the alternating rounds, reading `/usr/bin/time -v` logs, and
# counting output files whose sha256 is one of the originals'.

# alternate ROUNDS RESULTS NAME...: ROUNDS rounds of `run NAME ROUND` for each NAME in turn (the
# caller's function), each result line appended to RESULTS and shown on stderr. Alternating keeps
# a noisy machine's slow minutes from landing on one tool only, and each round starts one tool
# further along the list: the tool run first in a round reads the capture after the last one of
# the round before (tshark's 7-16 GB evict it from the page cache), so that penalty goes round too.
alternate() {
  local rounds="$1" results="$2" round i n
  shift 2
  n=$#
  local names=("$@")
  : > "$results"
  for round in $(seq 1 "$rounds"); do
    for i in $(seq 0 $((n - 1))); do
      run "${names[$(((round - 1 + i) % n))]}" "$round" | tee -a "$results" >&2
    done
  done
}

# Wall-clock seconds of the run logged in $1.
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"
}

# Peak resident set size, MiB, of the run logged in $1.
peak_rss_mib() {
  awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"
}

# Files under $1 whose sha256 is listed in $2 (sorted sums, one per line).
matching() {
  find "$1" -type f -print0 | xargs -0 -r -n 64 sha256sum | awk '{print $1}' | sort \
    | comm -12 - "$2" | wc -l
}
