#!/usr/bin/env bash
# The Python package as users install it: a wheel built offline (no PyPI) with the library inside,
# installed into a fresh virtual environment that sees Debian's python3-cffi-backend, then used
# from a directory outside the source tree with no SESAME_LIBRARY and no PYTHONPATH.
#   python_installed.sh PYTHON SOURCE_DIR LIBRARY WORK_DIR
set -euo pipefail
py=$1 src=$2 lib=$3 work=$4
rm -rf "$work"; mkdir -p "$work"
cp -r "$src/bindings/python" "$work/pkg"
rm -rf "$work/pkg/build" "$work/pkg/tests" "$work"/pkg/src/*.egg-info
cp -L "$lib" "$work/pkg/src/sesame/libsesame.so.1"
# The offline install (README): no index, no isolated build environment (setuptools and wheel
# come from Debian's python3-setuptools and python3-wheel).
"$py" -m pip wheel --no-index --no-build-isolation --no-deps -q -w "$work/dist" "$work/pkg"
wheel=$(ls "$work"/dist/sesame-*.whl)
case "$(basename "$wheel")" in
  *-py3-none-linux_*.whl) ;;
  *) echo "the wheel ships a native library but is tagged $(basename "$wheel")"; exit 1 ;;
esac
"$py" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -m pip install --no-index --no-deps -q "$wheel"
cd "$work"
env -u SESAME_LIBRARY -u PYTHONPATH "$work/venv/bin/python" - <<'PY'
import sesame
from pathlib import Path
assert Path(sesame.__file__).resolve().parent.parent.name == "site-packages", sesame.__file__
assert Path(sesame.library_path()).resolve().parent == Path(sesame.__file__).resolve().parent, sesame.library_path()
n = sesame.phone.normalize("0692 12 34 56")
assert n.e164 == "+262692123456" and n.is_mobile, n
assert sesame.password.check("Lucas2014!").valid
print("installed package:", sesame.__version__, "library", sesame.library_version(), "at", sesame.library_path())
PY
