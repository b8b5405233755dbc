#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, `fuzz` preset) and runs each for N seconds (default 60),
# starting from its seed corpus under tests/fuzz/corpus/<target> when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
bash scripts/install-deps.sh
bash scripts/build.sh fuzz >/dev/null
for bin in build-fuzz/fuzz/fuzz_*; do
  name=$(basename "$bin")
  work=$(mktemp -d)
  seeds=()
  [ -d "tests/fuzz/corpus/$name" ] && seeds=("tests/fuzz/corpus/$name")
  echo "-- $name (${secs}s)"
  "$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work" "${seeds[@]}" 2>&1 | grep -E "^(stat::number_of_executed_units|==|SUMMARY)" || true
  if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* >/dev/null 2>&1; then
    echo "$name found a failure:"; ls "$work"; exit 1
  fi
  rm -rf "$work"
done
