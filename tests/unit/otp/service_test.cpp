// The behaviour suite of OtpService, run on every store (in-process and Redis): same tests.
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/otp/memory_store.hpp"
#include "core/otp/service.hpp"
#include "support/redis_server.hpp"
#ifdef SESAME_WITH_REDIS
#include "core/otp/redis_store.hpp"
#endif

using sesame::Code;
using namespace sesame::otp;

namespace {

constexpr std::int64_t T0 = 1'750'000'000'000;  // a fixed "now": time is an argument
constexpr std::int64_t kMin = 60'000;
constexpr std::int64_t kHour = 3'600'000;
const std::string kPhone = "+33612345678";
const std::string kPhoneNational = "06 12 34 56 78";

std::vector<std::uint8_t> key_of(std::uint8_t b) { return std::vector<std::uint8_t>(32, b); }

std::shared_ptr<Store> make_store(const std::string &kind, int connections = 1) {
    if (kind == "memory") return std::make_shared<MemoryStore>();
#ifdef SESAME_WITH_REDIS
    const int port = test_support::shared_redis_port();
    if (port == 0) return nullptr;
    static std::atomic<int> counter{0};
    RedisOptions o;
    o.port = port;
    o.prefix = "sesame-test:" + std::to_string(::getpid()) + ":" + std::to_string(counter++) + ":";
    o.connections = connections;
    o.timeout_ms = 2000;
    auto s = RedisStore::create(std::move(o));
    return s.ok() ? std::shared_ptr<Store>(*s) : nullptr;
#else
    return nullptr;
#endif
}

class OtpBehaviour : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        store_ = make_store(GetParam(), 4);
        if (!store_) GTEST_SKIP() << "no " << GetParam() << " store in this build/environment";
    }
    Service service(ServiceOptions o = {}, std::uint8_t key = 1, std::uint32_t id = 1,
                    std::span<const PreviousKey> prev = {}, std::span<const std::uint8_t> index = {}) {
        auto k = key_of(key);
        auto s = Service::create(k, id, o, prev, index, store_);
        EXPECT_TRUE(s.ok()) << s.status().detail();
        return std::move(s).value();
    }
    static std::string issue(const Service &s, const std::string &phone, std::int64_t now,
                             const std::string &purpose = "activation") {
        char code[16] = {};
        std::int32_t retry = -1;
        sesame::Status st = s.issue(phone, purpose, now, code, &retry);
        EXPECT_TRUE(st.ok()) << st.detail();
        return std::string(code, static_cast<std::size_t>(s.digits()));
    }
    static VerifyOutcome verify(const Service &s, const std::string &phone, const std::string &code, std::int64_t now,
                                const std::string &purpose = "activation") {
        auto r = s.verify(phone, purpose, code, now);
        EXPECT_TRUE(r.ok()) << r.status().detail();
        return r.ok() ? *r : VerifyOutcome{};
    }
    static std::string wrong(const std::string &code) {
        std::string w = code;
        w[0] = static_cast<char>(w[0] == '9' ? '0' : w[0] + 1);
        return w;
    }
    std::shared_ptr<Store> store_;
};

TEST_P(OtpBehaviour, IssueThenVerifyOkWithSixDigits) {
    Service s = service();
    const std::string code = issue(s, kPhone, T0);
    ASSERT_EQ(code.size(), 6u);
    for (char c : code) EXPECT_TRUE(c >= '0' && c <= '9');
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1000).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, ExpiryIsExactlyAtTtlAndTheChallengeIsKept) {
    ServiceOptions o;
    o.ttl_s = 600;
    Service s = service(o);
    const std::string code = issue(s, kPhone, T0);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 600'000).verdict, Verdict::expired);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 600'001).verdict, Verdict::expired);
    // Expired leaves the challenge in place: the last valid millisecond still verifies.
    EXPECT_EQ(verify(s, kPhone, code, T0 + 599'999).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, PortalPresetLastsThirtyMinutes) {
    Service s = service(ServiceOptions::portal());
    EXPECT_EQ(s.options().ttl_s, 1800);
    const std::string code = issue(s, kPhone, T0);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1'800'000).verdict, Verdict::expired);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1'799'999).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, ReplayOfAUsedCodeFails) {
    Service s = service();
    const std::string code = issue(s, kPhone, T0);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1).verdict, Verdict::ok);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 2).verdict, Verdict::no_challenge);
}

TEST_P(OtpBehaviour, ANewCodeInvalidatesTheOldOne) {
    Service s = service();
    std::string first = issue(s, kPhone, T0);
    std::string second = issue(s, kPhone, T0 + kMin);
    for (int i = 2; second == first; ++i) second = issue(s, kPhone, T0 + i * kMin);  // 1 in 10^6
    const std::int64_t now = T0 + 5 * kMin;
    auto r = verify(s, kPhone, first, now);
    EXPECT_EQ(r.verdict, Verdict::wrong_code);
    EXPECT_EQ(r.attempts_left, 4);
    EXPECT_EQ(verify(s, kPhone, second, now).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, FifthWrongCodeLocksAndAttemptsLeftCountsDown) {
    Service s = service();
    const std::string code = issue(s, kPhone, T0);
    for (int i = 1; i <= 4; ++i) {
        auto r = verify(s, kPhone, wrong(code), T0 + i);
        EXPECT_EQ(r.verdict, Verdict::wrong_code);
        EXPECT_EQ(r.attempts_left, 5 - i);
    }
    auto r = verify(s, kPhone, wrong(code), T0 + 5);
    EXPECT_EQ(r.verdict, Verdict::locked);
    EXPECT_EQ(r.attempts_left, 0);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 6).verdict, Verdict::locked);  // even the right code
    // Locked until its TTL ends, then there is no usable challenge any more.
    EXPECT_EQ(verify(s, kPhone, code, T0 + 599'999).verdict, Verdict::locked);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 600'000).verdict, Verdict::no_challenge);
}

TEST_P(OtpBehaviour, HourlyFailureCapIsNotResetByNewCodesAndSlides) {
    Service s = service();  // 5 per challenge, 10 per hour
    std::int64_t now = T0;
    int failures = 0;
    std::string code;
    for (int round = 0; round < 3 && failures < 10; ++round) {
        code = issue(s, kPhone, now);
        for (int i = 0; i < 4 && failures < 10; ++i) {
            auto r = verify(s, kPhone, wrong(code), now + 1);
            EXPECT_EQ(r.verdict, Verdict::wrong_code);
            ++failures;
        }
        now += kMin;
    }
    ASSERT_EQ(failures, 10);
    // Cap reached: the right code is refused, and so is a new code.
    EXPECT_EQ(verify(s, kPhone, code, now).verdict, Verdict::rate_limited);
    char buf[16];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue(kPhone, "activation", now, buf, &retry).code(), Code::rate_limited);
    // Exact sliding window: the first 4 failures were at T0 + 1; at T0 + 1 + 1h they leave it.
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1 + kHour - 1).verdict, Verdict::rate_limited);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1 + kHour).verdict, Verdict::expired);
    const std::string fresh = issue(s, kPhone, T0 + 1 + kHour);
    EXPECT_EQ(verify(s, kPhone, fresh, T0 + 2 + kHour).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, OkDoesNotResetTheFailureCount) {
    Service s = service();
    std::string code = issue(s, kPhone, T0);
    for (int i = 0; i < 4; ++i) verify(s, kPhone, wrong(code), T0 + 1);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 2).verdict, Verdict::ok);
    code = issue(s, kPhone, T0 + kMin);
    for (int i = 0; i < 4; ++i) verify(s, kPhone, wrong(code), T0 + kMin + 1);
    EXPECT_EQ(verify(s, kPhone, code, T0 + kMin + 2).verdict, Verdict::ok);
    code = issue(s, kPhone, T0 + 2 * kMin);
    verify(s, kPhone, wrong(code), T0 + 2 * kMin + 1);
    EXPECT_EQ(verify(s, kPhone, wrong(code), T0 + 2 * kMin + 2).verdict, Verdict::wrong_code);  // 10th
    EXPECT_EQ(verify(s, kPhone, code, T0 + 2 * kMin + 3).verdict, Verdict::rate_limited);
}

TEST_P(OtpBehaviour, BoundToSubjectAndPurposeAndSpellingsShareOneBudget) {
    Service s = service();
    const std::string code = issue(s, kPhoneNational, T0);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1, "password_reset").verdict, Verdict::no_challenge);
    EXPECT_EQ(verify(s, "+33612345679", code, T0 + 1).verdict, Verdict::no_challenge);
    // Two spellings of one number: one cooldown, one challenge.
    char buf[16];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue("+33 6 12 34 56 78", "activation", T0 + 1000, buf, &retry).code(), Code::cooldown);
    EXPECT_EQ(verify(s, "0612345678", wrong(code), T0 + 2).verdict, Verdict::wrong_code);
    auto r = verify(s, "+33 (0)6 12 34 56 78", wrong(code), T0 + 3);
    EXPECT_EQ(r.verdict, Verdict::wrong_code);
    EXPECT_EQ(r.attempts_left, 3);
    EXPECT_EQ(verify(s, "0033612345678", code, T0 + 4).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, CooldownGivesTheSecondsToWait) {
    Service s = service();
    issue(s, kPhone, T0);
    char buf[16];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue(kPhone, "activation", T0 + 30'000, buf, &retry).code(), Code::cooldown);
    EXPECT_EQ(retry, 30);
    EXPECT_EQ(s.issue(kPhone, "activation", T0 + 59'001, buf, &retry).code(), Code::cooldown);
    EXPECT_EQ(retry, 1);  // max(1, ceil(999 ms))
    EXPECT_EQ(s.issue(kPhone, "activation", T0 + 58'000, buf, &retry).code(), Code::cooldown);
    EXPECT_EQ(retry, 2);
    EXPECT_TRUE(s.issue(kPhone, "activation", T0 + 60'000, buf, &retry).ok());
    EXPECT_EQ(retry, 0);
}

TEST_P(OtpBehaviour, CooldownZeroDisablesIt) {
    ServiceOptions o;
    o.cooldown_s = 0;
    Service s = service(o);
    issue(s, kPhone, T0);
    issue(s, kPhone, T0);
    issue(s, kPhone, T0 + 1);
}

TEST_P(OtpBehaviour, SendQuotaPerRollingHour) {
    Service s = service();  // 60 s cooldown, 5 per hour
    for (int i = 0; i < 5; ++i) issue(s, kPhone, T0 + i * kMin);
    char buf[16];
    std::int32_t retry = 0;
    const std::int64_t now = T0 + 10 * kMin + 500;
    EXPECT_EQ(s.issue(kPhone, "activation", now, buf, &retry).code(), Code::quota);
    EXPECT_EQ(retry, (T0 + kHour - now + 999) / 1000);  // when the oldest send leaves the window
    EXPECT_EQ(s.issue(kPhone, "activation", T0 + kHour - 1, buf, &retry).code(), Code::quota);
    EXPECT_EQ(retry, 1);
    EXPECT_TRUE(s.issue(kPhone, "activation", T0 + kHour, buf, &retry).ok());
    EXPECT_TRUE(s.issue(kPhone, "activation", T0 + kHour + kMin, buf, &retry).ok());  // 2nd oldest left
    // Another purpose has its own budget.
    issue(s, kPhone, T0 + kHour + kMin, "password_reset");
}

TEST_P(OtpBehaviour, AClockGoingBackwardsNeverExtendsACodesLife) {
    ServiceOptions o;
    o.cooldown_s = 0;
    Service s = service(o);
    const std::string code = issue(s, kPhone, T0);
    EXPECT_EQ(verify(s, kPhone, code, T0 - 1).verdict, Verdict::expired);  // before its issue
    EXPECT_EQ(verify(s, kPhone, code, T0 - kHour).verdict, Verdict::expired);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 600'000).verdict, Verdict::expired);
    // Failures dated after `now` still count: go back two hours, the cap holds.
    for (int i = 0; i < 4; ++i) verify(s, kPhone, wrong(code), T0 + 10);
    const std::string c2 = issue(s, kPhone, T0 + 20);
    for (int i = 0; i < 4; ++i) verify(s, kPhone, wrong(c2), T0 + 30);
    const std::string c3 = issue(s, kPhone, T0 + 40);
    for (int i = 0; i < 2; ++i) verify(s, kPhone, wrong(c3), T0 + 50);
    EXPECT_EQ(verify(s, kPhone, c3, T0 + 60).verdict, Verdict::rate_limited);
    char buf[16];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue(kPhone, "activation", T0 - 2 * kHour, buf, &retry).code(), Code::rate_limited);
}

TEST_P(OtpBehaviour, CooldownHoldsWhenTheClockGoesBackwards) {
    Service s = service();
    issue(s, kPhone, T0);
    char buf[16];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue(kPhone, "activation", T0 - 10 * kMin, buf, &retry).code(), Code::cooldown);
    EXPECT_EQ(retry, 660);
}

TEST_P(OtpBehaviour, AMillionGuessesAreImpossibleWithinTheCaps) {
    // An attacker guesses as fast as the service lets them for 48 simulated hours, issuing new
    // codes whenever allowed. Count the guesses that were actually compared with a code.
    Service s = service();
    std::int64_t now = T0;
    long compared = 0;
    std::string code;
    const std::int64_t end = T0 + 48 * kHour;
    int guess = 0;
    while (now < end) {
        char buf[16];
        std::int32_t retry = 0;
        sesame::Status st = s.issue(kPhone, "activation", now, buf, &retry);
        for (int i = 0; i < 6; ++i) {
            char g[7];
            std::snprintf(g, sizeof g, "%06d", guess++ % 1000000);
            auto r = verify(s, kPhone, g, now + i);
            if (r.verdict == Verdict::wrong_code || r.verdict == Verdict::ok) ++compared;
            if (r.verdict == Verdict::locked && i == 4) ++compared;  // the locking guess
        }
        (void)st;
        now += 5 * kMin;
    }
    const double per_hour = static_cast<double>(compared) / 48.0;
    EXPECT_LE(per_hour, 10.0 + 1e-9);
    // 1,000,000 codes at that pace: more than 11 years, whatever the TTL.
    const double hours_for_all = 1'000'000.0 / per_hour;
    EXPECT_GT(hours_for_all, 11 * 365 * 24.0);
    // And the chance to hit one 6-digit code in a day stays below 10 * 24 / 10^6.
    EXPECT_LT(per_hour * 24 / 1e6, 2.5e-4);
}

TEST_P(OtpBehaviour, TypedCodesAreNormalizedAndMalformedOnesCountAsFailures) {
    ServiceOptions o;
    o.cooldown_s = 0;
    Service s = service(o);
    std::string code = issue(s, kPhone, T0);
    EXPECT_EQ(verify(s, kPhone, code.substr(0, 3) + " " + code.substr(3), T0 + 1).verdict, Verdict::ok);
    code = issue(s, kPhone, T0 + 2);
    EXPECT_EQ(verify(s, kPhone, code.substr(0, 3) + "-" + code.substr(3), T0 + 3).verdict, Verdict::ok);
    code = issue(s, kPhone, T0 + 4);
    std::string full;
    for (char c : code) {  // fullwidth digits U+FF10..U+FF19
        const unsigned cp = 0xFF10 + unsigned(c - '0');
        full += static_cast<char>(0xE0 | (cp >> 12));
        full += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        full += static_cast<char>(0x80 | (cp & 0x3F));
    }
    EXPECT_EQ(verify(s, kPhone, full, T0 + 5).verdict, Verdict::ok);
    code = issue(s, kPhone, T0 + 6);
    auto r = verify(s, kPhone, code.substr(0, 5), T0 + 7);
    EXPECT_EQ(r.verdict, Verdict::wrong_code);
    EXPECT_EQ(r.attempts_left, 4);
    EXPECT_EQ(verify(s, kPhone, code + "0", T0 + 8).attempts_left, 3);
    EXPECT_EQ(verify(s, kPhone, "12a456", T0 + 9).attempts_left, 2);
    EXPECT_EQ(verify(s, kPhone, std::string("12\x00" "456", 6), T0 + 10).attempts_left, 1);
    EXPECT_EQ(verify(s, kPhone, "\xff\xfe", T0 + 11).verdict, Verdict::locked);
}

TEST_P(OtpBehaviour, WrongExpiredAndAbsentAreNotFailures) {
    Service s = service();
    const std::string code = issue(s, kPhone, T0);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(verify(s, kPhone, wrong(code), T0 + kHour).verdict, Verdict::expired);
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(verify(s, "+33698765432", code, T0 + 1).verdict, Verdict::no_challenge);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 1).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, BadSubjectOrPurposeIsAnInvalidArgument) {
    Service s = service();
    char buf[16];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue("not a number", "activation", T0, buf, &retry).code(), Code::invalid_argument);
    EXPECT_EQ(s.issue("", "activation", T0, buf, &retry).code(), Code::invalid_argument);
    EXPECT_EQ(s.issue(kPhone, "", T0, buf, &retry).code(), Code::invalid_argument);
    EXPECT_EQ(s.issue(kPhone, "Activation", T0, buf, &retry).code(), Code::invalid_argument);
    EXPECT_EQ(s.issue(kPhone, std::string(33, 'a'), T0, buf, &retry).code(), Code::invalid_argument);
    EXPECT_TRUE(s.issue(kPhone, std::string(32, 'a'), T0, buf, &retry).ok());
    EXPECT_EQ(s.issue(kPhone, "a b", T0, buf, &retry).code(), Code::invalid_argument);
    EXPECT_EQ(s.verify("06", "activation", "123456", T0).status().code(), Code::invalid_argument);
    EXPECT_EQ(s.verify(kPhone, "activation\n", "123456", T0).status().code(), Code::invalid_argument);
    // The detail names the reason, never the number.
    auto r = s.verify("+33 6 12 34 56 78 9999", "activation", "123456", T0);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().detail().find("12"), std::string::npos) << r.status().detail();
}

TEST_P(OtpBehaviour, ThreadsVerifyingTheRightCodeGiveExactlyOneOk) {
    Service s = service();
    for (int round = 0; round < 5; ++round) {
        const std::int64_t now = T0 + round * kMin;
        const std::string code = issue(s, kPhone, now);
        std::atomic<int> oks{0}, others{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                while (!go.load()) {
                }
                auto r = s.verify(kPhone, "activation", code, now + 1);
                if (r.ok() && r->verdict == Verdict::ok) {
                    ++oks;
                } else if (r.ok() && r->verdict == Verdict::no_challenge) {
                    ++others;
                }
            });
        }
        go = true;
        for (auto &t : threads) t.join();
        EXPECT_EQ(oks.load(), 1);
        EXPECT_EQ(others.load(), 7);
    }
}

TEST_P(OtpBehaviour, RotatedKeysStillVerifyThroughPreviousKeys) {
    auto index = key_of(9);
    Service old_svc = service({}, 1, 1, {}, index);
    const std::string code = issue(old_svc, kPhone, T0);
    auto k1 = key_of(1);
    PreviousKey prev[] = {{1, k1}};
    Service new_svc = service({}, 2, 2, prev, index);
    EXPECT_EQ(verify(new_svc, kPhone, code, T0 + 1).verdict, Verdict::ok);
    // Without the previous key the code no longer verifies; the counters are shared (same index key).
    const std::string c2 = issue(old_svc, kPhone, T0 + kMin);
    Service no_prev = service({}, 2, 2, {}, index);
    EXPECT_EQ(verify(no_prev, kPhone, c2, T0 + kMin + 1).verdict, Verdict::wrong_code);
    EXPECT_EQ(verify(new_svc, kPhone, c2, T0 + kMin + 2).verdict, Verdict::ok);
    // A new code made with the new key verifies with it.
    const std::string c3 = issue(new_svc, kPhone, T0 + 2 * kMin);
    EXPECT_EQ(verify(new_svc, kPhone, c3, T0 + 2 * kMin + 1).verdict, Verdict::ok);
}

TEST_P(OtpBehaviour, TenDigitCodes) {
    ServiceOptions o;
    o.digits = 10;
    Service s = service(o);
    const std::string code = issue(s, kPhone, T0);
    ASSERT_EQ(code.size(), 10u);
    EXPECT_EQ(verify(s, kPhone, code.substr(0, 6), T0 + 1).verdict, Verdict::wrong_code);
    EXPECT_EQ(verify(s, kPhone, code, T0 + 2).verdict, Verdict::ok);
}

INSTANTIATE_TEST_SUITE_P(Stores, OtpBehaviour, ::testing::Values(std::string("memory"), std::string("redis")),
                         [](const auto &info) { return info.param; });

TEST(OtpService, OptionRangesAreCheckedAtCreation) {
    auto k = key_of(1);
    auto make = [&](ServiceOptions o) { return Service::create(k, 1, o, {}, {}, nullptr).status().code(); };
    ServiceOptions o;
    EXPECT_EQ(make(o), Code::ok);
    auto bad = [&](auto set) {
        ServiceOptions x;
        set(x);
        return make(x);
    };
    EXPECT_EQ(bad([](auto &x) { x.ttl_s = 0; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.ttl_s = 86'401; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.ttl_s = 86'400; }), Code::ok);
    EXPECT_EQ(bad([](auto &x) { x.cooldown_s = -1; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.cooldown_s = 3601; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.max_attempts = 0; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.max_attempts = 11; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.max_failures_per_hour = 4; }), Code::invalid_argument);  // < max_attempts
    EXPECT_EQ(bad([](auto &x) { x.max_failures_per_hour = 1001; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.max_sends_per_hour = 0; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.max_sends_per_hour = 101; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.digits = 5; }), Code::invalid_argument);
    EXPECT_EQ(bad([](auto &x) { x.digits = 11; }), Code::invalid_argument);
    std::vector<std::uint8_t> short_key(31, 1);
    EXPECT_EQ(Service::create(short_key, 1, o, {}, {}, nullptr).status().code(), Code::invalid_argument);
    std::vector<std::uint8_t> short_index(16, 1);
    EXPECT_EQ(Service::create(k, 1, o, {}, short_index, nullptr).status().code(), Code::invalid_argument);
    PreviousKey same_id[] = {{1, k}};
    EXPECT_EQ(Service::create(k, 1, o, same_id, {}, nullptr).status().code(), Code::invalid_argument);
}

TEST(OtpService, StoreKeysDependOnTheIndexKeyNotOnTheCodeKey) {
    auto k1 = key_of(1), k2 = key_of(2), idx = key_of(7);
    auto a = Service::create(k1, 1, {}, {}, idx, nullptr);
    auto b = Service::create(k2, 2, {}, {}, idx, nullptr);
    auto c = Service::create(k1, 1, {}, {}, {}, nullptr);
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_EQ(*a->store_key(kPhone, "activation"), *b->store_key(kPhone, "activation"));
    EXPECT_NE(*a->store_key(kPhone, "activation"), *c->store_key(kPhone, "activation"));
    EXPECT_EQ(*a->store_key(kPhoneNational, "activation"), *a->store_key(kPhone, "activation"));
    EXPECT_NE(*a->store_key(kPhone, "activation"), *a->store_key(kPhone, "password_reset"));
}

}  // namespace
