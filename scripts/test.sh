#!/usr/bin/env bash
# Sets up what is missing, then runs every check: format, lints, native tests, the release wasm
# build, and the browser tests in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# CI builds each crate once, so incremental caches only cost disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh
step "cargo fmt --check"
cargo fmt --all --check
# `offline` adds the code only tests and benchmarks use (the reader's fit, synthetic data);
# clippy runs without it too, as the app is built.
step "cargo clippy (host, all targets, -D warnings)"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --features offline -- -D warnings
step "cargo test (native core, every test)"
cargo test --features offline
step "release wasm build"
scripts/build.sh
step "size budget (gzip, budget.json)"
node scripts/size-budget.mjs dist
step "single-file build (from the release build, for the file:// test)"
scripts/single-file.sh dist
step "SCORM package (from the release build, for the test LMS)"
scripts/scorm.sh dist
step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
