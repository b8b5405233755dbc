"""Audit of the phone column of a guardians CSV export (sesame/phone_audit.h)."""
from __future__ import annotations

import codecs
import json
import queue
import threading
from typing import Any, Callable, Dict, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import _args
from ._args import Path
from ._errors import NotFoundError, check, error_for
from ._ffi import ffi, lib, read_sized, short_names
from .phone import _ERROR_NAMES, _TYPE_NAMES  # one name table per process

__all__ = ["audit_phones", "audit_phones_summary", "audit_rows", "audit_columns", "AuditRow", "ColumnError",
           "ENCODINGS", "OUTCOMES"]

_ENCODING_VALUES = short_names("sesame_csv_encoding", "SESAME_CSV_ENCODING_")


def _codec(short: str) -> str:
    """"utf8" -> "utf-8", "windows_1252" -> "cp1252", "utf16le" -> "utf-16-le" (Python's codec names)."""
    return codecs.lookup(short.replace("utf16", "utf_16_")).name


#: Encodings by their Python codec name ("utf-8", "cp1252", "utf-16-le", "utf-16-be"), from
#: sesame_csv_encoding; None is the detection (SESAME_CSV_ENCODING_AUTO).
ENCODINGS: Dict[str, int] = {_codec(n): v for n, v in _ENCODING_VALUES.items() if n != "auto"}
#: The outcomes of a row by name: {"mobile": 0, "not_mobile": 1, "invalid": 2, "empty": 3}.
OUTCOMES: Dict[str, int] = short_names("sesame_phone_audit_outcome", "SESAME_PHONE_AUDIT_")
_OUTCOME_NAMES = {v: k for k, v in OUTCOMES.items()}
#: The report's encoding names ("utf-8", "windows-1252", "utf-16le", "utf-16be") by value.
_ENCODING_LABELS = {v: n.replace("utf8", "utf-8").replace("windows_", "windows-").replace("utf16", "utf-16")
                    for n, v in _ENCODING_VALUES.items()}


class AuditRow(NamedTuple):
    """One record of the export (sesame_phone_audit_row). ``row`` is the index among data records
    (0 for the header), ``line`` the row a spreadsheet shows (the header is usually 1, blank lines
    count); ``outcome`` is "mobile", "not_mobile", "invalid", "empty" (None for the header);
    ``error`` the phone error name of an invalid row, ``type`` the number type of a valid one
    (None otherwise); ``message`` the outcome for people in the audit's language. ``fields``,
    ``raw`` (the record as written, quotes kept), ``gap`` (blank lines before it) and ``line_end``
    are the file's text decoded. Holds personal data."""
    row: int
    line: int
    outcome: Optional[str]
    input: str
    e164: Optional[str]
    type: Optional[str]
    error: Optional[str]
    message: str
    same_as_line: Optional[int]
    outside_metadata: bool
    fields: Tuple[str, ...]
    raw: str
    gap: str
    line_end: str
    column: int
    encoding: str
    delimiter: str
    bom: bool


class ColumnError(NotFoundError):
    """No column of the header matches the name given (``candidates`` is empty), or several do
    (``candidates`` lists them). ``columns`` holds every column of the header."""

    def __init__(self, message: str, code: Optional[int] = None, detail: str = "",
                 columns: Tuple[str, ...] = (), candidates: Tuple[str, ...] = ()) -> None:
        super().__init__(message, code, detail)
        self.columns = columns
        self.candidates = candidates


def _encoding(encoding: Optional[str]) -> int:
    if encoding is None:
        return _ENCODING_VALUES["auto"]
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
    try:
        return ENCODINGS[codecs.lookup(encoding).name]
    except (LookupError, KeyError):
        raise ValueError(f"encoding must be None or one of {sorted(ENCODINGS)}, not {encoding!r}") from None


def _text(p: Any, n: int) -> str:
    return bytes(ffi.buffer(p, n)).decode("utf-8", "replace") if n else ""


def _row(r: Any) -> AuditRow:
    header = r.row == 0
    valid = r.e164_len > 0
    return AuditRow(
        row=int(r.row), line=int(r.line), outcome=None if header else _OUTCOME_NAMES.get(r.outcome, str(r.outcome)),
        input=_text(r.input, r.input_len), e164=_text(r.e164, r.e164_len) if valid else None,
        type=_TYPE_NAMES[r.type] if valid else None, error=_ERROR_NAMES[r.error] if r.error != 0 else None,
        message=_text(r.message, r.message_len), same_as_line=int(r.same_as_line) or None,
        outside_metadata=bool(r.outside_metadata),
        fields=tuple(_text(r.fields[i], r.field_lens[i]) for i in range(r.field_count)),
        raw=_text(r.raw, r.raw_len), gap=_text(r.gap, r.gap_len), line_end=_text(r.line_end, r.line_end_len),
        column=int(r.column), encoding=_ENCODING_LABELS.get(r.encoding, str(r.encoding)), delimiter=chr(r.delimiter),
        bom=bool(r.bom))


def _options(delimiter: Optional[str], encoding: Optional[str], lang: str) -> Any:
    opts = ffi.new("sesame_phone_audit_options *")
    check(lib.sesame_phone_audit_options_init(opts))
    if delimiter is not None:
        if not isinstance(delimiter, str):
            raise TypeError(f"delimiter must be a str or None, not {type(delimiter).__name__}")
        if len(delimiter) != 1:
            raise ValueError(f"delimiter must be one character, not {delimiter!r}")
        opts.delimiter = ord(delimiter)  # which characters are allowed is the library's rule
    opts.encoding = _encoding(encoding)
    opts.lang = _args.lang(lang)
    return opts


def _source(path: Optional[Path], data: Optional[bytes]) -> Tuple[Optional[bytes], Optional[bytes]]:
    """(file name bytes, None) or (None, CSV bytes)."""
    if (path is None) == (data is None):
        raise TypeError("give exactly one of path and data")
    if data is not None:
        return None, _args.binary(data, "data")
    return _args.path(path), None


def _columns(p: Optional[bytes], raw: Optional[bytes], col: bytes, opts: Any) -> Dict[str, Any]:
    if raw is not None:
        buf: bytes = raw
        text = read_sized(lambda o, c, n: lib.sesame_phone_audit_columns_buffer(o, c, n, buf, len(buf), col, len(col), opts))
    else:
        name: bytes = p if p is not None else b""
        text = read_sized(lambda o, c, n: lib.sesame_phone_audit_columns_file(o, c, n, name, len(name), col, len(col), opts))
    doc: Dict[str, Any] = json.loads(text)
    return doc


def _audit(path: Optional[Path], column: str, data: Optional[bytes], delimiter: Optional[str],
           encoding: Optional[str], progress: Optional[Callable[[int, int], Optional[bool]]],
           read: Callable[[Any], Any], lang: str = "fr",
           on_row: Optional[Callable[[AuditRow], Optional[bool]]] = None) -> Any:
    """Runs the audit, calls ``read(handle)`` and frees the handle."""
    p, raw = _source(path, data)
    col = _args.text(column, "column")
    opts = _options(delimiter, encoding, lang)
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
    if on_row is not None:
        each = on_row

        def _row_cb(r: Any, _payload: Any) -> int:
            try:
                return 0 if each(_row(r)) is not False else 1
            except BaseException as e:
                errors.append(e)
                return 1
        row_callback = ffi.callback("sesame_phone_audit_row_cb", _row_cb)
        opts.row = row_callback
    out = ffi.new("sesame_phone_audit **")
    if raw is not None:
        st = lib.sesame_phone_audit_buffer(out, raw, len(raw), col, len(col), opts)
    else:
        name = p if p is not None else b""
        st = lib.sesame_phone_audit_file(out, name, len(name), col, len(col), opts)
    if errors:
        if st == 0:
            lib.sesame_phone_audit_free(out[0])
        raise errors[0]
    if st == NotFoundError.code:
        e = error_for(st)
        try:  # which columns the header has, for the exception (an empty file has none)
            doc = _columns(p, raw, col, opts)
        except NotFoundError:
            raise e from None
        raise ColumnError(str(e), st, e.detail, tuple(doc["columns"]), tuple(doc["candidates"])) from None
    check(st)
    try:
        return read(out[0])
    finally:
        lib.sesame_phone_audit_free(out[0])


def audit_phones(path: Optional[Path] = None, *, column: str, data: Optional[bytes] = None,
                 delimiter: Optional[str] = None, encoding: Optional[str] = None,
                 progress: Optional[Callable[[int, int], Optional[bool]]] = None, lang: str = "fr",
                 on_row: Optional[Callable[[AuditRow], Optional[bool]]] = None) -> Dict[str, Any]:
    """Audits the phone column ``column`` of a CSV file (``path``) or of CSV bytes (``data``).

    The column is found as a secretary names it: exactly, or forgiving case, accents and spacing,
    or by a common name ("portable", "mobile", "tél. portable"...). Returns the report of the CLI
    contract: ``{"rows", "summary": {...}, "shared_numbers": [...], "problems": [...], "encoding",
    "delimiter", ...}`` (it holds phone numbers: personal data); rows are named by ``row`` and by
    ``line`` (the spreadsheet's row). ``progress(done, total)`` and ``on_row(AuditRow)`` (the
    header, then every data record, as the audit goes) may return False to stop (then
    :class:`sesame.CancelledError`). ``lang`` ("fr", "en") is the language of the messages.
    Raises :class:`ColumnError` (a :class:`sesame.NotFoundError`) when no column or several match,
    :class:`sesame.NotFoundError` for an empty file, :class:`sesame.ParseError` on a broken file,
    :class:`sesame.IoError`.
    """
    def read(handle: Any) -> Dict[str, Any]:
        doc: Dict[str, Any] = json.loads(read_sized(lambda o, c, n: lib.sesame_phone_audit_json(o, c, n, handle), 4096))
        return doc
    result: Dict[str, Any] = _audit(path, column, data, delimiter, encoding, progress, read, lang, on_row)
    return result


def audit_phones_summary(path: Optional[Path] = None, *, column: str, data: Optional[bytes] = None,
                         delimiter: Optional[str] = None, encoding: Optional[str] = None,
                         progress: Optional[Callable[[int, int], Optional[bool]]] = None, lang: str = "fr",
                         on_row: Optional[Callable[[AuditRow], Optional[bool]]] = None) -> Dict[str, int]:
    """The counts only (sesame_phone_audit_summary_get: no JSON, no phone number): one entry per
    field of ``sesame_phone_audit_summary`` ("rows", "mobile", "not_mobile", "invalid", "empty",
    "overseas", "shared_numbers", "problems", "outside_metadata"). Same arguments and errors as
    :func:`audit_phones`."""
    def read(handle: Any) -> Dict[str, int]:
        s = ffi.new("sesame_phone_audit_summary *")
        s.struct_size = ffi.sizeof("sesame_phone_audit_summary")  # no _init function: the header says sizeof
        check(lib.sesame_phone_audit_summary_get(s, handle))
        return {name: int(getattr(s, name)) for name, _ in ffi.typeof("sesame_phone_audit_summary").fields
                if name != "struct_size"}
    result: Dict[str, int] = _audit(path, column, data, delimiter, encoding, progress, read, lang, on_row)
    return result


class _Failure:
    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


_END = object()


def audit_rows(path: Optional[Path] = None, *, column: str, data: Optional[bytes] = None,
               delimiter: Optional[str] = None, encoding: Optional[str] = None, lang: str = "fr",
               header: bool = False) -> Iterator[AuditRow]:
    """The audit one row at a time: a generator of :class:`AuditRow` (data records in order; the
    header first, as row 0, when ``header`` is true), for a per-row report or a re-import. Memory
    does not grow with the rows: the audit runs in a worker thread that waits while the caller has
    not taken the row before (a small queue). Leaving the loop early stops the audit. Same
    arguments and errors as :func:`audit_phones` (raised by the iteration)."""
    _source(path, data)  # argument errors at once, not at the first next()
    _args.text(column, "column")
    _options(delimiter, encoding, lang)
    rows: "queue.Queue[Any]" = queue.Queue(maxsize=64)
    stop = threading.Event()

    def offer(item: Any) -> bool:
        while not stop.is_set():
            try:
                rows.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def each(r: AuditRow) -> bool:
        return (r.row == 0 and not header) or offer(r)

    def work() -> None:
        try:
            _audit(path, column, data, delimiter, encoding, None, lambda handle: None, lang, each)
            offer(_END)
        except BaseException as e:  # handed to the caller's thread
            offer(_Failure(e))

    worker = threading.Thread(target=work, name="sesame-audit-rows", daemon=True)
    worker.start()
    try:
        while True:
            item = rows.get()
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item
    finally:
        stop.set()
        worker.join()


def audit_columns(path: Optional[Path] = None, *, column: str = "", data: Optional[bytes] = None,
                  delimiter: Optional[str] = None, encoding: Optional[str] = None) -> Dict[str, Any]:
    """The columns of the export's header and how ``column`` matches them, reading the header only
    (sesame_phone_audit_columns_*): ``{"columns": [...], "column": name or None, "index": int or
    None, "match": "exact"|"folded"|"synonym"|"contains"|None, "candidates": [...], "encoding",
    "delimiter", "bom", "line_end"}``. For a form that lets the secretary pick the column."""
    p, raw = _source(path, data)
    col = _args.text(column, "column")
    return _columns(p, raw, col, _options(delimiter, encoding, "fr"))
