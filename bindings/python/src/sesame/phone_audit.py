"""Audit of the phone column of a guardians CSV export (sesame/phone_audit.h)."""
from __future__ import annotations

import ctypes
import json
import os
from typing import Callable, Optional, Union

from . import _ffi
from ._errors import check

PROGRESS_CB = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_uint64, ctypes.c_uint64, ctypes.c_void_p)


class _Options(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("delimiter", ctypes.c_int32), ("encoding", ctypes.c_int),
                ("progress", PROGRESS_CB), ("progress_payload", ctypes.c_void_p)]


_ENCODINGS = {None: 0, "utf-8": 1, "utf8": 1, "windows-1252": 2, "cp1252": 2}
_handle = ctypes.c_void_p
_sz, _psz = ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)
_ffi.declare("sesame_phone_audit_options_init", _ffi.c_status, [ctypes.POINTER(_Options)])
_ffi.declare("sesame_phone_audit_file", _ffi.c_status,
             [ctypes.POINTER(_handle), ctypes.c_char_p, _sz, ctypes.c_char_p, _sz, ctypes.POINTER(_Options)])
_ffi.declare("sesame_phone_audit_buffer", _ffi.c_status,
             [ctypes.POINTER(_handle), ctypes.c_char_p, _sz, ctypes.c_char_p, _sz, ctypes.POINTER(_Options)])
_ffi.declare("sesame_phone_audit_json", _ffi.c_status, [ctypes.c_char_p, _sz, _psz, _handle])
_ffi.declare("sesame_phone_audit_free", None, [_handle])


def audit_phones(path: Union[str, bytes, os.PathLike, None] = None, *, column: str, data: Optional[bytes] = None,
                 delimiter: Optional[str] = None, encoding: Optional[str] = None,
                 progress: Optional[Callable[[int, int], Optional[bool]]] = None) -> dict:
    """Audits the phone column ``column`` of a CSV file (``path``) or of CSV bytes (``data``).

    Returns the report of the CLI contract: ``{"rows", "summary": {...}, "shared_numbers": [...],
    "problems": [...], "encoding", "delimiter"}``. ``progress(done, total)`` may return False to
    stop (then :class:`sesame.CancelledError`). Raises :class:`sesame.NotFoundError` when the column
    is not in the header, :class:`sesame.ParseError` on a broken file, :class:`sesame.IoError`.
    """
    if (path is None) == (data is None):
        raise TypeError("give exactly one of path and data")
    if delimiter not in (None, ",", ";"):
        raise ValueError("delimiter must be ',' or ';'")
    if encoding not in _ENCODINGS:
        raise ValueError("encoding must be None, 'utf-8' or 'windows-1252'")
    lib = _ffi.lib()
    opts = _Options()
    check(lib.sesame_phone_audit_options_init(ctypes.byref(opts)))
    opts.delimiter = ord(delimiter) if delimiter else 0
    opts.encoding = _ENCODINGS[encoding]
    errors: list = []
    if progress is not None:
        def _cb(done: int, total: int, _payload) -> int:
            try:
                return 0 if progress(done, total) is not False else 1
            except BaseException as e:  # never let an exception cross the C frames
                errors.append(e)
                return 1
        opts.progress = PROGRESS_CB(_cb)
    col = column.encode()
    handle = _handle()
    if data is not None:
        st = lib.sesame_phone_audit_buffer(ctypes.byref(handle), data, len(data), col, len(col), ctypes.byref(opts))
    else:
        p = os.fsencode(path)
        st = lib.sesame_phone_audit_file(ctypes.byref(handle), p, len(p), col, len(col), ctypes.byref(opts))
    if errors:
        raise errors[0]
    check(st)
    try:
        raw = _ffi.read_sized(lambda o, c, n: lib.sesame_phone_audit_json(o, c, n, handle), initial=4096)
    finally:
        lib.sesame_phone_audit_free(handle)
    return json.loads(raw.decode("utf-8"))
