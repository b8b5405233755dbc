"""Phone numbers: E.164 normalization with the French overseas plan (sesame/phone.h).

>>> import sesame
>>> n = sesame.phone.normalize("0692 12 34 56")
>>> n.ok, n.e164, n.region, n.is_mobile
(True, '+262692123456', 'RE', True)
>>> sesame.phone.normalize("Tél 06").error
'invalid_character'

The attributes of :class:`PhoneNumber` are the keys of ``sesame phone normalize`` (cli.md).
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Optional, Union

from . import _ffi
from ._errors import check

__all__ = ["PhoneNumber", "normalize", "same_number", "ERRORS", "TYPES"]

#: The refusal reasons, in the order the rules check them (error codes 1..7).
ERRORS = ("too_long", "invalid_utf8", "extension", "invalid_character", "no_digits", "invalid_length",
          "invalid_number")
#: The line types (codes 0..11).
TYPES = ("unknown", "mobile", "fixed_line", "fixed_line_or_mobile", "voip", "toll_free", "premium_rate",
         "shared_cost", "uan", "pager", "personal_number", "voicemail")

# Fields of sesame_phone_text().
_E164, _REGION, _NATIONAL, _INTERNATIONAL, _MASKED = 0, 1, 2, 3, 4


class _Result(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("error", ctypes.c_int32), ("country_code", ctypes.c_int32),
                ("type", ctypes.c_int32), ("is_mobile", ctypes.c_bool)]


_sz, _psz = ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)
_ffi.declare("sesame_phone_result_init", _ffi.c_status, [ctypes.POINTER(_Result)])
_ffi.declare("sesame_phone_normalize", _ffi.c_status, [ctypes.POINTER(_Result), ctypes.c_char_p, _sz])
_ffi.declare("sesame_phone_text", _ffi.c_status, [ctypes.c_char_p, _sz, _psz, ctypes.c_char_p, _sz, ctypes.c_int32])
_ffi.declare("sesame_phone_same_number", _ffi.c_status,
             [ctypes.POINTER(ctypes.c_bool), ctypes.c_char_p, _sz, ctypes.c_char_p, _sz])
_ffi.declare("sesame_phone_error_name", ctypes.c_char_p, [ctypes.c_int32])
_ffi.declare("sesame_phone_type_name", ctypes.c_char_p, [ctypes.c_int32])
_ffi.declare("sesame_phone_text_size", _sz, [])


@dataclass(frozen=True)
class PhoneNumber:
    """The outcome of :func:`normalize`; when ``ok`` is False only ``input`` and ``error`` are set."""

    input: str
    ok: bool
    e164: Optional[str] = None
    country_code: Optional[int] = None
    region: Optional[str] = None
    type: Optional[str] = None
    is_mobile: Optional[bool] = None
    national: Optional[str] = None
    international: Optional[str] = None
    masked: Optional[str] = None
    error: Optional[str] = None

    def __bool__(self) -> bool:
        return self.ok


def _bytes(raw: Union[str, bytes, bytearray]) -> bytes:
    if isinstance(raw, str):
        # Lone surrogates become ill-formed UTF-8, which the library refuses (invalid_utf8).
        return raw.encode("utf-8", "surrogatepass")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        return bytes(raw)
    raise TypeError("a phone number is str or bytes, not " + type(raw).__name__)


def _text(data: bytes, field: int) -> str:
    lib = _ffi.lib()
    return _ffi.read_sized(lambda o, c, n: lib.sesame_phone_text(o, c, n, data, len(data), field)).decode()


def normalize(raw: Union[str, bytes]) -> PhoneNumber:
    """Normalizes a typed phone number (default country France, overseas folded).

    Never raises for a bad number: ``ok`` is False and ``error`` names the reason (one of
    :data:`ERRORS`). Raises :class:`TypeError` when ``raw`` is neither str nor bytes.
    """
    data = _bytes(raw)
    shown = raw if isinstance(raw, str) else data.decode("utf-8", "replace")
    lib = _ffi.lib()
    r = _Result()
    check(lib.sesame_phone_result_init(ctypes.byref(r)))
    check(lib.sesame_phone_normalize(ctypes.byref(r), data, len(data)))
    if r.error != 0:
        return PhoneNumber(input=shown, ok=False, error=lib.sesame_phone_error_name(r.error).decode())
    return PhoneNumber(
        input=shown, ok=True, e164=_text(data, _E164), country_code=int(r.country_code),
        region=_text(data, _REGION), type=lib.sesame_phone_type_name(r.type).decode(), is_mobile=bool(r.is_mobile),
        national=_text(data, _NATIONAL), international=_text(data, _INTERNATIONAL), masked=_text(data, _MASKED))


def same_number(a: Union[str, bytes], b: Union[str, bytes]) -> bool:
    """True iff both inputs normalize and give the same E.164 (a refused side gives False)."""
    x, y = _bytes(a), _bytes(b)
    out = ctypes.c_bool(False)
    check(_ffi.lib().sesame_phone_same_number(ctypes.byref(out), x, len(x), y, len(y)))
    return bool(out.value)
