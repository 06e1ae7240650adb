#!/usr/bin/env python3
"""Speak generated calls with espeak-ng: one WAV per call, two voices, slow speech.

Usage: speak.py ARCHIVE OUT [CALL_ID ...]

ARCHIVE is a folder written by `callaudit-gen --layout files` (calls.csv and the
`[mm:ss] AGENT: text` transcripts it names). For every call (or only the ids given) it
writes OUT/<call_id>.wav (mono, 16-bit, espeak-ng's rate) and OUT/<call_id>.turns.json:
the spoken turns with their role and their start / end in the audio. A turn starts at
its transcript time or, when the previous turn's speech runs past that, half a second
after it; so holds stay silences and no two turns overlap.

Agent and caller get different espeak-ng voices (`-v id+f3` and `-v id+m3`), slow speed
(`-s 125`) and a gap between words (`-g 6`, in units of 10 ms): synthetic speech with
those settings is what a small recogniser hears best.
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import wave

VOICES = {"agent": "id+f3", "caller": "id+m3"}
SPEED = "125"
WORD_GAP = "6"
LINE = re.compile(r"^\[(\d+):(\d{2})\]\s*([A-Za-z]+):\s*(.*)$")
ROLES = {"agent": "agent", "cso": "agent", "pelanggan": "caller", "caller": "caller"}


def turns_of(path):
    """(start seconds, role, text) of each line of a generated transcript."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
                continue
            role = ROLES.get(m.group(3).lower())
            if role is None:
                continue
            out.append((int(m.group(1)) * 60 + int(m.group(2)), role, m.group(4)))
    return out


def say(text, role, tmp):
    """Raw frames and parameters of espeak-ng speaking `text`."""
    subprocess.run(
        ["espeak-ng", "-v", VOICES[role], "-s", SPEED, "-g", WORD_GAP, "-w", tmp, text],
        check=True,
    )
    with wave.open(tmp, "rb") as w:
        return w.getparams(), w.readframes(w.getnframes())


def speak_call(call_id, transcript, out_dir):
    tmp = tempfile.NamedTemporaryFile(suffix=".wav", delete=False).name
    frames, params, spans, cursor = bytearray(), None, [], 0.0
    try:
        for start, role, text in turns_of(transcript):
            p, audio = say(text, role, tmp)
            params = params or p
            rate, width = p.framerate, p.sampwidth
            begin = max(float(start), cursor + 0.5) if spans else float(start)
            pad = int(round(begin * rate)) * width - len(frames)
            frames.extend(b"\0" * max(pad, 0))
            begin = len(frames) / width / rate
            frames.extend(audio)
            cursor = len(frames) / width / rate
            spans.append({"role": role, "start": round(begin, 3),
                          "end": round(cursor, 3), "text": text})
    finally:
        os.unlink(tmp)
    frames.extend(b"\0" * (params.framerate * params.sampwidth // 2))
    with wave.open(os.path.join(out_dir, call_id + ".wav"), "wb") as w:
        w.setparams(params)
        w.writeframes(bytes(frames))
    with open(os.path.join(out_dir, call_id + ".turns.json"), "w", encoding="utf-8") as f:
        json.dump({"call_id": call_id, "turns": spans}, f, ensure_ascii=False, indent=1)
    return cursor


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    archive, out_dir, only = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(archive, "calls.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total = 0.0
    for row in rows:
        if only and row["call_id"] not in only:
            continue
        total += speak_call(row["call_id"], os.path.join(archive, row["transcript"]), out_dir)
    print(f"spoke {total / 60:.1f} min of audio into {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
