// Sequences (abcd, 9753, aceg) and repeats (aaaa, abcabc, Ab1!Ab1!).
#include <algorithm>
#include <cstdlib>

#include "core/password/meter/matchers.hpp"

namespace sesame::password::meter {

void match_sequences(Analysis &a) {
    const std::size_t n = a.n;
    const char32_t *cps = a.cps;
    if (n < 2) return;
    // Cut the password into maximal runs of one step; each run that qualifies is a sequence.
    auto run = [&](std::size_t i, std::size_t j, long delta) {
        const long ad = std::labs(delta);
        if (!(j - i > 1 || ad == 1) || ad == 0 || ad > kMaxSequenceStep) return;
        a.matches.add(i, j, log_sequence(cps[i], j - i + 1, delta < 0), kFbSequence);
    };
    std::size_t i = 0;
    bool have = false;
    long last = 0;
    for (std::size_t k = 1; k < n; ++k) {
        const long delta = long(cps[k]) - long(cps[k - 1]);
        if (!have) {
            last = delta;
            have = true;
        }
        if (delta != last) {
            run(i, k - 1, last);
            i = k - 1;
            last = delta;
        }
    }
    run(i, n - 1, last);
}

// Greedy scan as zxcvbn's /(.+)\1+/g: at each start i, the Z-function of the suffix gives
// lcp(i, i + p) for every period p; the longest covered run wins (shortest period on ties) and
// the scan resumes after it. Visited starts cost O(n) each: O(n^2) at worst. A repeat costs its
// unit's guesses (its own estimate, or 10 for one character) times the repetitions.
void match_repeats(Analysis &a) {
    const std::size_t n = a.n;
    const char32_t *cps = a.cps;
    std::array<std::uint8_t, kMaxMeterCodePoints + 1> z;  // z[k] is written before it is read
    // next[k]: the next position holding cps[k], 0 when none (position 0 is nobody's next).
    std::array<std::uint8_t, kMaxMeterCodePoints> next;
    std::array<std::uint8_t, 128> seen{};  // per ASCII code point: its smallest position so far
    for (std::size_t k = n; k-- > 0;) {
        const char32_t c = cps[k];
        if (c < 128) {
            next[k] = seen[c];
            seen[c] = static_cast<std::uint8_t>(k);
        } else {
            const char32_t *f = std::find(cps + k + 1, cps + n, c);
            next[k] = f == cps + n ? 0 : static_cast<std::uint8_t>(f - cps);
        }
    }
    // A period p covers a repeat from i only if t[0..p) == t[p..2p), so t[p] == t[0] and, for
    // p > 1, t[p + 1] == t[1], with p <= m / 2: when no later occurrence of t[0] passes that, the
    // Z-function would find nothing.
    auto may_repeat = [&](std::size_t i) {
        if (cps[i + 1] == cps[i]) return true;
        for (std::size_t j = next[i]; j != 0 && j - i <= (n - i) / 2; j = next[j])
            if (j - i >= 2 && cps[j + 1] == cps[i + 1]) return true;
        return false;
    };
    std::size_t i = 0;
    while (i + 1 < n) {
        if (!may_repeat(i)) {
            ++i;
            continue;
        }
        const char32_t *t = cps + i;
        const std::size_t m = n - i;
        std::size_t l = 0, r = 0;
        std::size_t best_p = 0, best_cover = 0;
        // Periods past m / 2 cannot repeat (lcp(i, i + k) <= m - k < k): their Z-values are never
        // needed, not even by the Z-boxes of smaller periods.
        for (std::size_t k = 1; k <= m / 2; ++k) {
            std::size_t zk = k < r ? std::min(r - k, std::size_t(z[k - l])) : 0;
            while (k + zk < m && t[zk] == t[k + zk]) ++zk;
            z[k] = static_cast<std::uint8_t>(zk);
            if (k + zk > r) {
                l = k;
                r = k + zk;
            }
            if (zk >= k) {
                const std::size_t cover = (1 + zk / k) * k;
                if (cover > best_cover) {
                    best_cover = cover;
                    best_p = k;
                }
            }
        }
        if (best_p == 0) {
            ++i;
            continue;
        }
        const double unit = best_p > 1 ? analyse(cps + i, best_p, a.ctx, a.opts, a.depth + 1).log10 : kLogRepeatedCharacter;
        a.matches.add(i, i + best_cover - 1, unit + log10_int(best_cover / best_p), kFbRepeat);
        i += best_cover;
    }
}

}  // namespace sesame::password::meter
