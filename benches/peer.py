#!/usr/bin/env python3
"""A naive Python peer of the audit, for throughput only (benches/archive.sh).

What a team without callaudit might write in an afternoon: take 12 phrase lists of the
SOP profile, flatten each phrase to plain words (first alternative of `a|b`, no `...`,
`?`, slots or concepts' `@`), and per call mark a list PASS when some agent turn holds
one of its phrases with rapidfuzz's partial_ratio >= 80; write one CSV row per call and
list (call_id, list, status, score, evidence turn). All cores, one process each. No
normaliser, no lexicon, no paths, no action log: it does far less than the audit, so it
is a reference for speed, not for verdicts.

    python3 benches/peer.py DIR PROFILE.toml OUT.csv     (needs: pip install rapidfuzz)
"""

import csv
import json
import multiprocessing as mp
import os
import re
import sys
import time
import tomllib
from pathlib import Path

from rapidfuzz import fuzz

LISTS = [
    "greeting.pln",
    "greeting.offer",
    "caller_name.ask",
    "prior_report_question.ask",
    "empathy.phrases",
    "status_update.progress",
    "phone_verification.ask_mobile",
    "clarity_check.phrases",
    "eta_3x24.agent_says",
    "service_guarantee.forward",
    "closing.campaign",
    "closing.thanks",
]
THRESHOLD = 80
TURN = re.compile(r"^\[[0-9:.]+\]\s*([^:]+):\s*(.*)$")


def plain(phrase):
    words = []
    for w in phrase.split():
        if w == "..." or w.startswith("{"):
            continue
        w = w.split("|")[0].lstrip("@=").rstrip("?")
        if w:
            words.append(w)
    return " ".join(words)


def load_lists(profile):
    steps = tomllib.loads(Path(profile).read_text())["steps"]
    out = []
    for name in LISTS:
        step, key = name.split(".")
        out.append((name, [p for p in map(plain, steps[step][key]) if p]))
    return out


def agent_turns(turns):
    return [t.lower() for s, t in turns if s.lower().startswith("agent")]


def audit(call_id, turns, lists):
    texts = agent_turns(turns)
    rows = []
    for name, phrases in lists:
        best, where = 0.0, ""
        for t in texts:
            for p in phrases:
                s = fuzz.partial_ratio(p, t)
                if s > best:
                    best, where = s, t
        rows.append((call_id, name, "PASS" if best >= THRESHOLD else "FAIL", f"{best:.0f}", where))
    return rows


LISTS_LOADED = None


def init(profile):
    global LISTS_LOADED
    LISTS_LOADED = load_lists(profile)


def from_line(line):
    d = json.loads(line)
    turns = [(t.get("speaker", ""), t.get("text", "")) for t in d.get("turns", [])]
    return audit(d.get("call_id", ""), turns, LISTS_LOADED)


def from_file(item):
    call_id, path = item
    turns = []
    try:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            m = TURN.match(line)
            if m:
                turns.append((m.group(1), m.group(2)))
    except OSError:
        return []
    return audit(call_id, turns, LISTS_LOADED)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, profile, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    t0 = time.time()
    files = []
    with open(root / "calls.csv", newline="") as f:
        for r in csv.DictReader(f):
            t = r.get("transcript", "")
            if t and not t.endswith(".jsonl"):
                files.append((r["call_id"], str(root / t)))
    calls = 0
    with mp.Pool(os.cpu_count(), initializer=init, initargs=(profile,)) as pool, open(
        out, "w", newline=""
    ) as f:
        w = csv.writer(f)
        w.writerow(["call_id", "list", "status", "score", "evidence_text"])
        for b in sorted(root.glob("*.jsonl")):
            with open(b) as lines:
                for rows in pool.imap(from_line, lines, chunksize=256):
                    w.writerows(rows)
                    calls += 1
        for rows in pool.imap(from_file, files, chunksize=256):
            w.writerows(rows)
            calls += bool(rows)
    print(f"peer: {calls} calls in {time.time() - t0:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
