// Strength meter (spec: docs/spec/password.md, "Strength meter"): zxcvbn's minimum-guess
// decomposition over dictionary (common passwords, French words, first and last names, with
// l33t substitutions), keyboard walks (QWERTY, AZERTY, keypad), sequences, repeats, dates and
// caller context, on NFC code points. Bounded cost: at most 128 code points, O(n^2) with small
// constants (a few tens of microseconds in the worst case).
//
// The parts, in src/core/password/meter/: fold.cpp (the password folded like the lists),
// match_*.cpp and context.cpp (one kind of pattern each), decompose.cpp (the cheapest
// decomposition and its path), scoring.hpp/.cpp (thresholds, tunables and each pattern's
// guesses), feedback.cpp (codes and sentences), estimate.cpp (the pipeline). Results are pinned
// by tests/data/password/meter_golden.tsv (ctest PasswordMeterGolden.*).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/status.hpp"
#include "core/password/policy.hpp"

namespace sesame::password {

// Feedback codes (bit values are part of the C ABI: sesame_password_feedback).
inline constexpr std::uint32_t kFbCommonPassword = 1u << 0;
inline constexpr std::uint32_t kFbDictionaryWord = 1u << 1;
inline constexpr std::uint32_t kFbName = 1u << 2;
inline constexpr std::uint32_t kFbKeyboardWalk = 1u << 3;
inline constexpr std::uint32_t kFbSequence = 1u << 4;
inline constexpr std::uint32_t kFbRepeat = 1u << 5;
inline constexpr std::uint32_t kFbDate = 1u << 6;
inline constexpr std::uint32_t kFbContext = 1u << 7;
inline constexpr std::uint32_t kFbAll = 0xFF;

const char *feedback_code(std::uint32_t bit) noexcept;               // "common_password"; "" if unknown
const char *feedback_message(std::uint32_t bit, Lang lang) noexcept;  // a sentence
const char *score_label(int score, Lang lang) noexcept;              // "très faible" ... "très fort"

inline constexpr std::size_t kMaxMeterCodePoints = kMaxLengthLimit;
inline constexpr std::size_t kMaxContextWords = 128;
inline constexpr std::size_t kMaxContextWordBytes = 64;
inline constexpr std::int32_t kDefaultReferenceYear = 2026;

// Words from the caller that must lower the score: folded like identity keys.
class Context {
public:
    // Names: the name key's tokens and its compact form (invalid names add nothing).
    void add_name(std::string_view name);
    // "YYYY-MM-DD": adds YYYY, DDMM, DDMMYY, DDMMYYYY, YYYYMMDD. False if not a valid date.
    bool add_date(std::string_view iso);
    // A raw phone: its national digits and its NSN (or its digits when it does not normalize).
    void add_phone(std::string_view raw);
    // The login identifier: folded, plus its letter/digit runs.
    void add_login(std::string_view login);
    // {"names": [...], "dates": ["YYYY-MM-DD"], "phones": [...], "login": "..."}; Code::parse for
    // bad JSON, Code::invalid_argument for a wrong shape or a bad date (details carry no values).
    static Result<Context> from_json(std::string_view json);

    const std::vector<std::string> &words() const noexcept { return words_; }
    bool empty() const noexcept { return words_.empty(); }
    void add_word(std::string_view folded);

private:
    std::vector<std::string> words_;
};

struct MeterOptions {
    std::int32_t reference_year = kDefaultReferenceYear;  // "now" for dates and years
};

struct Strength {
    int score = 0;              // 0..4
    double guesses_log10 = 0;   // estimated log10 of the number of guesses
    std::uint32_t feedback = 0; // kFb* bits, set when score <= 2
};

// The estimate for NFC code points (only the first 128 are considered).
Strength estimate(const char32_t *cps, std::size_t n, const Context *ctx, const MeterOptions &opts = {});

// Score from log10(guesses): < 3 -> 0, < 6 -> 1, < 8 -> 2, < 10 -> 3, else 4.
int score_from_log10(double lg) noexcept;

// Folds one code point like identity keys do for letters (lowercase, marks removed, oe/ae/ss...),
// appending UTF-8 to out. Exposed for tests.
void fold_cp(char32_t cp, std::string &out);

}  // namespace sesame::password
