#!/usr/bin/env bash
# Sets up what is missing, builds the app and serves it on http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
scripts/setup.sh
scripts/build.sh
echo
echo "  rag-or-tune is served at  http://127.0.0.1:8080/   (Ctrl-C to stop)"
echo
exec node tests/e2e/lib/static-server.mjs dist 8080
