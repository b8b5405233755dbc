"""Sesame: parent-account activation decisions for French school portals.

A ctypes binding of the C ABI of libsesame (see include/sesame.h for the contract).
"""
from __future__ import annotations

from . import _ffi
from ._errors import (  # noqa: F401  (re-exported)
    BufferTooSmallError, CancelledError, CooldownError, CryptoError, DuplicateError, ExhaustedError, InternalError,
    InvalidArgumentError, InvalidNameError, InvalidUtf8Error, IoError, NotFoundError,
    OutOfMemoryError, ParseError, QuotaError, RateLimitedError, SesameError, StateError,
    StoreFullError, StoreUnavailableError, UnsupportedError, check,
)
from ._ffi import LibraryNotFound  # noqa: F401
from .otp import MemoryStore, OtpResult, OtpService, RedisStore  # noqa: F401
from . import phone  # noqa: F401
from .phone_audit import audit_phones  # noqa: F401
from . import identity  # noqa: F401
from .identity import DateCounter, Directory  # noqa: F401

__version__ = "0.1.0"


def library_version() -> str:
    """The version string of the loaded libsesame, e.g. ``"0.1.0"``."""
    return _ffi.lib().sesame_version_string().decode()


def library_version_number() -> int:
    """major * 10000 + minor * 100 + patch of the loaded libsesame."""
    return int(_ffi.lib().sesame_version_number())


def build_info() -> str:
    """One line describing the loaded library and its dependencies."""
    lib = _ffi.lib()
    return _ffi.read_sized(lib.sesame_build_info).decode()


def init() -> None:
    """Initialises the library early (optional; idempotent). Raises CryptoError on failure."""
    check(_ffi.lib().sesame_init())


def repair_utf8(data: bytes) -> str:
    """``data`` decoded as UTF-8 with each ill-formed subsequence replaced by U+FFFD."""
    lib = _ffi.lib()
    raw = _ffi.read_sized(lambda o, c, n: lib.sesame_utf8_repair(o, c, n, data, len(data)),
                          initial=len(data) * 3 + 1)
    return raw.decode("utf-8")
