// The cheapest decomposition (zxcvbn's most_guessable_match_sequence): the password is cut into
// parts, each a pattern found by a matcher or a bruteforce segment (10 guesses per code point),
// no two bruteforce segments in a row (they would be one). With l counted patterns (decorations
// and context words do not count, scoring.hpp), a decomposition costs
//
//     l! * (product of its parts' guesses) + 10000^(l - 1)
//
// and the estimate is the least cost over all decompositions and l.
//
// Dynamic programming over prefixes, in log10: row k holds, per number l of counted patterns
// (the states), the least log10 product over decompositions of the first k code points (v), and
// the same when the last part is a pattern (open: a bruteforce segment may follow only those).
//
// The best path is recorded as the rows are computed, as bits: which part lowered each state.
// A state's value is the first least candidate, in this order: the patterns ending there (in the
// order the matchers added them), then a counted bruteforce segment (the earliest start), then
// one inside a decoration run (the earliest start). A candidate replaces the value only when
// strictly less, so the part that set a state is the last one whose bit is set: the patterns'
// `lowered` bits, per row the bruteforce starts that lowered the running minimum (run) and the
// states a bruteforce segment won (brute), and inside decoration runs the segment's start. Reading
// the path back follows these bits from the last row; no value is computed again.
#include "core/password/meter/decompose.hpp"

#include <array>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Where the CPU has AVX2 a clone with three-operand (VEX) instructions does the same work with
// fewer register copies (about 3 % of an estimate's instructions; about the same time, measured
// in turns), picked once at load time through a glibc ifunc, as match_dictionary's POPCNT clone.
// Same results: the same IEEE operations, no FMA (not part of the "avx2" target).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__) && !defined(__SANITIZE_THREAD__)
#define SESAME_DECOMPOSE_CLONES __attribute__((target_clones("default", "avx2")))
#else
#define SESAME_DECOMPOSE_CLONES
#endif

namespace sesame::password::meter {

namespace {

constexpr std::size_t kStates = kMaxCountedPatterns + 1;  // l = 0..kMaxCountedPatterns
static_assert(kLogBruteforcePerCodePoint == 1, "bruteforce segments are costed as their length in code points");

// One double per state, in pairs: SSE2 on x86-64, NEON on arm64, through GCC's and clang's vector
// extension (the last lane is unused when the states are odd).
struct Lanes {
    using Pair = double __attribute__((vector_size(16)));
    static constexpr std::size_t kPairs = (kStates + 1) / 2;
    static_assert(2 * kPairs <= 8, "a state set is a byte of bits");
    Pair p[kPairs];

    static Lanes all(double x) {
        Lanes r;
        for (Pair &q : r.p) q = Pair{x, x};
        return r;
    }
    static Lanes load(const double *d) {
        Lanes r;
        for (std::size_t k = 0; k < kPairs; ++k) std::memcpy(&r.p[k], d + 2 * k, sizeof(Pair));
        return r;
    }
    double operator[](std::size_t l) const { return p[l / 2][l % 2]; }
    Lanes plus(double x) const {
        Lanes r;
        for (std::size_t k = 0; k < kPairs; ++k) r.p[k] = p[k] + x;
        return r;
    }
    // Lane l is lane l - 1 of this, lane 0 infinite: one more counted pattern (the last lane's
    // value, a pattern too many, is dropped).
    Lanes shifted() const {
        Lanes r;
        r.p[0] = __builtin_shufflevector(Pair{kInf, kInf}, p[0], 1, 2);
        for (std::size_t k = 1; k < kPairs; ++k) r.p[k] = __builtin_shufflevector(p[k - 1], p[k], 1, 2);
        return r;
    }
};

// Bit l set where a's lane l is less than b's.
[[gnu::always_inline]] inline unsigned less_bits(const Lanes::Pair &a, const Lanes::Pair &b) {
#if defined(__SSE2__)
    return unsigned(_mm_movemask_pd(_mm_cmplt_pd(a, b)));
#else
    return unsigned(a[0] < b[0]) | unsigned(a[1] < b[1]) << 1;
#endif
}
[[gnu::always_inline]] inline unsigned less_bits(const Lanes &a, const Lanes &b) {
#if defined(__SSE2__)
    if constexpr (Lanes::kPairs == 3) {
        // Two pairs' masks packed into one register (a 64-bit mask is two equal 32-bit halves):
        // one movemask for four states.
        const __m128i m01 = _mm_packs_epi32(_mm_castpd_si128(_mm_cmplt_pd(a.p[0], b.p[0])),
                                            _mm_castpd_si128(_mm_cmplt_pd(a.p[1], b.p[1])));
        return unsigned(_mm_movemask_ps(_mm_castsi128_ps(m01))) | less_bits(a.p[2], b.p[2]) << 4;
    }
#endif
    unsigned bits = 0;
    for (std::size_t k = 0; k < Lanes::kPairs; ++k) bits |= less_bits(a.p[k], b.p[k]) << (2 * k);
    return bits;
}
// Lane-wise a < b ? a : b (one instruction on SSE2).
[[gnu::always_inline]] inline Lanes::Pair min_pair(const Lanes::Pair &a, const Lanes::Pair &b) {
#if defined(__SSE2__)
    return _mm_min_pd(a, b);
#else
    return a < b ? a : b;
#endif
}
// cur = min(cur, o) lane-wise, keeping cur on ties; the lanes o lowered.
[[gnu::always_inline]] inline unsigned lower(Lanes &cur, const Lanes &o) {
    const unsigned bits = less_bits(o, cur);
    for (std::size_t k = 0; k < Lanes::kPairs; ++k) cur.p[k] = min_pair(o.p[k], cur.p[k]);
    return bits;
}

// Byte l all ones where bit l is set: a state set as a byte mask.
constexpr std::array<std::uint64_t, 256> kBitBytes = [] {
    std::array<std::uint64_t, 256> t{};
    for (unsigned b = 0; b < 256; ++b)
        for (unsigned l = 0; l < 8; ++l)
            if (b >> l & 1) t[b] |= std::uint64_t(0xFF) << (8 * l);
    return t;
}();

struct Row {  // trivial on purpose: rows [0, n] are written before they are read
    // v[0] is infinite and v[1 + l] is state l: read from v + 1 the states, from v the states
    // one counted pattern down (what a counted pattern ending here extends), with no shuffle.
    alignas(16) double v[1 + 2 * Lanes::kPairs];
    Lanes open;          // written and read only when live
    bool live;           // a pattern may end just before (open may be finite): else no segment starts here
    std::uint8_t run;    // states whose running bruteforce minimum this row lowered (a segment from here)
    std::uint8_t brute;  // states a bruteforce segment set (else a pattern did)
    std::uint8_t deco;   // states a bruteforce segment inside a decoration run set, from byte l of deco_from
    std::uint64_t deco_from;

    double state(std::size_t l) const { return v[1 + l]; }
    void set(const Lanes &x) {
        v[0] = kInf;
        for (std::size_t k = 0; k < Lanes::kPairs; ++k) std::memcpy(v + 1 + 2 * k, &x.p[k], sizeof(Lanes::Pair));
    }
};

}  // namespace

SESAME_DECOMPOSE_CLONES Decomposition decompose(Matches &matches, std::size_t n, std::size_t P, std::size_t S) {
    std::array<Row, kMaxMeterCodePoints + 1> rows;
    static_assert(kMaxMeterCodePoints < 256, "deco_from holds a code point position");
    // Bruteforce segments [i..k] inside a decoration run start at or after this (none: k + 1).
    auto decoration_start = [&](std::size_t k) { return k < P ? 0 : (k >= S ? S : k + 1); };
    Match *list = matches.list.data();
    Lanes start = Lanes::all(kInf);
    start.p[0][0] = 0;
    rows[0].set(start);
    rows[0].open = start;
    rows[0].live = true;
    // Counted bruteforce from i to k (i < S): the least open[i] - i, + k + 1.
    Lanes runmin = Lanes::all(kInf);
    // rows[k].open, carried in registers: each row depends on the one before (through runmin),
    // and a store-to-load round trip per row would lengthen that chain.
    Lanes open = start;
    for (std::size_t k = 0; k < n; ++k) {
        Row &to = rows[k + 1];
        // A segment can start only after a pattern: rows whose open is all infinite lower nothing.
        rows[k].run = k < S && rows[k].live ? static_cast<std::uint8_t>(lower(runmin, open.plus(-double(k)))) : 0;
        Lanes bv = k >= P ? runmin.plus(double(k + 1)).shifted() : Lanes::all(kInf);
        // Inside a decoration run, bruteforce segments do not count either.
        unsigned deco = 0;
        if (k < P || k >= S) {
            std::uint64_t from = 0;
            for (std::size_t i = decoration_start(k); i <= k; ++i) {
                if (!rows[i].live) continue;
                const unsigned lowered = lower(bv, rows[i].open.plus(double(k - i + 1)));
                deco |= lowered;
                const std::uint64_t bytes = kBitBytes[lowered];
                from = (from & ~bytes) | (std::uint64_t(i) * 0x0101010101010101u & bytes);
            }
            to.deco_from = from;
        }
        to.deco = static_cast<std::uint8_t>(deco);
        if (matches.by_end[k].first == kNoMatch) {
            // No pattern ends here: bruteforce only, and the next rows do not wait for this one's
            // comparisons (open is a constant).
            to.set(bv);
            to.brute = 0xFF;
            open = Lanes::all(kInf);
            to.live = false;  // to.open is all infinite: never read
            continue;
        }
        // Patterns ending at k: a counted one extends the state one below (read one lane
        // earlier), others the same state; no branch on which.
        auto candidate = [&](const Match &m) { return Lanes::load(rows[m.i].v + 1 - m.counted).plus(m.lg); };
        const std::uint32_t first = matches.by_end[k].first;
        Lanes mv;
        if (list[first].next == kNoMatch) {  // one pattern (the most common case): it sets every state it reaches
            mv = candidate(list[first]);
            list[first].lowered = 0xFF;
        } else {
            mv = Lanes::all(kInf);
            for (std::uint32_t mi = first; mi != kNoMatch; mi = list[mi].next)
                list[mi].lowered = static_cast<std::uint8_t>(lower(mv, candidate(list[mi])));
        }
        to.brute = static_cast<std::uint8_t>(less_bits(bv, mv));
        Lanes v;
        for (std::size_t q = 0; q < Lanes::kPairs; ++q) {
            v.p[q] = min_pair(bv.p[q], mv.p[q]);
            open.p[q] = mv.p[q] <= bv.p[q] ? mv.p[q] : kInf;  // ties: the pattern, found first
        }
        to.set(v);
        to.open = open;
        to.live = true;
    }
    // The least total over l.
    double best = rows[n].state(0);  // context words and decorations only: no pattern to combine
    std::size_t best_l = 0;
    for (std::size_t l = 1; l < kStates; ++l) {
        const double v = rows[n].state(l);
        if (v == kInf) continue;
        const double lf = kLogFactorial[l];
        // log_add(a, b) >= max(a, b): skip the pow/log10 when it cannot win.
        if (std::max(lf + v, kLogMinGuessesBefore * double(l - 1)) >= best) continue;
        const double total = log_add(lf + v, kLogMinGuessesBefore * double(l - 1));
        if (total < best) {
            best = total;
            best_l = l;
        }
    }
    if (best == kInf) best = double(n);  // unreachable: one bruteforce segment always exists
    // The best decomposition, read back from its last part.
    std::uint32_t fb = 0;
    std::size_t pos = n, l = best_l;
    while (pos > 0 && rows[pos].state(l) != kInf) {
        const std::size_t k = pos - 1;
        const unsigned bit = 1u << l;
        const Row &r = rows[pos];
        if ((r.brute & bit) == 0) {  // a pattern: the last one ending at k that lowered state l
            const Match *won = nullptr;
            for (std::uint32_t mi = matches.by_end[k].first; mi != kNoMatch; mi = list[mi].next)
                if (list[mi].lowered & bit) won = &list[mi];
            if (won == nullptr) break;  // unreachable: a finite state has a part
            fb |= won->fb;
            pos = won->i;
            l -= won->counted;
        } else if (r.deco & bit) {  // bruteforce inside a decoration run
            pos = std::size_t(r.deco_from >> (8 * l) & 0xFF);
        } else {  // counted bruteforce: the last start at or before k that lowered state l - 1
            std::size_t i = std::min(k, S - 1) + 1;
            while (i-- > 0 && (rows[i].run >> (l - 1) & 1) == 0) {
            }
            if (l == 0 || i > k) break;  // unreachable
            pos = i;
            l -= 1;
        }
    }
    return {best, fb};
}

}  // namespace sesame::password::meter
