"""One foreign call per user-level operation, defaults from the C _init functions, and what the
ABI 1.0 reshape added (issue results, decision outcomes, audit summaries)."""
import inspect
import threading
from pathlib import Path

import pytest

import sesame
from sesame import _ffi, identity, otp, password, phone, phone_audit

ROOT = Path(__file__).resolve().parents[3]
KEY = bytes(range(32))
T0 = 1_750_000_000_000
PHONE = "+33612345678"
TODAY = "2026-09-01"
NOW = 1788220800000
CLAIM = {"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Hélène",
         "pupils": [{"pupil": "P01", "legal_representative": True, "birthdate": "12 03 2014"}]}


class Counting:
    """Stands for the loaded library and records each libsesame function called."""

    def __init__(self, real):
        self._real = real
        self.calls = []

    def __getattr__(self, name):
        value = getattr(self._real, name)
        if name.startswith("sesame_"):
            def call(*args):
                self.calls.append(name)
                return value(*args)
            return call
        return value


@pytest.fixture
def calls(monkeypatch):
    counting = Counting(_ffi.lib)
    for module in (_ffi, phone, password, otp, identity, phone_audit):
        monkeypatch.setattr(module, "lib", counting)

    def run(fn):
        fn()  # the first call may fill the name tables and the pool of result structs
        counting.calls.clear()
        fn()
        return list(counting.calls)
    return run


def test_phone_normalize_is_one_call(calls):
    assert calls(lambda: phone.normalize("0692 12 34 56")) == ["sesame_phone_normalize"]
    assert calls(lambda: phone.normalize("Tél 06")) == ["sesame_phone_normalize"]
    assert calls(lambda: phone.same_number("06 12 34 56 78", PHONE)) == ["sesame_phone_same_number"]


def test_password_check_is_one_call(calls):
    ctx = password.Context(names=["Lucas"], dates=["2014-03-12"])
    assert calls(lambda: password.check("Lucas2014!", context=ctx, lang="en")) == ["sesame_password_check"]
    assert calls(lambda: password.check("azerty", policy=None)) == ["sesame_password_check"]
    assert calls(lambda: password.check("x", strength=False)) == ["sesame_password_check"]  # options made once
    assert calls(lambda: password.check("x", reference_year=2026)) == ["sesame_password_check_options_init",
                                                                       "sesame_password_check"]


def test_otp_issue_and_verify_are_one_call_each(calls):
    svc = sesame.OtpService(KEY, 1, cooldown_s=0, max_sends_per_hour=100)
    now = [T0]

    def issue():
        now[0] += 1000
        svc.issue_result(PHONE, "activation", now_ms=now[0])
    assert calls(issue) == ["sesame_otp_issue"]
    assert calls(lambda: svc.verify(PHONE, "activation", "000000", now_ms=now[0])) == ["sesame_otp_verify"]


def test_name_key_and_parse_date_are_one_call(calls):
    assert calls(lambda: identity.name_key("Jean-Pierre Marie")) == ["sesame_name_key"]
    assert calls(lambda: identity.parse_date("29 02 2016", today=TODAY)) == ["sesame_date_parse"]
    assert calls(lambda: identity.name_match("DUPONT", "Dupont")) == ["sesame_name_match"]


def test_decision_outcome_without_json(calls):
    d = sesame.Directory.load_json(ROOT / "tests" / "data" / "identity" / "school.json")
    seen = []

    def decide():
        r = d.match(CLAIM, today=TODAY, now_ms=NOW)
        seen.append((r.status, r.reason, r.user_message))
        r.close()
    assert calls(decide) == ["sesame_directory_match", "sesame_decision_outcome", "sesame_decision_free"]
    assert seen[-1] == ("activated", "ok", "ok_all")


def test_decision_reads_its_json_once_and_frees_the_handle():
    d = sesame.Directory.load_json(ROOT / "tests" / "data" / "identity" / "school.json")
    r = d.match(CLAIM, today=TODAY, now_ms=NOW)
    assert (r.status, r.reason, r.user_message) == ("activated", "ok", "ok_all")
    assert r._doc is None and r._ptr  # nothing parsed yet
    assert r.guardian == "G01" and r.pupils == ["P01"]
    assert not r._ptr  # freed once the JSON is read
    doc = r.to_dict()
    assert (doc["status"], doc["reason"], doc["user_message"]) == (r.status, r.reason, r.user_message)
    assert r.user_text and r.pupil_details == {"P01": None} and r.near_miss is False
    with d.match({"method": "form", "phone": "06 00 00 00 00", "family_name": "X", "given_name": "Y", "pupils": []},
                 today=TODAY, now_ms=NOW) as rejected:
        assert (rejected.status, rejected.reason, rejected.user_message) == ("rejected", "phone_unknown",
                                                                              "generic_failure")
    with pytest.raises(ValueError, match="closed"):
        rejected.guardian  # noqa: B018


def test_decision_json_read_by_many_threads_once():
    d = sesame.Directory.load_json(ROOT / "tests" / "data" / "identity" / "school.json")
    for _ in range(20):
        r = d.match(CLAIM, today=TODAY, now_ms=NOW)
        out = []
        threads = [threading.Thread(target=lambda: out.append(r.guardian)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert out == ["G01"] * 4


def test_issue_result():
    svc = sesame.OtpService(KEY, 1)
    r = svc.issue_result("06 12 34 56 78", "activation", now_ms=T0)
    assert r.e164 == PHONE and len(r.code) == 6 and r.code.isdigit()
    assert r.expires_at_ms == T0 + 600_000  # sesame_otp_options_init's TTL
    portal = sesame.OtpService.portal(KEY, 1)
    assert portal.issue_result(PHONE, "activation", now_ms=T0).expires_at_ms == T0 + 1_800_000  # _init_portal's
    assert sesame.OtpService.portal(KEY, 1, ttl_s=60).issue_result(PHONE, "x", now_ms=T0).expires_at_ms == T0 + 60_000
    assert svc.verify("06.12.34.56.78", "activation", r.code, now_ms=T0 + 1).status == "ok"
    assert svc.digits == 6 and sesame.OtpService(KEY, 1, digits=8).digits == 8


def test_defaults_are_the_library_s():
    """None in a signature means "the library's default" (from the C _init function)."""
    for fn in (sesame.OtpService.__init__, sesame.OtpService.portal):
        params = inspect.signature(fn).parameters
        for name in ("ttl_s", "max_attempts", "max_failures_per_hour", "cooldown_s", "max_sends_per_hour", "digits"):
            assert params[name].default is None, name
    for name, p in inspect.signature(sesame.RedisStore.__init__).parameters.items():
        if name != "self":
            assert p.default is None, name
    assert inspect.signature(sesame.MemoryStore.__init__).parameters["max_records"].default is None
    for fn in (password.hash, password.needs_rehash):
        params = inspect.signature(fn).parameters
        assert params["ops_limit"].default is None and params["mem_limit"].default is None


def test_tables_come_from_the_library():
    assert phone.TYPES[1] == "mobile" and "invalid_number" in phone.ERRORS and "" not in phone.ERRORS
    assert password.RULES == ("upper", "lower", "digit", "special", "length", "allowed")
    assert password.FEEDBACK[0] == "common_password" and password.FEEDBACK[-1] == "context"
    assert password.LANGS == {"fr": 0, "en": 1}
    assert otp.VERDICTS == ("ok", "wrong_code", "expired", "no_challenge", "locked", "rate_limited")
    assert otp.HASHES == {"sha1": 0, "sha256": 1, "sha512": 2}
    assert identity.FIELDS == {"family": 0, "given": 1}
    assert identity.DATE_FLAGS == {"age_over_25": 1, "age_under_2": 2}
    assert phone_audit.ENCODINGS == {"utf-8": 1, "cp1252": 2, "utf-16-le": 3, "utf-16-be": 4}
    assert phone_audit.OUTCOMES == {"mobile": 0, "not_mobile": 1, "invalid": 2, "empty": 3}


def test_audit_summary():
    data = b"tel\n06 12 34 56 78\n01 23 45 67 89\n0692 12 34 56\n\nabc\n+33 6 12 34 56 78\n"
    s = sesame.audit_phones_summary(data=data, column="tel", encoding="utf-8")
    report = sesame.audit_phones(data=data, column="tel", encoding="utf-8")
    assert s["rows"] == report["rows"] == 5
    assert {k: s[k] for k in report["summary"]} == report["summary"]
    assert s["shared_numbers"] == len(report["shared_numbers"]) == 1
    assert s["problems"] == len(report["problems"]) == 2
    assert list(s) == ["rows", "mobile", "not_mobile", "invalid", "empty", "overseas", "shared_numbers", "problems",
                       "outside_metadata"]


def test_threads_share_no_result_struct():
    """cffi releases the GIL during calls: each thread must get its own preallocated struct."""
    inputs = ["0692 12 34 56", "06 12 34 56 78", "+44 20 7946 0958", "Jean-Pierre Marie"]
    expected = {raw: (phone.normalize(raw), identity.name_key(raw), identity.parse_date(raw, today=TODAY))
                for raw in inputs}
    assert len({e[0].e164 for e in expected.values()}) == 4 and len({e[1].key for e in expected.values()}) == 4
    errors = []
    barrier = threading.Barrier(4)

    def run(raw):
        barrier.wait()
        for _ in range(3000):
            got = (phone.normalize(raw), identity.name_key(raw), identity.parse_date(raw, today=TODAY))
            if got != expected[raw]:
                errors.append((raw, got))
    threads = [threading.Thread(target=run, args=(raw,)) for raw in inputs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_phone_number_is_a_cheap_tuple():
    n = phone.normalize("0692 12 34 56")
    assert isinstance(n, tuple) and n == phone.normalize("0692 12 34 56") and hash(n) == hash(tuple(n))
    assert n._fields[:3] == ("input", "ok", "e164")
    assert not phone.normalize("abc") and bool(n)
    assert n._replace(ok=False).ok is False  # a NamedTuple
