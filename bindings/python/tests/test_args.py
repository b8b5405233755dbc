"""Every integer is range-checked against its C type and every argument type-checked before the
foreign call, naming the parameter; nothing wraps around. Meanings stay the library's job."""
import datetime

import pytest

import sesame
from sesame import _args, identity, otp, password, phone

KEY = bytes(range(32))
T0 = 1_750_000_000_000
PHONE = "+33612345678"
TODAY = "2026-09-01"
SECRET = b"12345678901234567890"


def raises_range(name):
    """OutOfRangeError, which is both an OverflowError and a ValueError, naming the parameter."""
    return pytest.raises(OverflowError, match=rf"^{name} = ")


def raises_type(name):
    return pytest.raises(TypeError, match=rf"^{name} must be")


# ---- the helper itself ------------------------------------------------------------------------

def test_limits_come_from_the_c_types():
    assert _args.LIMITS["int32_t"] == (-2**31, 2**31 - 1)
    assert _args.LIMITS["uint32_t"] == (0, 2**32 - 1)
    assert _args.LIMITS["int64_t"] == (-2**63, 2**63 - 1)
    assert _args.LIMITS["uint64_t"] == (0, 2**64 - 1)
    assert _args.LIMITS["size_t"] == (0, 2**64 - 1)


@pytest.mark.parametrize("ctype,good,bad", [
    ("int32_t", [-2**31, 0, 2**31 - 1], [-2**31 - 1, 2**31]),
    ("uint32_t", [0, 2**32 - 1], [-1, 2**32]),
    ("int64_t", [-2**63, 2**63 - 1], [-2**63 - 1, 2**63]),
    ("uint64_t", [0, 2**64 - 1], [-1, 2**64]),
    ("size_t", [0, 2**64 - 1], [-1, 2**64]),
])
def test_integer_bounds(ctype, good, bad):
    for v in good:
        assert _args.integer(v, "x", ctype) == v
    for v in bad:
        with pytest.raises(sesame.OutOfRangeError) as e:
            _args.integer(v, "x", ctype)
        assert isinstance(e.value, OverflowError) and isinstance(e.value, ValueError)
        assert ctype in str(e.value) and str(v) in str(e.value)


@pytest.mark.parametrize("value", [True, False, 1.0, 1.5, "1", b"1", None, [1], 1j])
def test_integer_types(value):
    with raises_type("x"):
        _args.integer(value, "x", "int32_t")


def test_integer_accepts_index_types():
    class Index:
        def __index__(self):
            return 7
    assert _args.integer(Index(), "x", "uint32_t") == 7


@pytest.mark.parametrize("value", [None, 42, 4.2, bytearray(b"x"), memoryview(b"x"), ["a"]])
def test_text_types(value):
    with raises_type("t"):
        _args.text(value, "t")


def test_text_encoding():
    assert _args.text("é", "t") == b"\xc3\xa9"
    assert _args.text("\ud800", "t") == b"\xed\xa0\x80"  # lone surrogate: ill-formed, refused by the library
    assert _args.text(b"\xff", "t") == b"\xff"
    assert _args.optional_text(None, "t") == b""


@pytest.mark.parametrize("value", ["text", 42, None, 3.0, [1, 2]])
def test_binary_types(value):
    with raises_type("b"):
        _args.binary(value, "b")  # bytes(42) would be 42 zero bytes: never


def test_binary_accepts_buffers():
    assert _args.binary(bytearray(b"ab"), "b") == b"ab"
    assert _args.binary(memoryview(b"ab"), "b") == b"ab"


# ---- through the API: the wraparounds of the old binding --------------------------------------

def test_date_counter():
    with raises_range("max_failures"):
        sesame.DateCounter(-1, 1000)  # was a cap of 4,294,967,295
    with raises_range("max_failures"):
        sesame.DateCounter(2**32, 1000)
    with raises_range("window_ms"):
        sesame.DateCounter(3, 2**63)
    with raises_type("max_failures"):
        sesame.DateCounter("3", 1000)
    with raises_type("max_failures"):
        sesame.DateCounter(None, 1000)
    with raises_type("window_ms"):
        sesame.DateCounter(3, 1000.0)
    with raises_type("max_failures"):
        sesame.DateCounter(True, 1000)
    with pytest.raises(sesame.InvalidArgumentError):  # 0 fits uint32_t: the library refuses it
        sesame.DateCounter(0, 1000)
    with raises_range("max_failures"):
        sesame.DateCounter.redis(-1)
    with raises_range("port"):
        sesame.DateCounter.redis(port=2**31)


def test_otp_service_options():
    with raises_range("ttl_s"):
        sesame.OtpService(KEY, 1, ttl_s=2**32 + 5)  # was 5 s
    with raises_range("ttl_s"):
        sesame.OtpService(KEY, 1, ttl_s=2**31)
    with raises_range("max_attempts"):
        sesame.OtpService(KEY, 1, max_attempts=-2**31 - 1)
    with raises_range("digits"):
        sesame.OtpService.portal(KEY, 1, digits=2**40)
    with raises_type("cooldown_s"):
        sesame.OtpService(KEY, 1, cooldown_s=60.0)
    with raises_type("max_sends_per_hour"):
        sesame.OtpService(KEY, 1, max_sends_per_hour="5")
    with pytest.raises(sesame.InvalidArgumentError, match="ttl_s"):  # fits int32_t: the library names the field
        sesame.OtpService(KEY, 1, ttl_s=0)


def test_otp_keys():
    with raises_range("key_id"):
        sesame.OtpService(KEY, -1)  # was accepted as 4,294,967,295
    with raises_range("key_id"):
        sesame.OtpService(KEY, 2**32)
    with raises_type("key_id"):
        sesame.OtpService(KEY, "1")
    with raises_type("key"):
        sesame.OtpService("0" * 32, 1)
    with raises_type("key"):
        sesame.OtpService(32, 1)
    with raises_type("index_key"):
        sesame.OtpService(KEY, 1, index_key="x" * 32)
    with raises_range("previous_keys key id"):
        sesame.OtpService(KEY, 2, previous_keys={-1: KEY})
    with pytest.raises(ValueError, match=r"previous_keys\[1\] must be 32 bytes"):
        sesame.OtpService(KEY, 2, previous_keys={1: b"short"})
    with pytest.raises(TypeError, match="previous_keys must be a mapping"):
        sesame.OtpService(KEY, 2, previous_keys=[(1, KEY)])
    with pytest.raises(TypeError, match="store must be"):
        sesame.OtpService(KEY, 1, store="memory")
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.OtpService(KEY, 2, previous_keys={i: KEY for i in range(9)})  # at most 8: the library's rule


def test_otp_calls():
    svc = sesame.OtpService(KEY, 1)
    code = svc.issue(PHONE, "activation", now_ms=T0)
    with raises_range("now_ms"):
        svc.verify(PHONE, "activation", code, now_ms=T0 + 2**64)  # was T0: verified
    with raises_range("now_ms"):
        svc.issue(PHONE, "activation", now_ms=-2**63 - 1)
    with raises_type("now_ms"):
        svc.verify(PHONE, "activation", code, now_ms=float(T0))
    with raises_type("phone"):
        svc.issue(612345678, "activation", now_ms=T0)
    with raises_type("purpose"):
        svc.verify(PHONE, None, code, now_ms=T0)
    with raises_type("code"):
        svc.verify(PHONE, "activation", int(code), now_ms=T0)
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 1).status == "ok"  # nothing was consumed above


def test_memory_and_redis_store_options():
    with raises_range("max_records"):
        sesame.MemoryStore(-1)
    with raises_type("max_records"):
        sesame.MemoryStore("10")
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.MemoryStore(0)
    with raises_range("port"):
        sesame.RedisStore(port=2**32 + 6379)
    with raises_type("port"):
        sesame.RedisStore(port="6379")
    with raises_range("timeout_ms"):
        sesame.RedisStore(timeout_ms=-2**31 - 1)
    with raises_type("host"):
        sesame.RedisStore(host=127001)
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.RedisStore(port=70000)  # fits int32_t: the library's range
    with pytest.raises(TypeError):
        sesame.RedisStore(hots="typo")


def test_hotp_totp():
    with raises_type("secret"):
        otp.totp(42)  # bytes(42) must never be used
    with raises_type("secret"):
        otp.hotp("12345678901234567890", 0)
    with raises_range("counter"):
        otp.hotp(SECRET, -1)
    with raises_range("counter"):
        otp.hotp(SECRET, 2**64)
    assert otp.hotp(SECRET, 2**64 - 1)  # the top of uint64_t is a counter like any other
    with raises_range("digits"):
        otp.hotp(SECRET, 0, digits=2**31)
    with raises_range("window"):
        otp.hotp_verify(SECRET, "755224", 0, window=2**31)
    with raises_range("step_s"):
        otp.totp(SECRET, T0, step_s=2**31)
    with raises_range("t0_s"):
        otp.totp(SECRET, T0, t0_s=2**63)
    with raises_range("last_step"):
        otp.totp_verify(SECRET, "123456", T0, last_step=-2**63 - 1)
    with raises_range("now_ms"):
        otp.totp(SECRET, 2**63)
    with raises_type("code"):
        otp.totp_verify(SECRET, 123456, T0)
    with pytest.raises(TypeError, match="hash must be a str"):
        otp.hotp(SECRET, 0, hash=1)
    with pytest.raises(ValueError, match="hash must be one of"):
        otp.hotp(SECRET, 0, hash="md5")
    with raises_type("data"):
        otp.base32_encode("foobar")
    with raises_type("text"):
        otp.base32_decode(None)
    with pytest.raises(sesame.InvalidArgumentError):
        otp.hotp(SECRET, 0, digits=9)  # fits int32_t: 6..8 is the library's rule


def test_password():
    with raises_range("ops_limit"):
        password.hash("x", ops_limit=2**63)
    with raises_range("mem_limit"):
        password.hash("x", mem_limit=-1)
    with raises_type("ops_limit"):
        password.hash("x", ops_limit=2.0)
    with raises_range("ops_limit"):
        password.needs_rehash("$argon2id$", ops_limit=-2**63 - 1)
    with raises_range("reference_year"):
        password.check("x", reference_year=2**31)
    with raises_type("reference_year"):
        password.check("x", reference_year="2026")
    with raises_type("strength"):
        password.check("x", strength=1)
    with pytest.raises(sesame.InvalidArgumentError):
        password.check("x", reference_year=1000)  # fits int32_t: 1900..2200 is the library's rule
    with raises_range("score"):
        password.score_label(2**31)
    with raises_type("score"):
        password.score_label(True)
    assert password.score_label(7) == ""
    with raises_type("password"):
        password.check(None)
    with raises_type("password"):
        password.confirm(12345678, "12345678")
    with raises_type("hashed"):
        password.verify(None, "x")
    with raises_type("name"):
        password.Context(names=[42])
    with raises_type("date"):
        password.Context(dates=[20140312])
    with pytest.raises(TypeError, match="names must be an iterable"):
        password.Context(names="Lucas")  # not five one-letter names
    assert password.Context(dates=[datetime.date(2014, 3, 12)])
    with pytest.raises(TypeError, match="policy must be"):
        password.check("x", policy=42)
    with pytest.raises(TypeError, match="context must be"):
        password.check("x", context=["Lucas"])
    with pytest.raises(ValueError, match="rule must be one of"):
        password.rule_label("uppercase")
    with raises_type("lang"):
        password.check("x", lang=1)
    with raises_type("lang"):
        password.rule_labels(lang=["fr"])
    with pytest.raises(ValueError, match="lang must be one of"):
        password.score_label(0, "de")


def test_phone_and_identity():
    with raises_type("raw"):
        phone.normalize(612345678)
    with raises_type("raw"):
        phone.normalize(None)
    with raises_type("a"):
        phone.same_number(None, "06")
    with raises_type("record"):
        identity.name_match(None, None)
    with raises_type("typed"):
        identity.name_match("DUPONT", 42)
    with pytest.raises(ValueError, match="field must be one of"):
        identity.name_match("a", "b", field=0)
    with raises_type("name"):
        identity.name_key(3)
    with raises_type("typed"):
        identity.parse_date(None, today=TODAY)
    with pytest.raises(TypeError, match="today must be"):
        identity.parse_date("01/01/2000", today=20260901)
    with raises_type("record_given"):
        identity.fc_tier(None, "Anne")
    with raises_type("family"):
        identity.login_id(None)
    with pytest.raises(TypeError, match="taken must be"):
        identity.login_id("DUPONT", "Jean", taken="dupont00")
    assert identity.name_key("\ud800").valid is False  # a lone surrogate reaches the library as ill-formed UTF-8


def test_directory():
    d = sesame.Directory()
    with raises_type("id"):
        d.add_guardian(None, "DUPONT", "Jean")
    with raises_type("family_name"):
        d.add_guardian("G1", None, "Jean")
    with raises_type("phone"):
        d.add_guardian("G1", "DUPONT", "Jean", 612345678)
    with raises_type("birthdate"):
        d.add_pupil("P1", 20130115)
    d.add_guardian("G1", "DUPONT", "Jean")
    d.add_pupil("P1", "2013-01-15")
    with raises_type("legal_representative"):
        d.add_link("G1", "P1", 1)
    with raises_type("claim"):
        d.match(42, today=TODAY)
    with raises_range("now_ms"):
        d.match({"method": "sms"}, today=TODAY, now_ms=2**63)
    with pytest.raises(TypeError, match="counter must be a DateCounter"):
        d.match({"method": "form"}, today=TODAY, counter="3")
    with pytest.raises(TypeError, match="counter must be a DateCounter"):
        identity.match_candidates("{}", "{}", today=TODAY, counter=None)
    with pytest.raises(TypeError, match="path must be"):
        sesame.Directory.load_json(None)


def test_audit_arguments():
    with pytest.raises(ValueError, match="delimiter must be one character"):
        sesame.audit_phones(data=b"tel\n", column="tel", delimiter=",;")
    with pytest.raises(TypeError, match="delimiter must be"):
        sesame.audit_phones(data=b"tel\n", column="tel", delimiter=44)
    with pytest.raises(ValueError, match="encoding must be"):
        sesame.audit_phones(data=b"tel\n", column="tel", encoding="latin-1")
    with raises_type("column"):
        sesame.audit_phones(data=b"tel\n", column=None)
    with raises_type("data"):
        sesame.audit_phones(data="tel\n", column="tel")
    with pytest.raises(TypeError, match="exactly one of path and data"):
        sesame.audit_phones(column="tel")
    with raises_type("lang"):
        sesame.audit_phones(data=b"tel\n", column="tel", lang=["en"])


def test_closed_objects_are_refused():
    p = password.Policy.preset("portal")
    p.close()
    p.close()  # idempotent
    with pytest.raises(ValueError, match="closed"):
        password.check("x", policy=p)  # never NULL (which would silently mean the portal preset)
    c = sesame.DateCounter()
    c.close()
    with pytest.raises(ValueError, match="closed"):
        sesame.Directory().match({"method": "sms"}, today=TODAY, counter=c)  # never NULL (no cap)
    with sesame.OtpService(KEY, 1) as svc:
        pass
    with pytest.raises(ValueError, match="closed"):
        svc.issue(PHONE, "activation", now_ms=T0)
    store = sesame.MemoryStore()
    store.close()
    with pytest.raises(ValueError, match="closed"):
        sesame.OtpService(KEY, 1, store=store)
