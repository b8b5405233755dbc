"""Passwords: the portal's policy, the strength meter, confirmation and Argon2id hashing
(sesame/password.h).

One call per CLI command, returning an object whose attributes are the CLI's JSON keys::

    r = sesame.password.check("Soleil2015!", policy="portal", context={"names": ["Lucas"]})
    r.valid, r.error, r.length, r.rules.upper, r.strength.score, r.strength.label,
    r.strength.guesses_log10, r.strength.feedback

``policy`` is a preset name ("portal", the default, or "cnil2022"), a :class:`Policy`, or a dict in
the JSON policy format. ``context`` is a dict ``{"names": [...], "dates": ["YYYY-MM-DD"], "phones":
[...], "login": "..."}`` or a :class:`Context` (build it once for many keystrokes).

A password given as ``str`` is encoded to UTF-8 (lone surrogates become ill-formed bytes, hence
``error == "invalid_utf8"``); ``bytes`` are passed as they are. Python strings cannot be wiped:
the library wipes its own copies.
"""
from __future__ import annotations

import ctypes
import json
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

from . import _ffi
from ._errors import check as _check

_handle = ctypes.c_void_p
_sz, _psz = ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)
_cp = ctypes.c_char_p
_p_bool = ctypes.POINTER(ctypes.c_bool)

LANGS = {"fr": 0, "en": 1}
FEEDBACK_BITS = [1 << i for i in range(8)]
HASH_MAX_BYTES = 128


class _Result(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("error", ctypes.c_int32),
        ("valid", ctypes.c_bool),
        ("length", ctypes.c_int32),
        ("upper", ctypes.c_bool),
        ("lower", ctypes.c_bool),
        ("digit", ctypes.c_bool),
        ("special", ctypes.c_bool),
        ("length_ok", ctypes.c_bool),
        ("has_allowed_rule", ctypes.c_bool),
        ("allowed", ctypes.c_bool),
        ("alternative", ctypes.c_int32),
        ("has_strength", ctypes.c_bool),
        ("score", ctypes.c_int32),
        ("guesses_log10_milli", ctypes.c_int32),
        ("feedback", ctypes.c_uint32),
    ]


class _CheckOptions(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("strength", ctypes.c_bool), ("reference_year", ctypes.c_int32)]


class _HashOptions(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("ops_limit", ctypes.c_int64), ("mem_limit", ctypes.c_size_t)]


_ffi.declare("sesame_password_policy_preset", _ffi.c_status, [ctypes.POINTER(_handle), _cp, _sz])
_ffi.declare("sesame_password_policy_from_json", _ffi.c_status, [ctypes.POINTER(_handle), _cp, _sz])
_ffi.declare("sesame_password_policy_to_json", _ffi.c_status, [_cp, _sz, _psz, _handle])
_ffi.declare("sesame_password_policy_free", None, [_handle])
_ffi.declare("sesame_password_context_new", _ffi.c_status, [ctypes.POINTER(_handle)])
_ffi.declare("sesame_password_context_from_json", _ffi.c_status, [ctypes.POINTER(_handle), _cp, _sz])
_ffi.declare("sesame_password_context_add_name", _ffi.c_status, [_handle, _cp, _sz])
_ffi.declare("sesame_password_context_add_date", _ffi.c_status, [_handle, _cp, _sz])
_ffi.declare("sesame_password_context_add_phone", _ffi.c_status, [_handle, _cp, _sz])
_ffi.declare("sesame_password_context_add_login", _ffi.c_status, [_handle, _cp, _sz])
_ffi.declare("sesame_password_context_free", None, [_handle])
_ffi.declare("sesame_password_check_options_init", _ffi.c_status, [ctypes.POINTER(_CheckOptions)])
_ffi.declare("sesame_password_result_init", _ffi.c_status, [ctypes.POINTER(_Result)])
_ffi.declare("sesame_password_check", _ffi.c_status,
             [ctypes.POINTER(_Result), _handle, _handle, _cp, _sz, ctypes.POINTER(_CheckOptions)])
_ffi.declare("sesame_password_error_name", ctypes.c_char_p, [ctypes.c_int32])
_ffi.declare("sesame_password_rule_name", ctypes.c_char_p, [ctypes.c_int32])
_ffi.declare("sesame_password_rule_message", ctypes.c_char_p, [ctypes.c_int32, ctypes.c_int32])
_ffi.declare("sesame_password_score_label", ctypes.c_char_p, [ctypes.c_int32, ctypes.c_int32])
_ffi.declare("sesame_password_feedback_code", ctypes.c_char_p, [ctypes.c_uint32])
_ffi.declare("sesame_password_feedback_message", ctypes.c_char_p, [ctypes.c_uint32, ctypes.c_int32])
_ffi.declare("sesame_password_confirm", _ffi.c_status, [_p_bool, _cp, _sz, _cp, _sz])
_ffi.declare("sesame_password_hash_max_bytes", _sz, [])
_ffi.declare("sesame_password_hash_options_init", _ffi.c_status, [ctypes.POINTER(_HashOptions)])
_ffi.declare("sesame_password_hash", _ffi.c_status, [_cp, _sz, _psz, _cp, _sz, ctypes.POINTER(_HashOptions)])
_ffi.declare("sesame_password_verify", _ffi.c_status, [_p_bool, _cp, _sz, _cp, _sz])
_ffi.declare("sesame_password_needs_rehash", _ffi.c_status, [_p_bool, _cp, _sz, ctypes.POINTER(_HashOptions)])


def _bytes(s: Union[str, bytes, bytearray]) -> bytes:
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    if isinstance(s, str):
        return s.encode("utf-8", "surrogatepass")
    raise TypeError(f"expected str or bytes, got {type(s).__name__}")


def _lang(lang: str) -> int:
    try:
        return LANGS[lang]
    except KeyError:
        raise ValueError("lang must be 'fr' or 'en'") from None


class Policy:
    """A password policy (immutable; share it between threads)."""

    def __init__(self, _h: int):
        self._h = _handle(_h)
        self._finalizer = weakref.finalize(self, _ffi.lib().sesame_password_policy_free, self._h)

    @classmethod
    def preset(cls, name: str = "portal") -> "Policy":
        """"portal" (the default) or "cnil2022"; NotFoundError for any other name."""
        h = _handle()
        raw = name.encode()
        _check(_ffi.lib().sesame_password_policy_preset(ctypes.byref(h), raw, len(raw)))
        return cls(h.value)

    @classmethod
    def from_json(cls, spec: Union[str, Dict[str, Any]]) -> "Policy":
        """From the JSON policy format (a str or a dict); ParseError / InvalidArgumentError."""
        raw = (spec if isinstance(spec, str) else json.dumps(spec)).encode()
        h = _handle()
        _check(_ffi.lib().sesame_password_policy_from_json(ctypes.byref(h), raw, len(raw)))
        return cls(h.value)

    def to_json(self) -> Dict[str, Any]:
        lib = _ffi.lib()
        return json.loads(_ffi.read_sized(lambda o, c, n: lib.sesame_password_policy_to_json(o, c, n, self._h)))

    def close(self) -> None:
        self._finalizer()

    def __enter__(self) -> "Policy":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Context:
    """Words from the caller that lower the strength score (names, birth dates, phones, login)."""

    def __init__(self, names=(), dates=(), phones=(), login: Optional[str] = None):
        h = _handle()
        lib = _ffi.lib()
        _check(lib.sesame_password_context_new(ctypes.byref(h)))
        self._h = h
        self._finalizer = weakref.finalize(self, lib.sesame_password_context_free, self._h)
        for n in names:
            self._add(lib.sesame_password_context_add_name, n)
        for d in dates:
            self._add(lib.sesame_password_context_add_date, str(d))
        for p in phones:
            self._add(lib.sesame_password_context_add_phone, p)
        if login is not None:
            self._add(lib.sesame_password_context_add_login, login)

    def _add(self, fn, value: Union[str, bytes]) -> None:
        raw = _bytes(value)
        _check(fn(self._h, raw, len(raw)))

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Context":
        """Same keys as the CLI's --context JSON; checked by the library (unknown keys refused)."""
        raw = json.dumps(d, ensure_ascii=False).encode()
        self = cls.__new__(cls)
        h = _handle()
        lib = _ffi.lib()
        _check(lib.sesame_password_context_from_json(ctypes.byref(h), raw, len(raw)))
        self._h = h
        self._finalizer = weakref.finalize(self, lib.sesame_password_context_free, self._h)
        return self

    def close(self) -> None:
        self._finalizer()


@dataclass(frozen=True)
class Rules:
    upper: bool
    lower: bool
    digit: bool
    special: bool
    length: bool
    allowed: Optional[bool] = None  # only when the policy forbids other characters


@dataclass(frozen=True)
class Strength:
    score: int
    label: str
    guesses_log10: float
    feedback: List[str] = field(default_factory=list)
    messages: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckResult:
    valid: bool
    error: Optional[str]
    length: Optional[int]
    rules: Rules
    strength: Optional[Strength]
    alternative: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        """The CLI's JSON object."""
        rules = {"upper": self.rules.upper, "lower": self.rules.lower, "digit": self.rules.digit,
                 "special": self.rules.special, "length": self.rules.length}
        if self.rules.allowed is not None:
            rules["allowed"] = self.rules.allowed
        strength = None
        if self.strength is not None:
            strength = {"score": self.strength.score, "label": self.strength.label,
                        "guesses_log10": self.strength.guesses_log10, "feedback": list(self.strength.feedback),
                        "messages": list(self.strength.messages)}
        return {"valid": self.valid, "error": self.error, "length": self.length, "rules": rules, "strength": strength}


_presets: Dict[str, Policy] = {}
_presets_lock = threading.Lock()


def _policy(policy: Union[None, str, Policy, Dict[str, Any]]) -> Policy:
    if isinstance(policy, Policy):
        return policy
    if policy is None:
        policy = "portal"
    if isinstance(policy, dict):
        return Policy.from_json(policy)
    if not isinstance(policy, str):
        raise TypeError("policy must be a preset name, a Policy or a dict")
    with _presets_lock:
        p = _presets.get(policy)
        if p is None:
            p = _presets[policy] = Policy.preset(policy)
        return p


def check(password: Union[str, bytes], policy: Union[None, str, Policy, Dict[str, Any]] = "portal",
          context: Union[None, Context, Dict[str, Any]] = None, lang: str = "fr", strength: bool = True,
          reference_year: Optional[int] = None) -> CheckResult:
    """Every rule, the verdict, the NFC length and the strength (like ``sesame password check``)."""
    lib = _ffi.lib()
    lg = _lang(lang)
    pol = _policy(policy)
    ctx = Context.from_dict(context) if isinstance(context, dict) else context
    if ctx is not None and not isinstance(ctx, Context):
        raise TypeError("context must be a dict or a Context")
    opts = _CheckOptions()
    _check(lib.sesame_password_check_options_init(ctypes.byref(opts)))
    opts.strength = bool(strength)
    if reference_year is not None:
        opts.reference_year = int(reference_year)
    r = _Result()
    _check(lib.sesame_password_result_init(ctypes.byref(r)))
    raw = _bytes(password)
    _check(lib.sesame_password_check(ctypes.byref(r), pol._h, ctx._h if ctx is not None else None, raw, len(raw),
                                     ctypes.byref(opts)))
    rules = Rules(r.upper, r.lower, r.digit, r.special, r.length_ok, r.allowed if r.has_allowed_rule else None)
    st = None
    if r.has_strength:
        bits = [b for b in FEEDBACK_BITS if r.feedback & b]
        st = Strength(
            score=r.score,
            label=lib.sesame_password_score_label(r.score, lg).decode(),
            guesses_log10=((r.guesses_log10_milli + 5) // 10) / 100.0,
            feedback=[lib.sesame_password_feedback_code(b).decode() for b in bits],
            messages=[lib.sesame_password_feedback_message(b, lg).decode() for b in bits],
        )
    error = lib.sesame_password_error_name(r.error).decode() or None
    return CheckResult(valid=r.valid, error=error, length=r.length if r.length >= 0 else None, rules=rules,
                       strength=st, alternative=r.alternative if r.alternative >= 0 else None)


def rule_message(rule: str, lang: str = "fr") -> str:
    """The checklist line of a rule ("upper", "lower", "digit", "special", "length", "allowed")."""
    names = ["upper", "lower", "digit", "special", "length", "allowed"]
    if rule not in names:
        raise ValueError(f"unknown rule {rule!r}")
    return _ffi.lib().sesame_password_rule_message(names.index(rule), _lang(lang)).decode()


def score_label(score: int, lang: str = "fr") -> str:
    return _ffi.lib().sesame_password_score_label(score, _lang(lang)).decode()


def confirm(password: Union[str, bytes], again: Union[str, bytes]) -> bool:
    """True iff both are acceptable and equal after NFC (constant-time comparison)."""
    a, b = _bytes(password), _bytes(again)
    out = ctypes.c_bool(False)
    _check(_ffi.lib().sesame_password_confirm(ctypes.byref(out), a, len(a), b, len(b)))
    return bool(out.value)


def _hash_options(ops_limit: Optional[int], mem_limit: Optional[int]) -> _HashOptions:
    o = _HashOptions()
    _check(_ffi.lib().sesame_password_hash_options_init(ctypes.byref(o)))
    if ops_limit is not None:
        o.ops_limit = int(ops_limit)
    if mem_limit is not None:
        o.mem_limit = int(mem_limit)
    return o


def hash(password: Union[str, bytes], ops_limit: Optional[int] = None, mem_limit: Optional[int] = None) -> str:  # noqa: A001
    """Argon2id over the NFC form ("$argon2id$..."); defaults: libsodium's interactive limits."""
    raw = _bytes(password)
    o = _hash_options(ops_limit, mem_limit)
    buf = ctypes.create_string_buffer(HASH_MAX_BYTES)
    n = ctypes.c_size_t(0)
    _check(_ffi.lib().sesame_password_hash(buf, HASH_MAX_BYTES, ctypes.byref(n), raw, len(raw), ctypes.byref(o)))
    return buf.raw[: n.value].decode("ascii")


def verify(hashed: Union[str, bytes], password: Union[str, bytes]) -> bool:
    """True iff the password (NFC first) matches the stored hash; False for anything malformed."""
    h, raw = _bytes(hashed), _bytes(password)
    out = ctypes.c_bool(False)
    _check(_ffi.lib().sesame_password_verify(ctypes.byref(out), h, len(h), raw, len(raw)))
    return bool(out.value)


def needs_rehash(hashed: Union[str, bytes], ops_limit: Optional[int] = None, mem_limit: Optional[int] = None) -> bool:
    """True when the stored hash is not Argon2id with exactly these limits."""
    h = _bytes(hashed)
    o = _hash_options(ops_limit, mem_limit)
    out = ctypes.c_bool(True)
    _check(_ffi.lib().sesame_password_needs_rehash(ctypes.byref(out), h, len(h), ctypes.byref(o)))
    return bool(out.value)
