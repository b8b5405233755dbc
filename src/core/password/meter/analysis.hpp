// What one estimate builds and its parts share: the password's code points, their folded text
// (fold.cpp), and the patterns the matchers find in it (matchers.hpp), which the decomposition
// (decompose.hpp) then combines.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory_resource>
#include <string>
#include <vector>

#include "core/password/meter.hpp"
#include "core/password/meter/scoring.hpp"

namespace sesame::password::meter {

// A set of code point positions (bit c: position c).
using Bits = std::array<std::uint64_t, (kMaxMeterCodePoints + 63) / 64>;

inline constexpr std::uint32_t kNoMatch = 0xFFFFFFFFu;

// A pattern found over code points [i, j].
struct Match {
    std::uint16_t i, j;    // code point range, inclusive
    std::uint32_t fb;      // the feedback bit of its kind
    double lg;             // log10(guesses)
    std::uint32_t next;    // the next match with the same end, kNoMatch
    std::uint8_t counted;  // 1 when it counts as a pattern, 0 for a decoration or a context word
    std::uint8_t lowered;  // decompose(): bit l set when it lowered state l of its end row (see there)
};

// The password as the dictionary and context matchers see it: each code point folded (lowercase,
// marks removed, œ -> oe...), with the maps between code points and folded bytes, the case
// counts the variations need, the decoration runs, and a copy with l33t characters read as
// their letters.
class Folded {
public:
    explicit Folded(std::pmr::memory_resource *arena) : text(arena), leet(arena), cp_at_(arena) {}
    ~Folded();  // wipes the folded bytes
    Folded(const Folded &) = delete;
    Folded &operator=(const Folded &) = delete;

    void build(const char32_t *cps, std::size_t n);

    std::pmr::string text;  // the folded bytes, followed by the string's NUL (the word walk reads it)
    std::pmr::string leet;  // text with l33t characters replaced by their letters: set only when has_leet
    bool has_leet = false;  // some l33t character stands inside the word (see build())
    std::size_t P = 0, S = 0;  // [0, P) and [S, n): decoration runs
    // Per code point c in [0, n]: written by build() before any read (not zeroed: an estimate
    // constructs them every call).
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> byte_at;      // c's first folded byte; [n]: text.size()
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> leet_count;   // l33t characters in [0, c) (when has_leet)
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> upper_count;  // uppercase letters in [0, c)
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> lower_count;  // lowercase letters in [0, c)

    // The code point that starts at folded byte b, -1 when b is inside one; b <= text.size().
    std::int16_t cp_at(std::size_t b) const { return one_byte_ ? static_cast<std::int16_t>(b) : cp_at_[b]; }

    // Case variations of cps[i..j] (log10), from the counts.
    double log_upper(std::size_t i, std::size_t j) const {
        const unsigned up = upper_count[j + 1] - upper_count[i];
        if (up == 0) return 0;  // most words are typed in lowercase
        return log_case_variations(up, lower_count[j + 1] - lower_count[i], upper_count[i + 1] != upper_count[i],
                                   upper_count[j + 1] != upper_count[j]);
    }

    // l33t variations of cps[i..j] (log10): per substituted character, its substituted and
    // unsubstituted occurrences.
    double log_leet(const char32_t *cps, std::size_t i, std::size_t j) const;

private:
    void fold_bytes(const char32_t *cps, std::size_t n, std::size_t &first_letter, std::size_t &last_letter);
    char *grow(std::size_t at, std::size_t need, std::size_t left);
    Bits leet_at_{};         // cps[c] has a l33t letter (inside the word, once build() is done)
    bool one_byte_ = true;   // every code point folds to one byte
    std::pmr::vector<std::int16_t> cp_at_;  // folded byte -> its code point, -1 inside one (unless one_byte_)
};

// The l33t letter a character stands for (4 -> a, @ -> a, 0 -> o, $ -> s...), 0 when none:
// zxcvbn's table, one letter per character, with 1 -> i, 7 -> t, | -> l.
char leet_letter(char32_t c);

// The patterns found, listed per end position for the decomposition.
class Matches {
public:
    explicit Matches(std::pmr::memory_resource *arena) : list(arena) {}

    // Call once the password is folded: its length and decoration runs.
    void start(std::size_t n, std::size_t P, std::size_t S) {
        n_ = n;
        P_ = P;
        S_ = S;
        for (std::size_t k = 0; k < n; ++k) by_end[k].first = kNoMatch;
        list.reserve(64);
    }

    // A pattern over [i, j] costing 10^lg guesses, of the kind fb. Inlined at each caller (a call
    // per match costs more than its checks).
    [[gnu::always_inline]] void add(std::size_t i, std::size_t j, double lg, std::uint32_t fb) {
        const bool whole = i == 0 && j + 1 == n_;
        if (!whole) lg = std::max(lg, i == j ? kLogMinSubmatchSingle : kLogMinSubmatchMulti);
        // A pattern that costs more than bruteforcing its span is never on the best path: the
        // bruteforce segment over the same span counts the same way (pattern, or decoration) for
        // less, and merging it with a bruteforce neighbour only lowers the count. Dropping it
        // spares the decomposition (most short dictionary words of the big lists are such).
        // Context words are kept: they never count, their bruteforce span would.
        if (fb != kFbContext && lg > double(j - i + 1) * kLogBruteforcePerCodePoint) return;
        const bool decoration = j < P_ || i >= S_ || fb == kFbContext;
        const auto k = static_cast<std::uint32_t>(list.size());
        list.push_back({static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j), fb, lg, kNoMatch,
                        decoration ? std::uint8_t(0) : std::uint8_t(1), 0});
        Ends &e = by_end[j];
        if (e.first == kNoMatch) e.first = k;
        else list[e.last].next = k;
        e.last = k;
    }

    std::pmr::vector<Match> list;
    struct Ends {  // the matches ending at a code point, a list through Match::next
        std::uint32_t first, last;
    };
    std::array<Ends, kMaxMeterCodePoints> by_end;  // [0, n) set by start()

private:
    std::size_t n_ = 0, P_ = 0, S_ = 0;
};

// One estimate's state. Per-call scratch (folded bytes, their code point map, the matches) comes
// from a buffer inside it: a typical password needs under 2 KB, so no heap allocation; long ones
// spill to the heap.
struct Analysis {
    Analysis(const char32_t *cps_, std::size_t n_, const Context *ctx_, const MeterOptions &opts_, int depth_)
        : cps(cps_), n(n_), ctx(ctx_), opts(opts_), depth(depth_) {}
    Analysis(const Analysis &) = delete;
    Analysis &operator=(const Analysis &) = delete;

    const char32_t *cps;
    std::size_t n;
    const Context *ctx;
    const MeterOptions &opts;
    int depth;  // 0, or 1 inside a repeat's unit (which looks for no repeats)

    std::array<std::byte, 4096> scratch;  // declared before the containers that use it
    std::pmr::monotonic_buffer_resource arena{scratch.data(), scratch.size()};
    Folded folded{&arena};
    Matches matches{&arena};
};

// log10 of the guesses for cps[0, n) with the feedback bits of the best decomposition: the
// whole pipeline (estimate.cpp); depth 1 for a repeat's unit.
struct Guesses {
    double log10 = 0;
    std::uint32_t feedback = 0;
};
Guesses analyse(const char32_t *cps, std::size_t n, const Context *ctx, const MeterOptions &opts, int depth);

}  // namespace sesame::password::meter
