#include "core/identity/birthdate.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "core/text/utf8.hpp"

namespace sesame::identity {

const char *date_error_name(DateError e) noexcept {
    switch (e) {
        case DateError::none: return "";
        case DateError::empty: return "empty";
        case DateError::format: return "format";
        case DateError::two_digit_year: return "two_digit_year";
        case DateError::year_range: return "year_range";
        case DateError::month_range: return "month_range";
        case DateError::day_range: return "day_range";
        case DateError::not_leap: return "not_leap";
        case DateError::future: return "future";
    }
    return "unknown";
}

bool is_leap_year(std::int32_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::int32_t days_in_month(std::int32_t y, std::int32_t m) noexcept {
    static constexpr std::int32_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool is_valid_date(const Date &d) noexcept {
    return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::int32_t completed_age(const Date &birth, const Date &today) noexcept {
    std::int32_t age = today.year - birth.year;
    if (today.month < birth.month || (today.month == birth.month && today.day < birth.day)) --age;
    return age;
}

namespace {

bool is_white_space(char32_t c) noexcept {
    // Unicode White_Space (PropList.txt).
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

bool is_sep(char c) noexcept { return c == ' ' || c == '/' || c == '.' || c == '-'; }

// Checks in the spec's order: year_range, month_range, day_range / not_leap.
DateError check_ranges(const Date &d) noexcept {
    if (d.year < 1900) return DateError::year_range;
    if (d.month < 1 || d.month > 12) return DateError::month_range;
    if (d.day < 1 || d.day > 31) return DateError::day_range;
    if (d.month == 2 && d.day == 29 && !is_leap_year(d.year)) return DateError::not_leap;
    if (d.day > days_in_month(d.year, d.month)) return DateError::day_range;
    return DateError::none;
}

std::int32_t to_int(std::string_view digits) noexcept {
    std::int32_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

ParsedDate parse_birthdate(std::string_view typed, const Date &today) noexcept {
    ParsedDate r;
    if (typed.size() > 256 || !text::is_valid_utf8(typed)) {
        r.error = DateError::format;
        return r;
    }
    // 1. NFKC (fullwidth digits and separators become ASCII), then trim White_Space.
    std::string s;
    bool ascii = true;
    for (char c : typed) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        s.assign(typed);  // NFKC of ASCII is ASCII
    } else {
        utf8proc_uint8_t *buf = nullptr;
        const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(typed.data()),
                                                static_cast<utf8proc_ssize_t>(typed.size()), &buf,
                                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
        if (n < 0) {
            r.error = DateError::format;
            return r;
        }
        try {
            s.assign(reinterpret_cast<const char *>(buf), static_cast<std::size_t>(n));
        } catch (...) {
            std::free(buf);
            r.error = DateError::format;
            return r;
        }
        std::free(buf);
    }
    // Trim White_Space code points at both ends.
    std::size_t b = 0, e = s.size();
    while (b < e) {
        std::size_t i = b;
        char32_t cp = 0;
        if (!text::decode_one(s, i, cp) || !is_white_space(cp)) break;
        b = i;
    }
    while (e > b) {
        std::size_t i = e;
        char32_t cp = 0;
        if (!text::decode_before(s, i, cp) || i < b || !is_white_space(cp)) break;
        e = i;
    }
    const std::string_view t(s.data() + b, e - b);
    if (t.empty()) {
        r.error = DateError::empty;
        return r;
    }
    // 2. Groups of ASCII digits separated by runs of space / . - (nothing else).
    std::string_view groups[4];
    std::size_t ng = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        if (t[i] >= '0' && t[i] <= '9') {
            std::size_t j = i;
            while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
            if (ng == 3) {
                r.error = DateError::format;
                return r;
            }
            groups[ng++] = t.substr(i, j - i);
            i = j;
            if (i == t.size()) break;
            if (!is_sep(t[i])) {
                r.error = DateError::format;
                return r;
            }
            while (i < t.size() && is_sep(t[i])) ++i;
            if (i == t.size()) {  // trailing separator
                r.error = DateError::format;
                return r;
            }
        } else {
            r.error = DateError::format;  // letters, commas, a leading separator, a TAB, non-ASCII digits...
            return r;
        }
    }
    Date d;
    if (ng == 1) {
        const auto g = groups[0];
        if (g.size() == 6) {
            r.error = DateError::two_digit_year;
            return r;
        }
        if (g.size() != 8) {
            r.error = DateError::format;
            return r;
        }
        d = {to_int(g.substr(4, 4)), to_int(g.substr(2, 2)), to_int(g.substr(0, 2))};
    } else if (ng == 3) {
        const auto g0 = groups[0], g1 = groups[1], g2 = groups[2];
        if (g0.size() == 4) {
            if (g1.size() > 2 || g2.size() > 2) {
                r.error = DateError::format;
                return r;
            }
            d = {to_int(g0), to_int(g1), to_int(g2)};
        } else if (g0.size() <= 2 && g1.size() <= 2) {
            if (g2.size() == 2) {
                r.error = DateError::two_digit_year;
                return r;
            }
            if (g2.size() != 4) {
                r.error = DateError::format;
                return r;
            }
            d = {to_int(g2), to_int(g1), to_int(g0)};
        } else {
            r.error = DateError::format;
            return r;
        }
    } else {
        r.error = DateError::format;
        return r;
    }
    // 3. Ranges, then future.
    r.error = check_ranges(d);
    if (r.error != DateError::none) return r;
    if (d.packed() > today.packed()) {
        r.error = DateError::future;
        return r;
    }
    r.date = d;
    // 4. Age flags.
    const std::int32_t age = completed_age(d, today);
    if (age > 25) r.flags |= kAgeOver25;
    if (age < 2) r.flags |= kAgeUnder2;
    return r;
}

bool parse_iso_date(std::string_view s, Date &out) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    Date d{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))};
    if (!is_valid_date(d)) return false;
    out = d;
    return true;
}

}  // namespace sesame::identity
