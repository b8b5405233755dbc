// The in-process store: fork refusal, what a dump reveals, the memory bound, sweep, event windows.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <atomic>
#include <string>
#include <thread>

#include "core/otp/memory_store.hpp"
#include "core/otp/service.hpp"

using sesame::Code;
using namespace sesame::otp;

namespace {

constexpr std::int64_t T0 = 1'750'000'000'000;
constexpr std::int64_t kHour = 3'600'000;

Service make(std::shared_ptr<Store> store, ServiceOptions o = {}) {
    std::vector<std::uint8_t> k(32, 3);
    auto s = Service::create(k, 1, o, {}, {}, std::move(store));
    EXPECT_TRUE(s.ok());
    return std::move(s).value();
}

TEST(MemoryStore, UseAfterForkIsRefusedInTheChild) {
    auto store = std::make_shared<MemoryStore>();
    Service s = make(store);
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue("+33612345678", "activation", T0, code, &retry).ok());
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // Child: both operations must answer store_unavailable (exit code 0 = as expected).
        auto v = s.verify("+33612345678", "activation", std::string(code, 6), T0 + 1);
        char c2[6];
        sesame::Status st = s.issue("+33698765432", "activation", T0, c2, &retry);
        const bool good = !v.ok() && v.status().code() == Code::store_unavailable &&
                          st.code() == Code::store_unavailable;
        _exit(good ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    // The parent still works, and the child consumed nothing.
    auto v = s.verify("+33612345678", "activation", std::string(code, 6), T0 + 2);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->verdict, Verdict::ok);
}

TEST(MemoryStore, ADumpHoldsNeitherCodesNorPhoneNumbers) {
    auto store = std::make_shared<MemoryStore>();
    Service s = make(store);
    std::vector<std::string> codes;
    const char *phones[] = {"+33612345678", "+33698765432", "+262692123456"};
    for (const char *p : phones) {
        char code[6];
        std::int32_t retry = 0;
        ASSERT_TRUE(s.issue(p, "activation", T0, code, &retry).ok());
        codes.emplace_back(code, 6);
    }
    const std::string dump = store->dump();
    ASSERT_GT(dump.size(), 3u * 64);  // the records are there
    for (const auto &c : codes) EXPECT_EQ(dump.find(c), std::string::npos);
    for (const char *needle : {"612345678", "698765432", "692123456", "activation", "0612", "+33"})
        EXPECT_EQ(dump.find(needle), std::string::npos) << needle;
}

TEST(MemoryStore, TheMemoryBoundRefusesNewPairsThenSweepFreesRoom) {
    MemoryStoreOptions o;
    o.max_records = 3;
    auto store = std::make_shared<MemoryStore>(o);
    Service s = make(store);
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue("+33612345671", "activation", T0, code, &retry).ok());
    ASSERT_TRUE(s.issue("+33612345672", "activation", T0, code, &retry).ok());
    ASSERT_TRUE(s.issue("+33612345673", "activation", T0, code, &retry).ok());
    EXPECT_EQ(s.issue("+33612345674", "activation", T0 + 1, code, &retry).code(), Code::store_full);
    // An existing pair can still get a new code.
    EXPECT_TRUE(s.issue("+33612345671", "activation", T0 + 60'000, code, &retry).ok());
    EXPECT_EQ(store->size(), 3u);
    // Once every record has nothing left (codes expired, windows passed), there is room again.
    EXPECT_TRUE(s.issue("+33612345674", "activation", T0 + 2 * kHour, code, &retry).ok());
    EXPECT_LE(store->size(), 3u);
    EXPECT_EQ(store->sweep(T0 + 4 * kHour), 1u);
    EXPECT_EQ(store->size(), 0u);
}

TEST(MemoryStore, SweepKeepsRecordsWithLiveFailureHistory) {
    auto store = std::make_shared<MemoryStore>();
    Service s = make(store);
    char code[6];
    std::int32_t retry = 0;
    ASSERT_TRUE(s.issue("+33612345678", "activation", T0, code, &retry).ok());
    auto v = s.verify("+33612345678", "activation", "000000x", T0 + 1);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(store->sweep(T0 + 20 * 60'000), 0u);  // code expired, but a failure is in the window
    EXPECT_EQ(store->sweep(T0 + kHour + 1), 1u);
}

TEST(EventTimes, KeepsTheLargestTimesWhateverTheOrder) {
    EventTimes e;
    e.add(50, 3);
    e.add(10, 3);
    e.add(40, 3);
    e.add(20, 3);  // full: 10 goes
    e.add(5, 3);   // smaller than all: ignored
    ASSERT_EQ(e.size(), 3u);
    EXPECT_EQ(e.at(0), 20);
    EXPECT_EQ(e.at(1), 40);
    EXPECT_EQ(e.at(2), 50);
    EXPECT_EQ(e.count_in_window(50), 3u);
    EXPECT_EQ(e.count_in_window(20 + kHour), 2u);
    EXPECT_EQ(e.count_in_window(0), 3u);  // future events count
    EXPECT_FALSE(e.all_older_than_window(50 + kHour - 1));
    EXPECT_TRUE(e.all_older_than_window(50 + kHour));
    e.add(60, 2);  // a lower limit drops the smallest
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e.at(0), 50);
    EXPECT_EQ(e.at(1), 60);
    EventTimes one;
    one.add(7, 1);
    one.add(3, 1);
    one.add(9, 1);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one.at(0), 9);
    EventTimes moved(std::move(e));
    EXPECT_EQ(moved.size(), 2u);
    EXPECT_EQ(e.size(), 0u);
}

TEST(MemoryStore, ManySubjectsAcrossShardsWithThreads) {
    auto store = std::make_shared<MemoryStore>();
    Service s = make(store);
    std::vector<std::thread> threads;
    std::atomic<int> oks{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                char phone[16];
                std::snprintf(phone, sizeof phone, "+33612%01d%05d", t, i);
                char code[6];
                std::int32_t retry = 0;
                if (!s.issue(phone, "activation", T0, code, &retry).ok()) continue;
                auto v = s.verify(phone, "activation", std::string(code, 6), T0 + 1);
                if (v.ok() && v->verdict == Verdict::ok) ++oks;
            }
        });
    }
    for (auto &t : threads) t.join();
    EXPECT_EQ(oks.load(), 800);
    EXPECT_EQ(store->size(), 800u);
}

}  // namespace
