#!/usr/bin/env python3
"""Assemble an audit folder from a generated archive and its recognised transcripts.

Usage: fixture.py ARCHIVE ASR_DIR OUT [N]

Takes the first N calls (default 40) of ARCHIVE (written by `callaudit-gen`) that
ASR_DIR holds a recognised `<id>.json` for, and writes OUT/:
  calls.csv          the manifest, transcript = transcripts/<id>.json (Whisper JSON)
  calls_vtt.csv      the same calls, transcript = transcripts/<id>.vtt (no confidences)
  actions.csv, reports.csv, truth.csv, expected_calls.csv   those calls' rows
  transcripts/       the recognised <id>.json and <id>.vtt
  reference/         the generated <id>.txt that was spoken (for WER; the audit does
                     not read it)
Reports are kept whole (a prior report is found by number or by phone).
"""
import csv
import json
import os
import shutil
import sys


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return r.fieldnames, list(r)


def write(path, fields, data):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(data)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    archive, asr, out = sys.argv[1], sys.argv[2], sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    for sub in ("transcripts", "reference"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    fields, calls = rows(os.path.join(archive, "calls.csv"))
    calls = [c for c in calls if os.path.exists(os.path.join(asr, c["call_id"] + ".json"))][:n]
    ids = {c["call_id"] for c in calls}
    for c in calls:
        shutil.copy(os.path.join(archive, c["transcript"]),
                    os.path.join(out, "reference", c["call_id"] + ".txt"))
    for ext, name in ((".json", "calls.csv"), (".vtt", "calls_vtt.csv")):
        data = []
        for c in calls:
            src = os.path.join(asr, c["call_id"] + ext)
            dst = os.path.join(out, "transcripts", c["call_id"] + ext)
            if ext == ".json":
                # Compact: the recogniser's indented JSON is twice the bytes.
                with open(src, encoding="utf-8") as f:
                    doc = json.load(f)
                with open(dst, "w", encoding="utf-8") as f:
                    json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
                    f.write("\n")
            else:
                shutil.copy(src, dst)
            data.append(dict(c, transcript=f"transcripts/{c['call_id']}{ext}"))
        write(os.path.join(out, name), fields, data)
    for name in ("actions.csv", "truth.csv", "expected_calls.csv"):
        f, data = rows(os.path.join(archive, name))
        write(os.path.join(out, name), f, [r for r in data if r["call_id"] in ids])
    shutil.copy(os.path.join(archive, "reports.csv"), os.path.join(out, "reports.csv"))
    print(f"{len(calls)} calls into {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
