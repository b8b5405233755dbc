// The Redis store against a real redis-server: processes, outages, slowness, what keys reveal.
#include <gtest/gtest.h>

#ifdef SESAME_WITH_REDIS
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "core/common/redis.hpp"
#include "core/otp/redis_store.hpp"
#include "core/otp/service.hpp"
#include "support/redis_server.hpp"

using sesame::Code;
using namespace sesame::otp;

namespace {

constexpr std::int64_t T0 = 1'750'000'000'000;
const std::string kPhone = "+33612345678";

std::shared_ptr<RedisStore> redis_store(int port, const std::string &prefix, int timeout_ms = 2000) {
    RedisOptions o;
    o.port = port;
    o.prefix = prefix;
    o.timeout_ms = timeout_ms;
    o.connect_timeout_ms = timeout_ms;
    auto s = RedisStore::create(std::move(o));
    EXPECT_TRUE(s.ok());
    return s.ok() ? *s : nullptr;
}

Service make(std::shared_ptr<Store> store, ServiceOptions o = {}) {
    std::vector<std::uint8_t> k(32, 5);
    auto s = Service::create(k, 1, o, {}, {}, std::move(store));
    EXPECT_TRUE(s.ok());
    return std::move(s).value();
}

std::string unique_prefix(const char *name) {
    return std::string("sesame-test:") + name + ":" + std::to_string(getpid()) + ":";
}

#define NEED_REDIS(port)                                                \
    const int port = test_support::shared_redis_port();                     \
    if (port == 0) GTEST_SKIP() << "redis-server is not available here"

TEST(RedisStore, OptionsAreValidated) {
    auto code = [](auto set) {
        RedisOptions o;
        set(o);
        return RedisStore::create(std::move(o)).status().code();
    };
    EXPECT_EQ(code([](RedisOptions &o) { o.port = 0; }), Code::invalid_argument);
    EXPECT_EQ(code([](RedisOptions &o) { o.timeout_ms = 0; }), Code::invalid_argument);
    EXPECT_EQ(code([](RedisOptions &o) { o.connections = 65; }), Code::invalid_argument);
    EXPECT_EQ(code([](RedisOptions &o) { o.username = "ent"; }), Code::invalid_argument);  // no password
    EXPECT_EQ(code([](RedisOptions &o) { o.prefix = std::string(129, 'p'); }), Code::invalid_argument);
    EXPECT_EQ(code([](RedisOptions &o) { o.host = std::string("a\0b", 3); }), Code::invalid_argument);
    EXPECT_EQ(code([](RedisOptions &) {}), Code::ok);
}

TEST(RedisStore, KeysAndValuesRevealNoPhoneAndNoCode) {
    NEED_REDIS(port);
    const std::string prefix = unique_prefix("dump");
    Service s = make(redis_store(port, prefix));
    const char *phones[] = {"+33612345678", "+33698765432"};
    std::vector<std::string> codes;
    for (const char *p : phones) {
        char code[6];
        std::int32_t retry = 0;
        ASSERT_TRUE(s.issue(p, "activation", T0, code, &retry).ok());
        codes.emplace_back(code, 6);
    }
    auto v = s.verify(kPhone, "activation", "000000", T0 + 1);  // may be right with p = 1e-6: fine
    ASSERT_TRUE(v.ok());
    test_support::RawRedis raw(port);
    ASSERT_TRUE(raw.ok());
    auto *keys = static_cast<redisReply *>(redisCommand(raw.c, "KEYS %s*", prefix.c_str()));
    ASSERT_NE(keys, nullptr);
    ASSERT_EQ(keys->type, REDIS_REPLY_ARRAY);
    // Per subject, a challenge and its history (the challenge is gone if "000000" was right).
    ASSERT_GE(keys->elements, 3u);
    ASSERT_LE(keys->elements, 4u);
    std::string everything;
    for (std::size_t i = 0; i < keys->elements; ++i) {
        const std::string key(keys->element[i]->str, keys->element[i]->len);
        const bool history = key.size() > 2 && key.compare(key.size() - 2, 2, ":h") == 0;
        EXPECT_EQ(key.size(), prefix.size() + 34 + (history ? 2 : 0)) << key;  // prefix{32 hex}[:h]
        for (const auto &c : codes) EXPECT_EQ(key.find(c), std::string::npos);
        for (const char *n : {"612345678", "698765432", "activation"}) EXPECT_EQ(key.find(n), std::string::npos);
        auto *h = static_cast<redisReply *>(redisCommand(raw.c, history ? "HGETALL %b" : "GET %b", key.data(), key.size()));
        ASSERT_NE(h, nullptr);
        if (history) {
            for (std::size_t j = 0; j < h->elements; ++j) everything.append(h->element[j]->str, h->element[j]->len) += '|';
        } else {
            ASSERT_EQ(h->type, REDIS_REPLY_STRING);
            everything.append(h->str, h->len) += '|';
        }
        freeReplyObject(h);
        auto *ttl = static_cast<redisReply *>(redisCommand(raw.c, "PTTL %b", key.data(), key.size()));
        ASSERT_NE(ttl, nullptr);
        EXPECT_GT(ttl->integer, 0);  // every record carries a TTL
        freeReplyObject(ttl);
    }
    freeReplyObject(keys);
    for (const char *n : {"612345678", "698765432", "activation", "+33"}) EXPECT_EQ(everything.find(n), std::string::npos) << n;
    // The stored values are binary hashes and decimal times: a code string could only appear
    // inside a time; check it against the hash fields' absence of ASCII codes instead.
    const std::string times = std::to_string(T0) + std::to_string(T0 + 1) + std::to_string(T0 + 600'000);
    for (const auto &c : codes)
        if (times.find(c) == std::string::npos) EXPECT_EQ(everything.find(c), std::string::npos) << "a code in clear";
}

TEST(RedisStore, SeveralProcessesShareOneTruth) {
    NEED_REDIS(port);
    const std::string prefix = unique_prefix("procs");
    ServiceOptions o;
    o.max_attempts = 10;
    o.max_failures_per_hour = 10;
    Service s = make(redis_store(port, prefix), o);
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    const std::string right(code, 6);
    const std::string wrong = std::string(1, right[0] == '9' ? '0' : char(right[0] + 1)) + right.substr(1);

    // Phase 1: 6 processes verify the right code at once: exactly one ok.
    // Phase 2 (second subject): 4 processes x 5 wrong codes: the caps hold across processes:
    // exactly 9 wrong_code, 1 locked (the 10th failure) and 10 rate_limited.
    ASSERT_TRUE(s.issue("+33698765432", "activation", T0, code, &retry).ok());
    std::string right2(code, 6);
    std::string wrong2 = std::string(1, right2[0] == '9' ? '0' : char(right2[0] + 1)) + right2.substr(1);
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    std::vector<pid_t> kids;
    for (int p = 0; p < 10; ++p) {
        pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            close(pipefd[0]);
            std::string out;
            if (p < 6) {
                auto v = s.verify(kPhone, "activation", right, T0 + 1);
                out = v.ok() ? std::string(1, char('0' + int(v->verdict))) : "X";
            } else {
                for (int i = 0; i < 5; ++i) {
                    auto v = s.verify("+33698765432", "activation", wrong2, T0 + 1);
                    out += v.ok() ? std::string(1, char('A' + int(v->verdict))) : "X";
                }
            }
            out += '\n';
            ssize_t n = write(pipefd[1], out.data(), out.size());
            _exit(n == ssize_t(out.size()) ? 0 : 1);  // _exit: no static destructor (the test server)
        }
        kids.push_back(pid);
    }
    close(pipefd[1]);
    std::string all;
    char buf[256];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) all.append(buf, std::size_t(n));
    close(pipefd[0]);
    for (pid_t k : kids) {
        int st = 0;
        waitpid(k, &st, 0);
        EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    // Digits: phase 1 verdicts; letters 'A' + verdict: phase 2; 'X': an error.
    EXPECT_EQ(std::count(all.begin(), all.end(), 'X'), 0) << all;
    EXPECT_EQ(std::count(all.begin(), all.end(), '0'), 1) << all;   // ok
    EXPECT_EQ(std::count(all.begin(), all.end(), '3'), 5) << all;   // no_challenge
    EXPECT_EQ(std::count(all.begin(), all.end(), 'B'), 9) << all;   // wrong_code
    EXPECT_EQ(std::count(all.begin(), all.end(), 'E'), 1) << all;   // locked (the 10th failure)
    EXPECT_EQ(std::count(all.begin(), all.end(), 'F'), 10) << all;  // rate_limited
    // The parent sees the same truth.
    auto v = s.verify("+33698765432", "activation", right2, T0 + 2);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->verdict, Verdict::rate_limited);
}

TEST(RedisStore, StoppedMidRunFailsClosedThenResumes) {
    auto server = test_support::RedisServer::start();
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    Service s = make(redis_store(server->port(), "sesame-test:outage:", 300));
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    server->stop();
    auto v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), Code::store_unavailable);
    EXPECT_EQ(s.issue("+33698765432", "activation", T0 + 2, code, &retry).code(), Code::store_unavailable);
    ASSERT_TRUE(server->restart());
    // Back (empty: no persistence): the service reconnects on its own.
    ASSERT_TRUE(s.issue(kPhone, "activation", T0 + 3, code, &retry).ok());
    v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 4);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->verdict, Verdict::ok);
}

TEST(RedisStore, VerifyAndIssueAreOneRoundTripEach) {
    auto server = test_support::RedisServer::start();  // private: CONFIG RESETSTAT must not disturb others
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    auto store = redis_store(server->port(), "sesame-test:rt:");
    ServiceOptions o;
    o.cooldown_s = 0;
    o.max_sends_per_hour = 100;
    Service s = make(store, o);
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());  // loads the scripts (NOSCRIPT -> EVAL)
    ASSERT_TRUE(s.verify(kPhone, "activation", "000000x", T0).ok());
    test_support::RawRedis raw(server->port());
    auto stat = [&](const char *cmd) {
        auto *r = static_cast<redisReply *>(redisCommand(raw.c, "INFO commandstats"));
        std::string text(r->str, r->len);
        freeReplyObject(r);
        const std::string key = std::string("cmdstat_") + cmd + ":calls=";
        const auto pos = text.find(key);
        return pos == std::string::npos ? 0L : std::stol(text.substr(pos + key.size()));
    };
    freeReplyObject(redisCommand(raw.c, "CONFIG RESETSTAT"));
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(s.issue(kPhone, "activation", T0 + 1 + i, code, &retry).ok());
        ASSERT_TRUE(s.verify(kPhone, "activation", std::string(code, 6), T0 + 1 + i).ok());
    }
    EXPECT_EQ(stat("evalsha"), 10);  // one script call per operation
    EXPECT_EQ(stat("eval"), 0);
    EXPECT_EQ(stat("get"), 0);
}

TEST(RedisStore, UnreachableServerIsStoreUnavailable) {
    const int port = test_support::free_port();
    Service s = make(redis_store(port, "sesame-test:none:", 100));
    char code[6];
    std::int32_t retry = 0;
    EXPECT_EQ(s.issue(kPhone, "activation", T0, code, &retry).code(), Code::store_unavailable);
    auto v = s.verify(kPhone, "activation", "123456", T0);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), Code::store_unavailable);
}

TEST(RedisStore, ASlowServerHitsTheTimeoutAndFailsClosed) {
    auto server = test_support::RedisServer::start();
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    Service s = make(redis_store(server->port(), "sesame-test:slow:", 50));
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    test_support::SleepingRedis sleeping(server->port(), "0.4");  // the server blocks for 0.4 s
    ASSERT_TRUE(sleeping.ok());
    const auto start = std::chrono::steady_clock::now();
    auto v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), Code::store_unavailable);
    EXPECT_LT(elapsed, std::chrono::milliseconds(350));  // the 50 ms timeout, not the 400 ms sleep
    ASSERT_TRUE(sleeping.wait());  // the sleep is over
    // The late verify may or may not have run on the server; it granted nothing to the caller.
    // The service goes on with a fresh connection.
    ASSERT_TRUE(s.issue("+33698765432", "activation", T0 + 2, code, &retry).ok());
    v = s.verify("+33698765432", "activation", std::string(code, 6), T0 + 3);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->verdict, Verdict::ok);
}

TEST(RedisStore, AForkDuringAnotherThreadsCallGivesAChildThatWorks) {
    // One connection, held by a thread whose call waits on a sleeping server when the main thread
    // forks: the child must not inherit that connection's lock (it would wait forever on its
    // first call). fork() waits for the call instead, and the child opens its own connection.
    auto server = test_support::RedisServer::start();
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    Service s = make(redis_store(server->port(), "sesame-test:fork:", 3000));
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    const std::string right(code, 6);
    test_support::SleepingRedis sleeping(server->port(), "0.5");
    ASSERT_TRUE(sleeping.ok());
    std::atomic<int> verdict{-1};
    std::thread caller([&] {
        auto v = s.verify(kPhone, "activation", right, T0 + 1);
        verdict = v.ok() ? int(v->verdict) : 100;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // the caller is inside its call
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // The result goes through a pipe, not the exit status: ThreadSanitizer flags the parent's
        // thread as leaked when a child exits and would change the status.
        close(pipefd[0]);
        char c2[6];
        std::int32_t r2 = 0;
        const char ok = s.issue("+33698765432", "activation", T0 + 2, c2, &r2).ok() ? 'y' : 'n';
        const ssize_t n = write(pipefd[1], &ok, 1);
        _exit(n == 1 ? 0 : 1);  // _exit: no static destructor (the test server)
    }
    close(pipefd[1]);
    pid_t done = 0;
    for (int i = 0; i < 1000 && done == 0; ++i) {
        done = waitpid(pid, nullptr, WNOHANG);
        if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (done == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    char child = 0;
    const ssize_t got = read(pipefd[0], &child, 1);
    close(pipefd[0]);
    caller.join();
    EXPECT_NE(done, 0) << "the child was still waiting after 10 s";
    EXPECT_EQ(got, 1);
    EXPECT_EQ(child, 'y');  // the child's own call worked
    EXPECT_EQ(verdict.load(), int(Verdict::ok));  // the parent's call was not disturbed
    ASSERT_TRUE(sleeping.wait());
}

TEST(RedisStore, ScriptCacheFlushIsReloadedTransparently) {
    NEED_REDIS(port);
    Service s = make(redis_store(port, unique_prefix("flush")));
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    test_support::RawRedis raw(port);
    auto *r = static_cast<redisReply *>(redisCommand(raw.c, "SCRIPT FLUSH"));
    ASSERT_NE(r, nullptr);
    freeReplyObject(r);
    auto v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->verdict, Verdict::ok);
}

TEST(RedisStore, AnUnexpectedValueInARecordFailsClosed) {
    NEED_REDIS(port);
    auto store = redis_store(port, unique_prefix("garbage"));
    Service s = make(store);
    auto sk = s.store_key(kPhone, "activation");
    ASSERT_TRUE(sk.ok());
    const std::string key = store->redis_key(*sk);
    test_support::RawRedis raw(port);
    auto *r = static_cast<redisReply *>(redisCommand(raw.c, "SET %b hello", key.data(), key.size()));  // wrong type
    freeReplyObject(r);
    auto v = s.verify(kPhone, "activation", "123456", T0);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), Code::store_unavailable);
}


// A pooled connection the server closed meanwhile (CLIENT KILL; the same happens with Redis's
// idle `timeout` or a restart) is reopened before the call: the call does not fail.
TEST(RedisStore, AConnectionTheServerClosedIsReopenedBeforeTheCall) {
    auto server = test_support::RedisServer::start();
    if (!server) GTEST_SKIP() << "redis-server is not available here";
    Service s = make(redis_store(server->port(), unique_prefix("killed")));
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    auto killed = test_support::redis_command(server->port(), "CLIENT KILL TYPE normal");
    ASSERT_TRUE(killed && killed->type == REDIS_REPLY_INTEGER && killed->integer >= 1);
    auto v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    ASSERT_TRUE(v.ok()) << v.status().detail();
    EXPECT_EQ(v->verdict, Verdict::ok);
    // A restart (no persistence here: the challenge is gone) answers, it does not fail.
    ASSERT_TRUE(s.issue(kPhone, "activation", T0 + 120'000, code, &retry).ok());
    ASSERT_TRUE(server->restart());
    v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 120'001);
    ASSERT_TRUE(v.ok()) << v.status().detail();
    EXPECT_EQ(v->verdict, Verdict::no_challenge);
}

std::shared_ptr<RedisStore> sentinel_store(const test_support::SentinelCluster &c, const std::string &prefix,
                                           int wait_replicas = 0, int timeout_ms = 1000) {
    RedisOptions o;
    auto endpoints = sesame::redis::parse_endpoints(c.sentinels());
    EXPECT_TRUE(endpoints.ok());
    o.sentinels = *endpoints;
    o.master_name = "sesame";
    o.prefix = prefix;
    o.wait_replicas = wait_replicas;
    o.timeout_ms = timeout_ms;
    o.connect_timeout_ms = 500;
    o.connections = 2;
    auto s = RedisStore::create(std::move(o));
    EXPECT_TRUE(s.ok()) << s.status().detail();
    return s.ok() ? *s : nullptr;
}

ServiceOptions no_cooldown() {
    ServiceOptions o;
    o.cooldown_s = 0;
    o.max_sends_per_hour = 100;
    return o;
}

TEST(RedisSentinel, EndpointsAndOptionsAreChecked) {
    using sesame::redis::parse_endpoints;
    auto e = parse_endpoints(" 127.0.0.1:26379, [::1]:26380 ,sentinel.example:1");
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(e->size(), 3u);
    EXPECT_EQ((*e)[1].host, "::1");
    EXPECT_EQ((*e)[1].port, 26380);
    for (const char *bad : {"host", "host:0", "host:65536", ":1", "a:b", "1.2.3.4:5,", "[::1]26379", "a:1:2"})
        EXPECT_EQ(parse_endpoints(bad).status().code(), Code::invalid_argument) << bad;
    auto create = [&](const char *master, int wait) {
        RedisOptions o;
        o.sentinels = *e;
        o.master_name = master;
        o.wait_replicas = wait;
        return RedisStore::create(std::move(o)).status().code();
    };
    EXPECT_EQ(create("", 0), Code::invalid_argument);  // no master name
    EXPECT_EQ(create("two words", 0), Code::invalid_argument);
    EXPECT_EQ(create("sesame", 17), Code::invalid_argument);
    EXPECT_EQ(create("sesame", 1), Code::ok);
    RedisOptions plain;
    plain.master_name = "sesame";  // a master name without sentinels is a mistake, not ignored
    EXPECT_EQ(RedisStore::create(std::move(plain)).status().code(), Code::invalid_argument);
}

// The master is asked from the sentinels; after a failover the next call reaches the new one
// (READONLY on the old master, or a closed connection, leads to it) without failing.
TEST(RedisSentinel, TheMasterIsFoundAgainAfterAFailover) {
    auto cluster = test_support::SentinelCluster::start();
    if (!cluster) GTEST_SKIP() << "redis-server (with sentinel) is not available here";
    Service s = make(sentinel_store(*cluster, unique_prefix("sentinel")), no_cooldown());
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    auto v = s.verify(kPhone, "activation", "000000" == std::string(code, 6) ? "111111" : "000000", T0 + 1);
    ASSERT_TRUE(v.ok()) << v.status().detail();
    EXPECT_EQ(v->verdict, Verdict::wrong_code);
    ASSERT_TRUE(cluster->failover(1));
    ASSERT_TRUE(s.issue(kPhone, "activation", T0 + 2, code, &retry).ok());  // the first call after it works
    v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 3);
    ASSERT_TRUE(v.ok()) << v.status().detail();
    EXPECT_EQ(v->verdict, Verdict::ok);
}

// The master dies: calls fail closed (store_unavailable, never a grant), Sentinel promotes a
// replica, calls work again without any restart of the application.
TEST(RedisSentinel, AKilledMasterFailsClosedUntilAReplicaIsPromoted) {
    auto cluster = test_support::SentinelCluster::start();
    if (!cluster) GTEST_SKIP() << "redis-server (with sentinel) is not available here";
    Service s = make(sentinel_store(*cluster, unique_prefix("killed-master"), 0, 300), no_cooldown());
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue(kPhone, "activation", T0, code, &retry).ok());
    const int old_master = cluster->master_port();
    cluster->server(old_master)->stop();  // SIGKILL
    auto v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), Code::store_unavailable);
    ASSERT_TRUE(cluster->wait_new_master(old_master, 1));
    ASSERT_TRUE(s.issue(kPhone, "activation", T0 + 2, code, &retry).ok());
    v = s.verify(kPhone, "activation", std::string(code, 6), T0 + 3);
    ASSERT_TRUE(v.ok()) << v.status().detail();
    EXPECT_EQ(v->verdict, Verdict::ok);
}

// wait_replicas: a consumed code is granted only once that many replicas have the consumption.
TEST(RedisSentinel, WaitReplicasGrantsOnlyWhatTheReplicasHave) {
    auto cluster = test_support::SentinelCluster::start();
    if (!cluster) GTEST_SKIP() << "redis-server (with sentinel) is not available here";
    Service two = make(sentinel_store(*cluster, unique_prefix("wait2"), 2), no_cooldown());
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(two.issue(kPhone, "activation", T0, code, &retry).ok());
    auto v = two.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    ASSERT_TRUE(v.ok()) << v.status().detail();
    EXPECT_EQ(v->verdict, Verdict::ok);
    // Three asked, two exist: the right code is consumed on the master but not granted.
    Service three = make(sentinel_store(*cluster, unique_prefix("wait3"), 3, 400), no_cooldown());
    ASSERT_TRUE(three.issue(kPhone, "activation", T0, code, &retry).ok());
    v = three.verify(kPhone, "activation", std::string(code, 6), T0 + 1);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), Code::store_unavailable);
    EXPECT_NE(v.status().detail().find("2 of the 3 replicas"), std::string::npos) << v.status().detail();
    v = three.verify(kPhone, "activation", std::string(code, 6), T0 + 2);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->verdict, Verdict::no_challenge);  // consumed: it never verifies again
}

}  // namespace
#endif  // SESAME_WITH_REDIS
