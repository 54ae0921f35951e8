#!/usr/bin/env bash
# Rewrite tests/fixtures/teacher_rankings.json from the current corpus (chunked by the Rust code).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1
(cd "$ROOT" && cargo build -q --bin ragtune)
cd "$HERE"
"$HERE/.venv/bin/python" teacher_rankings.py "$ROOT/tests/fixtures/teacher_rankings.json" "$ROOT/target/debug/ragtune"
