#!/usr/bin/env python3
"""Writes bindings/python/src/sesame/_sesame_cffi.py from ffi/sesame_ffi.h (cffi, out-of-line ABI mode).

The binding's one source of truth is the C header: this script cdefs the macro-free header that
cmake/GenerateFfiHeader.cmake makes from include/sesame.h and lets cffi emit a Python module that
holds every type, struct layout, enum value and function signature in compact form. At run time
that module needs only ``_cffi_backend`` (Debian: python3-cffi-backend): no pycparser, no C
compiler, no parsing at import. It also records the major version the header belongs to and the
SONAME to load, both read from CMakeLists.txt (``project(sesame VERSION ...)``, ``SESAME_SOVERSION``).

Usage (run by ``cmake --build build --target python_cffi``; ctest ``Abi.PythonCffiUpToDate`` runs
it with ``--check``)::

    python3 bindings/python/gen_cffi.py [--check] [--root REPO]

Needs the full cffi package (Debian: python3-cffi) at generation time only.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
from pathlib import Path

HEADER = "ffi/sesame_ffi.h"
OUT = "bindings/python/src/sesame/_sesame_cffi.py"
MODULE = "sesame._sesame_cffi"


def versions(root: Path) -> tuple[int, int]:
    """(major of project(VERSION), SESAME_SOVERSION) from CMakeLists.txt."""
    text = (root / "CMakeLists.txt").read_text(encoding="utf-8")
    project = re.search(r"project\(\s*sesame\s+VERSION\s+(\d+)\.", text)
    soversion = re.search(r"set\(\s*SESAME_SOVERSION\s+(\d+)\s*\)", text)
    if not project or not soversion:
        raise SystemExit("gen_cffi.py: cannot read the version or SESAME_SOVERSION from CMakeLists.txt")
    return int(project.group(1)), int(soversion.group(1))


def render(root: Path) -> str:
    import cffi  # generation-time only (python3-cffi); the emitted module needs only _cffi_backend

    header = (root / HEADER).read_text(encoding="utf-8")
    builder = cffi.FFI()
    builder.cdef(header)
    builder.set_source(MODULE, None)  # None: ABI mode, nothing to compile
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "_sesame_cffi.py"
        with contextlib.redirect_stdout(io.StringIO()):  # cffi prints "generating ..."
            builder.emit_python_code(str(target))
        emitted = target.read_text(encoding="utf-8")
    emitted = emitted.replace("# auto-generated file\n", "", 1)
    major, soversion = versions(root)
    return (
        "# GENERATED from ffi/sesame_ffi.h by bindings/python/gen_cffi.py (cffi "
        f"{cffi.__version__}, out-of-line ABI mode): do not edit.\n"
        "# Regenerate with `cmake --build build --target python_cffi`; "
        "ctest Abi.PythonCffiUpToDate fails when it is stale.\n"
        + emitted
        + "\n# The version major of the C ABI this module describes (sesame_version_number() / 10000), and the\n"
        "# library file the system loader is asked for.\n"
        f"ABI_MAJOR = {major}\n"
        f"SONAME = 'libsesame.so.{soversion}'\n"
        "\n__all__ = ['ffi', 'ABI_MAJOR', 'SONAME']\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                    help="the repository (default: two levels above this script)")
    ap.add_argument("--check", action="store_true", help="fail if the committed module differs; write nothing")
    args = ap.parse_args()
    text = render(args.root)
    out = args.root / OUT
    current = out.read_text(encoding="utf-8") if out.exists() else None
    if args.check:
        if current != text:
            print(f"{OUT} is stale: run `cmake --build build --target python_cffi` "
                  "(or python3 bindings/python/gen_cffi.py) and commit it", file=sys.stderr)
            return 1
        print(f"{OUT} is up to date")
        return 0
    if current != text:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
