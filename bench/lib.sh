# Sourced by the bench scripts: the alternating rounds, reading `/usr/bin/time -v` logs, and
# counting output files whose sha256 is one of the originals'.

# alternate ROUNDS RESULTS NAME...: ROUNDS rounds of `run NAME ROUND` for each NAME in turn (the
# caller's function), each result line appended to RESULTS and shown on stderr. Alternating keeps
# a noisy machine's slow minutes from landing on one tool only.
alternate() {
  local rounds="$1" results="$2" round name
  shift 2
  : > "$results"
  for round in $(seq 1 "$rounds"); do
    for name in "$@"; do
      run "$name" "$round" | tee -a "$results" >&2
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
