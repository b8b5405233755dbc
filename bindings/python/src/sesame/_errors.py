"""The error model: one exception class per sesame_status, mapped by :func:`check`."""
from __future__ import annotations

from . import _ffi


class SesameError(Exception):
    """Base of every error raised by Sesame. ``.code`` is the C status, ``.name`` its identifier."""

    code = -3
    name = "SESAME_E_INTERNAL"

    def __init__(self, message: str, code: int | None = None, detail: str = ""):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.detail = detail


class InvalidArgumentError(SesameError, ValueError):
    code, name = -1, "SESAME_E_INVALID_ARGUMENT"


class OutOfMemoryError(SesameError, MemoryError):
    code, name = -2, "SESAME_E_NOMEM"


class InternalError(SesameError):
    code, name = -3, "SESAME_E_INTERNAL"


class BufferTooSmallError(SesameError):
    code, name = -4, "SESAME_E_BUFFER_TOO_SMALL"


class InvalidUtf8Error(SesameError, ValueError):
    code, name = -5, "SESAME_E_INVALID_UTF8"


class UnsupportedError(SesameError, NotImplementedError):
    code, name = -6, "SESAME_E_UNSUPPORTED"


class StoreUnavailableError(SesameError, ConnectionError):
    code, name = -7, "SESAME_E_STORE_UNAVAILABLE"


class StoreFullError(SesameError):
    code, name = -8, "SESAME_E_STORE_FULL"


class CooldownError(SesameError):
    code, name = -9, "SESAME_E_COOLDOWN"
    retry_after_s = 0


class QuotaError(SesameError):
    code, name = -10, "SESAME_E_QUOTA"
    retry_after_s = 0


class RateLimitedError(SesameError):
    code, name = -11, "SESAME_E_RATE_LIMITED"


class ExhaustedError(SesameError):
    code, name = -12, "SESAME_E_EXHAUSTED"


class NotFoundError(SesameError, KeyError):
    code, name = -13, "SESAME_E_NOT_FOUND"

    def __str__(self) -> str:  # KeyError would repr() the message
        return Exception.__str__(self)


class ParseError(SesameError, ValueError):
    code, name = -14, "SESAME_E_PARSE"


class InvalidNameError(SesameError, ValueError):
    code, name = -15, "SESAME_E_INVALID_NAME"


class CryptoError(SesameError):
    code, name = -16, "SESAME_E_CRYPTO"


class DuplicateError(SesameError, ValueError):
    code, name = -17, "SESAME_E_DUPLICATE"


class IoError(SesameError, OSError):
    code, name = -18, "SESAME_E_IO"


class StateError(SesameError):
    code, name = -19, "SESAME_E_STATE"


class CancelledError(SesameError):
    code, name = -20, "SESAME_E_CANCELLED"


#: status value -> exception class. tests check it against the C enum (sesame_status_name).
BY_CODE = {cls.code: cls for cls in (
    InvalidArgumentError, OutOfMemoryError, InternalError, BufferTooSmallError, InvalidUtf8Error,
    UnsupportedError, StoreUnavailableError, StoreFullError, CooldownError, QuotaError,
    RateLimitedError, ExhaustedError, NotFoundError, ParseError, InvalidNameError, CryptoError,
    DuplicateError, IoError, StateError, CancelledError)}


def error_for(status: int) -> SesameError:
    """The exception for a failing status, with the library's message and thread-local detail."""
    lib = _ffi.lib()
    message = lib.sesame_status_str(status).decode()
    detail = (lib.sesame_last_error_message() or b"").decode("utf-8", "replace")
    cls = BY_CODE.get(status, SesameError)  # unknown negatives are failures too
    return cls(f"{message}: {detail}" if detail else message, code=status, detail=detail)


def check(status: int) -> None:
    """Raises the matching exception when ``status`` is negative."""
    if status < 0:
        raise error_for(status)
