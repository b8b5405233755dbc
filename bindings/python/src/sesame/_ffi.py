"""Loading libsesame through the generated cffi module, and the helpers every module shares.

``ffi`` (types, layouts, enum values, signatures) comes from ``_sesame_cffi.py``, generated from
ffi/sesame_ffi.h by bindings/python/gen_cffi.py; nothing here retypes the C declarations.

Loading order: ``SESAME_LIBRARY`` (a path; an explicit choice is never replaced by another
library), then a library next to this package (a wheel ships it there), then the system loader
(``libsesame.so.1``). The library's ``sesame_version_number()`` major must be the header's
(:data:`ABI_MAJOR`), otherwise :class:`LibraryNotFound`. Functions are resolved on first use
(cffi's ABI mode): an older library of the same major that lacks one raises
:class:`sesame.FunctionNotFound` when that function is called, not at import.
"""
from __future__ import annotations

import os
import sys
import weakref
from typing import Any, Callable, Dict, List, Optional, Tuple

from ._errors import BufferTooSmallError, FunctionNotFound, check
from ._sesame_cffi import ABI_MAJOR, SONAME, ffi

__all__ = ["ABI_MAJOR", "SONAME", "LIBRARY_PATH", "LibraryNotFound", "ffi", "lib", "raw_lib", "enum", "short_names",
           "Names", "Scratch", "Handle", "read_sized", "string", "new_handle"]


class LibraryNotFound(ImportError):
    """libsesame could not be loaded, or its major version is not the binding's."""


class _Lib:
    """The loaded library. An attribute is resolved on first access (a dlsym through cffi), then
    cached in the instance dictionary, so later calls cost a plain attribute lookup."""

    def __init__(self, raw: Any, path: str, version: str) -> None:
        self._raw = raw
        self._path = path
        self._version = version

    def __getattr__(self, name: str) -> Any:  # only for names not cached yet
        try:
            value = getattr(self._raw, name)  # AttributeError when the header does not declare it
        except ffi.error:  # declared by the header, absent from this (older) library
            raise FunctionNotFound(name, self._path, self._version) from None
        self.__dict__[name] = value
        return value


def _candidates() -> List[str]:
    env = os.environ.get("SESAME_LIBRARY")
    if env:
        return [env]
    here = os.path.dirname(os.path.realpath(__file__))
    names = (SONAME, "libsesame.so", "libsesame.dylib", "sesame.dll")
    out = [os.path.join(here, n) for n in names if os.path.exists(os.path.join(here, n))]
    out.append(SONAME)  # the system loader: ld.so cache, LD_LIBRARY_PATH
    return out


def _load() -> Tuple[Any, str, str]:
    if sys.platform == "win32" and hasattr(os, "add_dll_directory"):
        os.add_dll_directory(os.path.dirname(os.path.realpath(__file__)))
    errors = []
    for path in _candidates():
        try:
            raw = ffi.dlopen(path)
        except OSError as e:
            errors.append(f"{path}: {e}")
            continue
        try:
            number = int(raw.sesame_version_number())
            version = ffi.string(raw.sesame_version_string()).decode()
        except ffi.error:
            errors.append(f"{path}: not a libsesame (no sesame_version_number)")
            continue
        if number // 10000 != ABI_MAJOR:
            raise LibraryNotFound(
                f"{path} is libsesame {version}, major {number // 10000}; this binding needs major {ABI_MAJOR} "
                f"(set SESAME_LIBRARY to a {SONAME})")
        return raw, path, version
    raise LibraryNotFound(
        f"libsesame {ABI_MAJOR}.x not found; set SESAME_LIBRARY to the path of {SONAME} (" + "; ".join(errors) + ")")


raw_lib, LIBRARY_PATH, LIBRARY_VERSION = _load()
#: The library; functions resolve on first use (see :class:`_Lib`).
lib: Any = _Lib(raw_lib, LIBRARY_PATH, LIBRARY_VERSION)

_BUFFER_TOO_SMALL: int = BufferTooSmallError.code


def string(p: Any) -> str:
    """A NUL-terminated UTF-8 C string (char * or char[n]) as str."""
    s: str = ffi.string(p).decode("utf-8")
    return s


def enum(typename: str) -> Dict[str, int]:
    """The C enumeration ``typename``: name -> value, as the header declares it."""
    return dict(ffi.typeof(typename).relements)


def short_names(typename: str, prefix: str) -> Dict[str, int]:
    """The enumeration with ``prefix`` removed and the rest lowercased: SESAME_OTP_SHA1 -> "sha1"."""
    return {name[len(prefix):].lower(): value for name, value in enum(typename).items() if name.startswith(prefix)}


class Names(Dict[int, str]):
    """value -> text through a C ``*_name``/``*_label``/``*_message`` function. On first use it is
    filled with every value of the enumeration (cffi knows them), once; a value the header does not
    know (a newer library) is asked to the library and remembered."""

    def __init__(self, function: str, *extra: int, enumeration: Optional[str] = None,
                 values: Tuple[int, ...] = ()) -> None:
        super().__init__()
        self._function = function
        self._extra = extra
        self._values = values if enumeration is None else tuple(sorted(ffi.typeof(enumeration).elements))

    def _ask(self, value: int) -> str:
        return string(getattr(lib, self._function)(value, *self._extra))

    def fill(self) -> "Names":
        if not self:
            for v in self._values:
                self[v] = self._ask(v)
        return self

    def __missing__(self, value: int) -> str:
        if not self and self._values:
            self.fill()
            if value in self:
                return self[value]
        name = self._ask(value)
        self[value] = name
        return name

    def ordered(self) -> Tuple[str, ...]:
        """The texts of the enumeration's values, in value order."""
        self.fill()
        return tuple(self[v] for v in self._values)


class Scratch:
    """Result structs made once by the module's ``_init`` function and reused: ``take`` pops one
    (list.pop is atomic, so concurrent threads, and a signal handler re-entering on the same
    thread, never share one), ``give`` puts it back. At most as many as concurrent callers."""

    __slots__ = ("_ctype", "_init", "_free")

    def __init__(self, ctype: str, init: str) -> None:
        self._ctype = ffi.typeof(ctype)
        self._init = init
        self._free: List[Any] = []

    def take(self) -> Any:
        try:
            return self._free.pop()
        except IndexError:
            p = ffi.new(self._ctype)
            check(getattr(lib, self._init)(p))
            return p

    def give(self, p: Any) -> None:
        self._free.append(p)


def new_handle(ctype: str, call: Callable[[Any], Any]) -> Any:
    """Calls a constructor ``call(out)`` (``out`` a ``ctype **``) and returns the new handle."""
    out = ffi.new(ctype + " **")
    check(call(out))
    return out[0]


class Handle:
    """Owns one C handle: ``close()`` (idempotent), context manager, and ``weakref.finalize`` as the
    safety net. A closed object raises ValueError instead of passing a freed (or NULL) pointer."""

    _ptr: Any = ffi.NULL
    _finalizer: Optional[weakref.finalize] = None

    def _own(self, ptr: Any, free: str) -> None:
        self._ptr = ptr
        self._finalizer = weakref.finalize(self, getattr(lib, free), ptr)

    def _live(self) -> Any:
        p = self._ptr
        if not p:
            raise ValueError(f"this {type(self).__name__} is closed")
        return p

    def close(self) -> None:
        """Frees the C object now (it is freed at garbage collection otherwise). Idempotent; not
        concurrently with a call using this object."""
        self._ptr = ffi.NULL
        if self._finalizer is not None:
            self._finalizer()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_sized(call: Callable[[Any, int, Any], Any], initial: int = 256) -> bytes:
    """Calls ``call(out, cap, out_len)`` under the size-query convention (sesame/errors.h): one call
    when ``initial`` bytes suffice, a second with the reported size otherwise."""
    n = ffi.new("size_t *")
    buf = ffi.new("char[]", initial)
    st = call(buf, initial, n)
    if st == _BUFFER_TOO_SMALL:
        cap = n[0] + 1
        buf = ffi.new("char[]", cap)
        st = call(buf, cap, n)
    check(st)
    data: bytes = ffi.buffer(buf, n[0])[:]
    return data
