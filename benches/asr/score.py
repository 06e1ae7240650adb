#!/usr/bin/env python3
"""Word error rate and the quality gate's review share on a round-trip folder.

Usage: score.py FIXTURE AUDIT_OUT

FIXTURE is a folder written by fixture.py (reference/<id>.txt are the generated
transcripts that were spoken, transcripts/<id>.json what the recogniser heard);
AUDIT_OUT holds the audit's calls.csv and steps.csv for it. Prints:
  - WER over all calls (and agent turns only): both sides lower-cased, punctuation
    dropped, numbers written out in Indonesian words (espeak-ng speaks "123" as
    "seratus dua puluh tiga"; Whisper writes either);
  - per call: WER, asr_quality, needs_review;
  - false FAILs (truth PASS or NA, audit FAIL) and how many of them are needs_review,
    per step and in all; true FAILs likewise (a review of a real FAIL costs a listen,
    it is not wrong).
"""
import csv
import json
import os
import re
import sys

UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def say(n):
    """Indonesian words of a non-negative integer."""
    if n < 10:
        return [UNITS[n]]
    if n < 20:
        return ["sepuluh"] if n == 10 else ["sebelas"] if n == 11 else [UNITS[n - 10], "belas"]
    for size, word, one in ((10**9, "miliar", None), (10**6, "juta", None),
                            (1000, "ribu", "seribu"), (100, "ratus", "seratus"),
                            (10, "puluh", None)):
        if n >= size:
            head, rest = divmod(n, size)
            words = [one] if head == 1 and one else say(head) + [word]
            return words + (say(rest) if rest else [])
    return []


def words(text):
    out = []
    for tok in re.findall(r"[^\W_]+", text.lower()):
        if tok.isdigit():
            # Long digit runs (phone and report numbers) are read digit by digit.
            out.extend(say(int(tok)) if len(tok) <= 4 else [UNITS[int(d)] for d in tok])
        else:
            out.append(tok)
    return out


def edits(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


LINE = re.compile(r"^\[[\d:.]+\]\s*([A-Za-z]+):\s*(.*)$")


def reference(path, agent_only):
    text = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.strip())
            if m and (not agent_only or m.group(1).upper() in ("AGENT", "CSO")):
                text.append(m.group(2))
    return words(" ".join(text))


def hypothesis(path, agent_label):
    with open(path, encoding="utf-8") as f:
        segs = json.load(f)["segments"]
    return words(" ".join(s["text"] for s in segs if agent_label in (None, s.get("speaker"))))


def table(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    fx, out = sys.argv[1], sys.argv[2]
    calls = {r["call_id"]: r for r in table(os.path.join(out, "calls.csv"))}
    tot = {"all": [0, 0], "agent": [0, 0]}
    print("call_id\twer\tagent_wer\tasr_quality\tneeds_review")
    for cid in sorted(calls):
        ref = os.path.join(fx, "reference", cid + ".txt")
        hyp = os.path.join(fx, "transcripts", cid + ".json")
        # The agent's label: "agent", or as the audit inferred it ("inferred:SPEAKER_00:1.00").
        roles = calls[cid].get("roles", "").split(":")
        agent = roles[1] if len(roles) > 2 else "agent"
        row = [cid]
        for key, r, h in (("all", reference(ref, False), hypothesis(hyp, None)),
                          ("agent", reference(ref, True), hypothesis(hyp, agent))):
            e = edits(r, h)
            tot[key][0] += e
            tot[key][1] += len(r)
            row.append(f"{e / max(len(r), 1):.3f}")
        row += [calls[cid]["asr_quality"], calls[cid]["needs_review"]]
        print("\t".join(row))
    for key, (e, n) in tot.items():
        print(f"WER {key}: {e / max(n, 1):.3f} ({e} edits / {n} reference words)")

    truth = {(r["call_id"], r["step"]): r["expected"] for r in table(os.path.join(fx, "truth.csv"))}
    per = {}
    for r in table(os.path.join(out, "steps.csv")):
        want = truth.get((r["call_id"], r["step"]))
        if want is None or r["status"] != "FAIL":
            continue
        kind = "true" if want == "FAIL" else "false"
        c = per.setdefault(r["step"], {"false": [0, 0], "true": [0, 0]})
        c[kind][0] += 1
        c[kind][1] += r["needs_review"] == "true"
    print("\nstep\tfalse_FAIL\tof_them_needs_review\ttrue_FAIL\tof_them_needs_review")
    sums = {"false": [0, 0], "true": [0, 0]}
    for step in sorted(per):
        c = per[step]
        print(f"{step}\t{c['false'][0]}\t{c['false'][1]}\t{c['true'][0]}\t{c['true'][1]}")
        for k in sums:
            sums[k][0] += c[k][0]
            sums[k][1] += c[k][1]
    for k, (n, rev) in sums.items():
        print(f"{k} FAILs: {n}, needs_review {rev} ({100 * rev / max(n, 1):.1f} %)")


if __name__ == "__main__":
    main()
