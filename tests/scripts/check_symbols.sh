#!/usr/bin/env bash
# Fails unless every dynamic symbol that libsesame.so defines is a sesame_* function.
set -euo pipefail
lib=$1
syms=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^SESAME_[0-9.]*$' | sort -u)
bad=$(printf '%s\n' "$syms" | grep -v '^sesame_' || true)
if [ -n "$bad" ]; then
  echo "symbols exported outside the sesame_ prefix:"; printf '%s\n' "$bad" | head -20; exit 1
fi
n=$(printf '%s\n' "$syms" | grep -c '^sesame_')
[ "$n" -ge 5 ] || { echo "only $n sesame_ symbols exported: is the version script right?"; exit 1; }
echo "$n symbols, all sesame_*"
