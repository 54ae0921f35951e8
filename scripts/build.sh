#!/usr/bin/env bash
# Release build of the web app into dist/. --offline: trunk must never download a tool.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
trunk build --release --offline "$@"
