"""Audit of the phone column of a guardians CSV export (sesame/phone_audit.h)."""
from __future__ import annotations

import codecs
import json
import os
from typing import Any, Callable, Dict, List, Optional, Union

from . import _args
from ._errors import check
from ._ffi import ffi, lib, new_handle, read_sized, short_names

__all__ = ["audit_phones", "audit_phones_summary", "ENCODINGS"]

Path = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
_ENCODING_VALUES = short_names("sesame_csv_encoding", "SESAME_CSV_ENCODING_")
#: Encodings by their Python codec name ("utf-8", "cp1252"), from sesame_csv_encoding; None is
#: the detection (SESAME_CSV_ENCODING_AUTO).
ENCODINGS: Dict[str, int] = {codecs.lookup(n).name: v for n, v in _ENCODING_VALUES.items() if n != "auto"}


def _encoding(encoding: Optional[str]) -> int:
    if encoding is None:
        return _ENCODING_VALUES["auto"]
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
    try:
        return ENCODINGS[codecs.lookup(encoding).name]
    except (LookupError, KeyError):
        raise ValueError(f"encoding must be None or one of {sorted(ENCODINGS)}, not {encoding!r}") from None


def _audit(path: Optional[Path], column: str, data: Optional[bytes], delimiter: Optional[str],
           encoding: Optional[str], progress: Optional[Callable[[int, int], Optional[bool]]],
           read: Callable[[Any], Any]) -> Any:
    """Runs the audit, calls ``read(handle)`` and frees the handle."""
    if (path is None) == (data is None):
        raise TypeError("give exactly one of path and data")
    col = _args.text(column, "column")
    opts = ffi.new("sesame_phone_audit_options *")
    check(lib.sesame_phone_audit_options_init(opts))
    if delimiter is not None:
        if not isinstance(delimiter, str):
            raise TypeError(f"delimiter must be a str or None, not {type(delimiter).__name__}")
        if len(delimiter) != 1:
            raise ValueError(f"delimiter must be one character, not {delimiter!r}")
        opts.delimiter = ord(delimiter)  # which characters are allowed is the library's rule
    opts.encoding = _encoding(encoding)
    errors: List[BaseException] = []
    if progress is not None:
        report = progress

        def _cb(done: int, total: int, _payload: Any) -> int:
            try:
                return 0 if report(done, total) is not False else 1
            except BaseException as e:  # never let an exception cross the C frames
                errors.append(e)
                return 1
        callback = ffi.callback("sesame_progress_cb", _cb)
        opts.progress = callback
    out = ffi.new("sesame_phone_audit **")
    if data is not None:
        raw = _args.binary(data, "data")
        st = lib.sesame_phone_audit_buffer(out, raw, len(raw), col, len(col), opts)
    else:
        if not isinstance(path, (str, bytes, os.PathLike)):
            raise TypeError(f"path must be str, bytes or os.PathLike, not {type(path).__name__}")
        p = os.fsencode(path)
        st = lib.sesame_phone_audit_file(out, p, len(p), col, len(col), opts)
    if errors:
        if st == 0:
            lib.sesame_phone_audit_free(out[0])
        raise errors[0]
    check(st)
    try:
        return read(out[0])
    finally:
        lib.sesame_phone_audit_free(out[0])


def audit_phones(path: Optional[Path] = None, *, column: str, data: Optional[bytes] = None,
                 delimiter: Optional[str] = None, encoding: Optional[str] = None,
                 progress: Optional[Callable[[int, int], Optional[bool]]] = None) -> Dict[str, Any]:
    """Audits the phone column ``column`` of a CSV file (``path``) or of CSV bytes (``data``).

    Returns the report of the CLI contract: ``{"rows", "summary": {...}, "shared_numbers": [...],
    "problems": [...], "encoding", "delimiter"}`` (it holds phone numbers: personal data).
    ``progress(done, total)`` may return False to stop (then :class:`sesame.CancelledError`).
    Raises :class:`sesame.NotFoundError` when the column is not in the header,
    :class:`sesame.ParseError` on a broken file, :class:`sesame.IoError`.
    """
    def read(handle: Any) -> Dict[str, Any]:
        doc: Dict[str, Any] = json.loads(read_sized(lambda o, c, n: lib.sesame_phone_audit_json(o, c, n, handle), 4096))
        return doc
    result: Dict[str, Any] = _audit(path, column, data, delimiter, encoding, progress, read)
    return result


def audit_phones_summary(path: Optional[Path] = None, *, column: str, data: Optional[bytes] = None,
                         delimiter: Optional[str] = None, encoding: Optional[str] = None,
                         progress: Optional[Callable[[int, int], Optional[bool]]] = None) -> Dict[str, int]:
    """The counts only (sesame_phone_audit_summary_get: no JSON, no phone number): one entry per
    field of ``sesame_phone_audit_summary`` ("rows", "mobile", "not_mobile", "invalid", "empty",
    "overseas", "shared_numbers", "problems"). Same arguments and errors as :func:`audit_phones`."""
    def read(handle: Any) -> Dict[str, int]:
        s = ffi.new("sesame_phone_audit_summary *")
        s.struct_size = ffi.sizeof("sesame_phone_audit_summary")  # no _init function: the header says sizeof
        check(lib.sesame_phone_audit_summary_get(s, handle))
        return {name: int(getattr(s, name)) for name, _ in ffi.typeof("sesame_phone_audit_summary").fields
                if name != "struct_size"}
    result: Dict[str, int] = _audit(path, column, data, delimiter, encoding, progress, read)
    return result
