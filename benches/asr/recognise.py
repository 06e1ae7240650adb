#!/usr/bin/env python3
"""Recognise spoken calls with faster-whisper on CPU; write Whisper JSON and WebVTT.

Usage: recognise.py MODEL_DIR AUDIO_DIR OUT_DIR [CALL_ID ...]

MODEL_DIR is a CTranslate2 Whisper model (see setup.sh). For every AUDIO_DIR/<id>.wav
written by speak.py it writes OUT_DIR/<id>.json (Whisper JSON as faster-whisper's
users write it: segments with avg_logprob, no_speech_prob, compression_ratio and
words[] with probability) and OUT_DIR/<id>.vtt (`<v SPEAKER_00>` voice tags).

Whisper does not diarise. The speaker of each word is taken from the spoken turns
(`<id>.turns.json`): the turn its middle falls in or, between turns, the nearest one.
That is a perfect diariser, or a contact centre's two-channel recording (agent and
caller on their own channel); a segment whose words change speaker is split there.
Speakers are labelled `agent` / `caller`, as a two-channel recording knows them; with
ANON=1 they are anonymous (`SPEAKER_00` is whoever speaks first, as pyannote / WhisperX
write them) and the audit must infer the agent from a greeting the recogniser garbled.

Decoding: language `id`, temperature 0 (no fallback), beam 5, VAD filter on (the holds
are long silences), int8 on CPU. THREADS (default 2) sets the CPU threads.
"""
import json
import os
import sys
import time

from faster_whisper import WhisperModel


def speaker_of(t, turns, labels):
    best, dist = None, None
    for turn in turns:
        d = 0.0 if turn["start"] <= t <= turn["end"] else min(
            abs(t - turn["start"]), abs(t - turn["end"]))
        if dist is None or d < dist:
            best, dist = turn, d
    return labels[best["role"]]


def labels_of(turns):
    if os.environ.get("ANON") != "1":
        return {"agent": "agent", "caller": "caller"}
    labels = {}
    for turn in turns:
        labels.setdefault(turn["role"], f"SPEAKER_{len(labels):02d}")
    return labels


def split_by_speaker(seg, turns, labels):
    """Pieces of a faster-whisper segment, one per run of words of one speaker."""
    pieces = []
    for w in seg.words or []:
        spk = speaker_of((w.start + w.end) / 2, turns, labels)
        word = {"word": w.word, "start": round(w.start, 2), "end": round(w.end, 2),
                "probability": round(w.probability, 4)}
        if pieces and pieces[-1]["speaker"] == spk:
            pieces[-1]["words"].append(word)
        else:
            pieces.append({"speaker": spk, "words": [word]})
    out = []
    for p in pieces:
        out.append({
            "start": p["words"][0]["start"],
            "end": p["words"][-1]["end"],
            "text": "".join(w["word"] for w in p["words"]),
            "speaker": p["speaker"],
            "avg_logprob": seg.avg_logprob,
            "no_speech_prob": seg.no_speech_prob,
            "compression_ratio": seg.compression_ratio,
            "words": p["words"],
        })
    return out


def vtt_time(t):
    m, s = divmod(t, 60)
    h, m = divmod(int(m), 60)
    return f"{h:02d}:{m:02d}:{s:06.3f}"


def write_vtt(path, segments):
    with open(path, "w", encoding="utf-8") as f:
        f.write("WEBVTT\n\n")
        for s in segments:
            f.write(f"{vtt_time(s['start'])} --> {vtt_time(s['end'])}\n")
            f.write(f"<v {s['speaker']}>{s['text'].strip()}\n\n")


def recognise(model, call_id, audio_dir, out_dir):
    with open(os.path.join(audio_dir, call_id + ".turns.json"), encoding="utf-8") as f:
        turns = json.load(f)["turns"]
    labels = labels_of(turns)
    segs, info = model.transcribe(
        os.path.join(audio_dir, call_id + ".wav"),
        language="id",
        temperature=0.0,
        beam_size=5,
        word_timestamps=True,
        vad_filter=True,
        condition_on_previous_text=False,
    )
    segments = []
    for seg in segs:
        segments.extend(split_by_speaker(seg, turns, labels))
    for i, s in enumerate(segments):
        s["id"] = i
    doc = {"text": "".join(s["text"] for s in segments), "segments": segments,
           "language": info.language}
    with open(os.path.join(out_dir, call_id + ".json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    write_vtt(os.path.join(out_dir, call_id + ".vtt"), segments)
    return info.duration


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    model_dir, audio_dir, out_dir, only = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    threads = int(os.environ.get("THREADS", "2"))
    model = WhisperModel(model_dir, device="cpu", compute_type="int8", cpu_threads=threads)
    ids = only or sorted(f[:-4] for f in os.listdir(audio_dir) if f.endswith(".wav"))
    for call_id in ids:
        if not only and os.path.exists(os.path.join(out_dir, call_id + ".json")):
            continue  # resumable: a finished call is not recognised again
        t0 = time.time()
        audio = recognise(model, call_id, audio_dir, out_dir)
        print(f"{call_id}: {audio:.0f} s audio in {time.time() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
