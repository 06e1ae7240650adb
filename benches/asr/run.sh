#!/usr/bin/env bash
# The recogniser round trip (run by hand, never in CI; benches/asr/setup.sh first):
#   generate calls -> speak them (espeak-ng) -> recognise them (faster-whisper, CPU)
#   -> an audit folder with truth -> audit -> eval, WER and the review share.
# N calls (default 40) of a `callaudit-gen --calls N --seed 11 --noise 0` archive.
# THREADS (default 2) CPU threads for the recogniser; a call takes about 40-120 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-40}
WORK=${WORK:-/tmp/callaudit-asr}
MODEL=${MODEL:-$WORK/model}
OUT=${OUT:-fixtures/asr_roundtrip}
cargo build --quiet --workspace
BIN=$PWD/target/debug/callaudit
GEN=$PWD/target/debug/callaudit-gen
$GEN --calls "$N" --seed 11 --noise 0 --layout files --out "$WORK/gen" >/dev/null
python3 benches/asr/speak.py "$WORK/gen" "$WORK/audio"
THREADS=${THREADS:-2} nice python3 benches/asr/recognise.py "$MODEL" "$WORK/audio" "$WORK/asr"
rm -rf "$OUT"
python3 benches/asr/fixture.py "$WORK/gen" "$WORK/asr" "$OUT" "$N"
$BIN audit "$OUT" --out "$WORK/out" --quiet
$BIN audit "$OUT" --calls "$OUT/calls_vtt.csv" --out "$WORK/out_vtt" --quiet
$BIN eval --truth "$OUT/truth.csv" --steps "$WORK/out/steps.csv" --calls "$WORK/out/calls.csv"
python3 benches/asr/score.py "$OUT" "$WORK/out"
python3 benches/asr/score.py "$OUT" "$WORK/out_vtt" | tail -3
