#!/usr/bin/env bash
# Property-based fuzzing of the importers and the host-message reader, each for a while
# (not part of the test command). Each target is a proptest file in tests/ run again and again
# with a new seed until its time is up; a failure stops with proptest's minimal failing input.
# Usage: scripts/fuzz.sh [minutes per target, default 10] [targets...]
#   default targets: fuzz_scenario (scenario importer), fuzz_pairs (pair and document
#   importers), fuzz_host_messages (host-message reader), fuzz_chunker, fuzz_tokenizer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
minutes="${1:-10}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(fuzz_scenario fuzz_pairs fuzz_host_messages fuzz_chunker fuzz_tokenizer)
fi
cases_per_round="${FUZZ_CASES_PER_ROUND:-2000}"
cargo test --release --no-run "${targets[@]/#/--test=}" >/dev/null
for target in "${targets[@]}"; do
  end=$((SECONDS + minutes * 60))
  rounds=0
  started=$SECONDS
  while ((SECONDS < end)); do
    seed=$((rounds + 1))
    if ! PROPTEST_CASES="$cases_per_round" PROPTEST_RNG_SEED="$seed" \
      cargo test --release -q --test "$target" >"/tmp/fuzz-$target.log" 2>&1; then
      echo "$target: FAILED in round $((rounds + 1)) (seed $seed); see /tmp/fuzz-$target.log"
      grep -E "minimal failing input|panicked" "/tmp/fuzz-$target.log" | head -5
      exit 1
    fi
    rounds=$((rounds + 1))
  done
  tests=$(grep -c '^#\[test\]\|^    #\[test\]' "tests/$target.rs" || true)
  echo "$target: $rounds rounds x $cases_per_round cases x $tests properties in $((SECONDS - started)) s, 0 failures"
done
