// Dictionary words and their l33t forms. A word costs its rank in its list (a list is tried in
// order of frequency), times its case variations, times its l33t variations. The words are
// those of the embedded lists (wordlists.hpp), folded like the password.
#include "core/password/meter/feedback.hpp"
#include "core/password/meter/matchers.hpp"
#include "core/password/wordlists.hpp"

// The word index's walk counts bits at every step (Words::prefixes): where the CPU has POPCNT
// (nearly every x86-64 since 2008; baseline x86-64 does not promise it) a clone uses it, picked
// once at load time through a glibc ifunc. Same results either way: the counts are exact
// integers. Not under ThreadSanitizer, whose runtime is not up yet when ifunc resolvers run.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__) && !defined(__SANITIZE_THREAD__)
#define SESAME_POPCNT_CLONES __attribute__((target_clones("default", "popcnt")))
#else
#define SESAME_POPCNT_CLONES
#endif

namespace sesame::password::meter {

namespace {

// A word found by a walk from code point c: its length in bytes.
struct Found {
    std::uint8_t c, len;  // c < kMaxMeterCodePoints
    data::Dict dict;
    float lg_rank;
};
static_assert(kMaxMeterCodePoints <= 256 && data::Words::kMaxWordBytes < 256);

class DictionaryMatcher {
public:
    explicit DictionaryMatcher(Analysis &a) : a_(a), f_(a.folded) {}

    // The plain walks, or (leet) the walks over the l33t letters: two instances, so the plain
    // pass (every password) carries no l33t test.
    template <bool leet>
    SESAME_POPCNT_CLONES void walks(const std::pmr::string &s) {
        const data::Words &words = data::Words::get();
        const std::size_t n = a_.n;
        // The walks first, then their words into matches in one loop: no loop per start over its
        // few words (a branch that mispredicts at every start).
        std::array<Found, 256> found;
        std::size_t nfound = 0, done = 0;  // [done, nfound): not matches yet
        // Walks from consecutive starts over the same bytes give the same words (aaaa...): reuse.
        std::size_t last_start = std::string::npos, last_w = 0, last_begin = 0, last_end = 0;
        std::size_t next_sub = s.size();  // byte offset of the first substituted character at or after c
        for (std::size_t c = n; leet && c-- > 0;) {
            if (f_.leet_count[c + 1] != f_.leet_count[c]) next_sub = f_.byte_at[c];
            next_sub_[c] = static_cast<std::uint16_t>(std::min<std::size_t>(next_sub, 0xFFFF));
        }
        for (std::size_t c = 0; c < n; ++c) {
            const std::size_t start = f_.byte_at[c];
            // The l33t walk equals the plain one until it reaches a substituted character: skip it
            // when the plain walk from here stopped before that.
            if (leet && std::size_t(reach_[c]) <= next_sub_[c]) continue;
            if (found.size() - nfound < data::Words::kMaxWordBytes + 1) {  // room for one more walk
                words_to_matches<leet>(found.data(), done, nfound);
                std::copy(found.begin() + std::ptrdiff_t(last_begin), found.begin() + std::ptrdiff_t(last_end), found.begin());
                nfound = done = last_end - last_begin;
                last_begin = 0;
                last_end = nfound;
            }
            const bool same = last_start != std::string::npos && last_w > 0 && start + last_w <= s.size() &&
                              s[start] == s[last_start] && s.compare(start, last_w, s, last_start, last_w) == 0;
            const std::size_t begin = nfound;
            const auto c8 = static_cast<std::uint8_t>(c);
            if (same) {
                for (std::size_t k = last_begin; k < last_end; ++k) found[nfound++] = {c8, found[k].len, found[k].dict, found[k].lg_rank};
            } else {
                last_w = words.prefixes(std::string_view(s).substr(start), [&](std::size_t len, data::Words::Hit h) {
                    found[nfound++] = {c8, static_cast<std::uint8_t>(len), h.dict, h.lg_rank};
                });
                last_start = start;
            }
            last_begin = begin;
            last_end = nfound;
            if (!leet) reach_[c] = static_cast<std::uint16_t>(std::min<std::size_t>(start + last_w, 0xFFFF));
        }
        words_to_matches<leet>(found.data(), done, nfound);
    }

private:
    template <bool leet>
    void words_to_matches(const Found *found, std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) {
            const Found &w = found[k];
            const std::size_t c = w.c;
            const std::int16_t ce = f_.cp_at(f_.byte_at[c] + w.len);
            if (ce <= static_cast<std::int16_t>(c)) continue;  // ends inside a code point
            const std::size_t j = static_cast<std::size_t>(ce) - 1;
            // A one-character word costs at least 10 guesses, as bruteforce does: never better.
            if (j == c && a_.n > 1) continue;
            if (leet && f_.leet_count[j + 1] == f_.leet_count[c]) continue;  // found without l33t
            const double lg_rank = w.lg_rank;
            if (lg_rank > double(j - c + 1)) continue;  // dropped by Matches::add anyway, see there
            double lg = lg_rank + f_.log_upper(c, j);
            if (leet) lg += f_.log_leet(a_.cps, c, j);
            a_.matches.add(c, j, lg, dictionary_feedback(w.dict));
        }
    }

    Analysis &a_;
    const Folded &f_;
    // Per code point, [0, n): written by the plain pass before the l33t pass reads them.
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> reach_;     // plain walk: end of the decided bytes
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> next_sub_;  // next substituted character's byte
};

}  // namespace

void match_dictionary(Analysis &a) {
    DictionaryMatcher m(a);
    m.walks<false>(a.folded.text);
    if (a.folded.has_leet) m.walks<true>(a.folded.leet);
}

}  // namespace sesame::password::meter
