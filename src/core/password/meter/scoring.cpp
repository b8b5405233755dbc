#include "core/password/meter/scoring.hpp"

#include "core/password/wordlists.hpp"

namespace sesame::password::meter {

double binom(unsigned n, unsigned k) {
    if (k > n) return 0;
    double c = 1;
    for (unsigned i = 1; i <= k; ++i) c = c * double(n - k + i) / double(i);
    return c;
}

double log_add(double a, double b) {
    const double hi = std::max(a, b), lo = std::min(a, b);
    if (lo == -kInf || hi - lo > 12) return hi;
    return hi + std::log10(1 + std::pow(10.0, lo - hi));
}

namespace {

// The walks of at most len keys with at most `turns` turns, from any key: per length i and turn
// count t, the ways to place t - 1 turns among i - 1 moves, times the keys, times the average
// number of neighbours to the power t (zxcvbn's spatial guesses).
double log_walks(const data::Graph &g, std::size_t len, unsigned turns) {
    static_assert(kMaxMeterCodePoints <= std::tuple_size_v<decltype(g.degree_pow)>);  // turns < len
    const double s = double(g.keys);
    double guesses = 0;
    for (std::size_t i = 2; i <= len && guesses < 1e40; ++i) {
        const unsigned possible = std::min<unsigned>(turns, unsigned(i - 1));
        for (unsigned t = 1; t <= possible; ++t) guesses += binom(unsigned(i - 1), t - 1) * s * g.degree_pow[t];
    }
    return std::log10(std::max(guesses, 1.0));
}

// Which keys of a walk of len keys are shifted (shifted > 0): 2 when all are, else the ways to
// choose up to min(shifted, unshifted) of them.
double log_shifted(std::size_t len, unsigned shifted) {
    const unsigned unshifted = unsigned(len) - shifted;
    if (unshifted == 0) return std::log10(2.0);
    double v = 0;
    for (unsigned k = 1; k <= std::min(shifted, unshifted); ++k) v += binom(shifted + unshifted, k);
    return std::log10(std::max(v, 1.0));
}

}  // namespace

LogTables::LogTables() {
    for (std::size_t x = 0; x < kInts; ++x) ints[x] = std::log10(double(x));
    for (int sep = 0; sep < 2; ++sep)
        for (std::size_t sp = 0; sp < kSpaces; ++sp) date_space[sep][sp] = log_date_slow(int(sp), sep != 0);
    const auto &gs = data::graphs();
    for (std::size_t g = 0; g < std::size(walks) && g < gs.size(); ++g)
        for (std::size_t len = 0; len <= kWalkLen; ++len)
            for (unsigned t = 0; t <= kWalkTurns; ++t) walks[g][len][t] = log_walks(gs[g], len, t);
    for (std::size_t len = 0; len <= kWalkLen; ++len)
        for (unsigned sh = 1; sh <= len; ++sh) shifted[len][sh] = log_shifted(len, sh);
}

double log_date_slow(int space, bool sep) { return std::log10(double(space) * kDaysPerYear * (sep ? kDateSeparators : 1.0)); }

double log_keyboard_walk(std::size_t graph, std::size_t len, unsigned turns, unsigned shifted) {
    const LogTables &t = LogTables::get();
    const bool small = len <= LogTables::kWalkLen;
    double lg = small && turns <= LogTables::kWalkTurns && graph < std::size(t.walks) ? t.walks[graph][len][turns]
                                                                                      : log_walks(data::graphs()[graph], len, turns);
    if (shifted > 0) lg += small ? t.shifted[len][shifted] : log_shifted(len, shifted);
    return lg;
}

double log_sequence(char32_t first, std::size_t len, bool descending) {
    double base = kSequenceOtherStart;
    if (first == 'a' || first == 'A' || first == 'z' || first == 'Z' || first == '0' || first == '1' || first == '9')
        base = kSequenceObviousStart;
    else if (first >= '0' && first <= '9')
        base = kSequenceDigitStart;
    if (descending) base *= kSequenceDescending;
    return log10_int(std::size_t(base) * len);
}

double log_case_variations(unsigned up, unsigned low, bool first_up, bool last_up) {
    if (up == 0) return 0;  // most words are typed in lowercase
    if (low == 0) return std::log10(2.0);
    if (up == 1 && (first_up || last_up)) return std::log10(2.0);
    double v = 0;
    for (unsigned k = 1; k <= std::min(up, low); ++k) v += binom(up + low, k);
    return std::log10(std::max(v, 1.0));
}

double log_leet_variations(unsigned subbed, unsigned unsubbed) {
    if (unsubbed == 0) return std::log10(2.0);
    double sum = 0;
    for (unsigned t = 1; t <= std::min(subbed, unsubbed); ++t) sum += binom(subbed + unsubbed, t);
    return std::log10(std::max(sum, 1.0));
}

}  // namespace sesame::password::meter

namespace sesame::password {

int score_from_log10(double lg) noexcept {
    int score = 0;
    for (const double t : meter::kScoreThresholds) {
        if (lg < t) return score;
        ++score;
    }
    return score;
}

}  // namespace sesame::password
