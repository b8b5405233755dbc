#!/usr/bin/env bash
# Quick start #1: install what is missing, build, run the demo (the activation walk), then the
# same short activation flow from C, C++, Python and PHP.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh default >/dev/null
./build/sesame --version
echo
./build/sesame demo "$@"
echo
echo "== The activation flow from each language (examples/) =="
./build/examples/c/example_c
./build/examples/cpp/example_cpp
export SESAME_LIBRARY="$PWD/build/libsesame.so"
PYTHONPATH="$PWD/bindings/python/src" /usr/bin/python3 examples/python/activation.py
php examples/php/activation.php
