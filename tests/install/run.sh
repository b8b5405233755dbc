#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds a tiny consumer against the *installed*
# tree twice: with CMake's find_package(sesame) and with pkg-config. Both must run.
set -euo pipefail
src=$1 build=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib* | head -1)

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
