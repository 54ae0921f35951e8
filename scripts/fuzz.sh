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
# Built once; the loop runs the test executables directly, so editing the source meanwhile
# neither rebuilds nor changes what is fuzzed.
declare -A binary
while IFS=$'\t' read -r name path; do
  binary[$name]="$path"
done < <(cargo test --release --no-run --message-format=json "${targets[@]/#/--test=}" 2>/dev/null |
  node -e '
    let out = "";
    require("readline").createInterface({ input: process.stdin }).on("line", (line) => {
      const m = JSON.parse(line);
      if (m.reason === "compiler-artifact" && m.executable && m.target.kind.includes("test")) {
        out += m.target.name + "\t" + m.executable + "\n";
      }
    }).on("close", () => process.stdout.write(out));
  ')
for target in "${targets[@]}"; do
  exe="${binary[$target]:-}"
  if [[ -z "$exe" ]]; then
    echo "$target: no test executable was built" >&2
    exit 1
  fi
  end=$((SECONDS + minutes * 60))
  rounds=0
  started=$SECONDS
  while ((SECONDS < end)); do
    seed=$((rounds + 1))
    if ! PROPTEST_CASES="$cases_per_round" PROPTEST_RNG_SEED="$seed" \
      "$exe" -q >"/tmp/fuzz-$target.log" 2>&1; then
      echo "$target: FAILED in round $seed (PROPTEST_RNG_SEED=$seed); see /tmp/fuzz-$target.log"
      grep -E "minimal failing input|panicked" "/tmp/fuzz-$target.log" | head -5
      exit 1
    fi
    rounds=$((rounds + 1))
  done
  properties=$(grep -c '#\[test\]' "tests/$target.rs" || true)
  echo "$target: $rounds rounds x $cases_per_round cases of each of $properties properties in $((SECONDS - started)) s, 0 failures"
done
