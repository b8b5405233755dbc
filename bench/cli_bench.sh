#!/usr/bin/env bash
# Whole-process timing of the `sesame` CLI against minimal peer programs (issue 15), as a user feels
# it: 100,000 lines through `sesame phone normalize` vs a libphonenumber line loop (target >= 20x),
# and through `sesame password check` vs a zxcvbn-c line loop (target >= 10x). bench/README.md,
# "CLI, whole process (issue 15)".
#
#   bench/cli_bench.sh [BUILD_DIR]          (default BUILD_DIR: build-bench-cli, Release)
#   bench/cli_bench.sh --profile [BUILD_DIR] (where the CLI's time goes instead: perf, callgrind)
#
# Environment:
#   SESAME_CLI=/path/to/sesame  time this (installed) binary as it is; otherwise the Release build
#                               is installed with `cmake --install` into a temporary prefix and the
#                               installed bin/sesame is timed (with LD_LIBRARY_PATH=<prefix>/lib
#                               when the installed binary has no RUNPATH to it)
#   LINES=100000 RUNS=10 WARMUP=2   input size and hyperfine settings
#   RESULTS=DIR                 where to keep inputs, outputs and hyperfine JSON (default: a temp
#                               dir, removed at the end)
# Needs: cmake, ninja, a C/C++ compiler, hyperfine, /usr/bin/python3, libphonenumber-dev,
# libzxcvbn-dev, libbenchmark-dev (the peers are built with the benchmarks); perf and valgrind
# for --profile.
set -euo pipefail

profile=0
if [[ ${1:-} == --profile ]]; then profile=1; shift; fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-bench-cli}
lines=${LINES:-100000}
runs=${RUNS:-10}
warmup=${WARMUP:-2}
py=/usr/bin/python3

if [[ -n ${RESULTS:-} ]]; then
    work=$RESULTS
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/sesame-cli-bench.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
say() { printf '== %s\n' "$*" >&2; }

# ---- build: Release, only the targets needed --------------------------------------------------
if [[ ! -f $build/CMakeCache.txt ]]; then
    say "configuring $build (Release, benchmarks on)"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSESAME_BUILD_BENCHMARKS=ON \
          -DSESAME_BUILD_TESTS=OFF -DSESAME_BUILD_EXAMPLES=OFF >/dev/null
elif ! grep -q '^SESAME_BUILD_BENCHMARKS:BOOL=ON' "$build/CMakeCache.txt"; then
    cmake -S "$root" -B "$build" -DSESAME_BUILD_BENCHMARKS=ON >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
[[ $build_type == Release ]] || say "warning: $build is a '$build_type' build, not Release"
targets=(phone_lines_libphonenumber zxcvbn_lines)
if [[ -z ${SESAME_CLI:-} ]]; then
    # cmake --install needs every installed target built; build those and nothing else.
    for t in sesame_shared sesame_static sesame_cli; do
        if [[ ! -f $build/build.ninja ]] || grep -q "^build $t: phony" "$build/build.ninja"; then targets+=("$t"); fi
    done
fi
say "building ${targets[*]} (-j2)"
cmake --build "$build" -j2 --target "${targets[@]}" >/dev/null
phone_peer=$build/bench/lines/phone_lines_libphonenumber
zxcvbn_peer=$build/bench/lines/zxcvbn_lines

# ---- the CLI as installed -----------------------------------------------------------------------
cli_note=
if [[ -n ${SESAME_CLI:-} ]]; then
    sesame=$SESAME_CLI
    cli_note="SESAME_CLI=$sesame (as given)"
else
    prefix=$work/prefix
    cmake --install "$build" --prefix "$prefix" >/dev/null
    sesame=$prefix/bin/sesame
    cli_note="cmake --install $build --prefix <tmp>/prefix; <tmp>/prefix/bin/sesame"
    # The installed binary must load the installed library, not one found elsewhere on the system.
    if [[ $(env -u LD_LIBRARY_PATH ldd "$sesame" | awk '/libsesame/ {print $3}') != "$prefix"/* ]]; then
        libdir=$(dirname "$(find "$prefix" -name 'libsesame.so*' -print -quit)")
        export LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
        cli_note="$cli_note, run with LD_LIBRARY_PATH=<tmp>/prefix/${libdir#"$prefix"/} (the install sets no RUNPATH)"
    fi
fi
[[ -x $sesame ]] || { echo "cli_bench.sh: no executable sesame at $sesame" >&2; exit 2; }
say "CLI: $cli_note"
say "CLI resolves libsesame to: $(ldd "$sesame" | awk '/libsesame/ {print $3}')"

# ---- inputs -------------------------------------------------------------------------------------
in=$work/in
"$py" "$root/bench/lines/make_inputs.py" "$in" --lines "$lines"
if [[ $lines == 100000 ]] && command -v c++ >/dev/null; then
    # passwords.txt must be password_corpus.hpp's corpus, byte for byte.
    printf '#include "password_corpus.hpp"\n#include <cstdio>\nint main() { for (const auto &s : password_corpus()) { fwrite(s.data(), 1, s.size(), stdout); fputc(10, stdout); } }\n' \
        >"$work/corpus_dump.cpp"
    c++ -std=c++20 -O1 -I"$root/bench" "$work/corpus_dump.cpp" -o "$work/corpus_dump"
    "$work/corpus_dump" | cmp -s - "$in/passwords.txt" ||
        { echo "cli_bench.sh: passwords.txt differs from bench/password_corpus.hpp's corpus" >&2; exit 1; }
    say "passwords.txt is password_corpus.hpp's corpus (byte check)"
fi

if [[ $profile == 1 ]]; then
    # Where the CLI's time goes. perf (cpu-clock samples with dwarf call chains, three runs on the
    # whole input) gives time shares by purpose; callgrind on 10,000 lines gives instruction counts
    # and calls per line. Neither needs hardware counters (this VM has none).
    report=$root/bench/lines/profile_report.py
    head -n 10000 "$in/phones.txt" >"$work/phones10k.txt"
    head -n 10000 "$in/passwords.txt" >"$work/passwords10k.txt"
    for cmd in phone password; do
        if [[ $cmd == phone ]]; then args=(phone normalize); input=$in/phones.txt
        else args=(password check); input=$in/passwords.txt; fi
        if perf record -q -e cpu-clock -o "$work/perf.probe" true 2>/dev/null; then
            say "perf: sesame ${args[*]} on $lines lines, 3 runs, time shares by what the CLI was doing"
            for k in 1 2 3; do
                perf record -q -e cpu-clock -F 4999 --call-graph dwarf,65528 -o "$work/perf.$cmd.$k" \
                    "$sesame" "${args[@]}" <"$input" >/dev/null 2>/dev/null
            done
            for k in 1 2 3; do perf script -i "$work/perf.$cmd.$k" 2>/dev/null; done | "$py" "$report" attribute
            say "perf: top functions by self time (run 1)"
            perf report -i "$work/perf.$cmd.1" --no-children --sort dso,sym --stdio -g none 2>/dev/null |
                "$py" "$report" short | grep '%' | sed -n 1,20p
        else
            say "perf record -e cpu-clock is not available here: perf part skipped"
        fi
        out=$work/callgrind.$cmd.out
        valgrind --tool=callgrind --callgrind-out-file="$out" "$sesame" "${args[@]}" \
            <"$work/${cmd}s10k.txt" >/dev/null 2>"$work/valgrind.$cmd.log"
        say "callgrind: sesame ${args[*]} on 10,000 lines: $(sed -n 's/.*Collected : //p' "$work/valgrind.$cmd.log") instructions"
        callgrind_annotate --inclusive=no "$out" 2>/dev/null | "$py" "$report" short |
            sed -n '/PROGRAM TOTALS/,$p' | grep '%' | sed -n 1,21p
        "$py" "$report" calls "$out" 10000 | sed -n 1,16p
        "$py" "$report" calls "$out" 10000 '^(sesame_|sesame::phone::normalize|sesame::password::estimate|write|malloc)'
        echo
    done
    [[ -n ${RESULTS:-} ]] && say "kept in $work"
    exit 0
fi

# ---- one output line per input line -------------------------------------------------------------
check() {  # name, input, command...
    local name=$1 input=$2
    shift 2
    "$@" <"$input" >"$work/out.$name"
    local n_in n_out
    n_in=$(wc -l <"$input")
    n_out=$(wc -l <"$work/out.$name")
    [[ $n_in == "$n_out" ]] || { echo "cli_bench.sh: $name printed $n_out lines for $n_in input lines" >&2; exit 1; }
}
check sesame_phone "$in/phones.txt" "$sesame" phone normalize
check peer_phone "$in/phones.txt" "$phone_peer"
check sesame_password "$in/passwords.txt" "$sesame" password check
check peer_password "$in/passwords.txt" "$zxcvbn_peer"
say "one output line per input line: all four programs ($lines lines each)"
say "valid phones: sesame $(grep -c '"ok":true' "$work/out.sesame_phone"), libphonenumber $(grep -vc '^error$' "$work/out.peer_phone") of $lines"

# ---- timing -------------------------------------------------------------------------------------
say "load before the timing: $(uptime)"
hyperfine --warmup "$warmup" --runs "$runs" --export-json "$work/hyperfine.json" \
    -n "sesame phone normalize" "'$sesame' phone normalize < '$in/phones.txt' > /dev/null" \
    -n "libphonenumber lines" "'$phone_peer' < '$in/phones.txt' > /dev/null" \
    -n "sesame password check" "'$sesame' password check < '$in/passwords.txt' > /dev/null" \
    -n "zxcvbn-c lines" "'$zxcvbn_peer' < '$in/passwords.txt' > /dev/null" >&2
say "load after the timing: $(uptime)"

"$py" - "$work/hyperfine.json" "$lines" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
lines = int(sys.argv[2])
print(f"| command ({lines:,} lines) | mean ± σ | min | max | user | system | per line |")
print("|---|---|---|---|---|---|---|")
for name, r in res.items():
    print(f"| `{name}` | {r['mean']*1e3:,.1f} ± {r['stddev']*1e3:,.1f} ms | {r['min']*1e3:,.1f} ms | {r['max']*1e3:,.1f} ms"
          f" | {r['user']*1e3:,.1f} ms | {r['system']*1e3:,.1f} ms | {r['mean']/lines*1e6:.2f} µs |")
print()
for what, sesame, peer, target in (("phone normalize", "sesame phone normalize", "libphonenumber lines", 20),
                                   ("password check", "sesame password check", "zxcvbn-c lines", 10)):
    ratio = res[peer]["mean"] / res[sesame]["mean"]
    lo = res[peer]["min"] / res[sesame]["max"]
    hi = res[peer]["max"] / res[sesame]["min"]
    verdict = "met" if ratio >= target else "NOT met"
    print(f"{what}: peer / sesame = {ratio:.2f}x (means; {lo:.2f}-{hi:.2f}x from the extremes), target >= {target}x: {verdict}")
    # CPU time (user + system) moves less than wall time when other work shares the cores: a hint
    # for a loaded machine, not the target (the target is the wall time a user waits).
    cpu = lambda r: r["user"] + r["system"]
    print(f"  CPU (user + system) ratio: {cpu(res[peer]) / cpu(res[sesame]):.2f}x")
EOF
[[ -n ${RESULTS:-} ]] && say "kept in $work (hyperfine.json, inputs, outputs)"
exit 0
