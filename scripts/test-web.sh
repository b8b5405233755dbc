#!/usr/bin/env bash
# `bash scripts/test.sh web`: the browser tests of examples/web/ (headless Chromium, Debian's
# chromium + chromium-driver + python3-selenium) against the stack of scripts/web.sh: every test
# on SQLite, then the PostgreSQL journey on a stack started with --postgres. Each stack is stopped
# by PID afterwards, also when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh chromium chromium-driver python3-selenium python3-pytest postgresql php8.2-pgsql
export SESAME_WEB_DIR=${SESAME_WEB_DIR:-$PWD/build/web}
export PYTHONDONTWRITEBYTECODE=1
trap 'bash scripts/web.sh stop >/dev/null' EXIT
pytest=(/usr/bin/python3 -m pytest -p no:cacheprovider -q -rf examples/web/tests)
rc=0
echo "== web: SQLite"
bash scripts/web.sh | tail -2
"${pytest[@]}" -m "not postgres" || rc=1
bash scripts/web.sh stop
echo "== web: PostgreSQL"
bash scripts/web.sh --postgres | tail -2
"${pytest[@]}" -m postgres || rc=1
exit $rc
