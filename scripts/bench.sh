#!/usr/bin/env bash
# Browser benchmark: release build into dist-bench, then headless Chromium on localhost.
# Writes bench/results/browser.json. SKIP_BUILD=1 reuses an existing dist-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  trunk build --release --offline --dist dist-bench
fi
node scripts/size-budget.mjs dist-bench || true
DIST=dist-bench SHOTS=target/e2e-bench node tests/e2e/bench/browser-bench.mjs
