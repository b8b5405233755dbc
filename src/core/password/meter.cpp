#include "core/password/meter.hpp"

#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory_resource>

#include "core/common/secret_bytes.hpp"
#include "core/password/wordlists.hpp"
#include "core/phone/phone.hpp"
#include "core/text/name_key.hpp"
#include "core/text/utf8.hpp"

// The word index's walk counts bits at every step (Words::prefixes): where the CPU has POPCNT
// (nearly every x86-64 since 2008; baseline x86-64 does not promise it) a clone uses it, picked
// once at load time through a glibc ifunc. Same results either way: the counts are exact
// integers. Not under ThreadSanitizer, whose runtime is not up yet when ifunc resolvers run.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__) && !defined(__SANITIZE_THREAD__)
#define SESAME_POPCNT_CLONES __attribute__((target_clones("default", "popcnt")))
#else
#define SESAME_POPCNT_CLONES
#endif

namespace sesame::password {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kMaxSeq = 4;           // patterns counted in a decomposition (more: >= 1e16 guesses, score 4 anyway)
constexpr double kLogMinGuessesBefore = 4;   // log10(10000): zxcvbn's MIN_GUESSES_BEFORE_GROWING_SEQUENCE
constexpr double kLogMinSubmatchSingle = 1;  // log10(10)
constexpr double kLogMinSubmatchMulti = 1.6989700043360187;  // log10(50)
constexpr std::size_t kMaxDecoration = 8;    // leading/trailing non-letter run that counts as decoration
constexpr int kMinYearSpace = 20;

constexpr std::uint32_t kNoMatch = 0xFFFFFFFFu;

struct Match {
    std::uint16_t i, j;  // code point range, inclusive
    std::uint32_t fb;    // feedback bit
    double lg;           // log10(guesses)
    std::uint32_t next;  // next match with the same end, kNoMatch
    std::uint8_t counted;  // 1 when it counts as a pattern, 0 for a decoration or a context word
};

// One double per number l = 0..kMaxSeq of counted patterns (the DP's states), in pairs: SSE2 on
// x86-64, NEON on arm64, through GCC's and clang's vector extension. The last lane is unused.
struct Lanes {
    using Pair = double __attribute__((vector_size(16)));
    static constexpr std::size_t kPairs = (kMaxSeq + 2) / 2;
    Pair p[kPairs];

    static Lanes all(double x) {
        Lanes r;
        for (Pair &q : r.p) q = Pair{x, x};
        return r;
    }
    double operator[](std::size_t l) const { return p[l / 2][l % 2]; }
    Lanes plus(double x) const {
        Lanes r;
        for (std::size_t k = 0; k < kPairs; ++k) r.p[k] = p[k] + x;
        return r;
    }
    void min_with(const Lanes &o) {
        for (std::size_t k = 0; k < kPairs; ++k) p[k] = o.p[k] < p[k] ? o.p[k] : p[k];
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

// A set of code point positions (bit c: position c).
using Bits = std::array<std::uint64_t, (kMaxMeterCodePoints + 63) / 64>;

// Wipes a string that held password-derived bytes.
struct WipeString {
    std::pmr::string &s;
    ~WipeString() { secure_wipe(s.data(), s.capacity()); }
};

double binom(unsigned n, unsigned k) {
    if (k > n) return 0;
    double c = 1;
    for (unsigned i = 1; i <= k; ++i) c = c * double(n - k + i) / double(i);
    return c;
}

double log_add(double a, double b) {  // log10(10^a + 10^b)
    const double hi = std::max(a, b), lo = std::min(a, b);
    if (lo == -kInf || hi - lo > 12) return hi;
    return hi + std::log10(1 + std::pow(10.0, lo - hi));
}

constexpr double kLogFactorial[] = {0, 0, 0.3010299956639812, 0.7781512503836436, 1.380211241711606,
                                    2.0791812460476247, 2.857332496431268, 3.7024305364455254};
static_assert(kMaxSeq < std::size(kLogFactorial));

char fold_ascii(char32_t c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

std::uint32_t dict_feedback(data::Dict d) {
    switch (d) {
        case data::Dict::passwords: return kFbCommonPassword;
        case data::Dict::firstnames:
        case data::Dict::lastnames: return kFbName;
        default: return kFbDictionaryWord;
    }
}

// l33t substitutions (one letter per character, as zxcvbn's table with 1 -> i, 7 -> t, | -> l),
// as a table: a switch here compiles to an indirect jump that mispredicts on every password.
constexpr std::array<char, 128> kLeet = [] {
    std::array<char, 128> t{};
    const char *const subs[][2] = {{"4@", "a"}, {"8", "b"}, {"({[<", "c"}, {"3", "e"}, {"69", "g"}, {"1!", "i"},
                                   {"|", "l"}, {"0", "o"}, {"$5", "s"}, {"+7", "t"}, {"%", "x"}, {"2", "z"}};
    for (const auto &s : subs)
        for (const char *c = s[0]; *c != 0; ++c) t[static_cast<unsigned char>(*c)] = s[1][0];
    return t;
}();
char leet_letter(char32_t c) { return c < 128 ? kLeet[c] : 0; }

struct Dmy {
    int day, month, year;
};

bool dm_of(int a, int b, int &d, int &m) {
    if (a >= 1 && a <= 31 && b >= 1 && b <= 12) { d = a; m = b; return true; }
    if (b >= 1 && b <= 31 && a >= 1 && a <= 12) { d = b; m = a; return true; }
    return false;
}

int two_to_four(int y) { return y > 99 ? y : (y > 50 ? y + 1900 : y + 2000); }

// zxcvbn's map_ints_to_dmy.
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

// fold_cp computed: ASCII, the letters zxcvbn-style folding maps by hand, then utf8proc.
void fold_cp_computed(char32_t cp, std::string &out) {
    if (cp < 0x80) {
        out.push_back(fold_ascii(cp));
        return;
    }
    switch (cp) {
        case 0x0153: case 0x0152: out += "oe"; return;
        case 0x00E6: case 0x00C6: out += "ae"; return;
        case 0x00DF: case 0x1E9E: out += "ss"; return;
        case 0x00F8: case 0x00D8: out += "o"; return;
        case 0x0142: case 0x0141: out += "l"; return;
        case 0x0111: case 0x0110: case 0x00F0: case 0x00D0: out += "d"; return;
        case 0x00FE: case 0x00DE: out += "th"; return;
        case 0x0131: out += "i"; return;
        default: break;
    }
    utf8proc_int32_t buf[32];
    int boundclass = 0;
    const utf8proc_ssize_t r = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(cp), buf, 32,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK),
        &boundclass);
    if (r <= 0 || r > 32) {
        text::append_utf8(out, cp);
        return;
    }
    for (utf8proc_ssize_t k = 0; k < r; ++k) {
        const char32_t c = static_cast<char32_t>(buf[k]);
        text::append_utf8(out, c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
}

// The folds of the blocks passwords use beyond ASCII, computed once: Latin-1, Latin Extended-A
// and -B (é, ç, œ...), General Punctuation and Currency Symbols (’, …, €). utf8proc's
// decomposition costs about 100 ns a call, a table read a few.
struct FoldTable {
    struct Entry {
        std::uint8_t len;  // 0: longer than bytes, computed on each call
        char bytes[7];
    };
    static constexpr char32_t kLatinEnd = 0x250, kPunctBegin = 0x2000, kPunctEnd = 0x2100;
    std::array<Entry, kLatinEnd> latin{};  // [0, 0x80) unused: ASCII folds inline
    std::array<Entry, kPunctEnd - kPunctBegin> punct{};
    FoldTable() {
        auto fill = [](Entry &e, char32_t cp) {
            std::string f;
            fold_cp_computed(cp, f);
            if (f.size() > sizeof e.bytes) return;
            e.len = static_cast<std::uint8_t>(f.size());
            std::copy(f.begin(), f.end(), e.bytes);
        };
        for (char32_t cp = 0x80; cp < kLatinEnd; ++cp) fill(latin[cp], cp);
        for (char32_t cp = kPunctBegin; cp < kPunctEnd; ++cp) fill(punct[cp - kPunctBegin], cp);
    }
    // The fold of a non-ASCII cp, or an empty view when the table does not hold it.
    std::string_view find(char32_t cp) const noexcept {
        const Entry *e = cp < kLatinEnd ? &latin[cp] : (cp >= kPunctBegin && cp < kPunctEnd ? &punct[cp - kPunctBegin] : nullptr);
        return e == nullptr ? std::string_view() : std::string_view(e->bytes, e->len);
    }
    static const FoldTable &get() {
        static const FoldTable t;
        return t;
    }
};

// zxcvbn's keyboard-walk count over len keys with turns changes of direction (log10).
double log_spatial_walks(const data::Graph &g, std::size_t len, unsigned turns) {
    static_assert(kMaxMeterCodePoints <= std::tuple_size_v<decltype(g.degree_pow)>);  // turns < len
    const double s = double(g.keys);
    double guesses = 0;
    for (std::size_t i = 2; i <= len && guesses < 1e40; ++i) {
        const unsigned possible = std::min<unsigned>(turns, unsigned(i - 1));
        for (unsigned t = 1; t <= possible; ++t) guesses += binom(unsigned(i - 1), t - 1) * s * g.degree_pow[t];
    }
    return std::log10(std::max(guesses, 1.0));
}

// zxcvbn's shifted-key variations of a walk (log10), shifted > 0.
double log_spatial_shifted(std::size_t len, unsigned shifted) {
    const unsigned unshifted = unsigned(len) - shifted;
    if (unshifted == 0) return std::log10(2.0);
    double v = 0;
    for (unsigned k = 1; k <= std::min(shifted, unshifted); ++k) v += binom(shifted + unshifted, k);
    return std::log10(std::max(v, 1.0));
}

// The logarithms the patterns take most often, computed once by the same calls: a read instead
// of a libm call (or a binomial sum) per pattern, with the same bits.
struct LogTables {
    static constexpr std::size_t kInts = 2048, kSpaces = 512, kWalkLen = 24, kWalkTurns = 8;
    std::array<double, kInts> ints;                // log10(x)
    std::array<double, kSpaces> date_space[2];     // log_date's log10(space * 365 * (sep ? 4 : 1))
    std::array<std::array<double, kWalkTurns + 1>, kWalkLen + 1> walks[3];  // per graph of graphs()
    std::array<std::array<double, kWalkLen + 1>, kWalkLen + 1> shifted;    // [len][shifted]
    LogTables() {
        for (std::size_t x = 0; x < kInts; ++x) ints[x] = std::log10(double(x));
        for (int sep = 0; sep < 2; ++sep)
            for (std::size_t sp = 0; sp < kSpaces; ++sp) date_space[sep][sp] = std::log10(double(sp) * 365.0 * (sep ? 4.0 : 1.0));
        const auto &gs = data::graphs();
        for (std::size_t g = 0; g < std::size(walks) && g < gs.size(); ++g)
            for (std::size_t len = 0; len <= kWalkLen; ++len)
                for (unsigned t = 0; t <= kWalkTurns; ++t) walks[g][len][t] = log_spatial_walks(gs[g], len, t);
        for (std::size_t len = 0; len <= kWalkLen; ++len)
            for (unsigned sh = 1; sh <= len; ++sh) shifted[len][sh] = log_spatial_shifted(len, sh);
    }
    static const LogTables &get() {
        static const LogTables t;
        return t;
    }
};

double log10_int(std::size_t x) { return x < LogTables::kInts ? LogTables::get().ints[x] : std::log10(double(x)); }

double log_date(int year, bool sep, int ref) {
    const int space = std::max(std::abs(year - ref), kMinYearSpace);
    if (std::size_t(space) < LogTables::kSpaces) return LogTables::get().date_space[sep ? 1 : 0][std::size_t(space)];
    return std::log10(double(space) * 365.0 * (sep ? 4.0 : 1.0));
}

// zxcvbn's keyboard-walk guesses (log10) on graphs()[gi]: walks, then shifted keys.
double log_spatial(std::size_t gi, std::size_t len, unsigned turns, unsigned shifted) {
    const LogTables &t = LogTables::get();
    const bool small = len <= LogTables::kWalkLen;
    double lg = small && turns <= LogTables::kWalkTurns && gi < std::size(t.walks) ? t.walks[gi][len][turns]
                                                                                   : log_spatial_walks(data::graphs()[gi], len, turns);
    if (shifted > 0) lg += small ? t.shifted[len][shifted] : log_spatial_shifted(len, shifted);
    return lg;
}

class Estimator {
public:
    Estimator(const char32_t *cps, std::size_t n, const Context *ctx, const MeterOptions &o, int depth)
        : cps_(cps), n_(n), ctx_(ctx), o_(o), depth_(depth) {}

    // log10 of the guesses; path_feedback() then tells which patterns the best path took.
    double run() {
        if (n_ == 0) return 0;
        fold();
        WipeString w1{f_}, w2{leet_};
        for (std::size_t k = 0; k < n_; ++k) by_end_[k].first = kNoMatch;
        matches_.reserve(64);
        dictionary<false>(f_);
        if (has_leet_) dictionary<true>(leet_);
        context();
        spatial();
        sequence();
        if (depth_ == 0) repeat();
        dates();
        return decompose();
    }

    // The feedback bits of the patterns on decompose()'s best path. Each step finds the part that
    // set a row's value: the first, in decompose()'s order, whose sum equals it (decompose() keeps
    // the first of equal sums), with the same operations, so the same bits.
    std::uint32_t path_feedback() const {
        const Row *rows = rows_.data();
        std::uint32_t fb = 0;
        std::size_t pos = n_, l = best_l_;
        while (pos > 0 && rows[pos].v[l] != kInf) {
            const std::size_t k = pos - 1;
            const double target = rows[pos].v[l];
            bool found = false;
            for (std::uint32_t mi = by_end_[k].first; mi != kNoMatch && !found; mi = matches_[mi].next) {
                const Match &m = matches_[mi];
                if (l < m.counted || rows[m.i].v[l - m.counted] + m.lg != target) continue;
                fb |= m.fb;
                pos = m.i;
                l -= m.counted;
                found = true;
            }
            if (found) continue;
            if (k >= P_ && l >= 1) {
                double runmin = kInf;
                std::size_t arg = 0;
                for (std::size_t i = 0; i <= k && i < S_; ++i) {
                    const double v = rows[i].open[l - 1] - double(i);
                    if (v < runmin) {
                        runmin = v;
                        arg = i;
                    }
                }
                if (runmin + double(k + 1) == target) {
                    pos = arg;
                    l -= 1;
                    continue;
                }
            }
            for (std::size_t i = decoration_start(k); i <= k && !found; ++i) {
                if (rows[i].open[l] + double(k - i + 1) != target) continue;
                pos = i;
                found = true;
            }
            if (!found) break;  // unreachable: some part set the row
        }
        return fb;
    }

private:
    // Inlined at each caller (a call per match costs more than its checks).
    [[gnu::always_inline]] void add(std::size_t i, std::size_t j, double lg, std::uint32_t fb) {
        const bool whole = i == 0 && j + 1 == n_;
        if (!whole) lg = std::max(lg, i == j ? kLogMinSubmatchSingle : kLogMinSubmatchMulti);
        // A pattern that costs more than bruteforcing its span is never on the best path: the
        // bruteforce segment over the same span counts the same way (pattern, or decoration) for
        // less, and merging it with a bruteforce neighbour only lowers the count. Dropping it
        // spares the DP (most short dictionary words of the big lists are such). Context words
        // are kept: they count as decorations, their bruteforce span would not.
        if (fb != kFbContext && lg > double(j - i + 1)) return;
        // Context words do not count as a pattern either: an attacker who targets this family
        // tries them with every decoration first.
        const bool decoration = j < P_ || i >= S_ || fb == kFbContext;
        const auto k = static_cast<std::uint32_t>(matches_.size());
        matches_.push_back({static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j), fb, lg, kNoMatch, decoration ? std::uint8_t(0) : std::uint8_t(1)});
        Ends &e = by_end_[j];
        if (e.first == kNoMatch) e.first = k;
        else matches_[e.last].next = k;
        e.last = k;
    }

    // The folded bytes (f_, and leet_ with l33t letters), their code point map (fb_, cp_at_),
    // uppercase and l33t counts, and the decoration runs.
    void fold() {
        const std::size_t n = n_;
        upper_count_[0] = lower_count_[0] = leet_count_[0] = 0;
        std::size_t first_letter = n, last_letter = 0;
        fold_bytes(first_letter, last_letter);
        // Decorations: a short run of non-letters at either end (Soleil2015!, 2015Soleil). Matches
        // inside them do not count in the l! and 10000^(l-1) terms of zxcvbn's formula: the
        // "word + year + symbol" template is the first thing cracking rules try.
        std::size_t P = 0, S = n;
        if (first_letter < n) {
            P = first_letter <= kMaxDecoration ? first_letter : 0;
            S = n - (last_letter + 1) <= kMaxDecoration ? last_letter + 1 : n;
        }
        P_ = P;
        S_ = S;
        // l33t stands for letters inside the word: not for the digits and symbols of a decoration
        // run (Soleil2015! is not "soleilzois"), except one lone character ("4pple").
        // fold_bytes() marked the l33t characters (ASCII: one byte each); leet_count_ and leet_
        // are needed (and built) only when one stands inside.
        const std::size_t lo = P == 1 ? 0 : P, hi = n - S == 1 ? n : S;  // [lo, hi): where l33t may stand
        for (std::size_t w = 0; w < leet_at_.size(); ++w) {
            const std::size_t from = std::clamp(lo, w * 64, w * 64 + 64) - w * 64, to = std::clamp(hi, w * 64, w * 64 + 64) - w * 64;
            const std::uint64_t inside = to - from == 64 ? ~std::uint64_t(0) : ((std::uint64_t(1) << (to - from)) - 1) << from;
            leet_at_[w] &= inside;
            has_leet_ |= leet_at_[w] != 0;
        }
        if (!has_leet_) return;
        std::uint16_t subs = 0;
        for (std::size_t c = 0; c < n; ++c) {
            subs = static_cast<std::uint16_t>(subs + (leet_at_[c / 64] >> (c % 64) & 1));
            leet_count_[c + 1] = subs;
        }
        leet_ = f_;
        for (std::size_t c = 0; c < n; ++c)
            if (leet_at_[c / 64] >> (c % 64) & 1) leet_[fb_[c]] = leet_letter(cps_[c]);
    }

    // The bytes, written through a pointer into f_, sized up front and grown when needed; the
    // span of the letters.
    void fold_bytes(std::size_t &first_letter, std::size_t &last_letter) {
        const FoldTable &folds = FoldTable::get();
        const char32_t *cps = cps_;
        const std::size_t n = n_;
        f_.resize(n * 2 + 16);
        char *out = f_.data();
        std::size_t at = 0;
        std::string one;  // one code point folded outside the table (short: in the string itself), wiped below
        bool used_one = false;
        std::uint16_t upper_count = 0, lower_count = 0;
        for (std::size_t c = 0; c < n; ++c) {
            fb_[c] = static_cast<std::uint16_t>(at);
            const char32_t cp = cps[c];
            bool upper = false, letter = false, lowercase = false;
            if (cp < 0x80) {
                const char lower = fold_ascii(cp);
                if (at == f_.size()) out = grow(at, 1, n - c);
                out[at++] = lower;
                leet_at_[c / 64] |= std::uint64_t(kLeet[cp] != 0) << (c % 64);
                upper = lower != static_cast<char>(cp);
                letter = lower >= 'a' && lower <= 'z';
                lowercase = letter && !upper;
            } else {
                std::string_view t = folds.find(cp);
                if (t.empty()) {
                    one.clear();
                    fold_cp_computed(cp, one);
                    used_one = true;
                    t = one;
                }
                if (at + t.size() > f_.size()) out = grow(at, t.size(), n - c);
                std::memcpy(out + at, t.data(), t.size());
                at += t.size();
                const std::uint32_t cls = unicode_classes(cp);
                upper = (cls & kUpper) != 0;
                letter = (cls & kLetter) != 0;
                lowercase = (cls & kLower) != 0;
            }
            upper_count = static_cast<std::uint16_t>(upper_count + (upper ? 1 : 0));
            upper_count_[c + 1] = upper_count;
            lower_count = static_cast<std::uint16_t>(lower_count + (lowercase ? 1 : 0));
            lower_count_[c + 1] = lower_count;
            first_letter = letter && first_letter == n ? c : first_letter;
            last_letter = letter ? c : last_letter;
        }
        f_.resize(at);
        if (used_one) secure_wipe(one.data(), one.capacity());
        fb_[n] = static_cast<std::uint16_t>(f_.size());
        one_byte_ = f_.size() == n;
        if (one_byte_) return;  // byte b is code point b: no map to build
        cp_at_.assign(f_.size() + 1, -1);
        for (std::size_t c = 0; c <= n; ++c) cp_at_[fb_[c]] = static_cast<std::int16_t>(c);
    }

    // The code point that starts at folded byte b, -1 when b is inside one; b <= f_.size().
    std::int16_t cp_at(std::size_t b) const { return one_byte_ ? static_cast<std::int16_t>(b) : cp_at_[b]; }

    // Room in f_ for `need` more bytes at `at`, and a few per code point still to fold; f_'s data.
    char *grow(std::size_t at, std::size_t need, std::size_t left) {
        f_.resize(at + need + 2 * left + 16);
        return f_.data();
    }

    // zxcvbn's uppercase variations over cps_[i..j] (log10), from the counts fold() kept.
    double log_upper(std::size_t i, std::size_t j) const {
        const unsigned up = upper_count_[j + 1] - upper_count_[i];
        if (up == 0) return 0;  // most words are typed in lowercase
        const unsigned low = lower_count_[j + 1] - lower_count_[i];
        if (low == 0) return std::log10(2.0);
        const bool first_up = upper_count_[i + 1] != upper_count_[i], last_up = upper_count_[j + 1] != upper_count_[j];
        if (up == 1 && (first_up || last_up)) return std::log10(2.0);
        double v = 0;
        for (unsigned k = 1; k <= std::min(up, low); ++k) v += binom(up + low, k);
        return std::log10(std::max(v, 1.0));
    }

    double log_leet_variations(std::size_t i, std::size_t j) const {
        // Per substituted character: S subbed, U unsubbed occurrences of its letter (zxcvbn).
        double v = 0;
        char32_t seen[16];
        std::size_t nseen = 0;
        for (std::size_t k = i; k <= j; ++k) {
            const char l = leet_letter(cps_[k]);
            if (l == 0 || fb_[k + 1] - fb_[k] != 1 || leet_[fb_[k]] == f_[fb_[k]]) continue;  // not substituted
            if (std::find(seen, seen + nseen, cps_[k]) != seen + nseen) continue;
            if (nseen < 16) seen[nseen++] = cps_[k];
            unsigned s = 0, u = 0;
            for (std::size_t q = i; q <= j; ++q) {
                if (cps_[q] == cps_[k]) ++s;
                else if (fb_[q + 1] - fb_[q] == 1 && f_[fb_[q]] == l) ++u;
            }
            if (u == 0) v += std::log10(2.0);
            else {
                double sum = 0;
                for (unsigned t = 1; t <= std::min(s, u); ++t) sum += binom(s + u, t);
                v += std::log10(std::max(sum, 1.0));
            }
        }
        return v;
    }

    // A word found by a walk from code point c: its length in bytes.
    struct Found {
        std::uint8_t c, len;  // c < kMaxMeterCodePoints
        data::Dict dict;
        float lg_rank;
    };
    static_assert(kMaxMeterCodePoints <= 256 && data::Words::kMaxWordBytes < 256);

    // The plain walks, or (leet) the walks over the l33t letters: two functions, so the plain
    // pass (every password) carries no l33t test.
    template <bool leet>
    SESAME_POPCNT_CLONES void dictionary(const std::pmr::string &s) {
        const data::Words &words = data::Words::get();
        // The walks first, then their words into matches in one loop: no loop per start over its
        // few words (a branch that mispredicts at every start).
        std::array<Found, 256> found;
        std::size_t nfound = 0, done = 0;  // [done, nfound): not matches yet
        // Walks from consecutive starts over the same bytes give the same words (aaaa...): reuse.
        std::size_t last_start = std::string::npos, last_w = 0, last_begin = 0, last_end = 0;
        std::size_t next_sub = s.size();  // byte offset of the first substituted character at or after c
        for (std::size_t c = n_; leet && c-- > 0;) {
            if (leet_count_[c + 1] != leet_count_[c]) next_sub = fb_[c];
            next_sub_[c] = static_cast<std::uint16_t>(std::min<std::size_t>(next_sub, 0xFFFF));
        }
        for (std::size_t c = 0; c < n_; ++c) {
            const std::size_t start = fb_[c];
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

    template <bool leet>
    void words_to_matches(const Found *found, std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) {
            const Found &f = found[k];
            const std::size_t c = f.c;
            const std::int16_t ce = cp_at(fb_[c] + f.len);
            if (ce <= static_cast<std::int16_t>(c)) continue;
            const std::size_t j = static_cast<std::size_t>(ce) - 1;
            // A one-character word costs at least 10 guesses, as bruteforce does: never better.
            if (j == c && n_ > 1) continue;
            if (leet && leet_count_[j + 1] == leet_count_[c]) continue;  // found without l33t
            const double lg_rank = f.lg_rank;
            if (lg_rank > double(j - c + 1)) continue;  // dropped by add() anyway, see there
            double lg = lg_rank + log_upper(c, j);
            if (leet) lg += log_leet_variations(c, j);
            add(c, j, lg, dict_feedback(f.dict));
        }
    }

    void context() {
        if (ctx_ == nullptr) return;
        const auto &words = ctx_->words();
        for (std::size_t r = 0; r < words.size(); ++r) {
            const std::string &w = words[r];
            for (const std::pmr::string *s : {&f_, &leet_}) {
                if (s == &leet_ && !has_leet_) break;
                std::size_t pos = 0;
                while ((pos = s->find(w, pos)) != std::string::npos) {
                    const std::int16_t a = cp_at(pos), b = cp_at(pos + w.size());
                    if (a >= 0 && b > a) {
                        double lg = std::log10(double(r + 1)) + log_upper(std::size_t(a), std::size_t(b) - 1);
                        if (s == &leet_) lg += log_leet_variations(std::size_t(a), std::size_t(b) - 1);
                        add(std::size_t(a), std::size_t(b) - 1, lg, kFbContext);
                    }
                    ++pos;
                }
            }
        }
    }

    void spatial() {
        if (n_ < 3) return;
        std::array<std::uint32_t, kMaxMeterCodePoints> moves;  // [k]: the moves from k - 1 to k, byte g for graph g
        // The moves first, for every graph at once, without branching on them.
        const unsigned walks = data::Moves::get().steps(cps_, n_, moves.data());
        if (walks == 0) return;
        const auto &graphs = data::graphs();
        for (std::size_t gi = 0; gi < graphs.size(); ++gi) {
            if ((walks >> gi & 1) == 0) continue;
            const data::Graph &g = graphs[gi];
            // Bit k: a move into key k on this graph. A walk is a run of two moves or more: the
            // runs are found with bit operations, not a branch per key.
            Bits moved{};
            for (std::size_t k = 1; k < n_; ++k) moved[k / 64] |= std::uint64_t(static_cast<std::uint8_t>(moves[k] >> (8 * gi)) != 0) << (k % 64);
            for (std::size_t a = first_bit(moved, 1, true); a < n_;) {
                const std::size_t b = std::min(first_bit(moved, a, false), n_);  // moves a..b-1: keys a-1..b-1
                if (b - a >= 2) {
                    int last_dir = -1, turns = 0;
                    // Is the first key shifted? (it appears as the second member of some slot)
                    unsigned shifted = !g.keypad && g.is_shifted(cps_[a - 1]) ? 1 : 0;
                    for (std::size_t k = a; k < b; ++k) {
                        const auto step = static_cast<std::uint8_t>(moves[k] >> (8 * gi));
                        if ((step & data::Graph::kShiftedStep) && !g.keypad) ++shifted;
                        const int dir = step & ~data::Graph::kShiftedStep;
                        turns += last_dir != dir;
                        last_dir = dir;
                    }
                    add(a - 1, b - 1, log_spatial(gi, b - a + 1, unsigned(turns), shifted), kFbKeyboardWalk);
                }
                a = first_bit(moved, b, true);
            }
        }
    }

    // The first position at or after from whose bit is `set`, the set's size in bits when none.
    static std::size_t first_bit(const Bits &bits, std::size_t from, bool set) {
        for (std::size_t w = from / 64; w < bits.size(); ++w) {
            std::uint64_t x = set ? bits[w] : ~bits[w];
            if (w == from / 64) x &= ~std::uint64_t(0) << (from % 64);
            if (x != 0) return w * 64 + static_cast<std::size_t>(std::countr_zero(x));
        }
        return bits.size() * 64;
    }

    void sequence() {
        if (n_ < 2) return;
        std::size_t i = 0;
        bool have = false;
        long last = 0;
        for (std::size_t k = 1; k < n_; ++k) {
            const long delta = long(cps_[k]) - long(cps_[k - 1]);
            if (!have) {
                last = delta;
                have = true;
            }
            if (delta != last) {
                seq_update(i, k - 1, last);
                i = k - 1;
                last = delta;
            }
        }
        seq_update(i, n_ - 1, last);
    }

    void seq_update(std::size_t i, std::size_t j, long delta) {
        const long ad = std::labs(delta);
        if (!(j - i > 1 || ad == 1) || ad == 0 || ad > 5) return;
        const char32_t first = cps_[i];
        double base = 26;
        if (first == 'a' || first == 'A' || first == 'z' || first == 'Z' || first == '0' || first == '1' || first == '9')
            base = 4;
        else if (is_digit(first))
            base = 10;
        if (delta < 0) base *= 2;
        add(i, j, log10_int(std::size_t(base) * (j - i + 1)), kFbSequence);
    }

    void repeat() {
        // Greedy scan as zxcvbn's /(.+)\1+/g: at each start i, the Z-function of the suffix gives
        // lcp(i, i + p) for every period p; the longest covered run wins (shortest period on ties)
        // and the scan resumes after it. Visited starts cost O(n) each: O(n^2) at worst.
        const std::size_t n = n_;
        std::array<std::uint8_t, kMaxMeterCodePoints + 1> z;  // z[k] is written before it is read
        // next[k]: the next position holding cps_[k], 0 when none (position 0 is nobody's next).
        std::array<std::uint8_t, kMaxMeterCodePoints> next;
        std::array<std::uint8_t, 128> seen{};  // per ASCII code point: its smallest position so far
        for (std::size_t k = n; k-- > 0;) {
            const char32_t c = cps_[k];
            if (c < 128) {
                next[k] = seen[c];
                seen[c] = static_cast<std::uint8_t>(k);
            } else {
                const char32_t *f = std::find(cps_ + k + 1, cps_ + n, c);
                next[k] = f == cps_ + n ? 0 : static_cast<std::uint8_t>(f - cps_);
            }
        }
        // A period p covers a repeat from i only if t[0..p) == t[p..2p), so t[p] == t[0] and, for
        // p > 1, t[p + 1] == t[1], with p <= m / 2: when no later occurrence of t[0] passes that,
        // the Z-function would find nothing.
        auto may_repeat = [&](std::size_t i) {
            if (cps_[i + 1] == cps_[i]) return true;
            for (std::size_t j = next[i]; j != 0 && j - i <= (n - i) / 2; j = next[j])
                if (j - i >= 2 && cps_[j + 1] == cps_[i + 1]) return true;
            return false;
        };
        std::size_t i = 0;
        while (i + 1 < n) {
            if (!may_repeat(i)) {
                ++i;
                continue;
            }
            const char32_t *t = cps_ + i;
            const std::size_t m = n - i;
            std::size_t l = 0, r = 0;
            std::size_t best_p = 0, best_cover = 0;
            // Periods past m / 2 cannot repeat (lcp(i, i + k) <= m - k < k): their Z-values are
            // never needed, not even by the Z-boxes of smaller periods.
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
            double base_lg = 1;  // one repeated character: bruteforce over 10 (zxcvbn's cardinality)
            if (best_p > 1) {
                Estimator base(cps_ + i, best_p, ctx_, o_, depth_ + 1);
                base_lg = base.run();
            }
            add(i, i + best_cover - 1, base_lg + log10_int(best_cover / best_p), kFbRepeat);
            i += best_cover;
        }
    }

    void dates() {
        const int ref = o_.reference_year;
        std::array<std::uint8_t, kMaxMeterCodePoints + 1> run;  // ASCII digit run length from c
        const char32_t *cps = cps_;  // a local: a byte store may alias the member
        run[n_] = 0;
        std::size_t digits = 0;
        std::uint8_t r = 0;
        for (std::size_t c = n_; c-- > 0;) {
            const bool d = is_digit(cps[c]);
            r = d ? static_cast<std::uint8_t>(r + 1) : 0;
            run[c] = r;
            digits += d;
        }
        // Every form below takes at least 4 digits (a year; d m yy with separators).
        if (digits < 4) return;
        auto num = [&](std::size_t a, std::size_t len) {
            int v = 0;
            for (std::size_t k = 0; k < len; ++k) v = v * 10 + int(cps_[a + k] - '0');
            return v;
        };
        static constexpr int kSplits[9][4][2] = {
            {}, {}, {}, {},
            {{1, 2}, {2, 3}, {0, 0}, {0, 0}},
            {{1, 3}, {2, 3}, {0, 0}, {0, 0}},
            {{1, 2}, {2, 4}, {4, 5}, {0, 0}},
            {{1, 3}, {2, 3}, {4, 5}, {4, 6}},
            {{2, 4}, {4, 6}, {0, 0}, {0, 0}},
        };
        for (std::size_t i = 0; i < n_; ++i) {
            // Years 1900-2099 on their own.
            if (run[i] >= 4) {
                const int y = num(i, 4);
                if (y >= 1900 && y <= 2099)
                    add(i, i + 3, log10_int(std::size_t(std::max(std::abs(y - ref), kMinYearSpace))), kFbDate);
            }
            // Dates without separator: 4 to 8 digits.
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
                if (found) add(i, i + len - 1, log_date(best_year, false, ref), kFbDate);
            }
            // With separators: d{1,4} sep d{1,2} sep d{1,4}, 6 to 10 code points.
            const std::size_t a = run[i];
            if (a >= 1 && a <= 4 && i + a < n_) {
                const char32_t sep = cps_[i + a];
                if (sep == ' ' || sep == '/' || sep == '\\' || sep == '_' || sep == '.' || sep == '-') {
                    const std::size_t b_at = i + a + 1;
                    const std::size_t b = b_at < n_ ? run[b_at] : 0;
                    if (b >= 1 && b <= 2 && b_at + b < n_ && cps_[b_at + b] == sep) {
                        const std::size_t c_at = b_at + b + 1;
                        const std::size_t cmax = c_at < n_ ? std::min<std::size_t>(run[c_at], 4) : 0;
                        for (std::size_t c = 1; c <= cmax; ++c) {
                            const std::size_t len = c_at + c - i;
                            if (len < 6 || len > 10) continue;
                            const int v[3] = {num(i, a), num(b_at, b), num(c_at, c)};
                            Dmy d{};
                            if (ints_to_dmy(v, d)) add(i, c_at + c - 1, log_date(d.year, true, ref), kFbDate);
                        }
                    }
                }
            }
        }
    }

    // The fewest guesses over decompositions of the password into patterns (matches_) and
    // bruteforce segments, zxcvbn's formula: per number l of counted patterns (decorations and
    // context words do not count), the product of the parts' guesses times l!, plus 10000^(l-1).
    // Row pos holds, per l, the least log10 product over decompositions of [0, pos): v, and open,
    // the same when the last part is a pattern, inf when it is a bruteforce segment (no bruteforce
    // segment may follow another: they would be one). Only minima, so no branch on the data; which
    // part won is found again by path_feedback(), for the one path it follows.
    double decompose() {
        const std::size_t n = n_;
        const std::size_t P = P_, S = S_;  // decoration runs (see fold())
        Row *rows = rows_.data();
        rows[0].v = Lanes::all(kInf);
        rows[0].v.p[0][0] = 0;
        rows[0].open = rows[0].v;
        Lanes runmin = Lanes::all(kInf);  // bruteforce from i to k, not a decoration: min of open[i] - i, + k + 1
        // rows[k].open, carried in registers: each row depends on the one before (through runmin),
        // and a store-to-load round trip per row would lengthen that chain.
        Lanes open = rows[0].open;
        for (std::size_t k = 0; k < n; ++k) {
            if (k < S) runmin.min_with(open.plus(-double(k)));
            Lanes bv = k >= P ? runmin.plus(double(k + 1)).shifted() : Lanes::all(kInf);
            // Inside a decoration run, bruteforce segments do not count either.
            for (std::size_t i = decoration_start(k); i <= k; ++i) bv.min_with(rows[i].open.plus(double(k - i + 1)));
            Row &to = rows[k + 1];
            if (by_end_[k].first == kNoMatch) {
                // No pattern ends here: bruteforce only, and the next rows do not wait for this
                // one's comparisons (open is a constant).
                to.v = bv;
                open = Lanes::all(kInf);
                to.open = open;
                continue;
            }
            // Patterns ending at k: not counted, counted (selects, not an index: no round trip
            // through memory from one match to the next).
            Lanes found0 = Lanes::all(kInf), found1 = Lanes::all(kInf);
            for (std::uint32_t mi = by_end_[k].first; mi != kNoMatch; mi = matches_[mi].next) {
                const Match &m = matches_[mi];
                const Lanes &from = rows[m.i].v;
                found0.min_with(from.plus(m.counted ? kInf : m.lg));
                found1.min_with(from.plus(m.counted ? m.lg : kInf));
            }
            Lanes mv = found1.shifted();
            mv.min_with(found0);
            for (std::size_t q = 0; q < Lanes::kPairs; ++q) {
                to.v.p[q] = bv.p[q] < mv.p[q] ? bv.p[q] : mv.p[q];
                open.p[q] = mv.p[q] <= bv.p[q] ? mv.p[q] : kInf;  // ties: the pattern, found first
            }
            to.open = open;
        }
        double best = rows[n].v[0];  // context words and decorations only: no pattern to combine
        best_l_ = 0;
        for (std::size_t l = 1; l < kSeqStates; ++l) {
            const double v = rows[n].v[l];
            if (v == kInf) continue;
            const double lf = kLogFactorial[l];
            // log_add(a, b) >= max(a, b): skip the pow/log10 when it cannot win.
            if (std::max(lf + v, kLogMinGuessesBefore * double(l - 1)) >= best) continue;
            const double total = log_add(lf + v, kLogMinGuessesBefore * double(l - 1));
            if (total < best) {
                best = total;
                best_l_ = l;
            }
        }
        if (best == kInf) best = double(n);  // unreachable: one bruteforce segment always exists
        return best;
    }

    // Bruteforce segments [i..k] inside a decoration run start at or after this (none: k + 1).
    std::size_t decoration_start(std::size_t k) const { return k < P_ ? 0 : (k >= S_ ? S_ : k + 1); }

    const char32_t *cps_;
    std::size_t n_;
    const Context *ctx_;
    const MeterOptions &o_;
    int depth_;
    // Per-call scratch (folded bytes, their code point map, the matches) comes from this buffer: a
    // typical password needs under 2 KB, so no heap allocation; long ones spill to the heap.
    // Declared before the containers that use it.
    std::array<std::byte, 4096> scratch_;
    std::pmr::monotonic_buffer_resource arena_{scratch_.data(), scratch_.size()};
    std::pmr::string f_{&arena_}, leet_{&arena_};  // leet_: set only when has_leet_
    bool has_leet_ = false;
    Bits leet_at_{};  // cps_[c] has a l33t letter (inside the word, once fold() is done)
    std::size_t P_ = 0, S_ = 0;  // [0, P_) and [S_, n_): decoration runs
    // Per code point, [0, n_]: written by fold() and dictionary() before any read (not zeroed:
    // an estimate constructs them every call).
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> fb_;
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> leet_count_;
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> upper_count_;  // uppercase letters in [0, c)
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> lower_count_;  // lowercase letters in [0, c)
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> reach_;     // plain walk: end of the decided bytes
    std::array<std::uint16_t, kMaxMeterCodePoints + 1> next_sub_;
    bool one_byte_ = true;                       // every code point folds to one byte
    std::pmr::vector<std::int16_t> cp_at_{&arena_};  // folded byte -> its code point, -1 inside one (unless one_byte_)
    static constexpr std::size_t kSeqStates = kMaxSeq + 1;  // l = 0..kMaxSeq counted patterns
    struct Row {  // trivial on purpose: rows [0, n_] are written before they are read
        Lanes v, open;
    };
    std::array<Row, kMaxMeterCodePoints + 1> rows_;
    std::size_t best_l_ = 0;  // counted patterns on the best path
    std::pmr::vector<Match> matches_{&arena_};
    struct Ends {  // the matches ending at a code point, a list through Match::next
        std::uint32_t first, last;
    };
    std::array<Ends, kMaxMeterCodePoints> by_end_;  // [0, n_) set by run()
};

}  // namespace

void fold_cp(char32_t cp, std::string &out) {
    if (cp >= 0x80) {
        const std::string_view f = FoldTable::get().find(cp);
        if (!f.empty()) {
            out += f;
            return;
        }
    }
    fold_cp_computed(cp, out);
}

int score_from_log10(double lg) noexcept {
    if (lg < 3) return 0;
    if (lg < 6) return 1;
    if (lg < 8) return 2;
    if (lg < 10) return 3;
    return 4;
}

Strength estimate(const char32_t *cps, std::size_t n, const Context *ctx, const MeterOptions &opts) {
    n = std::min(n, kMaxMeterCodePoints);
    Strength s;
    Estimator e(cps, n, ctx, opts, 0);
    s.guesses_log10 = e.run();
    s.score = score_from_log10(s.guesses_log10);
    s.feedback = s.score <= 2 ? e.path_feedback() : 0;
    return s;
}

const char *feedback_code(std::uint32_t bit) noexcept {
    switch (bit) {
        case kFbCommonPassword: return "common_password";
        case kFbDictionaryWord: return "dictionary_word";
        case kFbName: return "name";
        case kFbKeyboardWalk: return "keyboard_walk";
        case kFbSequence: return "sequence";
        case kFbRepeat: return "repeat";
        case kFbDate: return "date";
        case kFbContext: return "context";
        default: return "";
    }
}

const char *feedback_message(std::uint32_t bit, Lang lang) noexcept {
    const bool fr = lang == Lang::fr;
    switch (bit) {
        case kFbCommonPassword: return fr ? "C'est un mot de passe très courant." : "This is a very common password.";
        case kFbDictionaryWord:
            return fr ? "Un mot du dictionnaire est facile à deviner." : "A dictionary word is easy to guess.";
        case kFbName:
            return fr ? "Les prénoms et les noms de famille sont faciles à deviner." : "First names and surnames are easy to guess.";
        case kFbKeyboardWalk:
            return fr ? "Les suites de touches voisines (azerty, qwerty…) sont faciles à deviner."
                      : "Rows of neighbouring keys (azerty, qwerty…) are easy to guess.";
        case kFbSequence:
            return fr ? "Les suites comme abc ou 6543 sont faciles à deviner." : "Sequences like abc or 6543 are easy to guess.";
        case kFbRepeat:
            return fr ? "Les répétitions comme aaa ou abcabc sont faciles à deviner."
                      : "Repeats like aaa or abcabc are easy to guess.";
        case kFbDate: return fr ? "Les dates et les années sont faciles à deviner." : "Dates and years are easy to guess.";
        case kFbContext:
            return fr ? "Évitez vos noms, ceux de vos enfants, les dates de naissance, votre téléphone et votre identifiant."
                      : "Avoid your names, your children's names, birth dates, your phone number and your login.";
        default: return "";
    }
}

const char *score_label(int score, Lang lang) noexcept {
    static const char *const kFr[] = {"très faible", "faible", "moyen", "fort", "très fort"};
    static const char *const kEn[] = {"very weak", "weak", "fair", "strong", "very strong"};
    if (score < 0 || score > 4) return "";
    return lang == Lang::fr ? kFr[score] : kEn[score];
}

// ---- context ------------------------------------------------------------------------------------

void Context::add_word(std::string_view folded) {
    if (folded.empty() || folded.size() > kMaxContextWordBytes || words_.size() >= kMaxContextWords) return;
    if (folded.size() < 2) return;
    for (const auto &w : words_)
        if (w == folded) return;
    words_.emplace_back(folded);
}

void Context::add_name(std::string_view name) {
    const text::NameKey k = text::name_key(name);
    if (!k.valid) return;
    const auto tokens = k.tokens();
    for (const auto &t : tokens) add_word(t);
    if (tokens.size() > 1) add_word(k.compact());
}

namespace {
bool parse_iso_date(std::string_view s, int &y, int &m, int &d) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}
}  // namespace

bool Context::add_date(std::string_view iso) {
    int y = 0, m = 0, d = 0;
    if (!parse_iso_date(iso, y, m, d)) return false;
    const std::string yyyy(iso.substr(0, 4)), mm(iso.substr(5, 2)), dd(iso.substr(8, 2));
    add_word(yyyy);
    add_word(dd + mm);
    add_word(dd + mm + yyyy.substr(2));
    add_word(dd + mm + yyyy);
    add_word(yyyy + mm + dd);
    return true;
}

void Context::add_phone(std::string_view raw) {
    const phone::Parsed p = phone::normalize(raw);
    if (p.ok()) {
        std::string national;
        for (char c : phone::format_national(p.number))
            if (c >= '0' && c <= '9') national.push_back(c);
        add_word(national);
        add_word(p.number.nsn());
        return;
    }
    if (!text::is_valid_utf8(raw)) return;
    std::string digits;
    for (char c : raw)
        if (c >= '0' && c <= '9') digits.push_back(c);
    if (digits.size() >= 6) add_word(digits);
}

void Context::add_login(std::string_view login) {
    if (!text::is_valid_utf8(login) || login.size() > 256) return;
    std::string f;
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < login.size() && text::decode_one(login, i, cp)) fold_cp(cp, f);
    add_word(f);
    std::string run;
    for (char c : f + ' ') {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            run.push_back(c);
        } else {
            if (run.size() >= 3 && run != f) add_word(run);
            run.clear();
        }
    }
}

Result<Context> Context::from_json(std::string_view text) {
    using nlohmann::json;
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return Error(Code::parse, "context: not valid JSON");
    if (!j.is_object()) return Error(Code::invalid_argument, "context: a JSON object is expected");
    Context ctx;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string &k = it.key();
        const json &v = it.value();
        if (v.is_null()) continue;
        if (k == "login") {
            if (!v.is_string()) return Error(Code::invalid_argument, "context: login must be a string");
            ctx.add_login(v.get<std::string>());
            continue;
        }
        if (k != "names" && k != "dates" && k != "phones")
            return Error(Code::invalid_argument, "context: unknown field (known: names, dates, phones, login)");
        if (!v.is_array()) return Error(Code::invalid_argument, "context: " + k + " must be an array of strings");
        std::size_t idx = 0;
        for (const auto &e : v) {
            if (!e.is_string()) return Error(Code::invalid_argument, "context: " + k + " must be an array of strings");
            const std::string s = e.get<std::string>();
            if (k == "names") ctx.add_name(s);
            else if (k == "phones") ctx.add_phone(s);
            else if (!ctx.add_date(s))
                return Error(Code::invalid_argument, "context: dates[" + std::to_string(idx) + "] is not a valid YYYY-MM-DD date");
            ++idx;
        }
    }
    return ctx;
}

}  // namespace sesame::password
