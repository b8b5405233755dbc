"""sesame.OtpService through the C ABI, on the in-process store and on Redis."""
from __future__ import annotations

import os
import threading

import pytest

import sesame
from sesame import otp as otp_mod

T0 = 1_750_000_000_000
MIN = 60_000
HOUR = 3_600_000
KEY = bytes(range(32))
PHONE = "+33612345678"


_counter = [0]


@pytest.fixture(params=["memory", "redis"])
def store(request):
    if request.param == "memory":
        return None  # the private in-process store
    port = request.getfixturevalue("redis_port")
    _counter[0] += 1
    return sesame.RedisStore(host="127.0.0.1", port=port, prefix=f"sesame-py:{os.getpid()}:{_counter[0]}:",
                             timeout_ms=2000)


def make(store, **kw):
    return sesame.OtpService(key=KEY, key_id=1, store=store, **kw)


def wrong(code: str) -> str:
    return ("0" if code[0] == "9" else str(int(code[0]) + 1)) + code[1:]


def test_issue_surface_and_verify(store):
    svc = sesame.OtpService(key=bytes(32), key_id=1, ttl_s=1800, max_attempts=5, max_failures_per_hour=10,
                            cooldown_s=60, max_sends_per_hour=5, store=store)
    code = svc.issue("06 12 34 56 78", "activation", now_ms=T0)
    assert isinstance(code, str) and len(code) == 6 and code.isdigit()
    res = svc.verify("+33612345678", "activation", wrong(code), now_ms=T0 + 1)
    assert res.status == "wrong_code" and res.attempts_left == 4
    res = svc.verify("+33612345678", "activation", code, now_ms=T0 + 2)
    assert res.status == "ok" and res.attempts_left is None and res
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 3).status == "no_challenge"  # replay


def test_expiry_exactly_at_ttl_and_portal_preset(store):
    svc = sesame.OtpService.portal(KEY, 1, store=store)
    code = svc.issue(PHONE, "activation", now_ms=T0)
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 1_800_000).status == "expired"
    assert svc.verify(PHONE, "activation", code, now_ms=T0 - 1).status == "expired"  # clock went back
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 1_799_999).status == "ok"


def test_new_code_replaces_the_old(store):
    svc = make(store)
    first = svc.issue(PHONE, "activation", now_ms=T0)
    second = svc.issue(PHONE, "activation", now_ms=T0 + MIN)
    i = 2
    while second == first:
        second = svc.issue(PHONE, "activation", now_ms=T0 + i * MIN)
        i += 1
    assert svc.verify(PHONE, "activation", first, now_ms=T0 + 5 * MIN).status == "wrong_code"
    assert svc.verify(PHONE, "activation", second, now_ms=T0 + 5 * MIN).status == "ok"


def test_caps_per_challenge_and_per_hour_survive_reissue(store):
    svc = make(store)
    code = svc.issue(PHONE, "activation", now_ms=T0)
    lefts = [svc.verify(PHONE, "activation", wrong(code), now_ms=T0 + 1).attempts_left for _ in range(4)]
    assert lefts == [4, 3, 2, 1]
    assert svc.verify(PHONE, "activation", wrong(code), now_ms=T0 + 2).status == "locked"
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 3).status == "locked"
    code = svc.issue(PHONE, "activation", now_ms=T0 + MIN)  # new code: attempts reset, failures not
    for _ in range(4):
        assert svc.verify(PHONE, "activation", wrong(code), now_ms=T0 + MIN + 1).status == "wrong_code"
    assert svc.verify(PHONE, "activation", wrong(code), now_ms=T0 + MIN + 2).status == "locked"  # 10th failure
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + MIN + 3).status == "rate_limited"
    with pytest.raises(sesame.RateLimitedError):
        svc.issue(PHONE, "activation", now_ms=T0 + 2 * MIN)
    code = svc.issue(PHONE, "activation", now_ms=T0 + 2 + HOUR)  # the window slid
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 3 + HOUR).status == "ok"


def test_binding_to_subject_and_purpose(store):
    svc = make(store)
    code = svc.issue("+33 6 12 34 56 78", "activation", now_ms=T0)
    assert svc.verify(PHONE, "password_reset", code, now_ms=T0 + 1).status == "no_challenge"
    assert svc.verify("+33698765432", "activation", code, now_ms=T0 + 1).status == "no_challenge"
    with pytest.raises(sesame.CooldownError):
        svc.issue("0612345678", "activation", now_ms=T0 + 1)  # same number, same budget
    assert svc.verify("06.12.34.56.78", "activation", code, now_ms=T0 + 2).status == "ok"


def test_cooldown_and_quota_carry_retry_after(store):
    svc = make(store)
    svc.issue(PHONE, "activation", now_ms=T0)
    with pytest.raises(sesame.CooldownError) as e:
        svc.issue(PHONE, "activation", now_ms=T0 + 20_500)
    assert e.value.retry_after_s == 40
    assert isinstance(e.value, sesame.SesameError)
    for i in range(1, 5):
        svc.issue(PHONE, "activation", now_ms=T0 + i * MIN)
    with pytest.raises(sesame.QuotaError) as q:
        svc.issue(PHONE, "activation", now_ms=T0 + 10 * MIN)
    assert q.value.retry_after_s == 3000


def test_million_guesses_impossible_within_caps(store):
    # Guess as fast as allowed for 24 simulated hours; count guesses that were compared.
    svc = make(store)
    compared, guess, now = 0, 0, T0
    while now < T0 + 24 * HOUR:
        try:
            svc.issue(PHONE, "activation", now_ms=now)
        except sesame.SesameError:
            pass
        for i in range(6):
            r = svc.verify(PHONE, "activation", f"{guess % 1_000_000:06d}", now_ms=now + i)
            guess += 1
            if r.status in ("wrong_code", "ok") or (r.status == "locked" and i == 4):
                compared += 1
        now += 10 * MIN
    per_hour = compared / 24
    assert per_hour <= 10
    assert 1_000_000 / per_hour > 11 * 365 * 24  # more than 11 years for all codes


def test_threads_verifying_the_right_code_get_one_ok(store):
    svc = make(store)
    code = svc.issue(PHONE, "activation", now_ms=T0)
    results = []
    barrier = threading.Barrier(6)

    def run():
        barrier.wait()
        results.append(svc.verify(PHONE, "activation", code, now_ms=T0 + 1).status)

    threads = [threading.Thread(target=run) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["no_challenge"] * 5 + ["ok"]


def test_typed_code_normalization(store):
    svc = make(store, cooldown_s=0)
    code = svc.issue(PHONE, "activation", now_ms=T0)
    assert svc.verify(PHONE, "activation", f"{code[:3]} {code[3:]}", now_ms=T0 + 1).status == "ok"
    code = svc.issue(PHONE, "activation", now_ms=T0 + 2)
    full = "".join(chr(0xFF10 + int(c)) for c in code)
    assert svc.verify(PHONE, "activation", full, now_ms=T0 + 3).status == "ok"
    code = svc.issue(PHONE, "activation", now_ms=T0 + 4)
    assert svc.verify(PHONE, "activation", "abc", now_ms=T0 + 5).attempts_left == 4


def test_bad_arguments_raise():
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.OtpService(key=bytes(31), key_id=1)
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.OtpService(key=KEY, key_id=1, ttl_s=0)
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.OtpService(key=KEY, key_id=1, max_failures_per_hour=2)
    svc = make(None)
    with pytest.raises(sesame.InvalidArgumentError) as e:
        svc.issue("06 12", "activation", now_ms=T0)
    assert "06" not in e.value.detail
    with pytest.raises(sesame.InvalidArgumentError):
        svc.issue(PHONE, "Activation", now_ms=T0)
    with pytest.raises(sesame.InvalidArgumentError):
        svc.verify(PHONE, "", "123456", now_ms=T0)


def test_rotation_with_previous_keys(store):
    index = bytes([7]) * 32
    old = sesame.OtpService(KEY, 1, store=store or sesame.MemoryStore(), index_key=index)
    code = old.issue(PHONE, "activation", now_ms=T0)
    new = sesame.OtpService(bytes([9]) * 32, 2, store=old.store, index_key=index, previous_keys={1: KEY})
    assert new.verify(PHONE, "activation", code, now_ms=T0 + 1).status == "ok"


def test_use_after_fork_is_refused_by_the_in_process_store():
    svc = make(None)
    code = svc.issue(PHONE, "activation", now_ms=T0)
    pid = os.fork()
    if pid == 0:
        try:
            svc.verify(PHONE, "activation", code, now_ms=T0 + 1)
            os._exit(1)
        except sesame.StoreUnavailableError:
            os._exit(0)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert svc.verify(PHONE, "activation", code, now_ms=T0 + 2).status == "ok"


def test_redis_shared_between_processes(redis_port, in_processes):
    prefix = f"sesame-py-fork:{os.getpid()}:"
    svc = sesame.OtpService(KEY, 1, store=sesame.RedisStore(port=redis_port, prefix=prefix, timeout_ms=2000))
    code = svc.issue(PHONE, "activation", now_ms=T0)
    out = in_processes(4, lambda i: svc.verify(PHONE, "activation", code, now_ms=T0 + 1).status)
    assert out == ["no_challenge"] * 3 + ["ok"]


def test_redis_unreachable_is_store_unavailable(unused_port):
    svc = sesame.OtpService(KEY, 1, store=sesame.RedisStore(port=unused_port, timeout_ms=100,
                                                             connect_timeout_ms=100))
    with pytest.raises(sesame.StoreUnavailableError):
        svc.issue(PHONE, "activation", now_ms=T0)
    with pytest.raises(sesame.StoreUnavailableError):
        svc.verify(PHONE, "activation", "123456", now_ms=T0)


def test_hotp_totp_base32():
    secret = b"12345678901234567890"
    assert otp_mod.hotp(secret, 0) == "755224"
    assert otp_mod.hotp_verify(secret, "969429", 0, window=5) == 4
    assert otp_mod.hotp_verify(secret, "969429", 0, window=1) is None
    assert otp_mod.totp(secret, 59_000, digits=8) == "94287082"
    assert otp_mod.totp(b"12345678901234567890123456789012", 1111111109_000, digits=8, hash="sha256") == "68084774"
    step = otp_mod.totp_verify(secret, "94287082", 59_000, digits=8)
    assert step == 1
    assert otp_mod.totp_verify(secret, "94287082", 59_000, digits=8, last_step=step) is None
    assert otp_mod.base32_encode(b"foobar") == "MZXW6YTBOI======"
    assert otp_mod.base32_decode("mzxw6ytboi") == b"foobar"
    with pytest.raises(sesame.ParseError):
        otp_mod.base32_decode("MZ!")


def test_redis_sentinel_finds_the_master_again_after_a_failover(sentinel_cluster):
    sentinels = [("127.0.0.1", p) for p in sentinel_cluster.sentinels]
    store = sesame.RedisStore(sentinels=sentinels, master="sesame", wait_replicas=2, timeout_ms=1000,
                              prefix=f"sesame-py-sentinel:{os.getpid()}:")
    svc = sesame.OtpService(KEY, 1, store=store, cooldown_s=0)
    code = svc.issue("06 12 34 56 78", "activation", now_ms=T0)
    assert svc.verify("06 12 34 56 78", "activation", code, now_ms=T0 + 1).status == "ok"
    sentinel_cluster.failover()
    code = svc.issue("06 12 34 56 78", "activation", now_ms=T0 + 2)  # the first call after it works
    assert svc.verify("06 12 34 56 78", "activation", code, now_ms=T0 + 3).status == "ok"


def test_redis_sentinel_options_are_checked():
    with pytest.raises(sesame.InvalidArgumentError, match="master_name"):
        sesame.RedisStore(sentinels=[("127.0.0.1", 26379)])
    with pytest.raises(TypeError, match="sentinels"):
        sesame.RedisStore(sentinels="127.0.0.1:26379", master="sesame")
    with pytest.raises(sesame.InvalidArgumentError, match="item 1"):
        sesame.RedisStore(sentinels=["127.0.0.1"], master="sesame")
    with pytest.raises(OverflowError, match="wait_replicas"):
        sesame.RedisStore(sentinels=["127.0.0.1:26379"], master="sesame", wait_replicas=2**31)
    store = sesame.RedisStore(sentinels=["127.0.0.1:26379", ("::1", 26380)], master="sesame")  # lazy: no connection yet
    store.close()
