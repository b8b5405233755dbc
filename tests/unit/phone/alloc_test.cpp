// normalize() and same_number() never allocate (spec: "no heap allocation per call in the core").
// This file replaces the global operator new of the test binary to count allocations.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "core/phone/phone.hpp"

namespace {
std::atomic<long> g_allocations{0};
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // malloc/free pair, on purpose
#endif

void *operator new(std::size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

namespace sesame::phone {
namespace {

TEST(PhoneAllocation, NormalizeAndSameNumberDoNotAllocate) {
    const std::vector<std::string> inputs = {
        "0692 12 34 56", "+33 (0)6 12 34 56 78", "+44 (0)20 7946 0958", "+54 11 15 2345 6789", "+672 10660",
        "+52 1 1 451 345 6764", "tel:+33612345678", "06 12 34 56 78 poste 12", "Tél 06", std::string(251, '1'),
        "\xD9\xA0\xD9\xA6\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8", "06\xFF", "",
        std::string(200, ' ') + "0612345678"};
    char buf[kMaxFormatBytes];
    const long before = g_allocations.load();
    int ok = 0;
    for (const std::string &s : inputs) {
        const Parsed p = normalize(s);
        ok += p.ok() ? 1 : 0;
        ok += same_number(s, "+33612345678") ? 1 : 0;
        if (p.ok())
            for (Format f : {Format::national, Format::international, Format::masked})
                ok += format_to(p.number, f, buf, sizeof buf) > 0 ? 1 : 0;
    }
    EXPECT_EQ(g_allocations.load() - before, 0);
    EXPECT_GT(ok, 20);
}

}  // namespace
}  // namespace sesame::phone
