"""The error model: one exception class per sesame_status, mapped by :func:`check`.

Every class names its C status (``name``); its ``code`` is read from the enum the generated cffi
module holds (ffi/sesame_ffi.h), never retyped here. Classes also derive from the builtin that
idiomatic code catches (``ValueError``, ``KeyError``, ``ConnectionError``...).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Type

from ._sesame_cffi import ffi

__all__ = [
    "SesameError", "InvalidArgumentError", "OutOfMemoryError", "InternalError", "BufferTooSmallError",
    "InvalidUtf8Error", "UnsupportedError", "StoreUnavailableError", "StoreFullError", "CooldownError",
    "QuotaError", "RateLimitedError", "ExhaustedError", "NotFoundError", "ParseError", "InvalidNameError",
    "CryptoError", "DuplicateError", "IoError", "StateError", "CancelledError", "LimitError", "FunctionNotFound",
    "BY_CODE", "STATUS", "check", "error_for",
]

#: C status name -> value, from the generated module (sesame_status in sesame/errors.h).
STATUS: Dict[str, int] = dict(ffi.typeof("sesame_status").relements)


class SesameError(Exception):
    """Base of every error raised by Sesame. ``.code`` is the C status, ``.name`` its identifier,
    ``.detail`` the library's thread-local detail (sesame_last_error_message)."""

    name: str = "SESAME_E_INTERNAL"
    code: int = STATUS["SESAME_E_INTERNAL"]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:  # KeyError at import if the header no longer has that status
            cls.code = STATUS[cls.name]

    def __init__(self, message: str, code: Optional[int] = None, detail: str = "") -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.detail = detail


class InvalidArgumentError(SesameError, ValueError):
    name = "SESAME_E_INVALID_ARGUMENT"


class OutOfMemoryError(SesameError, MemoryError):
    name = "SESAME_E_NOMEM"


class InternalError(SesameError):
    name = "SESAME_E_INTERNAL"


class BufferTooSmallError(SesameError):
    name = "SESAME_E_BUFFER_TOO_SMALL"


class InvalidUtf8Error(SesameError, ValueError):
    name = "SESAME_E_INVALID_UTF8"


class UnsupportedError(SesameError, NotImplementedError):
    name = "SESAME_E_UNSUPPORTED"


class StoreUnavailableError(SesameError, ConnectionError):
    name = "SESAME_E_STORE_UNAVAILABLE"


class StoreFullError(SesameError):
    name = "SESAME_E_STORE_FULL"


class CooldownError(SesameError):
    """Too soon since the last code; ``retry_after_s`` says how long to wait."""
    name = "SESAME_E_COOLDOWN"
    retry_after_s = 0


class QuotaError(SesameError):
    """Too many codes sent in the last hour; ``retry_after_s`` says how long to wait."""
    name = "SESAME_E_QUOTA"
    retry_after_s = 0


class RateLimitedError(SesameError):
    name = "SESAME_E_RATE_LIMITED"


class ExhaustedError(SesameError):
    name = "SESAME_E_EXHAUSTED"


class NotFoundError(SesameError, KeyError):
    name = "SESAME_E_NOT_FOUND"

    def __str__(self) -> str:  # KeyError would repr() the message
        return Exception.__str__(self)


class ParseError(SesameError, ValueError):
    name = "SESAME_E_PARSE"


class InvalidNameError(SesameError, ValueError):
    name = "SESAME_E_INVALID_NAME"


class CryptoError(SesameError):
    name = "SESAME_E_CRYPTO"


class DuplicateError(SesameError, ValueError):
    name = "SESAME_E_DUPLICATE"


class IoError(SesameError, OSError):
    name = "SESAME_E_IO"


class StateError(SesameError):
    name = "SESAME_E_STATE"


class CancelledError(SesameError):
    name = "SESAME_E_CANCELLED"


class LimitError(SesameError, ValueError):
    """An input above a documented limit (sesame/limits.h: a document's size or depth, a stored
    hash's cost); ``detail`` names the limit."""

    name = "SESAME_E_LIMIT"


class FunctionNotFound(UnsupportedError):
    """The loaded libsesame (same major, older minor) lacks a function this call needs: raised when
    the function is first used, never at import (cffi's ABI mode resolves symbols lazily)."""

    def __init__(self, function: str, library: str, version: str) -> None:
        super().__init__(f"{function} is not in libsesame {version} ({library}): this call needs a newer "
                         f"library of the same major version", detail=function)
        self.function = function


#: status value -> exception class; tests check it covers the C enum.
BY_CODE: Dict[int, Type[SesameError]] = {cls.code: cls for cls in (
    InvalidArgumentError, OutOfMemoryError, InternalError, BufferTooSmallError, InvalidUtf8Error,
    UnsupportedError, StoreUnavailableError, StoreFullError, CooldownError, QuotaError,
    RateLimitedError, ExhaustedError, NotFoundError, ParseError, InvalidNameError, CryptoError,
    DuplicateError, IoError, StateError, CancelledError, LimitError)}


def error_for(status: int) -> SesameError:
    """The exception for a failing status, with the library's message and thread-local detail.
    Call it right after the failing call (the detail lasts until the next Sesame call on this thread)."""
    from ._ffi import lib  # _ffi imports this module

    detail: str = ffi.string(lib.sesame_last_error_message()).decode("utf-8", "replace")
    message: str = ffi.string(lib.sesame_status_str(status)).decode("utf-8", "replace")
    cls = BY_CODE.get(status)
    if cls is None:  # a status newer than this binding's header: still a failure, named by the library
        err = SesameError(f"{message}: {detail}" if detail else message, code=status, detail=detail)
        err.name = ffi.string(lib.sesame_status_name(status)).decode("utf-8", "replace")
        return err
    return cls(f"{message}: {detail}" if detail else message, code=status, detail=detail)


def check(status: int) -> None:
    """Raises the matching exception when ``status`` is negative."""
    if status < 0:
        raise error_for(status)
