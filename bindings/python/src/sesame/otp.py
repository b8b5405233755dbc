"""SMS security codes (sesame/otp.h): issue and verify with TTL, attempts, quotas, single use.

Example::

    svc = sesame.OtpService(key=secret32, key_id=1)            # private in-process store
    code = svc.issue("06 12 34 56 78", "activation")           # send it by SMS
    res = svc.verify("+33612345678", "activation", typed_code)
    if res.status == "ok": ...

PHP-FPM and several servers need one shared truth: ``store=sesame.RedisStore(host=..., port=...)``.
HOTP/TOTP helpers (RFC 4226/6238) for authenticator apps are at the end of this module.
"""
from __future__ import annotations

import ctypes
import time
import weakref
from typing import Mapping, Optional

from . import _ffi
from ._errors import CooldownError, QuotaError, check, error_for

_c = ctypes
_sz = _c.c_size_t
_psz = _c.POINTER(_c.c_size_t)
_bytes = _c.c_char_p  # const uint8_t * / const char *: same pointer ABI


class _Options(_c.Structure):
    _fields_ = [
        ("struct_size", _c.c_size_t),
        ("ttl_s", _c.c_int32),
        ("max_attempts", _c.c_int32),
        ("max_failures_per_hour", _c.c_int32),
        ("cooldown_s", _c.c_int32),
        ("max_sends_per_hour", _c.c_int32),
        ("digits", _c.c_int32),
        ("index_key", _c.c_char_p),
        ("index_key_len", _c.c_size_t),
        ("previous_key_ids", _c.POINTER(_c.c_uint32)),
        ("previous_keys", _c.c_char_p),
        ("previous_key_count", _c.c_size_t),
    ]


class _MemoryOptions(_c.Structure):
    _fields_ = [("struct_size", _c.c_size_t), ("max_records", _c.c_size_t)]


class _RedisOptions(_c.Structure):
    _fields_ = [
        ("struct_size", _c.c_size_t),
        ("host", _c.c_char_p), ("host_len", _c.c_size_t),
        ("port", _c.c_int32),
        ("unix_socket", _c.c_char_p), ("unix_socket_len", _c.c_size_t),
        ("prefix", _c.c_char_p), ("prefix_len", _c.c_size_t),
        ("connect_timeout_ms", _c.c_int32),
        ("timeout_ms", _c.c_int32),
        ("username", _c.c_char_p), ("username_len", _c.c_size_t),
        ("password", _c.c_char_p), ("password_len", _c.c_size_t),
        ("db", _c.c_int32),
        ("connections", _c.c_int32),
    ]


_ffi.declare("sesame_otp_options_init", _ffi.c_status, [_c.POINTER(_Options)])
_ffi.declare("sesame_otp_options_init_portal", _ffi.c_status, [_c.POINTER(_Options)])
_ffi.declare("sesame_otp_memory_options_init", _ffi.c_status, [_c.POINTER(_MemoryOptions)])
_ffi.declare("sesame_otp_store_new_memory", _ffi.c_status, [_c.POINTER(_c.c_void_p), _c.POINTER(_MemoryOptions)])
_ffi.declare("sesame_otp_redis_options_init", _ffi.c_status, [_c.POINTER(_RedisOptions)])
_ffi.declare("sesame_otp_store_new_redis", _ffi.c_status, [_c.POINTER(_c.c_void_p), _c.POINTER(_RedisOptions)])
_ffi.declare("sesame_otp_store_free", None, [_c.c_void_p])
_ffi.declare("sesame_otp_service_new", _ffi.c_status,
             [_c.POINTER(_c.c_void_p), _bytes, _sz, _c.c_uint32, _c.POINTER(_Options), _c.c_void_p])
_ffi.declare("sesame_otp_service_free", None, [_c.c_void_p])
_ffi.declare("sesame_otp_issue", _ffi.c_status,
             [_c.c_void_p, _sz, _psz, _c.POINTER(_c.c_int32), _c.c_void_p, _c.c_char_p, _sz, _c.c_char_p, _sz,
              _c.c_int64])
_ffi.declare("sesame_otp_verify", _ffi.c_status,
             [_c.POINTER(_c.c_int), _c.POINTER(_c.c_int32), _c.c_void_p, _c.c_char_p, _sz, _c.c_char_p, _sz,
              _c.c_char_p, _sz, _c.c_int64])
_ffi.declare("sesame_otp_verdict_name", _c.c_char_p, [_c.c_int])
_ffi.declare("sesame_otp_hotp", _ffi.c_status,
             [_c.c_char_p, _sz, _psz, _bytes, _sz, _c.c_uint64, _c.c_int32, _c.c_int])
_ffi.declare("sesame_otp_hotp_verify", _ffi.c_status,
             [_c.POINTER(_c.c_bool), _c.POINTER(_c.c_uint64), _bytes, _sz, _c.c_uint64, _c.c_int32, _c.c_int32,
              _c.c_int, _c.c_char_p, _sz])
_ffi.declare("sesame_otp_totp", _ffi.c_status,
             [_c.c_char_p, _sz, _psz, _bytes, _sz, _c.c_int64, _c.c_int32, _c.c_int64, _c.c_int32, _c.c_int])
_ffi.declare("sesame_otp_totp_verify", _ffi.c_status,
             [_c.POINTER(_c.c_bool), _c.POINTER(_c.c_int64), _bytes, _sz, _c.c_int64, _c.c_int32, _c.c_int64,
              _c.c_int32, _c.c_int32, _c.c_int, _c.c_int64, _c.c_char_p, _sz])
_ffi.declare("sesame_otp_base32_decode", _ffi.c_status, [_c.c_char_p, _sz, _psz, _c.c_char_p, _sz])
_ffi.declare("sesame_otp_base32_encode", _ffi.c_status, [_c.c_char_p, _sz, _psz, _bytes, _sz])

_COOLDOWN, _QUOTA = -9, -10
_HASHES = {"sha1": 0, "sha256": 1, "sha512": 2}


def _text(s: str | bytes, what: str) -> bytes:
    if isinstance(s, bytes):
        return s
    if not isinstance(s, str):
        raise TypeError(f"{what} must be str or bytes")
    return s.encode("utf-8", "surrogatepass")


def _now_ms(now_ms: Optional[int]) -> int:
    return int(time.time() * 1000) if now_ms is None else int(now_ms)


class _Store:
    """Base of the stores: owns a sesame_otp_store handle (services keep their own reference)."""

    kind = "store"

    def __init__(self) -> None:
        self._h = _c.c_void_p()
        self._finalizer = None

    def _adopt(self) -> None:
        self._finalizer = weakref.finalize(self, _ffi.lib().sesame_otp_store_free, self._h)

    def close(self) -> None:
        """Releases this reference (services created with the store keep it alive)."""
        if self._finalizer is not None:
            self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class MemoryStore(_Store):
    """An in-process store, shareable by several services of one process (not across processes:
    after ``os.fork()`` the child gets StoreUnavailableError)."""

    kind = "memory"

    def __init__(self, max_records: Optional[int] = None) -> None:
        super().__init__()
        lib = _ffi.lib()
        o = _MemoryOptions()
        check(lib.sesame_otp_memory_options_init(_c.byref(o)))
        if max_records is not None:
            if max_records < 1:
                raise ValueError("max_records must be >= 1")
            o.max_records = max_records
        check(lib.sesame_otp_store_new_memory(_c.byref(self._h), _c.byref(o)))
        self._adopt()


class RedisStore(_Store):
    """The shared Redis store: one atomic Lua round trip per operation; any connection error,
    timeout or bad reply raises StoreUnavailableError and grants nothing; the next call reconnects.

    ``host``/``port`` or ``unix_socket``; ``prefix`` for every key; ``timeout_ms`` per command and
    ``connect_timeout_ms``; ``username``/``password`` for AUTH, ``db`` for SELECT, ``connections``
    for a pool. No TLS in hiredis 0.14: use a unix socket or a local TLS tunnel.
    Raises UnsupportedError when libsesame was built without hiredis.
    """

    kind = "redis"

    def __init__(self, host: str = "127.0.0.1", port: int = 6379, *, prefix: str = "sesame:otp:",
                 unix_socket: Optional[str] = None, timeout_ms: int = 200, connect_timeout_ms: int = 200,
                 username: Optional[str] = None, password: Optional[str | bytes] = None, db: int = 0,
                 connections: int = 1) -> None:
        super().__init__()
        o, _keep = _redis_options(host, port, prefix=prefix, unix_socket=unix_socket, timeout_ms=timeout_ms,
                                 connect_timeout_ms=connect_timeout_ms, username=username, password=password,
                                 db=db, connections=connections)
        check(_ffi.lib().sesame_otp_store_new_redis(_c.byref(self._h), _c.byref(o)))
        self._adopt()


def _redis_options(host: str = "127.0.0.1", port: int = 6379, *, prefix: Optional[str] = None,
                  unix_socket: Optional[str] = None, timeout_ms: int = 200, connect_timeout_ms: int = 200,
                  username: Optional[str] = None, password: Optional[str | bytes] = None, db: int = 0,
                  connections: int = 1) -> tuple:
    """A filled ``sesame_otp_redis_options`` (every Redis-backed object takes one) and the byte
    strings it points to, which the caller keeps alive until the C call returns. ``prefix=None``
    lets the C library pick the object's default."""
    o = _RedisOptions()
    check(_ffi.lib().sesame_otp_redis_options_init(_c.byref(o)))
    keep = []
    for field, value in (("host", host), ("unix_socket", unix_socket), ("prefix", prefix),
                         ("username", username), ("password", password)):
        if value is None:
            continue
        b = _text(value, field)
        keep.append(b)
        setattr(o, field, b)
        setattr(o, field + "_len", len(b))
    o.port = int(port)
    o.timeout_ms = int(timeout_ms)
    o.connect_timeout_ms = int(connect_timeout_ms)
    o.db = int(db)
    o.connections = int(connections)
    return o, keep


class OtpResult:
    """The outcome of :meth:`OtpService.verify`: ``status`` ("ok", "wrong_code", "expired",
    "no_challenge", "locked", "rate_limited") and ``attempts_left`` (an int with "wrong_code",
    else None)."""

    __slots__ = ("status", "attempts_left")

    def __init__(self, status: str, attempts_left: Optional[int]) -> None:
        self.status = status
        self.attempts_left = attempts_left

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def __bool__(self) -> bool:
        return self.ok

    def __eq__(self, other) -> bool:
        if isinstance(other, str):
            return self.status == other
        return isinstance(other, OtpResult) and (self.status, self.attempts_left) == (other.status, other.attempts_left)

    def __repr__(self) -> str:
        return f"OtpResult(status={self.status!r}, attempts_left={self.attempts_left!r})"


class OtpService:
    """Issues and verifies SMS security codes bound to (phone number, purpose).

    ``key``: 32 secret bytes (the code hashes); ``key_id``: stored with each hash so that
    ``previous_keys={old_id: old_key}`` still verify after a rotation; ``index_key``: 32 secret bytes
    for the store keys that must never change (default: derived from ``key``: set it if you may
    rotate). Limits: ``ttl_s`` (600; :meth:`portal` uses 1,800), ``max_attempts`` per code,
    ``max_failures_per_hour``, ``cooldown_s`` between codes, ``max_sends_per_hour``, ``digits``.
    ``store``: None for a private in-process store, or a :class:`MemoryStore` / :class:`RedisStore`.
    Thread-safe.
    """

    def __init__(self, key: bytes, key_id: int, *, ttl_s: int = 600, max_attempts: int = 5,
                 max_failures_per_hour: int = 10, cooldown_s: int = 60, max_sends_per_hour: int = 5,
                 digits: int = 6, store: Optional[_Store] = None, index_key: Optional[bytes] = None,
                 previous_keys: Optional[Mapping[int, bytes]] = None) -> None:
        lib = _ffi.lib()
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key must be bytes")
        o = _Options()
        check(lib.sesame_otp_options_init(_c.byref(o)))
        o.ttl_s, o.max_attempts, o.max_failures_per_hour = ttl_s, max_attempts, max_failures_per_hour
        o.cooldown_s, o.max_sends_per_hour, o.digits = cooldown_s, max_sends_per_hour, digits
        if index_key is not None:
            o.index_key = bytes(index_key)
            o.index_key_len = len(index_key)
        ids_arr = None
        if previous_keys:
            items = list(previous_keys.items())
            ids_arr = (_c.c_uint32 * len(items))(*[int(i) for i, _ in items])
            for _, k in items:
                if len(k) != 32:
                    raise ValueError("every previous key must be 32 bytes")
            o.previous_key_ids = ids_arr
            o.previous_keys = b"".join(bytes(k) for _, k in items)
            o.previous_key_count = len(items)
        self._h = _c.c_void_p()
        self.digits = digits
        self.store = store
        check(lib.sesame_otp_service_new(_c.byref(self._h), bytes(key), len(key), int(key_id), _c.byref(o),
                                         store._h if store is not None else None))
        self._finalizer = weakref.finalize(self, lib.sesame_otp_service_free, self._h)

    @classmethod
    def portal(cls, key: bytes, key_id: int, **kwargs) -> "OtpService":
        """The portal's preset: codes "valables 30 min" (ttl_s=1800), other limits as the defaults."""
        kwargs.setdefault("ttl_s", 1800)
        return cls(key, key_id, **kwargs)

    def close(self) -> None:
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def issue(self, phone: str, purpose: str, now_ms: Optional[int] = None) -> str:
        """A new code for (phone, purpose), replacing the pending one. Raises CooldownError or
        QuotaError (with ``retry_after_s``), RateLimitedError, StoreFullError,
        StoreUnavailableError, InvalidArgumentError (phone or purpose)."""
        lib = _ffi.lib()
        p, u = _text(phone, "phone"), _text(purpose, "purpose")
        buf = _c.create_string_buffer(16)
        n = _c.c_size_t(0)
        retry = _c.c_int32(0)
        try:
            st = lib.sesame_otp_issue(buf, 16, _c.byref(n), _c.byref(retry), self._h, p, len(p), u, len(u),
                                      _now_ms(now_ms))
            if st in (_COOLDOWN, _QUOTA):
                e = error_for(st)
                e.retry_after_s = int(retry.value)
                raise e
            check(st)
            return buf.raw[: n.value].decode("ascii")
        finally:
            lib.sesame_memzero(buf, 16)

    def verify(self, phone: str, purpose: str, code: str, now_ms: Optional[int] = None) -> OtpResult:
        """Checks a typed code (spaces, hyphens and fullwidth digits allowed). Raises only for bad
        phone or purpose (InvalidArgumentError) and StoreUnavailableError."""
        lib = _ffi.lib()
        p, u, c = _text(phone, "phone"), _text(purpose, "purpose"), _text(code, "code")
        verdict = _c.c_int(0)
        left = _c.c_int32(0)
        check(lib.sesame_otp_verify(_c.byref(verdict), _c.byref(left), self._h, p, len(p), u, len(u), c, len(c),
                                    _now_ms(now_ms)))
        status = lib.sesame_otp_verdict_name(verdict.value).decode()
        return OtpResult(status, int(left.value) if status == "wrong_code" else None)


# ---- HOTP / TOTP (RFC 4226 / 6238) and base32 -------------------------------------------------

def _hash(name: str) -> int:
    try:
        return _HASHES[name]
    except KeyError:
        raise ValueError("hash must be 'sha1', 'sha256' or 'sha512'") from None


def hotp(secret: bytes, counter: int, *, digits: int = 6, hash: str = "sha1") -> str:
    lib = _ffi.lib()
    s = bytes(secret)
    return _ffi.read_sized(lambda o, c, n: lib.sesame_otp_hotp(o, c, n, s, len(s), counter, digits, _hash(hash)),
                           16).decode()


def hotp_verify(secret: bytes, code: str, counter: int, *, window: int = 0, digits: int = 6,
                hash: str = "sha1") -> Optional[int]:
    """The next counter (matched + 1) when ``code`` matches one of counter..counter+window, else None."""
    lib = _ffi.lib()
    s, c = bytes(secret), _text(code, "code")
    ok = _c.c_bool(False)
    nxt = _c.c_uint64(0)
    check(lib.sesame_otp_hotp_verify(_c.byref(ok), _c.byref(nxt), s, len(s), counter, window, digits, _hash(hash),
                                     c, len(c)))
    return int(nxt.value) if ok.value else None


def totp(secret: bytes, now_ms: Optional[int] = None, *, step_s: int = 30, t0_s: int = 0, digits: int = 6,
         hash: str = "sha1") -> str:
    lib = _ffi.lib()
    s = bytes(secret)
    now = _now_ms(now_ms)
    return _ffi.read_sized(
        lambda o, c, n: lib.sesame_otp_totp(o, c, n, s, len(s), now, step_s, t0_s, digits, _hash(hash)), 16).decode()


def totp_verify(secret: bytes, code: str, now_ms: Optional[int] = None, *, last_step: int = -1, window: int = 1,
                step_s: int = 30, t0_s: int = 0, digits: int = 6, hash: str = "sha1") -> Optional[int]:
    """The matched time step (store it as the next ``last_step``) or None."""
    lib = _ffi.lib()
    s, c = bytes(secret), _text(code, "code")
    ok = _c.c_bool(False)
    step = _c.c_int64(-1)
    check(lib.sesame_otp_totp_verify(_c.byref(ok), _c.byref(step), s, len(s), _now_ms(now_ms), step_s, t0_s, window,
                                     digits, _hash(hash), last_step, c, len(c)))
    return int(step.value) if ok.value else None


def base32_decode(text: str) -> bytes:
    lib = _ffi.lib()
    t = _text(text, "text")
    return _ffi.read_sized(lambda o, c, n: lib.sesame_otp_base32_decode(o, c, n, t, len(t)), len(t) + 1)


def base32_encode(data: bytes) -> str:
    lib = _ffi.lib()
    d = bytes(data)
    return _ffi.read_sized(lambda o, c, n: lib.sesame_otp_base32_encode(o, c, n, d, len(d)),
                           (len(d) + 4) // 5 * 8 + 1).decode()

