# Sourced by the bench scripts: reading `/usr/bin/time -v` logs, and counting output files whose
# sha256 is one of the originals'.

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
