"""Sesame: parent-account activation decisions for French school portals.

A cffi binding (out-of-line ABI mode) of the C ABI of libsesame, generated from ffi/sesame_ffi.h
(see include/sesame.h for the contract). ``import sesame`` loads the library (``SESAME_LIBRARY``,
then next to the package, then ``libsesame.so.1``) or raises :class:`LibraryNotFound`.
"""
from __future__ import annotations

from . import _ffi
from ._args import Binary, OutOfRangeError, Text, binary
from ._errors import (
    BufferTooSmallError, CancelledError, CooldownError, CryptoError, DuplicateError, ExhaustedError, FunctionNotFound,
    InternalError, InvalidArgumentError, InvalidNameError, InvalidUtf8Error, IoError, LimitError, NotFoundError,
    OutOfMemoryError, ParseError, QuotaError, RateLimitedError, SesameError, StateError, StoreFullError,
    StoreUnavailableError, UnsupportedError, check,
)
from ._ffi import LibraryNotFound
from . import identity, password, phone, phone_audit, otp
from .identity import DateCounter, Decision, Directory
from .otp import IssueResult, MemoryStore, OtpResult, OtpService, RedisStore
from .phone_audit import AuditRow, ColumnError, audit_columns, audit_phones, audit_phones_summary, audit_rows

__all__ = [
    "__version__", "library_version", "library_version_number", "library_path", "build_info", "init", "repair_utf8",
    "wipe", "check", "phone", "password", "identity", "otp", "phone_audit", "audit_phones", "audit_phones_summary",
    "audit_rows", "audit_columns", "AuditRow", "ColumnError",
    "DateCounter", "Decision", "Directory", "IssueResult", "MemoryStore", "OtpResult", "OtpService", "RedisStore",
    "LibraryNotFound", "OutOfRangeError", "Text", "Binary",
    "SesameError", "BufferTooSmallError", "CancelledError", "CooldownError", "CryptoError", "DuplicateError",
    "ExhaustedError", "FunctionNotFound", "InternalError", "InvalidArgumentError", "InvalidNameError",
    "InvalidUtf8Error", "IoError", "LimitError", "NotFoundError", "OutOfMemoryError", "ParseError", "QuotaError", "RateLimitedError",
    "StateError", "StoreFullError", "StoreUnavailableError", "UnsupportedError",
]

__version__ = "1.0.0"


def library_version() -> str:
    """The version string of the loaded libsesame, e.g. ``"1.0.0"``."""
    return _ffi.string(_ffi.lib.sesame_version_string())


def library_version_number() -> int:
    """major * 10000 + minor * 100 + patch of the loaded libsesame."""
    return int(_ffi.lib.sesame_version_number())


def library_path() -> str:
    """The file the library was loaded from (or the name given to the system loader)."""
    return _ffi.LIBRARY_PATH


def build_info() -> str:
    """One line describing the loaded library and its dependencies."""
    return _ffi.read_sized(_ffi.lib.sesame_build_info).decode()


def init() -> None:
    """Initialises the library early (optional; idempotent). Raises CryptoError on failure."""
    check(_ffi.lib.sesame_init())


def repair_utf8(data: bytes) -> str:
    """``data`` decoded as UTF-8 with each ill-formed subsequence replaced by U+FFFD."""
    raw = binary(data, "data")
    return _ffi.read_sized(lambda o, c, n: _ffi.lib.sesame_utf8_repair(o, c, n, raw, len(raw)),
                           len(raw) * 3 + 1).decode("utf-8")


def wipe(buffer: bytearray) -> None:
    """Overwrites a writable buffer (a bytearray holding a key or a code) with zeros in a way the
    compiler cannot remove (sesame_memzero). Immutable bytes and str cannot be wiped."""
    if not isinstance(buffer, bytearray):
        raise TypeError(f"buffer must be a bytearray, not {type(buffer).__name__}")
    if buffer:
        _ffi.lib.sesame_memzero(_ffi.ffi.from_buffer(buffer, require_writable=True), len(buffer))
