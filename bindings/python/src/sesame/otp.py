"""SMS security codes (sesame/otp.h): issue and verify with TTL, attempts, quotas, single use.

Example::

    svc = sesame.OtpService(key=secret32, key_id=1)            # private in-process store
    code = svc.issue("06 12 34 56 78", "activation")           # send it by SMS
    res = svc.verify("+33612345678", "activation", typed_code)
    if res.status == "ok": ...

PHP-FPM and several servers need one shared truth: ``store=sesame.RedisStore(host=..., port=...)``.
Issue and verify make one foreign call each (into a preallocated result struct).
HOTP/TOTP helpers (RFC 4226/6238) for authenticator apps are at the end of this module.
"""
from __future__ import annotations

from typing import Any, Iterable, List, Mapping, NamedTuple, Optional, Tuple

from . import _args
from ._args import Binary, Text, now_ms as _now_ms
from ._errors import CooldownError, QuotaError, check, error_for
from ._ffi import Handle, Names, Scratch, enum, ffi, lib, new_handle, read_sized, short_names
from ._redis import Sentinel, redis_options

__all__ = ["MemoryStore", "RedisStore", "OtpService", "OtpResult", "IssueResult", "VERDICTS", "HASHES", "hotp",
           "hotp_verify", "totp", "totp_verify", "base32_decode", "base32_encode"]

_SIZES = enum("sesame_otp_sizes")
_KEY_BYTES = _SIZES["SESAME_OTP_KEY_BYTES"]
_CODE_SIZE = _SIZES["SESAME_OTP_CODE_SIZE"]
_ZEROS = bytes(_CODE_SIZE)
_WRONG_CODE = enum("sesame_otp_verdict")["SESAME_OTP_WRONG_CODE"]
_VERDICTS = Names("sesame_otp_verdict_name", enumeration="sesame_otp_verdict")
#: HOTP/TOTP hash names: {"sha1": 0, "sha256": 1, "sha512": 2} (sesame_otp_hash).
HASHES = short_names("sesame_otp_hash", "SESAME_OTP_")
#: The verdicts of :meth:`OtpService.verify` ("ok", "wrong_code", ...), in value order.
VERDICTS: Tuple[str, ...]


def __getattr__(name: str) -> Tuple[str, ...]:  # asked to the library on first use
    if name == "VERDICTS":
        return _VERDICTS.ordered()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Store(Handle):
    """Base of the stores: owns a sesame_otp_store handle (services keep their own reference)."""

    kind = "store"

    def close(self) -> None:
        """Releases this reference (services created with the store keep it alive)."""
        super().close()


class MemoryStore(_Store):
    """An in-process store, shareable by several services of one process (not across processes:
    after ``os.fork()`` the child gets StoreUnavailableError). ``max_records``: None for the
    library's default (sesame_otp_memory_options_init)."""

    kind = "memory"

    def __init__(self, max_records: Optional[int] = None) -> None:
        opts = ffi.NULL
        if max_records is not None:
            opts = ffi.new("sesame_otp_memory_options *")
            check(lib.sesame_otp_memory_options_init(opts))
            opts.max_records = _args.size(max_records, "max_records")
        self._own(new_handle("sesame_otp_store", lambda out: lib.sesame_otp_store_new_memory(out, opts)),
                  "sesame_otp_store_free")


class RedisStore(_Store):
    """The shared Redis store: one atomic Lua round trip per operation; any connection error,
    timeout or bad reply raises StoreUnavailableError and grants nothing; the next call reconnects.

    ``host``/``port`` or ``unix_socket``; ``prefix`` for every key; ``timeout_ms`` per command and
    ``connect_timeout_ms``; ``username``/``password`` for AUTH, ``db`` for SELECT, ``connections``
    for a pool; or Redis Sentinel: ``sentinels=[("127.0.0.1", 26379), ...]``, ``master="sesame"``
    (and ``sentinel_password``), the master found again after a failover; ``wait_replicas=N``: a
    right code is granted only once N replicas have its consumption. None keeps the library's
    default (sesame_redis_options_init; prefix "sesame:otp:").
    No TLS in hiredis 0.14: use a unix socket or a local TLS tunnel.
    Raises UnsupportedError when libsesame was built without hiredis.
    """

    kind = "redis"

    def __init__(self, host: Optional[Text] = None, port: Optional[int] = None, *, prefix: Optional[Text] = None,
                 unix_socket: Optional[Text] = None, timeout_ms: Optional[int] = None,
                 connect_timeout_ms: Optional[int] = None, username: Optional[Text] = None,
                 password: Optional[Text] = None, db: Optional[int] = None, connections: Optional[int] = None,
                 sentinels: Optional[Iterable[Sentinel]] = None, master: Optional[Text] = None,
                 sentinel_password: Optional[Text] = None, wait_replicas: Optional[int] = None) -> None:
        o, keep = redis_options(host=host, port=port, prefix=prefix, unix_socket=unix_socket, timeout_ms=timeout_ms,
                                connect_timeout_ms=connect_timeout_ms, username=username, password=password, db=db,
                                connections=connections, sentinels=sentinels, master=master,
                                sentinel_password=sentinel_password, wait_replicas=wait_replicas)
        self._own(new_handle("sesame_otp_store", lambda out: lib.sesame_otp_store_new_redis(out, o)),
                  "sesame_otp_store_free")
        del keep


class OtpResult:
    """The outcome of :meth:`OtpService.verify`: ``status`` ("ok", "wrong_code", "expired",
    "no_challenge", "locked", "rate_limited") and ``attempts_left`` (an int with "wrong_code",
    else None). Truthy iff ok; equal to its status string."""

    __slots__ = ("status", "attempts_left")

    def __init__(self, status: str, attempts_left: Optional[int]) -> None:
        self.status = status
        self.attempts_left = attempts_left

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def __bool__(self) -> bool:
        return self.status == "ok"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.status == other
        return isinstance(other, OtpResult) and (self.status, self.attempts_left) == (other.status, other.attempts_left)

    __hash__ = None  # type: ignore[assignment]  # mutable slots, equal to str: not hashable

    def __repr__(self) -> str:
        return f"OtpResult(status={self.status!r}, attempts_left={self.attempts_left!r})"


class IssueResult(NamedTuple):
    """The outcome of :meth:`OtpService.issue_result`: the code to send, the canonical number to
    send it to, and the expiry (the code is valid strictly before ``expires_at_ms``)."""

    code: str
    e164: str
    expires_at_ms: int


_issue_results = Scratch("sesame_otp_issue_result *", "sesame_otp_issue_result_init")
_verify_results = Scratch("sesame_otp_verify_result *", "sesame_otp_verify_result_init")
_tuple_new = tuple.__new__


class OtpService(Handle):
    """Issues and verifies SMS security codes bound to (phone number, purpose).

    ``key``: 32 secret bytes (the code hashes); ``key_id`` (uint32): stored with each hash so that
    ``previous_keys={old_id: old_key}`` still verify after a rotation; ``index_key``: 32 secret
    bytes for the store keys that must never change (default: derived from ``key``: set it if you
    may rotate). Limits, None for the library's default (sesame_otp_options_init; :meth:`portal`
    uses sesame_otp_options_init_portal): ``ttl_s`` (600; portal 1,800), ``max_attempts`` per code,
    ``max_failures_per_hour``, ``cooldown_s`` between codes, ``max_sends_per_hour``, ``digits``.
    ``store``: None for a private in-process store, or a :class:`MemoryStore` / :class:`RedisStore`.
    Thread-safe.
    """

    def __init__(self, key: Binary, key_id: int, *, ttl_s: Optional[int] = None, max_attempts: Optional[int] = None,
                 max_failures_per_hour: Optional[int] = None, cooldown_s: Optional[int] = None,
                 max_sends_per_hour: Optional[int] = None, digits: Optional[int] = None,
                 store: Optional[_Store] = None, index_key: Optional[Binary] = None,
                 previous_keys: Optional[Mapping[int, Binary]] = None) -> None:
        self._create("sesame_otp_options_init", key, key_id, ttl_s=ttl_s, max_attempts=max_attempts,
                     max_failures_per_hour=max_failures_per_hour, cooldown_s=cooldown_s,
                     max_sends_per_hour=max_sends_per_hour, digits=digits, store=store, index_key=index_key,
                     previous_keys=previous_keys)

    @classmethod
    def portal(cls, key: Binary, key_id: int, *, ttl_s: Optional[int] = None, max_attempts: Optional[int] = None,
               max_failures_per_hour: Optional[int] = None, cooldown_s: Optional[int] = None,
               max_sends_per_hour: Optional[int] = None, digits: Optional[int] = None,
               store: Optional[_Store] = None, index_key: Optional[Binary] = None,
               previous_keys: Optional[Mapping[int, Binary]] = None) -> "OtpService":
        """The portal's preset (sesame_otp_options_init_portal): codes "valables 30 min"
        (ttl_s 1,800), other limits as the defaults; any keyword overrides it."""
        self = cls.__new__(cls)
        self._create("sesame_otp_options_init_portal", key, key_id, ttl_s=ttl_s, max_attempts=max_attempts,
                     max_failures_per_hour=max_failures_per_hour, cooldown_s=cooldown_s,
                     max_sends_per_hour=max_sends_per_hour, digits=digits, store=store, index_key=index_key,
                     previous_keys=previous_keys)
        return self

    def _create(self, init: str, key: Binary, key_id: int, *, store: Optional[_Store],
                index_key: Optional[Binary], previous_keys: Optional[Mapping[int, Binary]],
                **limits: Optional[int]) -> None:
        k = _args.binary(key, "key")
        kid = _args.u32(key_id, "key_id")
        o = ffi.new("sesame_otp_options *")
        check(getattr(lib, init)(o))
        for field, value in limits.items():
            if value is not None:
                setattr(o, field, _args.i32(value, field))
        keep: List[Any] = []
        if index_key is not None:
            ik = ffi.from_buffer("uint8_t[]", _args.binary(index_key, "index_key"))
            keep.append(ik)
            o.index_key, o.index_key_len = ik, len(ik)
        blob = None
        if previous_keys is not None:
            if not isinstance(previous_keys, Mapping):
                raise TypeError(f"previous_keys must be a mapping {{key_id: key}}, not {type(previous_keys).__name__}")
            ids, keys = [], []
            for old_id, old_key in previous_keys.items():
                ids.append(_args.u32(old_id, "previous_keys key id"))
                b = _args.binary(old_key, f"previous_keys[{old_id!r}]")
                if len(b) != _KEY_BYTES:  # the C call reads count * 32 bytes: a layout rule, checked here
                    raise ValueError(f"previous_keys[{old_id!r}] must be {_KEY_BYTES} bytes, not {len(b)}")
                keys.append(b)
            if ids:
                id_array = ffi.new("uint32_t[]", ids)
                blob = ffi.new("uint8_t[]", b"".join(keys))
                keep.append(id_array)
                o.previous_key_ids, o.previous_keys, o.previous_key_count = id_array, blob, len(ids)
        if store is not None and not isinstance(store, _Store):
            raise TypeError(f"store must be a MemoryStore, a RedisStore or None, not {type(store).__name__}")
        store_ptr = ffi.NULL if store is None else store._live()
        try:
            ptr = new_handle("sesame_otp_service",
                             lambda out: lib.sesame_otp_service_new(out, k, len(k), kid, o, store_ptr))
        finally:
            if blob is not None:
                lib.sesame_memzero(blob, len(blob))  # our copy of the previous keys
        self._own(ptr, "sesame_otp_service_free")
        #: The code length in effect (the library's default unless ``digits`` was given).
        self.digits: int = o.digits
        self.store = store

    def __enter__(self) -> "OtpService":
        return self

    def issue_result(self, phone: Text, purpose: Text, now_ms: Optional[int] = None) -> IssueResult:
        """A new code for (phone, purpose), replacing the pending one, with the E.164 number to
        send it to and its expiry. Raises CooldownError or QuotaError (with ``retry_after_s``),
        RateLimitedError, StoreFullError, StoreUnavailableError, InvalidArgumentError (phone or
        purpose). ``now_ms``: Unix milliseconds (None: the clock)."""
        p, u = _args.text(phone, "phone"), _args.text(purpose, "purpose")
        now = _now_ms(now_ms)
        svc = self._live()
        r = _issue_results.take()
        st = lib.sesame_otp_issue(r, svc, p, len(p), u, len(u), now)
        if st:
            e = error_for(st)
            if isinstance(e, (CooldownError, QuotaError)):
                e.retry_after_s = r.retry_after_s
            _issue_results.give(r)  # nothing issued: the code is empty
            raise e
        result = _tuple_new(IssueResult, (ffi.string(r.code).decode(), ffi.string(r.e164).decode(), r.expires_at_ms))
        ffi.memmove(r.code, _ZEROS, _CODE_SIZE)  # the struct's copy of the code (no foreign call)
        _issue_results.give(r)
        return result

    def issue(self, phone: Text, purpose: Text, now_ms: Optional[int] = None) -> str:
        """The code of :meth:`issue_result` (send it by SMS)."""
        return self.issue_result(phone, purpose, now_ms).code

    def verify(self, phone: Text, purpose: Text, code: Text, now_ms: Optional[int] = None) -> OtpResult:
        """Checks a typed code (spaces, hyphens and fullwidth digits allowed). Raises only for bad
        phone or purpose (InvalidArgumentError) and StoreUnavailableError."""
        p, u, c = _args.text(phone, "phone"), _args.text(purpose, "purpose"), _args.text(code, "code")
        now = _now_ms(now_ms)
        svc = self._live()
        r = _verify_results.take()
        st = lib.sesame_otp_verify(r, svc, p, len(p), u, len(u), c, len(c), now)
        if st:
            check(st)
        verdict, left = r.verdict, r.attempts_left
        _verify_results.give(r)
        return OtpResult(_VERDICTS[verdict], left if verdict == _WRONG_CODE else None)


# ---- HOTP / TOTP (RFC 4226 / 6238) and base32 -------------------------------------------------
# The keyword defaults below are the RFCs' usual values (6 digits, SHA-1, 30 s steps from 0); the C
# functions take every parameter and have no defaults of their own.

def _hash(name: str) -> int:
    if not isinstance(name, str):
        raise TypeError(f"hash must be a str, not {type(name).__name__}")
    try:
        return HASHES[name]
    except KeyError:
        raise ValueError(f"hash must be one of {sorted(HASHES)}, not {name!r}") from None


def _code(call: Any) -> str:
    """Runs a HOTP/TOTP call into a code buffer, returns the code and wipes the buffer."""
    buf = ffi.new("char[]", _CODE_SIZE)
    n = ffi.new("size_t *")
    try:
        check(call(buf, _CODE_SIZE, n))
        code: str = ffi.unpack(buf, n[0]).decode()
        return code
    finally:
        ffi.memmove(buf, _ZEROS, _CODE_SIZE)


def hotp(secret: Binary, counter: int, *, digits: int = 6, hash: str = "sha1") -> str:
    """The HOTP value of ``counter`` (uint64)."""
    s = _args.binary(secret, "secret")
    c, d, h = _args.u64(counter, "counter"), _args.i32(digits, "digits"), _hash(hash)
    return _code(lambda out, cap, n: lib.sesame_otp_hotp(out, cap, n, s, len(s), c, d, h))


def hotp_verify(secret: Binary, code: Text, counter: int, *, window: int = 0, digits: int = 6,
                hash: str = "sha1") -> Optional[int]:
    """The next counter (matched + 1) when ``code`` matches one of counter..counter+window, else None."""
    s, t = _args.binary(secret, "secret"), _args.text(code, "code")
    c, w, d, h = _args.u64(counter, "counter"), _args.i32(window, "window"), _args.i32(digits, "digits"), _hash(hash)
    ok = ffi.new("bool *")
    nxt = ffi.new("uint64_t *")
    check(lib.sesame_otp_hotp_verify(ok, nxt, s, len(s), c, w, d, h, t, len(t)))
    return int(nxt[0]) if ok[0] else None


def totp(secret: Binary, now_ms: Optional[int] = None, *, step_s: int = 30, t0_s: int = 0, digits: int = 6,
         hash: str = "sha1") -> str:
    """The TOTP value at ``now_ms`` (None: the clock)."""
    s = _args.binary(secret, "secret")
    now, step, t0 = _now_ms(now_ms), _args.i32(step_s, "step_s"), _args.i64(t0_s, "t0_s")
    d, h = _args.i32(digits, "digits"), _hash(hash)
    return _code(lambda out, cap, n: lib.sesame_otp_totp(out, cap, n, s, len(s), now, step, t0, d, h))


def totp_verify(secret: Binary, code: Text, now_ms: Optional[int] = None, *, last_step: int = -1, window: int = 1,
                step_s: int = 30, t0_s: int = 0, digits: int = 6, hash: str = "sha1") -> Optional[int]:
    """The matched time step (store it as the next ``last_step``) or None."""
    s, t = _args.binary(secret, "secret"), _args.text(code, "code")
    now, step, t0 = _now_ms(now_ms), _args.i32(step_s, "step_s"), _args.i64(t0_s, "t0_s")
    w, d, h, last = _args.i32(window, "window"), _args.i32(digits, "digits"), _hash(hash), _args.i64(last_step, "last_step")
    ok = ffi.new("bool *")
    matched = ffi.new("int64_t *")
    check(lib.sesame_otp_totp_verify(ok, matched, s, len(s), now, step, t0, w, d, h, last, t, len(t)))
    return int(matched[0]) if ok[0] else None


def base32_decode(text: Text) -> bytes:
    """RFC 4648 base32 (either case; padding, spaces and '-' ignored) to bytes; ParseError."""
    t = _args.text(text, "text")
    return read_sized(lambda out, cap, n: lib.sesame_otp_base32_decode(ffi.cast("uint8_t *", out), cap, n, t, len(t)),
                      len(t) + 1)


def base32_encode(data: Binary) -> str:
    """RFC 4648 base32 with '=' padding."""
    d = _args.binary(data, "data")
    return read_sized(lambda out, cap, n: lib.sesame_otp_base32_encode(out, cap, n, d, len(d)),
                      (len(d) + 4) // 5 * 8 + 1).decode()
