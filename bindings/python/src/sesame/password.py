"""Passwords: the portal's policy, the strength meter, confirmation and Argon2id hashing
(sesame/password.h).

One call per CLI command, returning an object whose attributes are the CLI's JSON keys::

    r = sesame.password.check("Soleil2015!", policy="portal", context={"names": ["Lucas"]})
    r.valid, r.error, r.length, r.rules.upper, r.strength.score, r.strength.label,
    r.strength.guesses_log10, r.strength.feedback

``policy`` is a preset name ("portal", the default, or "cnil2022"), a :class:`Policy`, a dict in
the JSON policy format, or None (the library's default, the portal preset). ``context`` is a dict
``{"names": [...], "dates": ["YYYY-MM-DD"], "phones": [...], "login": "..."}`` or a
:class:`Context` (build it once for many keystrokes: a dict is parsed on every call).

:func:`check` makes one foreign call (sesame_password_check into a preallocated result); labels,
feedback codes and messages come from tables read from the library once.

A password given as ``str`` is encoded to UTF-8 (lone surrogates become ill-formed bytes, hence
``error == "invalid_utf8"``); ``bytes`` are passed as they are. Python strings cannot be wiped:
the library wipes its own copies.
"""
from __future__ import annotations

import datetime as _dt
import json
import threading
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _args
from ._args import Text, lang as _lang
from ._errors import check as _check
from ._ffi import Handle, Names, Scratch, enum, ffi, lib, new_handle, read_sized, string

__all__ = ["Policy", "Context", "Rules", "Strength", "CheckResult", "check", "confirm", "hash", "verify",
           "needs_rehash", "rule_label", "rule_labels", "score_label", "LANGS", "RULES", "FEEDBACK"]

#: Languages of labels and messages: {"fr": 0, "en": 1} (sesame_password_lang).
LANGS: Dict[str, int] = _args.LANGS
#: The checklist rules' names, in value order ("upper", ..., "allowed").
RULES: Tuple[str, ...]
#: The meter's feedback codes, in bit order ("common_password", ..., "context").
FEEDBACK: Tuple[str, ...]

_FEEDBACK_BITS = tuple(sorted(enum("sesame_password_feedback").values()))
_ERRORS = Names("sesame_password_error_name", enumeration="sesame_password_error")
_RULES = Names("sesame_password_rule_name", enumeration="sesame_password_rule")
_FEEDBACK_CODES = Names("sesame_password_feedback_code", values=_FEEDBACK_BITS)
_FEEDBACK_MESSAGES = {v: Names("sesame_password_feedback_message", v, values=_FEEDBACK_BITS) for v in LANGS.values()}
_SCORE_LABELS = {v: Names("sesame_password_score_label", v) for v in LANGS.values()}
_HASH_SIZE: int = enum("sesame_password_sizes")["SESAME_PASSWORD_HASH_SIZE"]


def __getattr__(name: str) -> Tuple[str, ...]:  # asked to the library on first use
    if name == "RULES":
        return _RULES.ordered()
    if name == "FEEDBACK":
        return _FEEDBACK_CODES.ordered()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Policy(Handle):
    """A password policy (immutable; share it between threads). Build it with :meth:`preset` or
    :meth:`from_json`."""

    def __init__(self, _ptr: Any) -> None:
        self._own(_ptr, "sesame_password_policy_free")

    @classmethod
    def preset(cls, name: Text = "portal") -> "Policy":
        """"portal" (the default) or "cnil2022"; NotFoundError for any other name."""
        raw = _args.text(name, "name")
        return cls(new_handle("sesame_password_policy", lambda out: lib.sesame_password_policy_preset(out, raw, len(raw))))

    @classmethod
    def from_json(cls, spec: Union[Text, Mapping[str, Any]]) -> "Policy":
        """From the JSON policy format (a str, bytes or a dict); ParseError / InvalidArgumentError."""
        raw = json.dumps(spec).encode() if isinstance(spec, Mapping) else _args.text(spec, "spec")
        return cls(new_handle("sesame_password_policy",
                              lambda out: lib.sesame_password_policy_from_json(out, raw, len(raw))))

    def to_json(self) -> Dict[str, Any]:
        """The policy in the JSON format, every key present."""
        p = self._live()
        doc: Dict[str, Any] = json.loads(read_sized(lambda o, c, n: lib.sesame_password_policy_to_json(o, c, n, p)))
        return doc

    def __enter__(self) -> "Policy":
        return self


class Context(Handle):
    """Words from the caller that lower the strength score (names, birth dates, phones, login).
    Built once, read by many concurrent checks; do not add to it while another thread checks."""

    def __init__(self, names: Iterable[Text] = (), dates: Iterable[Union[str, _dt.date]] = (),
                 phones: Iterable[Text] = (), login: Optional[Text] = None) -> None:
        for what, values in (("names", names), ("dates", dates), ("phones", phones)):
            if isinstance(values, (str, bytes)):
                raise TypeError(f"{what} must be an iterable of values, not a single {type(values).__name__}")
        self._own(new_handle("sesame_password_context", lib.sesame_password_context_new),
                  "sesame_password_context_free")
        for n in names:
            self.add_name(n)
        for d in dates:
            self.add_date(d)
        for p in phones:
            self.add_phone(p)
        if login is not None:
            self.add_login(login)

    @classmethod
    def _adopt(cls, ptr: Any) -> "Context":
        self = cls.__new__(cls)
        self._own(ptr, "sesame_password_context_free")
        return self

    @classmethod
    def from_json(cls, text: Text) -> "Context":
        """From the context JSON (the CLI's --context); the library refuses unknown keys."""
        raw = _args.text(text, "text")
        return cls._adopt(new_handle("sesame_password_context",
                                     lambda out: lib.sesame_password_context_from_json(out, raw, len(raw))))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Context":
        """Same keys as the CLI's --context JSON; checked by the library (unknown keys refused)."""
        return cls.from_json(json.dumps(d, ensure_ascii=False).encode())

    def add_name(self, name: Text) -> None:
        raw = _args.text(name, "name")
        _check(lib.sesame_password_context_add_name(self._live(), raw, len(raw)))

    def add_date(self, date: Union[str, _dt.date]) -> None:
        """A birth date, "YYYY-MM-DD" or a datetime.date."""
        raw = _args.text(date.isoformat() if isinstance(date, _dt.date) else date, "date")
        _check(lib.sesame_password_context_add_date(self._live(), raw, len(raw)))

    def add_phone(self, phone: Text) -> None:
        raw = _args.text(phone, "phone")
        _check(lib.sesame_password_context_add_phone(self._live(), raw, len(raw)))

    def add_login(self, login: Text) -> None:
        raw = _args.text(login, "login")
        _check(lib.sesame_password_context_add_login(self._live(), raw, len(raw)))

    def __enter__(self) -> "Context":
        return self


class Rules(NamedTuple):
    upper: bool
    lower: bool
    digit: bool
    special: bool
    length: bool
    allowed: Optional[bool] = None  # only when the policy forbids other characters


class Strength(NamedTuple):
    score: int
    label: str
    guesses_log10: float
    feedback: List[str]
    messages: List[str]


class CheckResult(NamedTuple):
    valid: bool
    error: Optional[str]
    length: Optional[int]
    rules: Rules
    strength: Optional[Strength]
    alternative: Optional[int] = None
    #: The characters that are neither letters, digits nor the policy's specials (at most 8,
    #: distinct), e.g. "€"; None when there are none. Part of the password.
    unaccepted: Optional[str] = None
    #: Why they did not count, for the parent ("€ n’est pas un caractère spécial accepté ;
    #: caractères spéciaux acceptés : ! ? @ …"); None when there is nothing to say.
    unaccepted_message: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The CLI's JSON object."""
        rules: Dict[str, Any] = {"upper": self.rules.upper, "lower": self.rules.lower, "digit": self.rules.digit,
                                 "special": self.rules.special, "length": self.rules.length}
        if self.rules.allowed is not None:
            rules["allowed"] = self.rules.allowed
        strength = None
        if self.strength is not None:
            strength = {"score": self.strength.score, "label": self.strength.label,
                        "guesses_log10": self.strength.guesses_log10, "feedback": list(self.strength.feedback),
                        "messages": list(self.strength.messages)}
        return {"valid": self.valid, "error": self.error, "length": self.length, "rules": rules, "strength": strength,
                "unaccepted": self.unaccepted, "unaccepted_message": self.unaccepted_message}


_presets: Dict[str, Policy] = {}
_presets_lock = threading.Lock()
_results = Scratch("sesame_password_result *", "sesame_password_result_init")
_tuple_new = tuple.__new__


def _preset(name: str) -> Policy:
    p = _presets.get(name)
    if p is None:
        with _presets_lock:
            p = _presets.get(name)
            if p is None:
                p = _presets[name] = Policy.preset(name)
    return p


_strength_options: Dict[bool, Any] = {}  # read-only inputs: one struct per value, shared by threads


def _check_options(strength: Optional[bool], reference_year: Optional[int]) -> Any:
    if strength is None and reference_year is None:
        return ffi.NULL  # the library's defaults
    if reference_year is None and (strength is True or strength is False):
        o = _strength_options.get(strength)
        if o is None:
            o = _strength_options[strength] = _new_check_options(strength, None)
        return o
    return _new_check_options(strength, reference_year)


def _new_check_options(strength: Optional[bool], reference_year: Optional[int]) -> Any:
    o = ffi.new("sesame_password_check_options *")
    _check(lib.sesame_password_check_options_init(o))
    if strength is not None:
        o.strength = _args.boolean(strength, "strength")
    if reference_year is not None:
        o.reference_year = _args.i32(reference_year, "reference_year")
    return o


def check(password: Text, policy: Union[None, str, Policy, Mapping[str, Any]] = "portal",
          context: Union[None, Context, Mapping[str, Any]] = None, lang: str = "fr",
          strength: Optional[bool] = None, reference_year: Optional[int] = None) -> CheckResult:
    """Every rule, the verdict, the NFC length and the strength (like ``sesame password check``).

    ``strength``: None or True runs the meter (the library's default), False skips it.
    ``reference_year``: the year the meter treats as now (None: the current year).
    """
    data = _args.text(password, "password")
    lg = _lang(lang)
    opts = _check_options(strength, reference_year)
    temporary: List[Handle] = []
    if policy is None:
        pol = ffi.NULL  # the library's default: the portal preset
    elif isinstance(policy, str):
        pol = _preset(policy)._live()
    elif isinstance(policy, Policy):
        pol = policy._live()
    elif isinstance(policy, Mapping):
        tmp_policy = Policy.from_json(policy)
        temporary.append(tmp_policy)
        pol = tmp_policy._live()
    else:
        raise TypeError(f"policy must be a preset name, a Policy, a dict or None, not {type(policy).__name__}")
    if context is None:
        ctx = ffi.NULL
    elif isinstance(context, Context):
        ctx = context._live()
    elif isinstance(context, Mapping):
        tmp_context = Context.from_dict(context)
        temporary.append(tmp_context)
        ctx = tmp_context._live()
    else:
        raise TypeError(f"context must be a Context, a dict or None, not {type(context).__name__}")
    r = _results.take()
    st = lib.sesame_password_check(r, pol, ctx, data, len(data), opts)
    if st:
        for h in temporary:
            h.close()
        _check(st)
    rules = _tuple_new(Rules, (r.upper, r.lower, r.digit, r.special, r.length_ok,
                               r.allowed if r.has_allowed_rule else None))
    meter = None
    if r.has_strength:
        codes: List[str] = []
        messages: List[str] = []
        fb = r.feedback
        texts = _FEEDBACK_MESSAGES[lg]
        while fb:
            bit = fb & -fb  # lowest set bit first: the enum's order
            codes.append(_FEEDBACK_CODES[bit])
            messages.append(texts[bit])
            fb ^= bit
        score = r.score
        meter = _tuple_new(Strength, (score, _SCORE_LABELS[lg][score], ((r.guesses_log10_milli + 5) // 10) / 100.0,
                                      codes, messages))
    length, alternative = r.length, r.alternative
    unaccepted = message = None
    if r.unaccepted_count:  # rare: a second call, for the sentence about them
        unaccepted = ffi.string(r.unaccepted).decode("utf-8")
        message = read_sized(lambda o, c, n: lib.sesame_password_unaccepted_message(o, c, n, pol, r, lg),
                             512).decode("utf-8") or None
        lib.sesame_memzero(r.unaccepted, ffi.sizeof(r.unaccepted))
    for h in temporary:
        h.close()
    result = _tuple_new(CheckResult, (r.valid, _ERRORS[r.error] or None, length if length >= 0 else None, rules, meter,
                                      alternative if alternative >= 0 else None, unaccepted, message))
    _results.give(r)
    return result


def rule_label(rule: str, lang: str = "fr", policy: Union[None, str, Policy] = "portal",
               alternative: Optional[int] = None) -> str:
    """The parent's checklist line of a rule (one of :data:`RULES`), with its figure, made from the
    policy: "Au moins 8 caractères (128 au maximum)", "Au moins un caractère spécial parmi ! ? @ …";
    with several alternatives, every way: "Au moins 12 caractères, ou 14 sans caractère spécial (128
    au maximum)", "… (facultatif à partir de 14 caractères)". ``alternative``: the policy alternative whose figures to state (CheckResult.alternative; None:
    the first)."""
    values = _rule_values()
    if not isinstance(rule, str) or rule not in values:
        raise ValueError(f"rule must be one of {sorted(values)}, not {rule!r}")
    lg, pol, alt = _label_args(lang, policy, alternative)
    return _rule_label(pol, values[rule], alt, lg)


def rule_labels(lang: str = "fr", policy: Union[None, str, Policy] = "portal",
                alternative: Optional[int] = None) -> Dict[str, str]:
    """Every rule's checklist line: {"upper": ..., "lower": ..., "digit": ..., "special": ...,
    "length": ..., "allowed": ...} (see :func:`rule_label`)."""
    lg, pol, alt = _label_args(lang, policy, alternative)
    values = _rule_values()
    return {name: _rule_label(pol, values[name], alt, lg) for name in _RULES.ordered()}


_RULE_VALUES: Dict[str, int] = {}  # rule name -> sesame_password_rule, filled on first use


def _rule_values() -> Dict[str, int]:
    if not _RULE_VALUES:
        _RULE_VALUES.update((name, value) for value, name in _RULES.fill().items())
    return _RULE_VALUES


def _label_args(lang: str, policy: Union[None, str, Policy], alternative: Optional[int]) -> Tuple[int, Any, int]:
    """The language, the policy pointer and the alternative of rule_label(s), checked in this order."""
    lg = _lang(lang)
    if policy is None or isinstance(policy, str):
        pol = _preset(policy or "portal")._live()
    elif isinstance(policy, Policy):
        pol = policy._live()
    else:
        raise TypeError(f"policy must be a preset name, a Policy or None, not {type(policy).__name__}")
    return lg, pol, -1 if alternative is None else _args.i32(alternative, "alternative")


def _rule_label(pol: Any, rule: int, alt: int, lg: int) -> str:
    return read_sized(lambda o, c, n: lib.sesame_password_rule_label(o, c, n, pol, rule, alt, lg), 256).decode("utf-8")


def score_label(score: int, lang: str = "fr") -> str:
    """The label of a score 0..4 ("très faible" ... "très fort"); "" for any other score."""
    return string(lib.sesame_password_score_label(_args.i32(score, "score"), _lang(lang)))


def confirm(password: Text, again: Text) -> bool:
    """True iff both are acceptable and equal after NFC (constant-time comparison)."""
    a, b = _args.text(password, "password"), _args.text(again, "again")
    out = ffi.new("bool *")
    _check(lib.sesame_password_confirm(out, a, len(a), b, len(b)))
    return bool(out[0])


def _hash_options(ops_limit: Optional[int], mem_limit: Optional[int]) -> Any:
    if ops_limit is None and mem_limit is None:
        return ffi.NULL  # the library's defaults (libsodium's interactive limits)
    o = ffi.new("sesame_password_hash_options *")
    _check(lib.sesame_password_hash_options_init(o))
    if ops_limit is not None:
        o.ops_limit = _args.i64(ops_limit, "ops_limit")
    if mem_limit is not None:
        o.mem_limit = _args.size(mem_limit, "mem_limit")
    return o


def hash(password: Text, ops_limit: Optional[int] = None, mem_limit: Optional[int] = None) -> str:  # noqa: A001
    """Argon2id over the NFC form ("$argon2id$..."); None: the library's defaults (libsodium's
    interactive limits)."""
    raw = _args.text(password, "password")
    o = _hash_options(ops_limit, mem_limit)
    return read_sized(lambda out, cap, n: lib.sesame_password_hash(out, cap, n, raw, len(raw), o), _HASH_SIZE).decode()


def verify(hashed: Text, password: Text) -> bool:
    """True iff the password (NFC first) matches the stored hash; False for anything malformed."""
    h, raw = _args.text(hashed, "hashed"), _args.text(password, "password")
    out = ffi.new("bool *")
    _check(lib.sesame_password_verify(out, h, len(h), raw, len(raw)))
    return bool(out[0])


def needs_rehash(hashed: Text, ops_limit: Optional[int] = None, mem_limit: Optional[int] = None) -> bool:
    """True when the stored hash is not Argon2id with exactly these limits (None: the defaults)."""
    h = _args.text(hashed, "hashed")
    o = _hash_options(ops_limit, mem_limit)
    out = ffi.new("bool *")
    _check(lib.sesame_password_needs_rehash(out, h, len(h), o))
    return bool(out[0])
