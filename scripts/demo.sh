#!/usr/bin/env bash
# Quick start #1: install what is missing, build, run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh default >/dev/null
./build/sesame --version
echo
./build/examples/c/example_c
echo
SESAME_LIBRARY="$PWD/build/libsesame.so" PYTHONPATH="$PWD/bindings/python/src" /usr/bin/python3 examples/python/example.py
echo
SESAME_LIBRARY="$PWD/build/libsesame.so" php examples/php/example.php
