#!/usr/bin/env bash
# Whole-run benchmark, run by hand (never in CI):
#   benches/archive.sh [SIZES...]        default: 10000 100000 1000000
# For each size and layout (jsonl bundles, per-call files) it generates an archive with
# `callaudit-gen` and, RUNS times, each round in turn under /usr/bin/time -v:
#   - the audit;
#   - the floor (benches/floor_write.rs: parse the tables and transcripts, Aho-Corasick
#     scan of the phrases over agent turns, write a steps-sized CSV), and audit / floor;
#   - rg counting the profile's phrases in the same transcripts, and `cat` of them;
#   - the naive Python peer (benches/peer.py, rapidfuzz), and audit / peer throughput
#     (PEER=0 skips it: it is slow on 1M calls).
# Prints one TSV row per run and a summary of medians; raw logs go to $WORK/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] && SIZES=("$@") || SIZES=(10000 100000 1000000)
RUNS=${RUNS:-3}
NOISE=${NOISE:-2}
LAYOUTS=${LAYOUTS:-"jsonl files"}
PEER=${PEER:-1}
WORK=${WORK:-/tmp/callaudit-bench}
command -v rg >/dev/null || { echo "ripgrep missing: apt-get install ripgrep" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 1; }
if [ "$PEER" = 1 ] && ! python3 -c 'import rapidfuzz' 2>/dev/null; then
  echo "rapidfuzz missing (for benches/peer.py): pip install rapidfuzz, or PEER=0" >&2; exit 1
fi
cargo build --release --quiet --bin callaudit
cargo build --release --quiet -p callaudit-bench --bin floor_write
cargo build --release --quiet -p callaudit-gen
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
BIN=$TARGET/release/callaudit
FLOOR=$TARGET/release/floor_write
GEN=$TARGET/release/callaudit-gen
mkdir -p "$WORK/logs"
$BIN profile --phrases > "$WORK/phrases.txt"
$BIN profile > "$WORK/profile.toml"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Seconds and peak RSS (kB) of a /usr/bin/time -v log.
secs() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

# Wall seconds of a command under /usr/bin/time -v (log in $WORK/logs/NAME.log): timed NAME CMD...
timed() { local log="$WORK/logs/$1.log"; shift; /usr/bin/time -v "$@" > /dev/null 2> "$log" || true; secs "$log"; }

printf 'calls\tlayout\trun\taudit_s\tcalls_per_s\ttext_MB\tMB_per_s\tpeak_rss_MB\trg_s\tfraction_of_rg\tfloor_s\taudit_per_floor\tcat_s\tpeer_s\taudit_x_peer\n'
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
      f=$(timed "floor-$n-$layout-$run" "$FLOOR" "$dir" "$WORK/phrases.txt" "$WORK/floor-$n-$layout.csv")
      g=$(timed "rg-$n-$layout-$run" rg -c -i -F -f "$WORK/phrases.txt" "$dir")
      # The transcripts only, as rg reads them.
      c=$(timed "cat-$n-$layout-$run" sh -c "find '$dir' \( -name '*.jsonl' -o -path '*/transcripts/*' \) -type f -print0 | xargs -0 cat")
      p=NaN
      if [ "$PEER" = 1 ]; then
        p=$(timed "peer-$n-$layout-$run" python3 benches/peer.py "$dir" "$WORK/profile.toml" "$WORK/peer-$n-$layout.csv")
      fi
      awk -v n="$n" -v l="$layout" -v run="$run" -v a="$a" -v mb="$mb" -v r="$r" -v g="$g" -v f="$f" -v c="$c" -v p="$p" 'BEGIN {
        printf "%d\t%s\t%d\t%.2f\t%.0f\t%s\t%.1f\t%.0f\t%.2f\t%.3f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", n, l, run, a, n/a, mb, mb/a, r/1024, g, g/a, f, a/f, c, p, p/a }'
    done
  done
done | tee "$WORK/runs.tsv"

echo
echo "medians over $RUNS runs:"
printf 'calls\tlayout\taudit_s\tcalls_per_s\tMB_per_s\tpeak_rss_MB\trg_s\tfraction_of_rg\tfloor_s\taudit_per_floor\tcat_s\tpeer_s\taudit_x_peer\n'
for n in "${SIZES[@]}"; do
  for layout in $LAYOUTS; do
    sel() { awk -F'\t' -v n="$n" -v l="$layout" -v c="$1" '$1==n && $2==l {print $c}' "$WORK/runs.tsv" | median; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$layout" "$(sel 4)" "$(sel 5)" "$(sel 7)" "$(sel 8)" "$(sel 9)" "$(sel 10)" "$(sel 11)" "$(sel 12)" "$(sel 13)" "$(sel 14)" "$(sel 15)"
  done
done
