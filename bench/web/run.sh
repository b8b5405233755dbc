#!/usr/bin/env bash
# The web figures of bench/README.md: for each worker count (default: 2 4 8), a stack of
# scripts/web.sh (SQLite) with a generated school of 800 families, then bench/web/web_bench.py.
#   bash bench/web/run.sh [WORKERS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
export SESAME_WEB_DIR=${SESAME_WEB_DIR:-$PWD/build/web-bench}
export SESAME_WEB_SCHOOL=$SESAME_WEB_DIR.school.json
/usr/bin/python3 - "$SESAME_WEB_SCHOOL" <<'PY'
import json, sys
names = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND"]
given = ["Hélène", "Karim", "Sophie", "Nathalie", "Julien", "Camille", "Paul", "Aurélie"]
g, p, l = [], [], []
for i in range(800):
    g.append({"id": f"B{i:04d}", "nom": names[i % 8], "prenom": given[i // 8 % 8], "phone_mobile": f"06 13 00 {i // 100:02d} {i % 100:02d}"})
    p.append({"id": f"E{i:04d}", "nom": names[i % 8], "prenom": "Lucas", "birthdate": f"{2010 + i % 10}-0{1 + i % 9}-1{i % 10}"})
    l.append({"guardian": f"B{i:04d}", "pupil": f"E{i:04d}", "legal_representative": True})
json.dump({"guardians": g, "pupils": p, "links": l}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
trap 'bash scripts/web.sh stop >/dev/null' EXIT
for workers in "${@:-2 4 8}"; do
  for w in $workers; do
    SESAME_WEB_WORKERS=$w bash scripts/web.sh | tail -1
    /usr/bin/python3 bench/web/web_bench.py
    bash scripts/web.sh stop >/dev/null
  done
done
