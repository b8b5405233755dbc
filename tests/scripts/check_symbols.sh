#!/usr/bin/env bash
# Fails unless every dynamic symbol that libsesame.so defines is a sesame_* function, and the
# exported set matches abi/symbols.txt: a symbol may never disappear within a major version; a
# new one must be added to the file (append-only API, STYLE 2.11).
set -euo pipefail
lib=$1
baseline=${2:-}
syms=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^SESAME_[0-9.]*$' | sort -u)
bad=$(printf '%s\n' "$syms" | grep -v '^sesame_' || true)
if [ -n "$bad" ]; then
  echo "symbols exported outside the sesame_ prefix:"; printf '%s\n' "$bad" | head -20; exit 1
fi
n=$(printf '%s\n' "$syms" | grep -c '^sesame_')
[ "$n" -ge 5 ] || { echo "only $n sesame_ symbols exported: is the version script right?"; exit 1; }
if [ -n "$baseline" ]; then
  removed=$(comm -23 <(sort -u "$baseline") <(printf '%s\n' "$syms"))
  added=$(comm -13 <(sort -u "$baseline") <(printf '%s\n' "$syms"))
  if [ -n "$removed" ]; then echo "symbols removed from the ABI (abi/symbols.txt):"; printf '%s\n' "$removed"; exit 1; fi
  if [ -n "$added" ]; then echo "new symbols: add them to abi/symbols.txt:"; printf '%s\n' "$added"; exit 1; fi
fi
echo "$n symbols, all sesame_*, matching ${baseline:-no baseline}"
