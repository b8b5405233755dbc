#!/usr/bin/env bash
# Installs the build tree into a scratch prefix (stripped, as README says), then builds a tiny
# consumer against the *installed* tree twice: with CMake's find_package(sesame) and with
# pkg-config. Both must run. The installed CLI must run from that private prefix without
# LD_LIBRARY_PATH (RUNPATH), with its manual page and bash completion, and the licences must be
# installed.
set -euo pipefail
src=$1 build=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" --strip >/dev/null
libdir=$(ls -d "$prefix"/lib* | head -1)
for f in LICENSE NOTICE; do
  [ -s "$prefix/share/doc/sesame/$f" ] || { echo "$f is not installed in share/doc/sesame"; exit 1; }
done
if [ -x "$prefix/bin/sesame" ]; then
  out=$(env -u LD_LIBRARY_PATH "$prefix/bin/sesame" phone normalize <<< "06 12 34 56 78")
  case "$out" in *'"e164":"+33612345678"'*) ;; *) echo "installed CLI: unexpected output: $out"; exit 1 ;; esac
  used=$(env -u LD_LIBRARY_PATH ldd "$prefix/bin/sesame" | awk '/libsesame/ {print $3}')
  [ "$(realpath "$used")" = "$(realpath "$libdir/libsesame.so.1")" ] || {
    echo "the installed CLI uses $used, not the installed library"; exit 1; }
  # The manual page and the bash completion of the CLI.
  [ -s "$prefix/share/man/man1/sesame.1" ] || { echo "share/man/man1/sesame.1 is not installed"; exit 1; }
  MANWIDTH=80 man -l "$prefix/share/man/man1/sesame.1" 2>/dev/null | grep -q 'phone audit' || {
    echo "the installed manual page does not render"; exit 1; }
  completion="$prefix/share/bash-completion/completions/sesame"
  [ -s "$completion" ] || { echo "share/bash-completion/completions/sesame is not installed"; exit 1; }
  words=$(bash -c "source '$completion'; COMP_WORDS=(sesame phone ''); COMP_CWORD=2; _sesame; echo \${COMPREPLY[*]}")
  [ "$words" = "normalize audit --help" ] || { echo "the installed completion gives '$words' after 'sesame phone'"; exit 1; }
  for f in "$prefix/bin/sesame" "$libdir/libsesame.so.1"; do
    if readelf -S "$f" | grep -q '\.symtab'; then echo "install --strip left the symbol table in $f"; exit 1; fi
  done
  if readelf -S "$libdir/libsesame.a" 2>/dev/null | grep -q '\.debug_info'; then echo "install --strip left debug info in libsesame.a"; exit 1; fi
fi

# 1. CMake find_package
cmake -S "$src/tests/install/consumer" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
LD_LIBRARY_PATH="$libdir" "$work/cmake-build/consumer"

# 2. pkg-config (the .pc is relocatable: its paths are relative to ${prefix})
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cc -std=c99 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags sesame) \
   "$src/tests/install/consumer/main.c" -o "$work/pc-consumer" $(pkg-config --libs sesame)
LD_LIBRARY_PATH="$libdir" "$work/pc-consumer"
echo "install consumer: find_package and pkg-config OK"
