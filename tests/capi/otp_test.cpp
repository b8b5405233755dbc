// sesame/otp.h through sesame.h only: argument checks, size queries, verdicts, stores, HOTP/TOTP.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "sesame.h"

namespace {

constexpr int64_t T0 = 1'750'000'000'000;
const std::string kPhone = "+33612345678";
const std::string kPurpose = "activation";
const uint8_t kKey[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                          17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

struct Svc {
    sesame_otp_service *p = nullptr;
    explicit Svc(const sesame_otp_options *o = nullptr, sesame_otp_store *store = nullptr) {
        EXPECT_EQ(sesame_otp_service_new(&p, kKey, sizeof kKey, 1, o, store), SESAME_OK) << sesame_last_error_message();
    }
    ~Svc() { sesame_otp_service_free(p); }
};

// Issues for (phone, kPurpose); the status is returned, the result in *out.
sesame_status try_issue(sesame_otp_issue_result *out, const sesame_otp_service *s, const std::string &phone, int64_t now) {
    EXPECT_EQ(sesame_otp_issue_result_init(out), SESAME_OK);
    return sesame_otp_issue(out, s, phone.data(), phone.size(), kPurpose.data(), kPurpose.size(), now);
}

std::string issue(const sesame_otp_service *s, const std::string &phone, int64_t now) {
    sesame_otp_issue_result r;
    EXPECT_EQ(try_issue(&r, s, phone, now), SESAME_OK) << sesame_last_error_message();
    EXPECT_EQ(r.retry_after_s, 0);
    std::string code = r.code;
    sesame_memzero(&r, sizeof r);
    return code;
}

sesame_otp_verify_result verify_result(const sesame_otp_service *s, const std::string &phone, const std::string &code,
                                       int64_t now) {
    sesame_otp_verify_result r;
    EXPECT_EQ(sesame_otp_verify_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_otp_verify(&r, s, phone.data(), phone.size(), kPurpose.data(), kPurpose.size(), code.data(),
                                code.size(), now),
              SESAME_OK);
    return r;
}

int32_t verify(const sesame_otp_service *s, const std::string &phone, const std::string &code, int64_t now,
               int32_t *left = nullptr) {
    const sesame_otp_verify_result r = verify_result(s, phone, code, now);
    if (left != nullptr) *left = r.attempts_left;
    return r.verdict;
}

TEST(CapiOtp, IssueVerifyAndVerdictNames) {
    Svc s;
    const std::string code = issue(s.p, "06 12 34 56 78", T0);
    ASSERT_EQ(code.size(), 6u);
    int32_t left = -1;
    std::string w = code;
    w[5] = w[5] == '0' ? '1' : '0';
    EXPECT_EQ(verify(s.p, kPhone, w, T0 + 1, &left), SESAME_OTP_WRONG_CODE);
    EXPECT_EQ(left, 4);
    EXPECT_EQ(verify(s.p, kPhone, code, T0 + 2, &left), SESAME_OTP_OK);
    EXPECT_EQ(left, 0);
    EXPECT_EQ(verify(s.p, kPhone, code, T0 + 3), SESAME_OTP_NO_CHALLENGE);
    EXPECT_STREQ(sesame_otp_verdict_name(SESAME_OTP_OK), "ok");
    EXPECT_STREQ(sesame_otp_verdict_name(SESAME_OTP_WRONG_CODE), "wrong_code");
    EXPECT_STREQ(sesame_otp_verdict_name(SESAME_OTP_EXPIRED), "expired");
    EXPECT_STREQ(sesame_otp_verdict_name(SESAME_OTP_NO_CHALLENGE), "no_challenge");
    EXPECT_STREQ(sesame_otp_verdict_name(SESAME_OTP_LOCKED), "locked");
    EXPECT_STREQ(sesame_otp_verdict_name(SESAME_OTP_RATE_LIMITED), "rate_limited");
    EXPECT_STREQ(sesame_otp_verdict_name(42), "");
    EXPECT_STREQ(sesame_otp_verdict_name(-1), "");
}

TEST(CapiOtp, IssueResultCarriesTheNumberAndTheExpiry) {
    Svc s;
    sesame_otp_issue_result r;
    ASSERT_EQ(try_issue(&r, s.p, "0692 12 34 56", T0), SESAME_OK);
    EXPECT_EQ(std::strlen(r.code), 6u);
    EXPECT_STREQ(r.e164, "+262692123456");  // the canonical number: where the SMS goes
    EXPECT_EQ(r.expires_at_ms, T0 + 600'000);
    EXPECT_EQ(r.retry_after_s, 0);
    const std::string code = r.code;
    sesame_memzero(&r, sizeof r);
    EXPECT_EQ(verify(s.p, "+262692123456", code, T0 + 599'999), SESAME_OTP_OK);
    // A failure leaves no code in the result.
    ASSERT_EQ(try_issue(&r, s.p, "0692 12 34 56", T0 + 1), SESAME_E_COOLDOWN);
    EXPECT_STREQ(r.code, "");
    EXPECT_STREQ(r.e164, "");
    EXPECT_EQ(r.expires_at_ms, 0);
    // An older caller's smaller struct receives only the fields it knows.
    ASSERT_EQ(sesame_otp_issue_result_init(&r), SESAME_OK);
    r.struct_size = offsetof(sesame_otp_issue_result, e164);
    std::memset(r.e164, 'x', sizeof r.e164);
    ASSERT_EQ(sesame_otp_issue(&r, s.p, "06 12 34 56 78", 14, kPurpose.data(), kPurpose.size(), T0), SESAME_OK);
    EXPECT_EQ(std::strlen(r.code), 6u);
    EXPECT_EQ(r.e164[0], 'x');
    sesame_memzero(&r, sizeof r);
}

TEST(CapiOtp, CooldownAndQuotaGiveRetryAfter) {
    Svc s;
    issue(s.p, kPhone, T0);
    sesame_otp_issue_result r;
    EXPECT_EQ(try_issue(&r, s.p, kPhone, T0 + 1500), SESAME_E_COOLDOWN);
    EXPECT_EQ(r.retry_after_s, 59);
    EXPECT_NE(std::string(sesame_last_error_message()).find("cooldown"), std::string::npos);
    for (int i = 1; i < 5; ++i) issue(s.p, kPhone, T0 + i * 60'000);
    EXPECT_EQ(try_issue(&r, s.p, kPhone, T0 + 5 * 60'000), SESAME_E_QUOTA);
    EXPECT_EQ(r.retry_after_s, 3300);
}

TEST(CapiOtp, NullAndBadArgumentsAreRefusedWithoutCrash) {
    sesame_otp_service *p = reinterpret_cast<sesame_otp_service *>(0x1);
    EXPECT_EQ(sesame_otp_service_new(&p, nullptr, 32, 1, nullptr, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(p, nullptr);
    EXPECT_EQ(sesame_otp_service_new(&p, kKey, 31, 1, nullptr, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_service_new(nullptr, kKey, 32, 1, nullptr, nullptr), SESAME_E_INVALID_ARGUMENT);
    sesame_otp_options o;
    ASSERT_EQ(sesame_otp_options_init(&o), SESAME_OK);
    o.ttl_s = 0;
    EXPECT_EQ(sesame_otp_service_new(&p, kKey, 32, 1, &o, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sesame_last_error_message()).find("ttl_s"), std::string::npos);
    ASSERT_EQ(sesame_otp_options_init(&o), SESAME_OK);
    o.struct_size = 0;
    EXPECT_EQ(sesame_otp_service_new(&p, kKey, 32, 1, &o, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_options_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    sesame_otp_service_free(nullptr);
    sesame_otp_store_free(nullptr);

    Svc s;
    sesame_otp_issue_result r;
    ASSERT_EQ(sesame_otp_issue_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_otp_issue_result_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_issue(nullptr, s.p, kPhone.data(), kPhone.size(), "a", 1, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_issue(&r, nullptr, kPhone.data(), kPhone.size(), "a", 1, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_issue(&r, s.p, nullptr, 3, "a", 1, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_issue(&r, s.p, "garbage", 7, "a", 1, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_issue(&r, s.p, kPhone.data(), kPhone.size(), "BAD", 3, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(sesame_last_error_message()).find("612345678"), std::string::npos);
    r.struct_size = 0;  // a result that cannot be written: nothing is issued (no cooldown starts)
    EXPECT_EQ(sesame_otp_issue(&r, s.p, kPhone.data(), kPhone.size(), "a", 1, T0), SESAME_E_INVALID_ARGUMENT);
    ASSERT_EQ(sesame_otp_issue_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_otp_issue(&r, s.p, kPhone.data(), kPhone.size(), "a", 1, T0 + 1), SESAME_OK);
    sesame_memzero(&r, sizeof r);
    sesame_otp_verify_result v;
    ASSERT_EQ(sesame_otp_verify_result_init(&v), SESAME_OK);
    EXPECT_EQ(sesame_otp_verify_result_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_verify(nullptr, s.p, kPhone.data(), kPhone.size(), "a", 1, "1", 1, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_verify(&v, s.p, kPhone.data(), kPhone.size(), "a", 1, nullptr, 1, T0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_verify(&v, s.p, kPhone.data(), kPhone.size(), "c", 1, nullptr, 0, T0), SESAME_OK);
    EXPECT_EQ(v.verdict, SESAME_OTP_NO_CHALLENGE);
    std::string huge(1 << 20, '1');
    EXPECT_EQ(sesame_otp_verify(&v, s.p, huge.data(), huge.size(), "a", 1, huge.data(), huge.size(), T0),
              SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiOtp, PortalPresetAndSharedMemoryStore) {
    sesame_otp_options o;
    ASSERT_EQ(sesame_otp_options_init_portal(&o), SESAME_OK);
    EXPECT_EQ(o.ttl_s, 1800);
    sesame_otp_store *store = nullptr;
    ASSERT_EQ(sesame_otp_store_new_memory(&store, nullptr), SESAME_OK);
    Svc a(&o, store), b(&o, store);
    sesame_otp_store_free(store);  // the services keep it alive
    const std::string code = issue(a.p, kPhone, T0);
    EXPECT_EQ(verify(b.p, kPhone, code, T0 + 1'799'999), SESAME_OTP_OK);
}

TEST(CapiOtp, MemoryStoreBoundIsStoreFull) {
    sesame_otp_memory_options mo;
    ASSERT_EQ(sesame_otp_memory_options_init(&mo), SESAME_OK);
    mo.max_records = 1;
    sesame_otp_store *store = nullptr;
    ASSERT_EQ(sesame_otp_store_new_memory(&store, &mo), SESAME_OK);
    Svc s(nullptr, store);
    sesame_otp_store_free(store);
    issue(s.p, kPhone, T0);
    sesame_otp_issue_result r;
    EXPECT_EQ(try_issue(&r, s.p, "+33698765432", T0), SESAME_E_STORE_FULL);
    mo.max_records = 0;
    EXPECT_EQ(sesame_otp_store_new_memory(&store, &mo), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiOtp, RotationWithPreviousKeysAndIndexKey) {
    uint8_t index[32] = {9};
    sesame_otp_options o;
    ASSERT_EQ(sesame_otp_options_init(&o), SESAME_OK);
    o.index_key = index;
    o.index_key_len = 32;
    sesame_otp_store *store = nullptr;
    ASSERT_EQ(sesame_otp_store_new_memory(&store, nullptr), SESAME_OK);
    Svc old_svc(&o, store);
    const std::string code = issue(old_svc.p, kPhone, T0);
    uint8_t new_key[32] = {42};
    const uint32_t ids[] = {1};
    o.previous_key_ids = ids;
    o.previous_keys = kKey;
    o.previous_key_count = 1;
    sesame_otp_service *rotated = nullptr;
    ASSERT_EQ(sesame_otp_service_new(&rotated, new_key, 32, 2, &o, store), SESAME_OK);
    EXPECT_EQ(verify(rotated, kPhone, code, T0 + 1), SESAME_OTP_OK);
    sesame_otp_service_free(rotated);
    o.previous_key_count = 9;
    EXPECT_EQ(sesame_otp_service_new(&rotated, new_key, 32, 2, &o, store), SESAME_E_INVALID_ARGUMENT);
    sesame_otp_store_free(store);
}

TEST(CapiOtp, ThreadsOnOneServiceGiveExactlyOneOk) {
    Svc s;
    const std::string code = issue(s.p, kPhone, T0);
    std::atomic<int> oks{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i)
        threads.emplace_back([&] {
            if (verify(s.p, kPhone, code, T0 + 1) == SESAME_OTP_OK) ++oks;
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(oks.load(), 1);
}

TEST(CapiOtp, RedisStoreOptionsOrUnsupported) {
    sesame_redis_options ro;
    ASSERT_EQ(sesame_redis_options_init(&ro), SESAME_OK);
    EXPECT_EQ(ro.port, 6379);
    EXPECT_EQ(ro.timeout_ms, 200);
    sesame_otp_store *store = nullptr;
    const sesame_status st = sesame_otp_store_new_redis(&store, &ro);
    if (st == SESAME_E_UNSUPPORTED) {
        EXPECT_EQ(store, nullptr);
        return;
    }
    ASSERT_EQ(st, SESAME_OK);  // lazy: no server needed to create it
    sesame_otp_store_free(store);
    ro.port = 70000;
    EXPECT_EQ(sesame_otp_store_new_redis(&store, &ro), SESAME_E_INVALID_ARGUMENT);
    ASSERT_EQ(sesame_redis_options_init(&ro), SESAME_OK);
    ro.host = nullptr;
    ro.host_len = 3;
    EXPECT_EQ(sesame_otp_store_new_redis(&store, &ro), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiOtp, HotpTotpAndBase32) {
    const char *secret = "12345678901234567890";
    char out[16];
    size_t len = 0;
    ASSERT_EQ(sesame_otp_hotp(out, sizeof out, &len, reinterpret_cast<const uint8_t *>(secret), 20, 1, 6, SESAME_OTP_SHA1),
              SESAME_OK);
    EXPECT_EQ(std::string(out, len), "287082");
    ASSERT_EQ(sesame_otp_totp(out, sizeof out, &len, reinterpret_cast<const uint8_t *>(secret), 20, 59'000, 30, 0, 8,
                              SESAME_OTP_SHA1),
              SESAME_OK);
    EXPECT_EQ(std::string(out, len), "94287082");
    bool ok = false;
    int64_t step = 0;
    ASSERT_EQ(sesame_otp_totp_verify(&ok, &step, reinterpret_cast<const uint8_t *>(secret), 20, 59'000, 30, 0, 1, 8,
                                     SESAME_OTP_SHA1, -1, "94287082", 8),
              SESAME_OK);
    EXPECT_TRUE(ok);
    EXPECT_EQ(step, 1);
    ASSERT_EQ(sesame_otp_totp_verify(&ok, &step, reinterpret_cast<const uint8_t *>(secret), 20, 59'000, 30, 0, 1, 8,
                                     SESAME_OTP_SHA1, 1, "94287082", 8),
              SESAME_OK);
    EXPECT_FALSE(ok);
    EXPECT_EQ(step, -1);
    uint64_t next = 0;
    ASSERT_EQ(sesame_otp_hotp_verify(&ok, &next, reinterpret_cast<const uint8_t *>(secret), 20, 0, 3, 6, SESAME_OTP_SHA1,
                                     "969429", 6),
              SESAME_OK);
    EXPECT_TRUE(ok);
    EXPECT_EQ(next, 4u);
    EXPECT_EQ(sesame_otp_hotp(out, sizeof out, &len, reinterpret_cast<const uint8_t *>(secret), 20, 1, 6,
                              static_cast<sesame_otp_hash>(7)),
              SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_hotp(out, sizeof out, &len, reinterpret_cast<const uint8_t *>(secret), 20, 1, 9, SESAME_OTP_SHA1),
              SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_otp_hotp(out, 3, &len, reinterpret_cast<const uint8_t *>(secret), 20, 1, 6, SESAME_OTP_SHA1),
              SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_EQ(len, 6u);

    ASSERT_EQ(sesame_otp_base32_encode(nullptr, 0, &len, reinterpret_cast<const uint8_t *>("foobar"), 6),
              SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_EQ(len, 16u);
    ASSERT_EQ(sesame_otp_base32_encode(out, sizeof out, &len, reinterpret_cast<const uint8_t *>("foobar"), 6), SESAME_OK);
    EXPECT_EQ(std::string(out, len), "MZXW6YTBOI======");
    uint8_t raw[16];
    ASSERT_EQ(sesame_otp_base32_decode(raw, sizeof raw, &len, "mzxw6ytboi", 10), SESAME_OK);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(raw), len), "foobar");
    EXPECT_EQ(sesame_otp_base32_decode(raw, sizeof raw, &len, "MZ!", 3), SESAME_E_PARSE);
    EXPECT_EQ(sesame_otp_base32_decode(raw, 2, &len, "MZXW6YTBOI", 10), SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_EQ(len, 6u);
}

}  // namespace

// Redis Sentinel through the C ABI: the options are read and checked at creation (the
// connection itself is lazy; the failover behaviour is tested in tests/unit/otp).
TEST(CapiOtp, RedisSentinelOptionsAreChecked) {
    sesame_redis_options o;
    ASSERT_EQ(sesame_redis_options_init(&o), SESAME_OK);
    EXPECT_EQ(o.wait_replicas, 0);
    EXPECT_EQ(o.sentinels, nullptr);
    auto create = [](const sesame_redis_options &opts) {
        sesame_otp_store *s = nullptr;
        const sesame_status st = sesame_otp_store_new_redis(&s, &opts);
        sesame_otp_store_free(s);
        return st;
    };
    const std::string sentinels = "127.0.0.1:26379, 127.0.0.1:26380", master = "sesame";
    o.sentinels = sentinels.data();
    o.sentinels_len = sentinels.size();
    const sesame_status without_name = create(o);
    if (without_name == SESAME_E_UNSUPPORTED) GTEST_SKIP() << "built without hiredis";
    EXPECT_EQ(without_name, SESAME_E_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sesame_last_error_message()).find("master_name"), std::string::npos);
    o.master_name = master.data();
    o.master_name_len = master.size();
    EXPECT_EQ(create(o), SESAME_OK);
    o.wait_replicas = 17;
    EXPECT_EQ(create(o), SESAME_E_INVALID_ARGUMENT);
    o.wait_replicas = 1;
    const std::string bad = "127.0.0.1";
    o.sentinels = bad.data();
    o.sentinels_len = bad.size();
    EXPECT_EQ(create(o), SESAME_E_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sesame_last_error_message()).find("item 1"), std::string::npos);
    o.sentinels = nullptr;  // with a length
    EXPECT_EQ(create(o), SESAME_E_INVALID_ARGUMENT);
}
