#!/usr/bin/env bash
# `bash scripts/test.sh web`: the browser tests of examples/web/ (headless Chromium, Debian's
# chromium + chromium-driver + python3-selenium) against the stack of scripts/web.sh: every test
# on SQLite, then the PostgreSQL journey on a stack started with --postgres. Each stack is stopped
# by PID afterwards, also when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(chromium chromium-driver python3-selenium python3-pytest postgresql php8.2-pgsql)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
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
