"""Loading libsesame and declaring the C functions (argtypes/restype for every function).

Modules declare their functions with :func:`declare`; :func:`lib` returns the loaded library.
Loading order: ``SESAME_LIBRARY`` (a path to ``libsesame.so``), the package directory, then the
system loader (``ctypes.util.find_library``).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path
from typing import Any, Callable, Optional

#: The binding speaks this major version of the C ABI.
ABI_MAJOR = 0

c_status = ctypes.c_int  # enum sesame_status

_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_decls: list = []


class LibraryNotFound(ImportError):
    """libsesame could not be loaded."""


def _candidates() -> list:
    out = []
    env = os.environ.get("SESAME_LIBRARY")
    if env:
        out.append(env)
        return out  # an explicit choice is never silently replaced
    here = Path(__file__).resolve().parent
    for name in ("libsesame.so", "libsesame.so.0", "libsesame.dylib", "sesame.dll"):
        if (here / name).exists():
            out.append(str(here / name))
    found = ctypes.util.find_library("sesame")
    if found:
        out.append(found)
    return out


def declare(name: str, restype: Any, argtypes: list) -> None:
    """Registers a C function signature; applied when the library is (or was) loaded."""
    _decls.append((name, restype, argtypes))
    if _lib is not None:
        _apply(_lib, name, restype, argtypes)


def _apply(lib: ctypes.CDLL, name: str, restype: Any, argtypes: list) -> None:
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = argtypes


def lib() -> ctypes.CDLL:
    global _lib
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is not None:
            return _lib
        if sys.platform == "win32" and hasattr(os, "add_dll_directory"):
            os.add_dll_directory(str(Path(__file__).resolve().parent))
        errors = []
        loaded = None
        for path in _candidates():
            try:
                loaded = ctypes.CDLL(path)
                break
            except OSError as e:
                errors.append(f"{path}: {e}")
        if loaded is None:
            raise LibraryNotFound(
                "libsesame not found; set SESAME_LIBRARY to the path of libsesame.so"
                + (" (" + "; ".join(errors) + ")" if errors else ""))
        for decl in _decls:
            _apply(loaded, *decl)
        major = loaded.sesame_version_number() // 10000
        if major != ABI_MAJOR:
            raise LibraryNotFound(
                f"libsesame major version {major} does not match the binding's {ABI_MAJOR}")
        _lib = loaded
        return _lib


def read_sized(fn: Callable[[Any, int, Any], int], initial: int = 128) -> bytes:
    """Calls ``fn(out, cap, byref(len))`` under the size-query convention and returns the bytes."""
    from ._errors import check  # local import: _errors imports this module

    out_len = ctypes.c_size_t(0)
    buf = ctypes.create_string_buffer(initial)
    st = fn(buf, initial, ctypes.byref(out_len))
    if st == _BUFFER_TOO_SMALL:
        buf = ctypes.create_string_buffer(out_len.value + 1)
        st = fn(buf, out_len.value + 1, ctypes.byref(out_len))
    check(st)
    return buf.raw[: out_len.value]


_BUFFER_TOO_SMALL = -4

# ---- errors.h, version.h, library.h -----------------------------------------------------------
_sz = ctypes.c_size_t
_psz = ctypes.POINTER(ctypes.c_size_t)
declare("sesame_status_str", ctypes.c_char_p, [c_status])
declare("sesame_status_name", ctypes.c_char_p, [c_status])
declare("sesame_last_error_message", ctypes.c_char_p, [])
declare("sesame_version_number", ctypes.c_int32, [])
declare("sesame_version_string", ctypes.c_char_p, [])
declare("sesame_init", c_status, [])
declare("sesame_build_info", c_status, [ctypes.c_char_p, _sz, _psz])
declare("sesame_memzero", None, [ctypes.c_void_p, _sz])
declare("sesame_utf8_repair", c_status, [ctypes.c_char_p, _sz, _psz, ctypes.c_char_p, _sz])
