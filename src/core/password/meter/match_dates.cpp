// Years and dates. A year (1900-2099) alone costs the years between it and the reference year; a
// date (day, month, year in one of zxcvbn's orders, 4 to 8 digits, or with one repeated
// separator) costs that times the days of a year, times the separators when it has some. Two-
// digit years are read as 1951-2050.
#include <cstdlib>

#include "core/password/meter/matchers.hpp"

namespace sesame::password::meter {

namespace {

struct Dmy {
    int day, month, year;
};

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool dm_of(int a, int b, int &d, int &m) {
    if (a >= 1 && a <= 31 && b >= 1 && b <= 12) { d = a; m = b; return true; }
    if (b >= 1 && b <= 31 && a >= 1 && a <= 12) { d = b; m = a; return true; }
    return false;
}

int two_to_four(int y) { return y > 99 ? y : (y > 50 ? y + 1900 : y + 2000); }

// zxcvbn's map_ints_to_dmy: three numbers as a day, a month and a year (year first or last).
[[gnu::always_inline]] inline bool ints_to_dmy(const int v[3], Dmy &out) {
    if (v[1] > 31 || v[1] <= 0) return false;
    int over12 = 0, over31 = 0, under1 = 0;
    for (int k = 0; k < 3; ++k) {
        if ((v[k] > 99 && v[k] < 1000) || v[k] > 2050) return false;
        over31 += v[k] > 31;
        over12 += v[k] > 12;
        under1 += v[k] <= 0;
    }
    if (over31 >= 2 || over12 == 3 || under1 >= 2) return false;
    const int splits[2][3] = {{v[2], v[0], v[1]}, {v[0], v[1], v[2]}};
    for (const auto &s : splits) {
        if (s[0] >= 1000 && s[0] <= 2050) {
            int d = 0, m = 0;
            if (!dm_of(s[1], s[2], d, m)) return false;
            out = {d, m, s[0]};
            return true;
        }
    }
    for (const auto &s : splits) {
        int d = 0, m = 0;
        if (dm_of(s[1], s[2], d, m)) {
            out = {d, m, two_to_four(s[0])};
            return true;
        }
    }
    return false;
}

// Where a run of 4 to 8 digits splits into three numbers (zxcvbn's DATE_SPLITS): per length,
// the ends of the first two.
constexpr int kSplits[9][4][2] = {
    {}, {}, {}, {},
    {{1, 2}, {2, 3}, {0, 0}, {0, 0}},
    {{1, 3}, {2, 3}, {0, 0}, {0, 0}},
    {{1, 2}, {2, 4}, {4, 5}, {0, 0}},
    {{1, 3}, {2, 3}, {4, 5}, {4, 6}},
    {{2, 4}, {4, 6}, {0, 0}, {0, 0}},
};

bool is_date_separator(char32_t c) { return c == ' ' || c == '/' || c == '\\' || c == '_' || c == '.' || c == '-'; }

}  // namespace

void match_dates(Analysis &a) {
    const int ref = a.opts.reference_year;
    const std::size_t n = a.n;
    const char32_t *cps = a.cps;  // a local: a byte store may alias the member
    std::array<std::uint8_t, kMaxMeterCodePoints + 1> run;  // ASCII digit run length from c
    run[n] = 0;
    std::size_t digits = 0;
    std::uint8_t r = 0;
    for (std::size_t c = n; c-- > 0;) {
        const bool d = is_digit(cps[c]);
        r = d ? static_cast<std::uint8_t>(r + 1) : 0;
        run[c] = r;
        digits += d;
    }
    // Every form below takes at least 4 digits (a year; d m yy with separators).
    if (digits < 4) return;
    auto num = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t k = 0; k < len; ++k) v = v * 10 + int(cps[at + k] - '0');
        return v;
    };
    for (std::size_t i = 0; i < n; ++i) {
        // Years 1900-2099 on their own.
        if (run[i] >= 4) {
            const int y = num(i, 4);
            if (y >= 1900 && y <= 2099) a.matches.add(i, i + 3, log_year(y, ref), kFbDate);
        }
        // Dates without separator: 4 to 8 digits, the split whose year is nearest the reference.
        for (std::size_t len = 4; len <= 8 && len <= run[i]; ++len) {
            bool found = false;
            int best_dist = 1 << 30, best_year = 0;
            for (const auto &sp : kSplits[len]) {
                if (sp[0] == 0) break;
                const int v[3] = {num(i, std::size_t(sp[0])), num(i + std::size_t(sp[0]), std::size_t(sp[1] - sp[0])),
                                  num(i + std::size_t(sp[1]), len - std::size_t(sp[1]))};
                Dmy d{};
                if (!ints_to_dmy(v, d)) continue;
                const int dist = std::abs(d.year - ref);
                if (dist < best_dist) {
                    best_dist = dist;
                    best_year = d.year;
                    found = true;
                }
            }
            if (found) a.matches.add(i, i + len - 1, log_date(best_year, false, ref), kFbDate);
        }
        // With separators: d{1,4} sep d{1,2} sep d{1,4}, 6 to 10 code points.
        const std::size_t d1 = run[i];
        if (d1 >= 1 && d1 <= 4 && i + d1 < n) {
            const char32_t sep = cps[i + d1];
            if (is_date_separator(sep)) {
                const std::size_t b_at = i + d1 + 1;
                const std::size_t d2 = b_at < n ? run[b_at] : 0;
                if (d2 >= 1 && d2 <= 2 && b_at + d2 < n && cps[b_at + d2] == sep) {
                    const std::size_t c_at = b_at + d2 + 1;
                    const std::size_t cmax = c_at < n ? std::min<std::size_t>(run[c_at], 4) : 0;
                    for (std::size_t d3 = 1; d3 <= cmax; ++d3) {
                        const std::size_t len = c_at + d3 - i;
                        if (len < 6 || len > 10) continue;
                        const int v[3] = {num(i, d1), num(b_at, d2), num(c_at, d3)};
                        Dmy d{};
                        if (ints_to_dmy(v, d)) a.matches.add(i, c_at + d3 - 1, log_date(d.year, true, ref), kFbDate);
                    }
                }
            }
        }
    }
}

}  // namespace sesame::password::meter
