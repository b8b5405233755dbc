// The wrong-birth-date counters: one behaviour suite run on the in-process counter and on Redis,
// then what only Redis has (processes, outages, slowness, what keys reveal).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/identity/counter.hpp"
#include "core/identity/decision.hpp"
#include "core/identity/directory.hpp"
#include "core/identity/redis_counter.hpp"
#include "support/redis_server.hpp"

using sesame::Code;
using sesame::UnixMillis;
using namespace sesame::identity;

namespace {

constexpr UnixMillis kNow = 1788220800000;  // 2026-09-01T00:00:00Z
constexpr std::int64_t kDay = 86400000;

std::string unique_prefix(const char *name) {
    return std::string("sesame-test:dates:") + name + ":" + std::to_string(::getpid()) + ":";
}

#ifdef SESAME_WITH_REDIS
std::unique_ptr<RedisFailureCounter> redis_counter(int port, std::string prefix, std::uint32_t max = 3,
                                                   int timeout_ms = 2000) {
    RedisCounterOptions o;
    o.port = port;
    o.prefix = std::move(prefix);
    o.timeout_ms = timeout_ms;
    o.connect_timeout_ms = timeout_ms;
    auto c = RedisFailureCounter::create(max, kDay, std::move(o));
    EXPECT_TRUE(c.ok()) << c.status().detail();
    return c.ok() ? std::move(c).value() : nullptr;
}
#endif

// ---- the behaviour suite, per kind of counter ---------------------------------------------------

using Factory = std::function<std::unique_ptr<FailureCounter>(const char *name, std::uint32_t max)>;

struct Kind {
    const char *name;
    Factory make;
};

void PrintTo(const Kind &k, std::ostream *os) { *os << k.name; }

class Counter : public ::testing::TestWithParam<Kind> {
protected:
    std::unique_ptr<FailureCounter> make(const char *name, std::uint32_t max = 3) {
        auto c = GetParam().make(name, max);
        if (!c) ADD_FAILURE() << "no counter";
        return c;
    }
    void SetUp() override {
#ifdef SESAME_WITH_REDIS
        if (std::string(GetParam().name) == "Redis" && test_support::shared_redis_port() == 0)
            GTEST_SKIP() << "redis-server is not available here";
#else
        if (std::string(GetParam().name) == "Redis") GTEST_SKIP() << "built without hiredis";
#endif
    }
};

// One wrong date; true when it was counted (not capped).
bool wrong(FailureCounter &c, std::string_view key, UnixMillis now) {
    auto r = c.attempt(key, now, true);
    EXPECT_TRUE(r.ok()) << r.status().detail();
    return r.ok() && *r;
}
// One right date; true when not capped.
bool right(FailureCounter &c, std::string_view key, UnixMillis now) {
    auto r = c.attempt(key, now, false);
    EXPECT_TRUE(r.ok()) << r.status().detail();
    return r.ok() && *r;
}

TEST_P(Counter, CountsWrongDatesUpToTheCapThenRefusesWithoutRecording) {
    auto c = make("cap");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->max_failures(), 3u);
    EXPECT_TRUE(wrong(*c, "P17", kNow));
    EXPECT_TRUE(right(*c, "P17", kNow + 1));  // right dates are not counted
    EXPECT_TRUE(wrong(*c, "P17", kNow + 1));
    EXPECT_TRUE(wrong(*c, "P17", kNow + 2));
    EXPECT_FALSE(wrong(*c, "P17", kNow + 3));
    EXPECT_FALSE(right(*c, "P17", kNow + 4));  // capped whatever was typed
    // The refusals recorded nothing: the window ends one day after the first three failures.
    EXPECT_FALSE(wrong(*c, "P17", kNow + kDay - 1));
    EXPECT_TRUE(wrong(*c, "P17", kNow + kDay));      // the failure of kNow left the window
    EXPECT_TRUE(right(*c, "P17", kNow + kDay + 1));  // and that of kNow + 1
    EXPECT_TRUE(wrong(*c, "P17", kNow + kDay + 2));
    EXPECT_TRUE(wrong(*c, "P17", kNow + kDay + 2));
    EXPECT_FALSE(right(*c, "P17", kNow + kDay + 2));
    // Pupils are counted apart.
    EXPECT_TRUE(wrong(*c, "P18", kNow + 5));
}

TEST_P(Counter, SameInstantFailuresAllCount) {
    auto c = make("instant", 2);
    ASSERT_TRUE(c);
    EXPECT_TRUE(wrong(*c, "P01", kNow));
    EXPECT_TRUE(wrong(*c, "P01", kNow));
    EXPECT_FALSE(right(*c, "P01", kNow));
    EXPECT_FALSE(right(*c, "P01", kNow + kDay - 1));
    EXPECT_TRUE(right(*c, "P01", kNow + kDay));
}

TEST_P(Counter, KeysAreBytes) {
    auto c = make("bytes", 1);
    ASSERT_TRUE(c);
    const std::string nul("P\0X", 3);
    EXPECT_TRUE(wrong(*c, nul, kNow));
    EXPECT_TRUE(wrong(*c, "P", kNow));  // not the same pupil as "P\0X"
    EXPECT_FALSE(right(*c, nul, kNow));
    EXPECT_TRUE(wrong(*c, std::string(4096, 'p'), kNow));
    EXPECT_TRUE(wrong(*c, "", kNow));
    EXPECT_FALSE(wrong(*c, "", kNow));
}

// The decision procedure on a counter: wrong dates capped, a right one not counted.
TEST_P(Counter, CapsWrongDatesInDecisions) {
    auto c = make("decide", 2);
    ASSERT_TRUE(c);
    auto dir = Directory::from_json_file(std::string(SESAME_SOURCE_DIR) + "/tests/data/identity/school.json");
    ASSERT_TRUE(dir.ok());
    auto decide_with = [&](const char *date, UnixMillis now) {
        const std::string claim = std::string(R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE",
            "given_name": "Hélène", "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": ")") +
                                  date + R"("}]})";
        auto cl = parse_claim(claim);
        EXPECT_TRUE(cl.ok());
        DecideOptions opt{Date{2026, 9, 1}, now, c.get()};
        auto d = decide(*dir, *cl, opt);
        EXPECT_TRUE(d.ok()) << d.status().detail();
        return d.ok() ? d->pupil_results.at(0).detail : std::string("error");
    };
    EXPECT_EQ(decide_with("12 03 2014", kNow), "");  // right: not counted
    EXPECT_EQ(decide_with("12 03 2014", kNow + 1), "");
    EXPECT_EQ(decide_with("13 03 2014", kNow + 2), "date_differs");
    EXPECT_EQ(decide_with("12 03 2014", kNow + 3), "");
    EXPECT_EQ(decide_with("31 02 2014", kNow + 4), "date_invalid:day_range");
    EXPECT_EQ(decide_with("12 03 2014", kNow + 5), "too_many_attempts");
    EXPECT_EQ(decide_with("01 01 2000", kNow + 6), "too_many_attempts");
    EXPECT_EQ(decide_with("12 03 2014", kNow + 2 + kDay), "");  // the first failure left the window
}

std::vector<Kind> kinds() {
    std::vector<Kind> k{{"InProcess", [](const char *, std::uint32_t max) -> std::unique_ptr<FailureCounter> {
                             return std::make_unique<InProcessFailureCounter>(max, kDay);
                         }}};
    k.push_back({"Redis", [](const char *name, std::uint32_t max) -> std::unique_ptr<FailureCounter> {
#ifdef SESAME_WITH_REDIS
                     return redis_counter(test_support::shared_redis_port(), unique_prefix(name), max);
#else
                     (void)name;
                     (void)max;
                     return nullptr;
#endif
                 }});
    return k;
}

INSTANTIATE_TEST_SUITE_P(Kinds, Counter, ::testing::ValuesIn(kinds()),
                         [](const ::testing::TestParamInfo<Kind> &i) { return std::string(i.param.name); });

// ---- Redis only ---------------------------------------------------------------------------------

#ifdef SESAME_WITH_REDIS

#define NEED_REDIS(port)                               \
    const int port = test_support::shared_redis_port(); \
    if (port == 0) GTEST_SKIP() << "redis-server is not available here"

TEST(RedisCounter, OptionsAreValidated) {
    auto code = [](std::uint32_t max, std::int64_t window, auto set) {
        RedisCounterOptions o;
        set(o);
        return RedisFailureCounter::create(max, window, std::move(o)).status().code();
    };
    auto none = [](RedisCounterOptions &) {};
    EXPECT_EQ(code(0, kDay, none), Code::invalid_argument);
    EXPECT_EQ(code(3, 0, none), Code::invalid_argument);
    EXPECT_EQ(code(3, kDay, [](RedisCounterOptions &o) { o.port = 70000; }), Code::invalid_argument);
    EXPECT_EQ(code(3, kDay, [](RedisCounterOptions &o) { o.prefix = std::string(129, 'p'); }), Code::invalid_argument);
    EXPECT_EQ(code(3, kDay, [](RedisCounterOptions &o) { o.username = "ent"; }), Code::invalid_argument);
    EXPECT_EQ(code(3, kDay, none), Code::ok);
    EXPECT_EQ(RedisCounterOptions().prefix, "sesame:dates:");
}

TEST(RedisCounter, KeysHoldNoPupilIdAndExpire) {
    NEED_REDIS(port);
    const std::string prefix = unique_prefix("keys");
    auto c = redis_counter(port, prefix);
    ASSERT_TRUE(c);
    ASSERT_TRUE(right(*c, "INE-0123456789A", kNow));
    test_support::RawRedis raw(port);
    ASSERT_TRUE(raw.ok());
    auto *r = static_cast<redisReply *>(redisCommand(raw.c, "KEYS %s*", prefix.c_str()));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->elements, 0u);  // a right date writes nothing
    freeReplyObject(r);
    ASSERT_TRUE(wrong(*c, "INE-0123456789A", kNow));
    r = static_cast<redisReply *>(redisCommand(raw.c, "KEYS %s*", prefix.c_str()));
    ASSERT_NE(r, nullptr);
    ASSERT_EQ(r->type, REDIS_REPLY_ARRAY);
    ASSERT_EQ(r->elements, 1u);
    const std::string key(r->element[0]->str, r->element[0]->len);
    freeReplyObject(r);
    EXPECT_EQ(key, c->redis_key("INE-0123456789A"));
    EXPECT_EQ(key.size(), prefix.size() + 32);
    EXPECT_EQ(key.find("0123456789"), std::string::npos);
    r = static_cast<redisReply *>(redisCommand(raw.c, "PTTL %b", key.data(), key.size()));
    ASSERT_NE(r, nullptr);
    EXPECT_GT(r->integer, kDay - 60000);  // garbage collection only: past the window, never forever
    EXPECT_LE(r->integer, kDay + 60000);
    freeReplyObject(r);
}

// Several processes (PHP-FPM workers, servers) try wrong dates for one pupil at once: exactly
// max_failures of them get compared, all the others are refused.
TEST(RedisCounter, ProcessesShareOneCap) {
    NEED_REDIS(port);
    const std::string prefix = unique_prefix("procs");
    constexpr int kProcs = 6, kTries = 4;
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    std::vector<pid_t> kids;
    for (int p = 0; p < kProcs; ++p) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            auto c = redis_counter(port, prefix);
            for (int i = 0; i < kTries; ++i) {
                char v = 'E';
                if (c) {
                    auto r = c->attempt("P17", kNow + i, true);
                    v = !r.ok() ? 'E' : (*r ? 'A' : 'R');
                }
                if (::write(fds[1], &v, 1) != 1) ::_exit(2);
            }
            ::_exit(0);
        }
        kids.push_back(pid);
    }
    ::close(fds[1]);
    std::string all;
    char buf[64];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) all.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    for (pid_t pid : kids) {
        int st = 0;
        ::waitpid(pid, &st, 0);
        EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    EXPECT_EQ(all.size(), std::size_t(kProcs * kTries));
    EXPECT_EQ(std::count(all.begin(), all.end(), 'A'), 3) << all;
    EXPECT_EQ(std::count(all.begin(), all.end(), 'R'), kProcs * kTries - 3) << all;
}

TEST(RedisCounter, StoppedMidRunFailsClosedThenResumes) {
    auto server = test_support::RedisServer::start();
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    auto c = redis_counter(server->port(), "sesame-test:dates:outage:", 3, 300);
    ASSERT_TRUE(c);
    EXPECT_TRUE(wrong(*c, "P17", kNow));
    server->stop();
    for (bool failed : {true, false}) {
        auto r = c->attempt("P17", kNow + 1, failed);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.status().code(), Code::store_unavailable);
    }
    // A decision on an unreachable counter decides nothing.
    auto dir = Directory::from_json_file(std::string(SESAME_SOURCE_DIR) + "/tests/data/identity/school.json");
    ASSERT_TRUE(dir.ok());
    auto cl = parse_claim(R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Hélène",
        "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12 03 2014"}]})");
    ASSERT_TRUE(cl.ok());
    auto d = decide(*dir, *cl, DecideOptions{Date{2026, 9, 1}, kNow, c.get()});
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().code(), Code::store_unavailable);
    ASSERT_TRUE(server->restart());
    // Back (empty: no persistence): the counter reconnects on its own.
    EXPECT_TRUE(wrong(*c, "P17", kNow + 2));
    d = decide(*dir, *cl, DecideOptions{Date{2026, 9, 1}, kNow + 3, c.get()});
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->status, Outcome::activated);
}

TEST(RedisCounter, ASlowServerHitsTheTimeoutAndFailsClosed) {
    auto server = test_support::RedisServer::start();
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    auto c = redis_counter(server->port(), "sesame-test:dates:slow:", 3, 50);
    ASSERT_TRUE(c);
    EXPECT_TRUE(wrong(*c, "P17", kNow));
    test_support::SleepingRedis sleeping(server->port(), "0.4");  // the server blocks for 0.4 s
    ASSERT_TRUE(sleeping.ok());
    const auto start = std::chrono::steady_clock::now();
    auto r = c->attempt("P17", kNow + 1, false);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::store_unavailable);
    EXPECT_LT(elapsed, std::chrono::milliseconds(350));  // the 50 ms timeout, not the 400 ms sleep
    ASSERT_TRUE(sleeping.wait());  // the sleep is over
    EXPECT_TRUE(right(*c, "P18", kNow + 2));  // a fresh connection
}

TEST(RedisCounter, AForeignValueFailsClosed) {
    NEED_REDIS(port);
    auto c = redis_counter(port, unique_prefix("garbage"));
    ASSERT_TRUE(c);
    const std::string key = c->redis_key("P17");
    test_support::RawRedis raw(port);
    freeReplyObject(redisCommand(raw.c, "HSET %b a 1", key.data(), key.size()));  // wrong type
    auto r = c->attempt("P17", kNow, true);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::store_unavailable);
    freeReplyObject(redisCommand(raw.c, "SET %b hello", key.data(), key.size()));  // not a failure list
    r = c->attempt("P17", kNow, false);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::store_unavailable);
}

#endif  // SESAME_WITH_REDIS

}  // namespace
