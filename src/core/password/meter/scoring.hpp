// The meter's scoring model: every threshold and tunable in one place, and the guess counts of
// each kind of pattern (zxcvbn's formulas, "zxcvbn: Low-Budget Password Strength Estimation",
// Wheeler 2016, as zxcvbn-ts implements them), in log10.
//
// A password is cut into parts: patterns (a dictionary word, a keyboard walk, a date...) and
// bruteforce segments. A part costs the guesses an attacker needs to hit it knowing its kind; a
// decomposition into l counted patterns costs l! * (product of its parts) + 10000^(l-1) (the
// attacker does not know the order of the kinds, and short passwords are tried first). The
// estimate is the cheapest decomposition (decompose.hpp), its score a step function of it.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "core/password/meter.hpp"

namespace sesame::password::meter {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

// ---- score ---------------------------------------------------------------------------------------

// log10(guesses) below kScoreThresholds[s] scores s (zxcvbn's: 10^3, 10^6, 10^8, 10^10); at or
// above the last, 4. Feedback is given up to kMaxScoreWithFeedback.
inline constexpr double kScoreThresholds[] = {3, 6, 8, 10};
inline constexpr int kMaxScoreWithFeedback = 2;

// ---- decomposition -------------------------------------------------------------------------------

// Patterns counted in a decomposition. With 5 or more, the 10000^(l-1) term alone is 10^16 or
// more: score 4 whatever the parts, so more states would change no score (they could change
// guesses_log10 of a score-4 password). At most 7 (kLogFactorial); the decomposition's vector
// lanes follow this number.
inline constexpr std::size_t kMaxCountedPatterns = 4;
// log10(10000): zxcvbn's MIN_GUESSES_BEFORE_GROWING_SEQUENCE, the 10000^(l-1) term.
inline constexpr double kLogMinGuessesBefore = 4;
// A pattern that is not the whole password costs at least 10 guesses (one character) or 50
// (longer): zxcvbn's MIN_SUBMATCH_GUESSES_SINGLE_CHAR and _MULTI_CHAR.
inline constexpr double kLogMinSubmatchSingle = 1;
inline constexpr double kLogMinSubmatchMulti = 1.6989700043360187;  // log10(50)
// A bruteforce segment costs 10 guesses per code point (zxcvbn's BRUTEFORCE_CARDINALITY): one
// per code point in log10.
inline constexpr double kLogBruteforcePerCodePoint = 1;
// log10(l!) for l = 0..7.
inline constexpr double kLogFactorial[] = {0, 0, 0.3010299956639812, 0.7781512503836436, 1.380211241711606,
                                           2.0791812460476247, 2.857332496431268, 3.7024305364455254};
static_assert(kMaxCountedPatterns < std::size(kLogFactorial));

// Decorations: a run of at most this many non-letters at either end of the password (Soleil2015!,
// 2015Soleil). Patterns and bruteforce inside a decoration run do not count in l: the "word +
// year + symbol" template is the first thing cracking rules try. Context words never count
// either: an attacker who targets this family tries them with every decoration first.
inline constexpr std::size_t kMaxDecoration = 8;

// ---- dates and years -----------------------------------------------------------------------------

// A date or year is guessed among the years around the reference year, at least this many.
inline constexpr int kMinYearSpace = 20;
inline constexpr double kDaysPerYear = 365;
// A date with separators: which of the four separators the attacker must try too.
inline constexpr double kDateSeparators = 4;

// ---- sequences and repeats -----------------------------------------------------------------------

// A sequence (abcd, 9753, aceg): the guesses of its first character times its length, times 2
// when it descends. First characters tried first (a, z, 0, 1, 9): 4; other digits: 10; anything
// else: 26. Steps of 1 to kMaxSequenceStep; a sequence of two needs a step of 1.
inline constexpr double kSequenceObviousStart = 4;
inline constexpr double kSequenceDigitStart = 10;
inline constexpr double kSequenceOtherStart = 26;
inline constexpr double kSequenceDescending = 2;
inline constexpr long kMaxSequenceStep = 5;
// A repeat (aaaa, abcabc): the guesses of the repeated unit times the number of repetitions. A
// unit of one character costs 10 (log 1), a longer one its own estimate (without repeats).
inline constexpr double kLogRepeatedCharacter = 1;

// ---- formulas ------------------------------------------------------------------------------------

double binom(unsigned n, unsigned k);
double log_add(double a, double b);  // log10(10^a + 10^b)

// The logarithms the patterns take most often, computed once by the same calls as on the slow
// path: a read instead of a libm call (or a binomial sum) per pattern, with the same bits.
struct LogTables {
    static constexpr std::size_t kInts = 2048, kSpaces = 512, kWalkLen = 24, kWalkTurns = 8;
    std::array<double, kInts> ints;                                         // log10(x)
    std::array<double, kSpaces> date_space[2];                              // log_date()'s, without / with separators
    std::array<std::array<double, kWalkTurns + 1>, kWalkLen + 1> walks[3];  // per graph of data::graphs()
    std::array<std::array<double, kWalkLen + 1>, kWalkLen + 1> shifted;     // [len][shifted keys]
    LogTables();
    static const LogTables &get() {
        static const LogTables t;
        return t;
    }
};

inline double log10_int(std::size_t x) { return x < LogTables::kInts ? LogTables::get().ints[x] : std::log10(double(x)); }

// A year alone: the years between it and the reference year (at least kMinYearSpace).
inline double log_year(int year, int ref) { return log10_int(std::size_t(std::max(std::abs(year - ref), kMinYearSpace))); }

// A date: its year's space times the days of a year, times the separators when it has some.
double log_date_slow(int space, bool sep);
inline double log_date(int year, bool sep, int ref) {
    const int space = std::max(std::abs(year - ref), kMinYearSpace);
    if (std::size_t(space) < LogTables::kSpaces) return LogTables::get().date_space[sep ? 1 : 0][std::size_t(space)];
    return log_date_slow(space, sep);
}

// A keyboard walk of len keys on data::graphs()[graph] with `turns` changes of direction and
// `shifted` shifted keys: the walks of that length and fewer turns from any key, times the ways
// to shift that many keys.
double log_keyboard_walk(std::size_t graph, std::size_t len, unsigned turns, unsigned shifted);

// A sequence of len code points starting with first, descending or not.
double log_sequence(char32_t first, std::size_t len, bool descending);

// Case variations of a word with `up` uppercase and `low` lowercase letters: none when all lower;
// 2 when all upper, or only the first or last letter is; else the ways to choose which letters
// are upper (zxcvbn's uppercase_variations).
double log_case_variations(unsigned up, unsigned low, bool first_up, bool last_up);

// l33t variations for one substituted character: `subbed` occurrences substituted and `unsubbed`
// of its letter left as they are.
double log_leet_variations(unsigned subbed, unsigned unsubbed);

}  // namespace sesame::password::meter
