"""Guardian link: name keys and matching, typed birth dates, the directory, the activation
decision and login identifiers (sesame/identity.h).

One call per CLI command, returning an object whose attributes are the CLI's JSON keys::

    d = sesame.Directory.load_json("school.json")
    r = d.match(claim, today="2026-09-01", now_ms=...)
    r.status, r.reason, r.guardian, r.pupils, r.pupil_results, r.detail, r.user_message

:func:`name_key` and :func:`parse_date` make one foreign call each. A decision is a handle by
design (sesame_decision in identity.h): its status, reason and user message are read with
sesame_decision_outcome, the rest from its JSON when first asked for.
"""
from __future__ import annotations

import datetime as _dt
import json
import threading
from typing import Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Union

from . import _args
from ._args import Path, Text, now_ms as _now_ms
from ._errors import check, error_for
from ._ffi import Handle, Names, Scratch, enum, ffi, lib, new_handle, read_sized, short_names, string
from ._redis import Sentinel, redis_options

__all__ = ["NameKey", "NameMatch", "ParsedDate", "Decision", "DateCounter", "Directory", "LoginId", "name_key",
           "name_match", "fc_tier", "parse_date", "match_candidates", "login_id", "FIELDS", "DATE_FLAGS", "Today"]

#: A reference date: a datetime.date or "YYYY-MM-DD".
Today = Union[str, _dt.date]
#: Name fields of :func:`name_match`: {"family": 0, "given": 1} (sesame_name_field).
FIELDS: Dict[str, int] = short_names("sesame_name_field", "SESAME_NAME_FIELD_")
#: Flags of a parsed date: {"age_over_25": 1, "age_under_2": 2} (sesame_date_flag bits).
DATE_FLAGS: Dict[str, int] = short_names("sesame_date_flag", "SESAME_DATE_FLAG_")
_FLAG_BITS = sorted((bit, name) for name, bit in DATE_FLAGS.items())
_DATE_ERRORS = Names("sesame_date_error_name", enumeration="sesame_date_error")
_STATUSES = Names("sesame_decision_status_name", enumeration="sesame_decision_status")
_REASONS = Names("sesame_decision_reason_name", enumeration="sesame_decision_reason")
_USER_MESSAGES = Names("sesame_user_message_name", enumeration="sesame_user_message")
_LOGIN_ID_SIZE: int = enum("sesame_login_id_sizes")["SESAME_LOGIN_ID_SIZE"]
_tuple_new = tuple.__new__


def _today(today: Today) -> int:
    if isinstance(today, _dt.datetime):
        today = today.date()
    if isinstance(today, _dt.date):
        return today.year * 10000 + today.month * 100 + today.day
    if isinstance(today, str):
        try:
            d = _dt.date.fromisoformat(today)
        except ValueError:
            raise ValueError(f"today must be a date or 'YYYY-MM-DD', not {today!r}") from None
        return d.year * 10000 + d.month * 100 + d.day
    raise TypeError(f"today must be a datetime.date or 'YYYY-MM-DD', not {type(today).__name__}")


def _shown(raw: Text) -> str:
    return raw if isinstance(raw, str) else raw.decode("utf-8", "replace")


def _json_arg(value: Union[Text, Mapping[str, Any]], name: str) -> bytes:
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False).encode()
    return _args.text(value, name)


# ---- names --------------------------------------------------------------------------------------

class NameKey(NamedTuple):
    """``sesame name key``: ``key`` tokens joined by a space, given-name units by ``|``."""
    input: str
    valid: bool
    key: Optional[str]
    compact: Optional[str]


_name_keys = Scratch("sesame_name_key_result *", "sesame_name_key_result_init")


def name_key(name: Text) -> NameKey:
    """The canonical key of a name; an invalid name gives ``valid=False`` and ``None`` keys."""
    data = _args.text(name, "name")
    r = _name_keys.take()
    st = lib.sesame_name_key(r, data, len(data))
    if st:
        check(st)
    if r.valid:
        result = _tuple_new(NameKey, (_shown(name), True, string(r.text), string(r.compact)))
    else:
        result = _tuple_new(NameKey, (_shown(name), False, None, None))
    _name_keys.give(r)
    return result


class NameMatch(NamedTuple):
    """``sesame name match``; truthy when the names match."""
    match: bool

    def __bool__(self) -> bool:
        return self.match


def name_match(record: Text, typed: Text, field: str = "family") -> NameMatch:
    """Strict matching of a typed name against the school's (``field``: one of :data:`FIELDS`)."""
    if not isinstance(field, str) or field not in FIELDS:
        raise ValueError(f"field must be one of {sorted(FIELDS)}, not {field!r}")
    r, t = _args.text(record, "record"), _args.text(typed, "typed")
    out = ffi.new("bool *")
    check(lib.sesame_name_match(out, FIELDS[field], r, len(r), t, len(t)))
    return NameMatch(bool(out[0]))


def fc_tier(record_given: Text, fc_given_name: Text) -> int:
    """FranceConnect tier of a recorded given name: 1, 2 (needs the phone as a step-up) or 0."""
    r, f = _args.text(record_given, "record_given"), _args.text(fc_given_name, "fc_given_name")
    out = ffi.new("int32_t *")
    check(lib.sesame_name_fc_tier(out, r, len(r), f, len(f)))
    return int(out[0])


# ---- dates --------------------------------------------------------------------------------------

class ParsedDate(NamedTuple):
    """``sesame date parse``: ``iso`` when valid, else ``error`` (``format``, ``not_leap``...)."""
    input: str
    valid: bool
    iso: Optional[str]
    error: Optional[str]
    flags: List[str]

    @property
    def date(self) -> Optional[_dt.date]:
        return _dt.date.fromisoformat(self.iso) if self.iso else None


_dates = Scratch("sesame_date_result *", "sesame_date_result_init")


def parse_date(typed: Text, *, today: Today) -> ParsedDate:
    """Parses a typed birth date against the reference date ``today`` (never the clock)."""
    data = _args.text(typed, "typed")
    t = _today(today)
    r = _dates.take()
    st = lib.sesame_date_parse(r, data, len(data), t)
    if st:
        check(st)
    flags = r.flags
    names = [name for bit, name in _FLAG_BITS if flags & bit]
    if r.error:
        result = _tuple_new(ParsedDate, (_shown(typed), False, None, _DATE_ERRORS[r.error], names))
    else:
        result = _tuple_new(ParsedDate, (_shown(typed), True, string(r.iso), None, names))
    _dates.give(r)
    return result


# ---- decisions ----------------------------------------------------------------------------------

class DateCounter(Handle):
    """Wrong birth dates per pupil, ``max_failures`` (uint32, at least 1) per ``window_ms`` (int64,
    at least 1; sliding window), in this process. The defaults (3 per 24 h) are this binding's,
    the library has none. PHP-FPM-like deployments and several servers share one with
    :meth:`redis`. Thread-safe."""

    def __init__(self, max_failures: int = 3, window_ms: int = 24 * 3600 * 1000) -> None:
        m, w = _args.u32(max_failures, "max_failures"), _args.i64(window_ms, "window_ms")
        self._own(new_handle("sesame_date_counter", lambda out: lib.sesame_date_counter_new(out, m, w)),
                  "sesame_date_counter_free")

    @classmethod
    def redis(cls, max_failures: int = 3, window_ms: int = 24 * 3600 * 1000, *, host: Optional[Text] = None,
              port: Optional[int] = None, prefix: Optional[Text] = None, unix_socket: Optional[Text] = None,
              timeout_ms: Optional[int] = None, connect_timeout_ms: Optional[int] = None,
              username: Optional[Text] = None, password: Optional[Text] = None, db: Optional[int] = None,
              connections: Optional[int] = None, sentinels: Optional[Iterable[Sentinel]] = None,
              master: Optional[Text] = None, sentinel_password: Optional[Text] = None,
              wait_replicas: Optional[int] = None) -> "DateCounter":
        """The counter in Redis, shared by every process using the same server and prefix: one
        atomic round trip per confirmation; an unreachable or slow Redis makes decisions raise
        StoreUnavailableError (nothing decided). The connection keywords are those of
        :class:`sesame.RedisStore`; None keeps the library's default (prefix "sesame:dates:")."""
        m, w = _args.u32(max_failures, "max_failures"), _args.i64(window_ms, "window_ms")
        o, keep = redis_options(host=host, port=port, prefix=prefix, unix_socket=unix_socket, timeout_ms=timeout_ms,
                                connect_timeout_ms=connect_timeout_ms, username=username, password=password, db=db,
                                connections=connections, sentinels=sentinels, master=master,
                                sentinel_password=sentinel_password, wait_replicas=wait_replicas)
        self = cls.__new__(cls)
        self._own(new_handle("sesame_date_counter", lambda out: lib.sesame_date_counter_new_redis(out, m, w, o)),
                  "sesame_date_counter_free")
        del keep
        return self

    def __enter__(self) -> "DateCounter":
        return self


class Decision(Handle):
    """``sesame guardian match``. ``status``, ``reason`` and ``user_message`` come from
    sesame_decision_outcome when the decision is made; the other CLI keys (``guardian``,
    ``pupils``, ``pupil_results``, ``detail``, ``pupil_details``, ``user_text``, ``near_miss``) from
    the decision's JSON, read once when one of them is first asked for (the handle is freed then,
    or by :meth:`close` / garbage collection)."""

    status: str
    reason: str
    user_message: str

    def __init__(self, _ptr: Any) -> None:
        self._own(_ptr, "sesame_decision_free")
        self._lock = threading.Lock()
        self._doc: Optional[Dict[str, Any]] = None
        out = ffi.new("int32_t[3]")
        check(lib.sesame_decision_outcome(_ptr, out, out + 1, out + 2))
        self.status, self.reason, self.user_message = _STATUSES[out[0]], _REASONS[out[1]], _USER_MESSAGES[out[2]]

    def to_dict(self) -> Dict[str, Any]:
        """The decision's JSON object (the CLI's keys plus pupil_details, user_text, near_miss)."""
        doc = self._doc
        if doc is None:
            with self._lock:
                doc = self._doc
                if doc is None:
                    p = self._live()
                    doc = self._doc = json.loads(read_sized(lambda o, c, n: lib.sesame_decision_json(o, c, n, p), 1024))
                    self.close()
        return doc

    def _get(self, key: str, default: Any = None) -> Any:
        return self.to_dict().get(key, default)

    @property
    def guardian(self) -> Optional[str]:
        value: Optional[str] = self._get("guardian")
        return value

    @property
    def pupils(self) -> List[str]:
        value: List[str] = self._get("pupils", [])
        return value

    @property
    def pupil_results(self) -> Dict[str, str]:
        value: Dict[str, str] = self._get("pupil_results", {})
        return value

    @property
    def detail(self) -> Optional[str]:
        value: Optional[str] = self._get("detail")
        return value

    @property
    def pupil_details(self) -> Dict[str, Optional[str]]:
        value: Dict[str, Optional[str]] = self._get("pupil_details", {})
        return value

    @property
    def user_text(self) -> str:
        value: str = self._get("user_text", "")
        return value

    @property
    def near_miss(self) -> bool:
        return bool(self._get("near_miss", False))

    def __repr__(self) -> str:
        return f"Decision(status={self.status!r}, reason={self.reason!r}, user_message={self.user_message!r})"

    def __enter__(self) -> "Decision":
        return self


def _counter(counter: Optional[DateCounter]) -> Any:
    if not isinstance(counter, DateCounter):
        raise TypeError(f"counter must be a DateCounter, not {type(counter).__name__}")
    return counter._live()


class Directory(Handle):
    """The school's guardians, pupils and links, indexed by mobile number and family name.
    Fill it (add_* or a load) before sharing it: concurrent decisions are safe once it is filled,
    additions are not safe during decisions."""

    def __init__(self) -> None:
        self._own(new_handle("sesame_directory", lib.sesame_directory_new), "sesame_directory_free")
        #: Wrong birth dates when match() gets no counter: 3 per 24 h, per directory object.
        self.counter = DateCounter()

    @classmethod
    def _adopt(cls, ptr: Any) -> "Directory":
        self = cls.__new__(cls)
        self._own(ptr, "sesame_directory_free")
        self.counter = DateCounter()
        return self

    @staticmethod
    def _load_options(max_bytes: Optional[int]) -> Any:
        opts = ffi.new("sesame_directory_load_options *")
        check(lib.sesame_directory_load_options_init(opts))
        if max_bytes is not None:
            opts.max_bytes = _args.u64(max_bytes, "max_bytes")
        return opts

    @classmethod
    def load_json(cls, path: Path, *,
                  max_bytes: Optional[int] = None) -> "Directory":
        """Loads the JSON directory file; errors name the record (ParseError, DuplicateError...).
        Only a regular file is read (IoError "not a regular file" otherwise); a file larger than
        ``max_bytes`` (default SESAME_DIRECTORY_MAX_BYTES_DEFAULT, 1 GiB) raises LimitError."""
        p = _args.path(path)
        opts = cls._load_options(max_bytes)
        return cls._adopt(new_handle("sesame_directory",
                                     lambda out: lib.sesame_directory_load_json_file(out, p, len(p), opts)))

    @classmethod
    def from_json(cls, document: Union[Text, Mapping[str, Any]], *, max_bytes: Optional[int] = None) -> "Directory":
        """From the directory JSON (a str, bytes or dict); ``max_bytes`` as for :meth:`load_json`."""
        data = _json_arg(document, "document")
        opts = cls._load_options(max_bytes)
        return cls._adopt(new_handle("sesame_directory",
                                     lambda out: lib.sesame_directory_load_json(out, data, len(data), opts)))

    def add_guardian(self, id: Text, family_name: Text, given_name: Text, phone: Optional[Text] = None, *,
                     birth_name: Optional[Text] = None) -> None:
        """A guardian: ``family_name`` (usage name, ``nom``), ``given_name`` (``prenom``), ``phone``
        (mobile as recorded, may be None), ``birth_name`` (``nom_naissance``, may be None)."""
        a = [_args.text(id, "id"), _args.text(family_name, "family_name"), _args.optional_text(birth_name, "birth_name"),
             _args.text(given_name, "given_name"), _args.optional_text(phone, "phone")]
        check(lib.sesame_directory_add_guardian(self._live(), a[0], len(a[0]), a[1], len(a[1]), a[2], len(a[2]),
                                                a[3], len(a[3]), a[4], len(a[4])))

    def add_pupil(self, id: Text, birthdate: Union[Text, _dt.date]) -> None:
        """A pupil: its id and birth date ("YYYY-MM-DD" or a datetime.date)."""
        i = _args.text(id, "id")
        b = _args.text(birthdate.isoformat() if isinstance(birthdate, _dt.date) else birthdate, "birthdate")
        check(lib.sesame_directory_add_pupil(self._live(), i, len(i), b, len(b)))

    def add_link(self, guardian: Text, pupil: Text, legal_representative: bool) -> None:
        """Links a guardian to a pupil; only legal representatives can activate."""
        g, p = _args.text(guardian, "guardian"), _args.text(pupil, "pupil")
        legal = _args.boolean(legal_representative, "legal_representative")
        check(lib.sesame_directory_add_link(self._live(), g, len(g), p, len(p), legal))

    def report(self) -> Dict[str, Any]:
        """Counts and the guardians unreachable by a field (ids only)."""
        d = self._live()
        doc: Dict[str, Any] = json.loads(read_sized(lambda o, c, n: lib.sesame_directory_report(o, c, n, d)))
        return doc

    def match(self, claim: Union[Text, Mapping[str, Any]], *, today: Today, now_ms: Optional[int] = None,
              counter: Optional[DateCounter] = None) -> Decision:
        """Decides a claim (the CLI's claim object). Raises ParseError (``invalid_json``,
        ``bad_claim:<field>``) or DuplicateError (``duplicate_pupil``) for a malformed claim.
        ``counter``: None for this directory's :attr:`counter`."""
        data = _json_arg(claim, "claim")
        t, now = _today(today), _now_ms(now_ms)
        c = _counter(self.counter if counter is None else counter)
        d = self._live()
        return Decision(new_handle("sesame_decision",
                                   lambda out: lib.sesame_directory_match(out, d, c, data, len(data), t, now)))

    def __enter__(self) -> "Directory":
        return self


def match_candidates(candidates: Union[Text, Mapping[str, Any]], claim: Union[Text, Mapping[str, Any]], *,
                     today: Today, counter: DateCounter, now_ms: Optional[int] = None) -> Decision:
    """The decision for a host keeping records in its own database: ``candidates`` holds only the
    records concerned, in the directory JSON format."""
    cand, data = _json_arg(candidates, "candidates"), _json_arg(claim, "claim")
    t, now = _today(today), _now_ms(now_ms)
    c = _counter(counter)
    return Decision(new_handle("sesame_decision", lambda out: lib.sesame_identity_match_candidates(
        out, c, cand, len(cand), data, len(data), t, now)))


# ---- login identifiers --------------------------------------------------------------------------

class LoginId(NamedTuple):
    """``sesame login-id``."""
    login: str

    def __str__(self) -> str:
        return self.login


def login_id(family: Text, given: Text = "", *,
             taken: Union[Iterable[str], Callable[[str], bool], None] = None) -> LoginId:
    """``initial.family`` + a random suffix not in ``taken`` (an iterable of identifiers, compared
    in lowercase, or a callable ``taken(login) -> bool``). Raises InvalidNameError, ExhaustedError."""
    f, g = _args.text(family, "family"), _args.text(given, "given")
    listing = b""
    callback = ffi.NULL
    errors: List[BaseException] = []
    if callable(taken):
        ask = taken

        def _taken(_payload: Any, login: Any, length: int, out: Any) -> int:
            try:
                out[0] = bool(ask(ffi.unpack(login, length).decode()))
                return 0
            except BaseException as e:  # never let an exception cross the C frames
                errors.append(e)
                return 1
        callback = ffi.callback("sesame_login_taken_fn", _taken)
    elif taken is not None:
        if isinstance(taken, (str, bytes)):
            raise TypeError("taken must be an iterable of identifiers or a callable, not a single string")
        listing = "\n".join(taken).encode()
    buf = ffi.new("char[]", _LOGIN_ID_SIZE)
    n = ffi.new("size_t *")
    st = lib.sesame_login_id(buf, _LOGIN_ID_SIZE, n, f, len(f), g, len(g), listing, len(listing), callback, ffi.NULL)
    if errors:
        raise errors[0]
    if st:
        raise error_for(st)
    return LoginId(ffi.unpack(buf, n[0]).decode())
