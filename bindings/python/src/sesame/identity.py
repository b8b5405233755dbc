"""Guardian link: name keys and matching, typed birth dates, the directory, the activation
decision and login identifiers (sesame/identity.h).

One call per CLI command, returning an object whose attributes are the CLI's JSON keys::

    d = sesame.Directory.load_json("school.json")
    r = d.match(claim, today="2026-09-01", now_ms=...)
    r.status, r.reason, r.guardian, r.pupils, r.pupil_results, r.detail, r.user_message
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Union

from . import _ffi
from . import otp as _otp
from ._errors import check

_handle = ctypes.c_void_p
_sz, _psz = ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)
_p_bool = ctypes.POINTER(ctypes.c_bool)
_p_i32 = ctypes.POINTER(ctypes.c_int32)
_cp = ctypes.c_char_p
TAKEN_CB = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, _p_bool)

_ffi.declare("sesame_name_key", _ffi.c_status, [_cp, _sz, _psz, _p_bool, _cp, _sz, ctypes.c_int])
_ffi.declare("sesame_name_match", _ffi.c_status, [_p_bool, ctypes.c_int, _cp, _sz, _cp, _sz])
_ffi.declare("sesame_name_fc_tier", _ffi.c_status, [_p_i32, _cp, _sz, _cp, _sz])
_ffi.declare("sesame_date_parse", _ffi.c_status,
             [_p_i32, _p_i32, ctypes.POINTER(ctypes.c_uint32), _cp, _sz, ctypes.c_int32])
_ffi.declare("sesame_date_error_name", ctypes.c_char_p, [ctypes.c_int32])
_ffi.declare("sesame_date_counter_new", _ffi.c_status, [ctypes.POINTER(_handle), ctypes.c_uint32, ctypes.c_int64])
_ffi.declare("sesame_date_counter_new_redis", _ffi.c_status,
             [ctypes.POINTER(_handle), ctypes.c_uint32, ctypes.c_int64, ctypes.POINTER(_otp._RedisOptions)])
_ffi.declare("sesame_date_counter_free", None, [_handle])
_ffi.declare("sesame_directory_new", _ffi.c_status, [ctypes.POINTER(_handle)])
_ffi.declare("sesame_directory_free", None, [_handle])
_ffi.declare("sesame_directory_add_guardian", _ffi.c_status,
             [_handle, _cp, _sz, _cp, _sz, _cp, _sz, _cp, _sz, _cp, _sz, _cp, _sz])
_ffi.declare("sesame_directory_add_pupil", _ffi.c_status, [_handle, _cp, _sz, _cp, _sz, _cp, _sz, _cp, _sz])
_ffi.declare("sesame_directory_add_link", _ffi.c_status, [_handle, _cp, _sz, _cp, _sz, _cp, _sz, ctypes.c_bool])
_ffi.declare("sesame_directory_load_json", _ffi.c_status, [ctypes.POINTER(_handle), _cp, _sz])
_ffi.declare("sesame_directory_load_json_file", _ffi.c_status, [ctypes.POINTER(_handle), _cp, _sz])
_ffi.declare("sesame_directory_report", _ffi.c_status, [_cp, _sz, _psz, _handle])
_ffi.declare("sesame_directory_match", _ffi.c_status,
             [ctypes.POINTER(_handle), _handle, _handle, _cp, _sz, ctypes.c_int32, ctypes.c_int64])
_ffi.declare("sesame_identity_match_candidates", _ffi.c_status,
             [ctypes.POINTER(_handle), _handle, _cp, _sz, _cp, _sz, ctypes.c_int32, ctypes.c_int64])
_ffi.declare("sesame_decision_free", None, [_handle])
_ffi.declare("sesame_decision_json", _ffi.c_status, [_cp, _sz, _psz, _handle])
_ffi.declare("sesame_login_id", _ffi.c_status,
             [_cp, _sz, _psz, _cp, _sz, _cp, _sz, _cp, _sz, TAKEN_CB, ctypes.c_void_p])
_ffi.declare("sesame_login_id_max_bytes", _sz, [])

_FIELDS = {"family": 0, "given": 1}
Today = Union[str, _dt.date]


def _b(s: Union[str, bytes, None]) -> bytes:
    if s is None:
        return b""
    if isinstance(s, bytes):
        return s
    return s.encode("utf-8", "surrogateescape")


def _today(today: Today) -> int:
    if isinstance(today, _dt.datetime):
        today = today.date()
    if isinstance(today, _dt.date):
        return today.year * 10000 + today.month * 100 + today.day
    if isinstance(today, str):
        try:
            d = _dt.date.fromisoformat(today)
        except ValueError:
            raise ValueError("today must be a date or 'YYYY-MM-DD'") from None
        return d.year * 10000 + d.month * 100 + d.day
    raise TypeError("today must be a datetime.date or 'YYYY-MM-DD'")


def _text(raw: Union[str, bytes]) -> str:
    return raw if isinstance(raw, str) else raw.decode("utf-8", "replace")


# ---- names --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NameKey:
    """``sesame name key``: ``key`` tokens joined by a space, given-name units by ``|``."""
    input: str
    valid: bool
    key: Optional[str]
    compact: Optional[str]


def name_key(name: Union[str, bytes]) -> NameKey:
    """The canonical key of a name; an invalid name gives ``valid=False`` and ``None`` keys."""
    lib = _ffi.lib()
    data = _b(name)
    valid = ctypes.c_bool(False)
    text = _ffi.read_sized(lambda o, c, n: lib.sesame_name_key(o, c, n, ctypes.byref(valid), data, len(data), 0))
    compact = _ffi.read_sized(lambda o, c, n: lib.sesame_name_key(o, c, n, ctypes.byref(valid), data, len(data), 1))
    ok = bool(valid.value)
    return NameKey(_text(name), ok, text.decode() if ok else None, compact.decode() if ok else None)


@dataclass(frozen=True)
class NameMatch:
    """``sesame name match``; truthy when the names match."""
    match: bool

    def __bool__(self) -> bool:
        return self.match


def name_match(record: Union[str, bytes], typed: Union[str, bytes], field: str = "family") -> NameMatch:
    """Strict matching of a typed name against the school's (``field``: ``family`` or ``given``)."""
    if field not in _FIELDS:
        raise ValueError("field must be 'family' or 'given'")
    r, t = _b(record), _b(typed)
    out = ctypes.c_bool(False)
    check(_ffi.lib().sesame_name_match(ctypes.byref(out), _FIELDS[field], r, len(r), t, len(t)))
    return NameMatch(bool(out.value))


def fc_tier(record_given: str, fc_given_name: str) -> int:
    """FranceConnect tier of a recorded given name: 1, 2 (needs the phone as a step-up) or 0."""
    r, f = _b(record_given), _b(fc_given_name)
    out = ctypes.c_int32(0)
    check(_ffi.lib().sesame_name_fc_tier(ctypes.byref(out), r, len(r), f, len(f)))
    return int(out.value)


# ---- dates --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParsedDate:
    """``sesame date parse``: ``iso`` when valid, else ``error`` (``format``, ``not_leap``...)."""
    input: str
    valid: bool
    iso: Optional[str]
    error: Optional[str]
    flags: List[str]

    @property
    def date(self) -> Optional[_dt.date]:
        return _dt.date.fromisoformat(self.iso) if self.iso else None


def parse_date(typed: Union[str, bytes], *, today: Today) -> ParsedDate:
    """Parses a typed birth date against the reference date ``today`` (never the clock)."""
    data = _b(typed)
    err, date, flags = ctypes.c_int32(0), ctypes.c_int32(0), ctypes.c_uint32(0)
    lib = _ffi.lib()
    check(lib.sesame_date_parse(ctypes.byref(err), ctypes.byref(date), ctypes.byref(flags), data, len(data),
                                _today(today)))
    fl = []
    if flags.value & 1:
        fl.append("age_over_25")
    if flags.value & 2:
        fl.append("age_under_2")
    if err.value == 0:
        v = date.value
        return ParsedDate(_text(typed), True, f"{v // 10000:04d}-{v // 100 % 100:02d}-{v % 100:02d}", None, fl)
    return ParsedDate(_text(typed), False, None, lib.sesame_date_error_name(err.value).decode(), fl)


# ---- decisions ----------------------------------------------------------------------------------

class DateCounter:
    """Wrong birth dates per pupil, ``max_failures`` per ``window_ms`` (sliding window), in this
    process. PHP-FPM-like deployments and several servers share one with :meth:`redis`."""

    def __init__(self, max_failures: int = 3, window_ms: int = 24 * 3600 * 1000):
        h = _handle()
        check(_ffi.lib().sesame_date_counter_new(ctypes.byref(h), max_failures, window_ms))
        self._h = h

    @classmethod
    def redis(cls, max_failures: int = 3, window_ms: int = 24 * 3600 * 1000, *, host: str = "127.0.0.1",
              port: int = 6379, prefix: str = "sesame:dates:", **connection: Any) -> "DateCounter":
        """The counter in Redis, shared by every process using the same server and prefix: one
        atomic round trip per confirmation; an unreachable or slow Redis makes decisions raise
        StoreUnavailableError (nothing decided). ``connection``: the other keywords of
        :class:`sesame.RedisStore` (unix_socket, timeout_ms, connect_timeout_ms, username,
        password, db, connections)."""
        o, _keep = _otp._redis_options(host, port, prefix=prefix, **connection)
        self = cls.__new__(cls)
        h = _handle()
        check(_ffi.lib().sesame_date_counter_new_redis(ctypes.byref(h), max_failures, window_ms, ctypes.byref(o)))
        self._h = h
        return self

    def __del__(self) -> None:
        h, self._h = getattr(self, "_h", None), None
        if h:
            _ffi.lib().sesame_date_counter_free(h)


@dataclass(frozen=True)
class Decision:
    """``sesame guardian match``: the CLI keys plus ``pupil_details``, ``user_text``, ``near_miss``."""
    status: str
    reason: str
    guardian: Optional[str]
    pupils: List[str]
    pupil_results: Dict[str, str]
    detail: Optional[str]
    user_message: str
    pupil_details: Dict[str, Optional[str]] = field(default_factory=dict)
    user_text: str = ""
    near_miss: bool = False


def _claim_bytes(claim: Union[dict, str, bytes]) -> bytes:
    if isinstance(claim, dict):
        return json.dumps(claim, ensure_ascii=False).encode()
    return _b(claim)


def _decision(fn) -> Decision:
    lib = _ffi.lib()
    h = _handle()
    check(fn(ctypes.byref(h)))
    try:
        raw = _ffi.read_sized(lambda o, c, n: lib.sesame_decision_json(o, c, n, h), initial=1024)
    finally:
        lib.sesame_decision_free(h)
    return Decision(**json.loads(raw))


def _now(now_ms: Optional[int]) -> int:
    return int(time.time() * 1000) if now_ms is None else int(now_ms)


class Directory:
    """The school's guardians, pupils and links, indexed by mobile number and family name."""

    def __init__(self, _handle_value: Optional[Any] = None):
        if _handle_value is None:
            h = _handle()
            check(_ffi.lib().sesame_directory_new(ctypes.byref(h)))
            _handle_value = h
        self._h = _handle_value
        self.counter = DateCounter()  # wrong birth dates: 3 per 24 h unless a counter is passed

    def __del__(self) -> None:
        h, self._h = getattr(self, "_h", None), None
        if h:
            _ffi.lib().sesame_directory_free(h)

    @classmethod
    def load_json(cls, path: Union[str, bytes, os.PathLike]) -> "Directory":
        """Loads the JSON directory file; errors name the record (ParseError, DuplicateError...)."""
        p = os.fsencode(path)
        h = _handle()
        check(_ffi.lib().sesame_directory_load_json_file(ctypes.byref(h), p, len(p)))
        return cls(h)

    @classmethod
    def from_json(cls, document: Union[str, bytes, dict]) -> "Directory":
        data = json.dumps(document, ensure_ascii=False).encode() if isinstance(document, dict) else _b(document)
        h = _handle()
        check(_ffi.lib().sesame_directory_load_json(ctypes.byref(h), data, len(data)))
        return cls(h)

    def add_guardian(self, id: str, nom: str, prenom: str, phone_mobile: Optional[str] = None, *,
                     nom_naissance: Optional[str] = None, civilite: Optional[str] = None) -> None:
        args = [_b(x) for x in (id, civilite, nom, nom_naissance, prenom, phone_mobile)]
        flat: list = []
        for a in args:
            flat += [a, len(a)]
        check(_ffi.lib().sesame_directory_add_guardian(self._h, *flat))

    def add_pupil(self, id: str, birthdate: Union[str, _dt.date], *, nom: str = "", prenom: str = "") -> None:
        bd = birthdate.isoformat() if isinstance(birthdate, _dt.date) else birthdate
        a = [_b(x) for x in (id, nom, prenom, bd)]
        check(_ffi.lib().sesame_directory_add_pupil(self._h, a[0], len(a[0]), a[1], len(a[1]), a[2], len(a[2]),
                                                     a[3], len(a[3])))

    def add_link(self, guardian: str, pupil: str, legal_representative: bool, *, relation: str = "") -> None:
        a = [_b(x) for x in (guardian, pupil, relation)]
        check(_ffi.lib().sesame_directory_add_link(self._h, a[0], len(a[0]), a[1], len(a[1]), a[2], len(a[2]),
                                                    bool(legal_representative)))

    def report(self) -> dict:
        """Counts and the guardians unreachable by a field (ids only)."""
        lib = _ffi.lib()
        return json.loads(_ffi.read_sized(lambda o, c, n: lib.sesame_directory_report(o, c, n, self._h)))

    def match(self, claim: Union[dict, str, bytes], *, today: Today, now_ms: Optional[int] = None,
              counter: Optional[DateCounter] = None) -> Decision:
        """Decides a claim (the CLI's claim object). Raises ParseError (``invalid_json``,
        ``bad_claim:<field>``) or DuplicateError (``duplicate_pupil``) for a malformed claim."""
        data = _claim_bytes(claim)
        c = counter if counter is not None else self.counter
        t, now = _today(today), _now(now_ms)
        return _decision(lambda out: _ffi.lib().sesame_directory_match(out, self._h, c._h, data, len(data), t, now))


def match_candidates(candidates: Union[dict, str, bytes], claim: Union[dict, str, bytes], *, today: Today,
                     counter: DateCounter, now_ms: Optional[int] = None) -> Decision:
    """The decision for a host keeping records in its own database: ``candidates`` holds only the
    records concerned, in the directory JSON format."""
    cand = json.dumps(candidates, ensure_ascii=False).encode() if isinstance(candidates, dict) else _b(candidates)
    data = _claim_bytes(claim)
    t, now = _today(today), _now(now_ms)
    return _decision(lambda out: _ffi.lib().sesame_identity_match_candidates(out, counter._h, cand, len(cand), data,
                                                                             len(data), t, now))


# ---- login identifiers --------------------------------------------------------------------------

@dataclass(frozen=True)
class LoginId:
    """``sesame login-id``."""
    login: str

    def __str__(self) -> str:
        return self.login


def login_id(family: str, given: str = "", *,
             taken: Union[Iterable[str], Callable[[str], bool], None] = None) -> LoginId:
    """``initial.family`` + a random suffix not in ``taken`` (an iterable of identifiers, compared
    in lowercase, or a callable ``taken(login) -> bool``). Raises InvalidNameError, ExhaustedError."""
    lib = _ffi.lib()
    f, g = _b(family), _b(given)
    listing = b""
    cb = TAKEN_CB()
    errors: list = []
    if callable(taken):
        def _cb(_payload, login, length, out) -> int:
            try:
                out[0] = bool(taken(ctypes.string_at(login, length).decode()))
                return 0
            except BaseException as e:  # never let an exception cross the C frames
                errors.append(e)
                return 1
        cb = TAKEN_CB(_cb)
    elif taken is not None:
        listing = "\n".join(taken).encode()
    buf = ctypes.create_string_buffer(lib.sesame_login_id_max_bytes() + 1)
    n = ctypes.c_size_t(0)
    st = lib.sesame_login_id(buf, len(buf), ctypes.byref(n), f, len(f), g, len(g), listing, len(listing), cb, None)
    if errors:
        raise errors[0]
    check(st)
    return LoginId(buf.raw[: n.value].decode())
