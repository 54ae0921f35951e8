#!/usr/bin/env bash
# The SCORM 1.2 package for course platforms (Moodle, Canvas, Blackboard, ...):
# dist-scorm/rag-or-tune-scorm.zip, checked against the manifest rules before it is written.
# Usage: scripts/scorm.sh [existing-trunk-release-dir]   (builds one when none is given)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [[ $# -ge 1 ]]; then
  build="$1"
else
  build="target/scorm-build"
  trunk build --release --offline --dist "$build"
fi
node tools/scorm/build-package.mjs "$build" dist-scorm/rag-or-tune-scorm.zip
node tools/scorm/check-manifest.mjs dist-scorm/rag-or-tune-scorm.zip
