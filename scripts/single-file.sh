#!/usr/bin/env bash
# One self-contained HTML file (wasm, JS, CSS, model and corpus inline) for USB sticks and LMS
# uploads: dist-single/rag-or-tune.html, which works opened from file:// with no server.
# Usage: scripts/single-file.sh [existing-trunk-release-dir]   (builds one when none is given)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [[ $# -ge 1 ]]; then
  build="$1"
else
  build="target/single-file-build"
  trunk build --release --offline --dist "$build"
fi
node tools/single-file/build.mjs "$build" dist-single/rag-or-tune.html
ls -l dist-single/rag-or-tune.html
