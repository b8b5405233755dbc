// Birth dates as parents type them (spec: docs/spec/identity.md, "Birth dates").
#pragma once

#include <cstdint>
#include <string_view>

namespace sesame::identity {

// A Gregorian calendar date. Regular value type.
struct Date {
    std::int32_t year = 0;
    std::int32_t month = 0;
    std::int32_t day = 0;

    // yyyymmdd as one number (20140312), 0 for the empty date.
    std::int32_t packed() const noexcept { return year * 10000 + month * 100 + day; }
    static Date unpack(std::int32_t v) noexcept { return {v / 10000, (v / 100) % 100, v % 100}; }
    friend bool operator==(const Date &, const Date &) = default;
};

// The errors of the spec, in the order the rules check them.
enum class DateError : std::uint8_t {
    none = 0,
    empty,
    format,
    two_digit_year,
    year_range,
    month_range,
    day_range,
    not_leap,
    future,
};

// Flags on valid dates (kept for logs; the date is still compared).
enum DateFlag : std::uint32_t {
    kAgeOver25 = 1u << 0,
    kAgeUnder2 = 1u << 1,
};

struct ParsedDate {
    DateError error = DateError::none;
    Date date;               // meaningful only when error == none
    std::uint32_t flags = 0; // DateFlag bits, only when error == none
    bool ok() const noexcept { return error == DateError::none; }
};

// "empty", "format", "two_digit_year", ... ; "" for none.
const char *date_error_name(DateError e) noexcept;

bool is_leap_year(std::int32_t y) noexcept;
std::int32_t days_in_month(std::int32_t y, std::int32_t m) noexcept;
// True for a real Gregorian date with year in 1900..9999.
bool is_valid_date(const Date &d) noexcept;
// Completed years at `today` (the (month, day) lexicographic rule: 29 February ages on 1 March).
std::int32_t completed_age(const Date &birth, const Date &today) noexcept;

// Parses what a person typed. `today` is the caller's reference date (must be valid). Never throws.
ParsedDate parse_birthdate(std::string_view typed, const Date &today) noexcept;

// Strict ISO "YYYY-MM-DD" for the school's records (no future check). false when malformed.
bool parse_iso_date(std::string_view s, Date &out) noexcept;

}  // namespace sesame::identity
