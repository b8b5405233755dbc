#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, `fuzz` preset: ASan + UBSan, no recovery) and runs each for
# N seconds (default 60) on a copy of its committed seed corpus (tests/fuzz/corpus/<target>; the
# committed one is never modified) with its dictionary (tests/fuzz/<target>.dict). Prints, per
# target, executions, executions per second, coverage (libFuzzer's final cov: and ft:), corpus
# files before and after, then a table. Exits non-zero on any crash, leak, timeout, OOM, UBSan
# report or failed invariant, and prints the artifact's path (kept under the work directory).
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. bash scripts/fuzz.sh 20 (CI), or 60 fuzz_claim
#   bash scripts/fuzz.sh regressions               runs each target once on each file of
#                                                  tests/fuzz/regressions/<target>/ (known findings;
#                                                  not part of the default run): exits non-zero while
#                                                  one still fails
#
# First, a canary with undefined behaviour on a known input must make its run fail: this proves
# the build stops on a UBSan report and that this script sees it. Findings reported and not yet
# fixed (tests/fuzz/known_findings) have their invariants relaxed, so that the rest is still
# fuzzed; their regression files (tests/fuzz/regressions/) are run once at the end and must still
# fail. SESAME_FUZZ_ALLOW= (empty) runs everything strictly. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
bash scripts/install-deps.sh
build_log=$(mktemp)
if ! { cmake --preset fuzz && cmake --build --preset fuzz; } >"$build_log" 2>&1; then
  tail -50 "$build_log"; echo "!! the fuzz preset does not build (log: $build_log)"; exit 2
fi
rm -f "$build_log"

# Known findings (tests/fuzz/known_findings): relaxed unless SESAME_FUZZ_ALLOW is set (set it
# empty for a fully strict run).
known=$(sed 's/#.*//' tests/fuzz/known_findings | xargs)
allow_except() { local n out=(); for n in $known; do [ "$n" = "$1" ] || out+=("$n"); done; (IFS=,; echo "${out[*]}"); }
export SESAME_FUZZ_ALLOW=${SESAME_FUZZ_ALLOW-$(allow_except "")}

# Each regression file once, with every known finding but its own relaxed (a file is named
# <finding>.<what>): prints "reproduced" (it still fails) or "fixed" per file, sets $still.
check_regressions() {
  still=" "
  local dir name f finding out
  for dir in tests/fuzz/regressions/fuzz_*/; do
    name=$(basename "$dir")
    for f in "$dir"*; do
      [ -f "$f" ] || continue   # no open finding: the directory may be absent or empty
      finding=$(basename "$f"); finding=${finding%%.*}
      if out=$(SESAME_FUZZ_ALLOW=$(allow_except "$finding") "build-fuzz/fuzz/$name" "$f" 2>&1); then
        echo "   fixed       $finding: $f"
      else
        echo "   reproduced  $finding: $f: $(grep -m1 -E '==fuzz== invariant|runtime error:|ERROR: ' <<<"$out" || true)"
        still+="$finding "
      fi
    done
  done
}

if [ "$secs" = regressions ]; then
  echo "-- regressions (tests/fuzz/regressions; known findings: ${known:-none})"
  check_regressions
  [ "$still" = " " ]
  exit
fi

# Every sanitizer report is fatal and carries a stack; libFuzzer turns each into a failing exit.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:report_error_type=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}

root=$(mktemp -d "${TMPDIR:-/tmp}/sesame-fuzz.XXXXXX")
failed=()
rows=()

# run NAME BIN CORPUS_DIR DICT MAX_LEN SECONDS: fuzzes, sets $ok (1 or 0) and the figures.
run() {
  local name=$1 bin=$2 corpus=$3 dict=$4 max_len=$5 t=$6
  local work=$root/$name
  mkdir -p "$work/artifacts"
  local args=(-max_total_time="$t" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048
              -print_final_stats=1 -artifact_prefix="$work/artifacts/")
  [ -n "$dict" ] && args+=(-dict="$dict")
  local rc=0
  "$bin" "${args[@]}" "$corpus" >"$work/log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/log" | tail -1)
  local last
  last=$(grep -E '^#[0-9]+.*cov: ' "$work/log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  ok=1
  if [ "$rc" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ] ||
     grep -qE 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|==fuzz== invariant' "$work/log"; then
    ok=0
  fi
  work_dir=$work
}

report_failure() {
  local name=$1
  echo "!! $name FAILED (exit status, sanitizer report or artifact); log: $work_dir/log"
  grep -E 'runtime error:|ERROR: |==fuzz== invariant|SUMMARY:|Test unit written to|artifact_prefix' "$work_dir/log" | head -20 | sed 's/^/   /'
  for a in "$work_dir"/artifacts/*; do [ -e "$a" ] && echo "   artifact: $a ($(stat -c %s "$a") bytes)"; done
  return 0
}

# The canary: undefined behaviour on its one seed must fail the run.
mkdir -p "$root/ub_canary.corpus"
printf 'UB!' >"$root/ub_canary.corpus/seed"
run ub_canary build-fuzz/fuzz-canary/ub_canary "$root/ub_canary.corpus" "" 16 5
if [ "$ok" -eq 1 ] || ! grep -q 'runtime error: signed integer overflow' "$work_dir/log"; then
  echo "!! the UBSan canary did not fail: a UBSan report would not stop a fuzz run (log: $work_dir/log)"
  exit 1
fi
echo "-- ub_canary: undefined behaviour detected and fatal, as it must be"
rm -rf "$root/ub_canary" "$root/ub_canary.corpus"

if [ $# -gt 0 ]; then targets=("$@"); else
  targets=()
  for bin in build-fuzz/fuzz/fuzz_*; do targets+=("$(basename "$bin")"); done
fi
for name in "${targets[@]}"; do
  bin=build-fuzz/fuzz/$name
  [ -x "$bin" ] || { echo "no such target: $name"; exit 2; }
  corpus=$root/$name.corpus
  mkdir -p "$corpus"
  [ -d "tests/fuzz/corpus/$name" ] && cp tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  seeds=$(find "$corpus" -type f | wc -l)
  dict=""
  [ -f "tests/fuzz/$name.dict" ] && dict=tests/fuzz/$name.dict
  case $name in fuzz_directory | fuzz_candidates) max_len=8192 ;; *) max_len=4096 ;; esac
  echo "-- $name (${secs}s, $seeds seeds${dict:+, $(basename "$dict")})"
  run "$name" "$bin" "$corpus" "$dict" "$max_len" "$secs"
  files=$(find "$corpus" -type f | wc -l)
  result=ok
  if [ "$ok" -eq 0 ]; then
    result=FAILED
    failed+=("$name")
    report_failure "$name"
  else
    rm -rf "$work_dir" "$corpus"
  fi
  printf '   executions %s, %s/s, cov %s, ft %s, corpus %s -> %s files, peak RSS %s MB: %s\n' \
    "${execs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "$seeds" "$files" "${rss:-?}" "$result"
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s -> %s | %s |' "$name" "$secs" "${execs:-?}" "${eps:-?}" \
    "${cov:-?}" "${ft:-?}" "$seeds" "$files" "$result")")
done

# The known findings must still reproduce (else the relaxation hides nothing but future bugs),
# and every failing regression must be a known finding.
echo "-- known findings relaxed: ${SESAME_FUZZ_ALLOW:-none}; their regressions:"
check_regressions
for n in $known; do
  if [[ "$still" != *" $n "* ]]; then
    echo "!! known finding '$n' no longer reproduces: delete it from tests/fuzz/known_findings and move its"
    echo "   regression files into tests/fuzz/corpus/<target>/"
    failed+=("known:$n")
  fi
done
for n in $still; do
  [[ " $known " == *" $n "* ]] || { echo "!! regression '$n' fails and is not in tests/fuzz/known_findings"; failed+=("regression:$n"); }
done

echo
echo "| target | s | executions | exec/s | cov | ft | corpus files | result |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "FAILED: ${failed[*]} (logs and artifacts under $root)"
  exit 1
fi
rm -rf "$root"
