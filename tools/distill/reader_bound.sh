#!/usr/bin/env bash
# Upper bounds for the retrieval-only reader: the same simple reader on the tiny model's and on
# the teacher's embeddings (see reader_bound.py). Needs the distiller's venv (run.sh makes it).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
(cd "$ROOT" && cargo test -q --release --test reader_bound -- --ignored)
cd "$HERE"
"$HERE/.venv/bin/python" reader_bound.py "$ROOT/target/reader_bound/sentences.json"
