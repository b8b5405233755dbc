#!/usr/bin/env bash
# Contract tests of the sesame CLI: exit codes, --help, --version, and (per module) JSON keys.
set -uo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
check() {  # check NAME EXPECTED_EXIT COMMAND... (stdout in $out)
    local name=$1 want=$2; shift 2
    out=$("$@" 2>/tmp/sesame-cli-stderr.$$); local rc=$?
    if [ "$rc" = "$want" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $name: exit $rc, want $want"; fi
}
expect() {  # expect NAME GREP_PATTERN (on $out)
    # grep reads all its input (no -q): an early exit would SIGPIPE printf and, under pipefail, fail a match.
    if printf '%s' "$out" | grep -E -- "$2" >/dev/null; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $1: output lacks /$2/: $out"; fi
}
expect_err() {  # expect_err NAME GREP_PATTERN (on the stderr of the last check)
    if grep -E -- "$2" /tmp/sesame-cli-stderr.$$ >/dev/null; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $1: stderr lacks /$2/: $(head -c 600 /tmp/sesame-cli-stderr.$$)"; fi
}
expect_not() {  # expect_not NAME TEXT: TEXT appears neither on stdout nor on stderr of the last check
    if printf '%s' "$out" | grep -F -- "$2" >/dev/null || grep -F -- "$2" /tmp/sesame-cli-stderr.$$ >/dev/null; then
        fail=$((fail+1)); echo "FAIL $1: '$2' was printed"; else pass=$((pass+1)); fi
}
check version 0 "$bin" --version;            expect version '^sesame [0-9]+\.[0-9]+\.[0-9]+'
expect build-info 'libsodium [0-9.]+, utf8proc'
check help 0 "$bin" --help;                  expect help 'Usage: sesame'
check no-args 2 "$bin"
check unknown 2 "$bin" frobnicate
for f in "$here"/cli_*.sh; do [ -e "$f" ] && . "$f"; done
rm -f /tmp/sesame-cli-stderr.$$
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
