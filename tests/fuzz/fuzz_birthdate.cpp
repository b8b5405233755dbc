// Fuzzes typed birth dates: the first 2 bytes pick the reference date, the rest is the input.
// Invariants: a valid date is a real Gregorian date not after today, flags only on valid dates,
// the C ABI agrees with the core. (Claims and directories have their own targets: fuzz_claim,
// fuzz_directory, fuzz_candidates.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/identity/birthdate.hpp"
#include "sesame.h"

using namespace sesame::identity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    const int day_of_era = (data[0] << 8 | data[1]) % 73000;  // up to ~200 years after 1900
    Date today{1900, 1, 1};
    for (int i = 0; i < day_of_era % 366; ++i) {
        if (++today.day > days_in_month(today.year, today.month)) {
            today.day = 1;
            if (++today.month > 12) {
                today.month = 1;
                ++today.year;
            }
        }
    }
    today.year += day_of_era / 366;
    if (!is_valid_date(today)) today.day = 28;
    const std::string_view in(reinterpret_cast<const char *>(data + 2), size - 2);
    const ParsedDate p = parse_birthdate(in, today);
    if (p.ok()) {
        if (!is_valid_date(p.date) || p.date.packed() > today.packed()) __builtin_trap();
        const int age = completed_age(p.date, today);
        if (age < 0) __builtin_trap();
        if (((p.flags & kAgeOver25) != 0) != (age > 25)) __builtin_trap();
        if (((p.flags & kAgeUnder2) != 0) != (age < 2)) __builtin_trap();
    } else if (p.flags != 0) {
        __builtin_trap();
    }
    sesame_date_result r;
    if (sesame_date_result_init(&r) != SESAME_OK || sesame_date_parse(&r, in.data(), in.size(), today.packed()) != SESAME_OK)
        __builtin_trap();
    if (r.error != static_cast<int32_t>(p.error) || (p.ok() && r.date != p.date.packed())) __builtin_trap();
    return 0;
}
