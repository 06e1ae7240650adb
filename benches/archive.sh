#!/usr/bin/env bash
# Whole-run benchmark, run by hand (never in CI):
#   benches/archive.sh [SIZES...]        default: 10000 100000 1000000
# For each size and layout (jsonl bundles, per-call files) it generates an archive with
# `callaudit-gen`, audits it RUNS times under /usr/bin/time -v, and runs the scan
# reference (ripgrep counting the profile's phrases in the same transcripts). Prints one
# TSV row per run and a summary of medians; raw logs go to $WORK/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] && SIZES=("$@") || SIZES=(10000 100000 1000000)
RUNS=${RUNS:-3}
NOISE=${NOISE:-2}
LAYOUTS=${LAYOUTS:-"jsonl files"}
WORK=${WORK:-/tmp/callaudit-bench}
command -v rg >/dev/null || { echo "ripgrep missing: apt-get install ripgrep" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 1; }
cargo build --release --quiet --workspace
BIN=$PWD/target/release/callaudit
GEN=$PWD/target/release/callaudit-gen
mkdir -p "$WORK/logs"
$BIN profile --phrases > "$WORK/phrases.txt"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Seconds and peak RSS (kB) of a /usr/bin/time -v log.
secs() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

printf 'calls\tlayout\trun\taudit_s\tcalls_per_s\ttext_MB\tMB_per_s\tpeak_rss_MB\trg_s\tfraction_of_rg\n'
for n in "${SIZES[@]}"; do
  for layout in $LAYOUTS; do
    dir="$WORK/archive-$n-$layout"
    if [ ! -f "$dir/calls.csv" ]; then
      $GEN --calls "$n" --seed 1 --noise "$NOISE" --layout "$layout" --out "$dir" >/dev/null
    fi
    # Transcript text in MB: bundles or per-call files.
    mb=$( { du -sbc "$dir"/*.jsonl "$dir"/transcripts 2>/dev/null || true; } | tail -1 | awk '{printf "%.1f", $1/1e6}')
    for run in $(seq "$RUNS"); do
      log="$WORK/logs/audit-$n-$layout-$run.log"
      /usr/bin/time -v "$BIN" audit "$dir" --out "$WORK/out-$n-$layout" --quiet 2> "$log"
      a=$(secs "$log"); r=$(rss "$log")
      rlog="$WORK/logs/rg-$n-$layout-$run.log"
      /usr/bin/time -v rg -c -i -F -f "$WORK/phrases.txt" "$dir" > /dev/null 2> "$rlog" || true
      g=$(secs "$rlog")
      awk -v n="$n" -v l="$layout" -v run="$run" -v a="$a" -v mb="$mb" -v r="$r" -v g="$g" 'BEGIN {
        printf "%d\t%s\t%d\t%.2f\t%.0f\t%s\t%.1f\t%.0f\t%.2f\t%.3f\n", n, l, run, a, n/a, mb, mb/a, r/1024, g, g/a }'
    done
  done
done | tee "$WORK/runs.tsv"

echo
echo "medians over $RUNS runs:"
printf 'calls\tlayout\taudit_s\tcalls_per_s\tMB_per_s\tpeak_rss_MB\trg_s\tfraction_of_rg\n'
for n in "${SIZES[@]}"; do
  for layout in $LAYOUTS; do
    sel() { awk -F'\t' -v n="$n" -v l="$layout" -v c="$1" '$1==n && $2==l {print $c}' "$WORK/runs.tsv" | median; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$layout" "$(sel 4)" "$(sel 5)" "$(sel 7)" "$(sel 8)" "$(sel 9)" "$(sel 10)"
  done
done
