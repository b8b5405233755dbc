"""Argument conversion before a foreign call: every integer is checked against its C type's range
and every text or byte string against its type, naming the parameter, so that nothing wraps around
(``ttl_s=2**32+5`` never becomes 5 s, ``key_id=-1`` never becomes 4,294,967,295).

Ranges come from the C types themselves (``ffi.sizeof`` and their signedness), not retyped. What a
value means (``ttl_s`` 1..86,400) stays the library's job: it answers SESAME_E_INVALID_ARGUMENT with a
detail naming the field, raised as :class:`sesame.InvalidArgumentError` (a ValueError).
"""
from __future__ import annotations

import operator
import os
import time
from typing import Dict, Optional, Tuple, Union

from ._ffi import short_names
from ._sesame_cffi import ffi

__all__ = ["OutOfRangeError", "LIMITS", "LANGS", "integer", "i32", "u32", "i64", "u64", "size", "text",
           "optional_text", "binary", "boolean", "lang", "now_ms", "path", "Text", "Binary", "Path"]

#: A text parameter: str (encoded as UTF-8; lone surrogates pass through as ill-formed bytes, which
#: the library then refuses) or bytes (passed as they are).
Text = Union[str, bytes]
#: A file name parameter: str, bytes or os.PathLike.
Path = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
#: A byte-string parameter (keys, secrets): bytes, bytearray or memoryview, never str or int.
Binary = Union[bytes, bytearray, memoryview]


class OutOfRangeError(OverflowError, ValueError):
    """An integer argument does not fit its C type. Both an OverflowError and a ValueError."""


def _limits(ctype: str) -> Tuple[int, int]:
    bits = ffi.sizeof(ctype) * 8
    if int(ffi.cast(ctype, -1)) < 0:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


#: C type -> (min, max), computed from the types.
LIMITS: Dict[str, Tuple[int, int]] = {t: _limits(t) for t in ("int32_t", "uint32_t", "int64_t", "uint64_t", "size_t")}


def integer(value: object, name: str, ctype: str) -> int:
    """``value`` as an int within ``ctype``'s range. TypeError for bool, float, str, None...;
    :class:`OutOfRangeError` outside the range."""
    if value.__class__ is not int:
        if isinstance(value, bool):
            raise TypeError(f"{name} must be an integer, not bool")
        try:
            value = operator.index(value)  # type: ignore[arg-type]  # TypeError when it has no __index__
        except TypeError:
            raise TypeError(f"{name} must be an integer, not {type(value).__name__}") from None
    assert isinstance(value, int)
    lo, hi = LIMITS[ctype]
    if value < lo or value > hi:
        raise OutOfRangeError(f"{name} = {value} is out of range for {ctype} ({lo}..{hi})")
    return value


def i32(value: object, name: str) -> int:
    return integer(value, name, "int32_t")


def u32(value: object, name: str) -> int:
    return integer(value, name, "uint32_t")


def i64(value: object, name: str) -> int:
    return integer(value, name, "int64_t")


def u64(value: object, name: str) -> int:
    return integer(value, name, "uint64_t")


def size(value: object, name: str) -> int:
    return integer(value, name, "size_t")


def text(value: object, name: str) -> bytes:
    """A text argument as bytes: str -> UTF-8 (surrogatepass), bytes as is; TypeError otherwise."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes):
        return value
    raise TypeError(f"{name} must be str or bytes, not {type(value).__name__}")


def optional_text(value: object, name: str) -> bytes:
    """As :func:`text`; None gives the empty text."""
    return b"" if value is None else text(value, name)


def binary(value: object, name: str) -> bytes:
    """A byte string (bytes, bytearray, memoryview); TypeError for str, int and anything else."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{name} must be bytes, not {type(value).__name__}")


def boolean(value: object, name: str) -> bool:
    """A flag: True or False only."""
    if value is True or value is False:
        return value
    raise TypeError(f"{name} must be a bool, not {type(value).__name__}")


#: Languages of labels and messages: {"fr": 0, "en": 1} (sesame_password_lang).
LANGS: Dict[str, int] = short_names("sesame_password_lang", "SESAME_PASSWORD_LANG_")


def lang(value: object) -> int:
    """A language name ("fr", "en") as its sesame_password_lang; TypeError for a non-str, ValueError
    for another name."""
    if not isinstance(value, str):
        raise TypeError(f"lang must be a str, not {type(value).__name__}")
    try:
        return LANGS[value]
    except KeyError:
        raise ValueError(f"lang must be one of {sorted(LANGS)}, not {value!r}") from None


def now_ms(value: Optional[object]) -> int:
    """Unix milliseconds: the clock for None, else an int64_t checked like :func:`integer`."""
    return int(time.time() * 1000) if value is None else integer(value, "now_ms", "int64_t")


def path(value: object, name: str = "path") -> bytes:
    """A file name as bytes (os.fsencode); TypeError unless str, bytes or os.PathLike."""
    if not isinstance(value, (str, bytes, os.PathLike)):
        raise TypeError(f"{name} must be str, bytes or os.PathLike, not {type(value).__name__}")
    return os.fsencode(value)
