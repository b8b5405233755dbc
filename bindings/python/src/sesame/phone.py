"""Phone numbers: E.164 normalization with the French overseas plan (sesame/phone.h).

>>> import sesame
>>> n = sesame.phone.normalize("0692 12 34 56")
>>> n.ok, n.e164, n.region, n.is_mobile
(True, '+262692123456', 'RE', True)
>>> sesame.phone.normalize("Tél 06").error
'invalid_character'

The attributes of :class:`PhoneNumber` are the keys of ``sesame phone normalize`` (cli.md). One
foreign call per :func:`normalize`: sesame_phone_normalize fills a preallocated
``sesame_phone_result`` whose texts are read in place.
"""
from __future__ import annotations

from typing import Any, List, NamedTuple, Optional, Tuple

from . import _args
from ._args import Text
from ._errors import check
from ._ffi import Names, ffi, lib

__all__ = ["PhoneNumber", "normalize", "same_number", "ERRORS", "TYPES"]

#: The refusal reasons (sesame_phone_error without "ok"), in the order the rules check them.
ERRORS: Tuple[str, ...]
#: The line types (sesame_phone_type), in value order.
TYPES: Tuple[str, ...]

_ERROR_NAMES = Names("sesame_phone_error_name", enumeration="sesame_phone_error")
_TYPE_NAMES = Names("sesame_phone_type_name", enumeration="sesame_phone_type")


def __getattr__(name: str) -> Tuple[str, ...]:  # ERRORS and TYPES are asked to the library on first use
    if name == "ERRORS":
        return tuple(n for n in _ERROR_NAMES.ordered() if n)
    if name == "TYPES":
        return _TYPE_NAMES.ordered()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class PhoneNumber(NamedTuple):
    """The outcome of :func:`normalize`; when ``ok`` is False only ``input`` and ``error`` are set.
    Truthy iff ``ok``. A tuple subclass: cheap to build, immutable, hashable."""

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


_TEXTS = ("e164", "region", "national", "international", "masked")


def _scratch() -> Tuple[Any, ...]:
    """A result struct (struct_size set by sesame_phone_result_init) and char pointers to its texts."""
    r = ffi.new("sesame_phone_result *")
    check(lib.sesame_phone_result_init(r))
    return (r,) + tuple(ffi.cast("char *", ffi.addressof(r, f)) for f in _TEXTS)


_free: List[Tuple[Any, ...]] = []  # see _ffi.Scratch: list.pop/append are atomic
_string = ffi.string
_tuple_new = tuple.__new__


def normalize(raw: Text) -> PhoneNumber:
    """Normalizes a typed phone number (default country France, overseas folded).

    Never raises for a bad number: ``ok`` is False and ``error`` names the reason (one of
    :data:`ERRORS`). Raises :class:`TypeError` when ``raw`` is neither str nor bytes.
    """
    if isinstance(raw, str):
        data = raw.encode("utf-8", "surrogatepass")
        shown = raw
    else:
        data = _args.text(raw, "raw")
        shown = data.decode("utf-8", "replace")
    try:
        s = _free.pop()
    except IndexError:
        s = _scratch()
    r, e164, region, national, international, masked = s
    st = lib.sesame_phone_normalize(r, data, len(data))
    if st:
        check(st)
    error = r.error
    if error:
        n = _tuple_new(PhoneNumber, (shown, False, None, None, None, None, None, None, None, None,
                                     _ERROR_NAMES[error]))
    else:
        n = _tuple_new(PhoneNumber, (shown, True, _string(e164).decode(), r.country_code, _string(region).decode(),
                                     _TYPE_NAMES[r.type], r.is_mobile, _string(national).decode(),
                                     _string(international).decode(), _string(masked).decode(), None))
    _free.append(s)
    return n


def same_number(a: Text, b: Text) -> bool:
    """True iff both inputs normalize and give the same E.164 (a refused side gives False)."""
    x, y = _args.text(a, "a"), _args.text(b, "b")
    out = ffi.new("bool *")
    check(lib.sesame_phone_same_number(out, x, len(x), y, len(y)))
    return bool(out[0])
