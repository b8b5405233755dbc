// OTP: issue/verify on the in-process store (single thread, 2 threads, memory for 1,000,000
// pending challenges), TOTP validation side by side with liboath's oath_totp_validate, and the
// Redis store against a bare EVALSHA of an empty script on the same connection.
//
//   cmake --build build-bench --target otp_bench && ./build-bench/bench/otp_bench
// Redis benchmarks use SESAME_BENCH_REDIS_PORT if set, else start a private redis-server.
#include <benchmark/benchmark.h>
#include <liboath/oath.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "../tests/support/redis_server.hpp"
#include "core/otp/code.hpp"
#include "core/otp/hotp.hpp"
#include "core/phone/phone.hpp"
#include "core/otp/memory_store.hpp"
#include "core/otp/service.hpp"
#ifdef SESAME_WITH_REDIS
#include "core/otp/redis_store.hpp"
#endif

using namespace sesame::otp;

namespace {

constexpr std::int64_t T0 = 1'750'000'000'000;

// Distinct valid French mobile numbers: +33 6 12 xx xx xx (i < 1,000,000).
std::string phone(std::size_t i) {
    char b[16];
    std::snprintf(b, sizeof b, "+33612%06zu", i % 1'000'000);
    return b;
}

const std::vector<std::string> &phones() {
    static const std::vector<std::string> p = [] {
        std::vector<std::string> v;
        v.reserve(1'000'000);
        for (std::size_t i = 0; i < 1'000'000; ++i) v.push_back(phone(i));
        return v;
    }();
    return p;
}

Service make_service(std::shared_ptr<Store> store) {
    std::vector<std::uint8_t> key(32, 1);
    ServiceOptions o;
    o.cooldown_s = 0;
    o.max_sends_per_hour = 100;
    auto s = Service::create(key, 1, o, {}, {}, std::move(store));
    if (!s.ok()) std::abort();
    return std::move(s).value();
}

long rss_kib() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// ---- in process ------------------------------------------------------------------------------

void BM_Memory_Issue(benchmark::State &state) {
    static std::unique_ptr<Service> svc;
    if (state.thread_index() == 0) {
        MemoryStoreOptions mo;
        mo.max_records = 2'000'000;
        svc = std::make_unique<Service>(make_service(std::make_shared<MemoryStore>(mo)));
    }
    const auto &ph = phones();
    const std::size_t base = std::size_t(state.thread_index()) * 500'000;
    std::size_t i = 0;
    std::int64_t now = T0;
    char code[10];
    std::int32_t retry;
    for (auto _ : state) {
        // 10,000 subjects per thread, one code each per 10,000 s: never a cooldown or quota.
        auto st = svc->issue(ph[base + i % 10'000], "activation", now, code, &retry);
        benchmark::DoNotOptimize(st);
        ++i;
        now += 1000;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Memory_Issue)->Threads(1)->Threads(2)->UseRealTime();

// Verify of the right code (the usual path). Codes are issued in batches outside the timing.
void BM_Memory_VerifyOk(benchmark::State &state) {
    static std::unique_ptr<Service> svc;
    if (state.thread_index() == 0) svc = std::make_unique<Service>(make_service(std::make_shared<MemoryStore>()));
    const auto &ph = phones();
    const std::size_t base = std::size_t(state.thread_index()) * 500'000;
    constexpr std::size_t kBatch = 50'000;
    std::vector<std::string> codes(kBatch);
    std::size_t next = kBatch;
    std::int64_t now = T0;
    for (auto _ : state) {
        if (next == kBatch) {
            state.PauseTiming();
            now += 3'600'000;
            for (std::size_t j = 0; j < kBatch; ++j) {
                char c[10];
                std::int32_t r;
                if (!svc->issue(ph[base + j], "activation", now, c, &r).ok()) std::abort();
                codes[j].assign(c, 6);
            }
            next = 0;
            state.ResumeTiming();
        }
        auto r = svc->verify(ph[base + next], "activation", codes[next], now + 1);
        benchmark::DoNotOptimize(r);
        ++next;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Memory_VerifyOk)->Threads(1)->Threads(2)->UseRealTime();

// Wrong code and absent challenge: the paths an attacker takes (must cost the same as ok).
void BM_Memory_VerifyNoChallenge(benchmark::State &state) {
    static Service svc = make_service(std::make_shared<MemoryStore>());
    const auto &ph = phones();
    std::size_t i = 0;
    for (auto _ : state) {
        auto r = svc.verify(ph[i++ % 100'000], "activation", "123456", T0);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Memory_VerifyNoChallenge);

void BM_Memory_VerifyWrong(benchmark::State &state) {
    Service svc = make_service(std::make_shared<MemoryStore>());
    const auto &ph = phones();
    constexpr std::size_t kSubjects = 200'000;
    for (std::size_t j = 0; j < kSubjects; ++j) {
        char c[10];
        std::int32_t r;
        if (!svc.issue(ph[j], "activation", T0, c, &r).ok()) std::abort();
    }
    std::size_t i = 0;
    for (auto _ : state) {
        // Each subject gets at most 4 wrong codes (a wrong code with p = 1 - 1e-6).
        auto r = svc.verify(ph[i % kSubjects], "activation", "000000", T0 + 1);
        benchmark::DoNotOptimize(r);
        if (++i == 4 * kSubjects) state.SkipWithError("too many iterations for the prepared subjects");
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Memory_VerifyWrong)->Iterations(500'000);

// RSS growth for 1,000,000 pending challenges (one per subject), reported as counters.
void BM_Memory_MillionPending(benchmark::State &state) {
    const auto &ph = phones();  // the phone strings are not part of the store's cost
    for (auto _ : state) {
        const long before = rss_kib();
        auto store = std::make_shared<MemoryStore>();
        Service svc = make_service(store);
        char c[10];
        std::int32_t r;
        for (std::size_t j = 0; j < 1'000'000; ++j)
            if (!svc.issue(ph[j], "activation", T0, c, &r).ok()) std::abort();
        const long after = rss_kib();
        state.counters["pending"] = double(store->size());
        state.counters["rss_MB"] = double(after - before) / 1024.0;
        state.counters["bytes_per_challenge"] = double(after - before) * 1024.0 / 1e6;
    }
}
BENCHMARK(BM_Memory_MillionPending)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---- where the time of one issue goes ----------------------------------------------------------

void BM_Part_PhoneNormalize(benchmark::State &state) {
    const auto &ph = phones();
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(sesame::phone::normalize(ph[i++ % 10'000]));
}
BENCHMARK(BM_Part_PhoneNormalize);

void BM_Part_GenerateCode(benchmark::State &state) {
    char c[10];
    for (auto _ : state) {
        benchmark::DoNotOptimize(generate_code(6, c));
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_Part_GenerateCode);

void BM_Part_StoreKey(benchmark::State &state) {
    static Service svc = make_service(std::make_shared<MemoryStore>());
    for (auto _ : state) benchmark::DoNotOptimize(svc.store_key("+33612345678", "activation"));
}
BENCHMARK(BM_Part_StoreKey);

// ---- TOTP: Sesame vs liboath ------------------------------------------------------------------

const char kTotpSecret[] = "12345678901234567890";
constexpr std::int64_t kTotpNow = 1'111'111'109;  // RFC 6238 vector: 07081804 (8 digits) / 081804 (6)

void BM_Totp_Sesame_Validate(benchmark::State &state) {
    TotpParams p;
    p.digits = 6;
    p.window = 1;
    std::span<const std::uint8_t> secret(reinterpret_cast<const std::uint8_t *>(kTotpSecret), 20);
    char code[6];
    (void)totp(secret, kTotpNow * 1000, p, code);
    const std::string c(code, 6);
    for (auto _ : state) {
        auto r = totp_verify(secret, kTotpNow * 1000, p, -1, c);
        if (!r.ok() || !r->ok) state.SkipWithError("no match");
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Totp_Sesame_Validate);

void BM_Totp_Liboath_Validate(benchmark::State &state) {
    oath_init();
    char code[7];
    oath_totp_generate(kTotpSecret, 20, kTotpNow, 30, 0, 6, code);
    for (auto _ : state) {
        int r = oath_totp_validate(kTotpSecret, 20, kTotpNow, 30, 0, 1, code);
        if (r < 0) state.SkipWithError("no match");
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Totp_Liboath_Validate);

// A wrong code: both compute every step of the window (3 HMACs; the two above stop at the current
// step, the first one both try).
const char kTotpWrong[] = "000000";

void BM_Totp_Sesame_ValidateWrong(benchmark::State &state) {
    TotpParams p;
    p.digits = 6;
    p.window = 1;
    std::span<const std::uint8_t> secret(reinterpret_cast<const std::uint8_t *>(kTotpSecret), 20);
    for (auto _ : state) {
        auto r = totp_verify(secret, kTotpNow * 1000, p, -1, kTotpWrong);
        if (!r.ok() || r->ok) state.SkipWithError("matched");
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Totp_Sesame_ValidateWrong);

void BM_Totp_Liboath_ValidateWrong(benchmark::State &state) {
    oath_init();
    for (auto _ : state) {
        int r = oath_totp_validate(kTotpSecret, 20, kTotpNow, 30, 0, 1, kTotpWrong);
        if (r != OATH_INVALID_OTP) state.SkipWithError("matched");
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Totp_Liboath_ValidateWrong);

// ---- Redis --------------------------------------------------------------------------------------
#ifdef SESAME_WITH_REDIS
int bench_redis_port() {
    static int port = [] {
        if (const char *p = std::getenv("SESAME_BENCH_REDIS_PORT")) return std::atoi(p);
        static auto server = test_support::RedisServer::start();
        return server ? server->port() : 0;
    }();
    return port;
}

std::shared_ptr<RedisStore> bench_redis_store(int connections) {
    RedisOptions o;
    o.port = bench_redis_port();
    o.prefix = "sesame-bench:" + std::to_string(getpid()) + ":";
    o.connections = connections;
    o.timeout_ms = 5000;
    auto s = RedisStore::create(std::move(o));
    if (!s.ok()) std::abort();
    return *s;
}

double median_of(std::vector<double> &v) {
    if (v.empty()) return 0;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

double micros_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

// The floor: one EVALSHA of "return 0" on the same pooled connection. Time is the mean of the
// iterations; median_us, the median call (the issue's measure).
void BM_Redis_EvalshaEmpty(benchmark::State &state) {
    if (bench_redis_port() == 0) return state.SkipWithError("no redis-server");
    auto store = bench_redis_store(1);
    std::vector<double> us;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!store->eval_empty().ok()) state.SkipWithError("eval failed");
        us.push_back(micros_since(t0));
    }
    state.counters["median_us"] = median_of(us);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Redis_EvalshaEmpty)->Repetitions(5)->ReportAggregatesOnly(true);

// Right codes to verify: batches of 5,000 issued (an hour later each time) with the timer paused.
struct PendingCodes {
    static constexpr std::size_t kBatch = 5'000;
    std::vector<std::string> codes = std::vector<std::string>(kBatch);
    std::size_t at = kBatch;
    // The index of the next pending code (phones()[i], codes[i]), refilling when all were used.
    std::size_t next(benchmark::State &state, const Service &svc, std::int64_t &now) {
        if (at == kBatch) {
            state.PauseTiming();
            now += 3'600'000;
            for (std::size_t j = 0; j < kBatch; ++j) {
                char c[10];
                std::int32_t r;
                if (!svc.issue(phones()[j], "activation", now, c, &r).ok()) std::abort();
                codes[j].assign(c, 6);
            }
            at = 0;
            state.ResumeTiming();
        }
        return at++;
    }
};

void BM_Redis_VerifyOk(benchmark::State &state) {
    if (bench_redis_port() == 0) return state.SkipWithError("no redis-server");
    Service svc = make_service(bench_redis_store(1));
    const auto &ph = phones();
    PendingCodes pending;
    static std::int64_t now = T0;
    std::vector<double> us;
    for (auto _ : state) {
        const std::size_t i = pending.next(state, svc, now);
        const auto t0 = std::chrono::steady_clock::now();
        auto r = svc.verify(ph[i], "activation", pending.codes[i], now + 1);
        us.push_back(micros_since(t0));
        if (!r.ok() || r->verdict != Verdict::ok) state.SkipWithError("verify failed");
    }
    state.counters["median_us"] = median_of(us);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Redis_VerifyOk)->Repetitions(5)->ReportAggregatesOnly(true);

// The target's own measure, robust to drift: each iteration times bare EVALSHAs and one right
// verify back to back on the same pooled connection, and the counters give the medians and their
// ratio (the two separate benchmarks above run minutes apart, and this VM's round trip drifts by
// up to 20 % between them).
void BM_Redis_VerifyOkVsEmpty(benchmark::State &state) {
    if (bench_redis_port() == 0) return state.SkipWithError("no redis-server");
    auto store = bench_redis_store(1);
    Service svc = make_service(store);
    const auto &ph = phones();
    PendingCodes pending;
    std::vector<double> empty, verify, after_verify;
    static std::int64_t now = T0 + 1'000'000'000;
    for (auto _ : state) {
        const std::size_t i = pending.next(state, svc, now);
        // Two bare calls, then the verify: the second bare call follows a bare call, so deferred
        // work a verify may leave behind (on the server or in the kernel) is charged to the first.
        auto t0 = std::chrono::steady_clock::now();
        if (!store->eval_empty().ok()) state.SkipWithError("eval failed");
        after_verify.push_back(micros_since(t0));
        t0 = std::chrono::steady_clock::now();
        if (!store->eval_empty().ok()) state.SkipWithError("eval failed");
        empty.push_back(micros_since(t0));
        t0 = std::chrono::steady_clock::now();
        auto r = svc.verify(ph[i], "activation", pending.codes[i], now + 1);
        verify.push_back(micros_since(t0));
        if (!r.ok() || r->verdict != Verdict::ok) state.SkipWithError("verify failed");
    }
    const double me = median_of(empty), mv = median_of(verify);
    state.counters["empty_us"] = me;
    state.counters["verify_us"] = mv;
    state.counters["ratio"] = me > 0 ? mv / me : 0;
    state.counters["empty_after_verify_us"] = median_of(after_verify);
}
BENCHMARK(BM_Redis_VerifyOkVsEmpty)->MinTime(2);

void BM_Redis_Issue(benchmark::State &state) {
    if (bench_redis_port() == 0) return state.SkipWithError("no redis-server");
    static std::unique_ptr<Service> svc;
    if (state.thread_index() == 0) svc = std::make_unique<Service>(make_service(bench_redis_store(int(state.range(0)))));
    const auto &ph = phones();
    const std::size_t base = 200'000 + std::size_t(state.thread_index()) * 100'000;
    std::size_t i = 0;
    static std::int64_t epoch = T0;
    std::int64_t now = epoch + 10 * 3'600'000;
    if (state.thread_index() == 0) epoch = now;
    for (auto _ : state) {
        char c[10];
        std::int32_t r;
        if (!svc->issue(ph[base + i % 10'000], "activation", now, c, &r).ok()) state.SkipWithError("issue failed");
        ++i;
        now += 1000;
    }
    state.SetItemsProcessed(state.iterations());
}
// range(0): connections in the pool; threads share the service.
BENCHMARK(BM_Redis_Issue)->Arg(1)->Threads(1)->UseRealTime();
BENCHMARK(BM_Redis_Issue)->Arg(4)->Threads(2)->Threads(4)->UseRealTime();
#endif

}  // namespace
