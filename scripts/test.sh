#!/usr/bin/env bash
# Quick start #2: install what is missing, build, run every test (C++, C ABI, headers, install,
# CLI, Python, PHP). `scripts/test.sh asan` runs the native tests under ASan+UBSan, `tsan` under TSan;
# `scripts/test.sh web` the browser tests of examples/web/ on nginx + PHP-FPM + Redis Sentinel
# (scripts/test-web.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
bash scripts/install-deps.sh
if [[ $preset == web ]]; then
  exec bash scripts/test-web.sh
fi
bash scripts/build.sh "$preset"
ctest --preset "$preset"
