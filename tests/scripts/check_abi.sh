#!/usr/bin/env bash
# The ABI of libsesame against the committed baseline (abi/libsesame.abi, made by abidw from the
# public headers): fails on any change a caller built against the baseline could notice (a
# removed or changed function, a struct whose layout moved), and accepts what 1.x allows: new
# functions and struct fields appended at the end (every public struct starts with struct_size,
# so the library reads and writes only what the caller knows; abi/suppressions.txt).
#   check_abi.sh LIB SOURCE_DIR BINARY_DIR            compare
#   check_abi.sh --update LIB SOURCE_DIR BINARY_DIR   rewrite the baseline (a deliberate change)
set -euo pipefail
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
lib=$1 src=$2 bin=$3
baseline=$src/abi/libsesame.abi
headers=(--headers-dir "$src/include" --headers-dir "$bin/include")
if [ "$update" = 1 ]; then
  abidw "${headers[@]}" --drop-private-types --exported-interfaces-only --no-show-locs --no-corpus-path \
        --no-comp-dir-path --no-elf-needed --type-id-style hash --out-file "$baseline.tmp" "$lib"
  # Translation-unit paths are the builder's; keep them relative to the source tree.
  sed "s|path='$src/|path='|g" "$baseline.tmp" > "$baseline"
  rm -f "$baseline.tmp"
  echo "wrote $baseline"
  exit 0
fi
rc=0
abidiff --suppressions "$src/abi/suppressions.txt" --no-added-syms --drop-private-types \
        --headers-dir2 "$src/include" --headers-dir2 "$bin/include" "$baseline" "$lib" || rc=$?
# abidiff's exit status is a bit set: 1 error, 2 usage, 4 ABI change, 8 incompatible change.
if [ "$rc" -ne 0 ]; then
  echo "libsesame's ABI differs from abi/libsesame.abi (abidiff status $rc): a 1.x release may only add"
  echo "functions and append struct fields. If the change is deliberate (a new major), rewrite the"
  echo "baseline: cmake --build build --target abi_baseline"
  exit 1
fi
echo "ABI compatible with abi/libsesame.abi"
