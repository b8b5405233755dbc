// The password folded for the dictionary and context matchers: lists and context words are
// folded the same way (lowercase, marks removed, œ -> oe...), so that Éléphant, ELEPHANT and
// elephant are one word. Also the decoration runs and the l33t reading.
#include <algorithm>
#include <bit>
#include <cstring>
#include <string_view>

#include "core/common/secret_bytes.hpp"
#include "core/password/meter/analysis.hpp"
#include "core/text/fold.hpp"

namespace sesame::password::meter {

namespace {

constexpr char fold_ascii(char32_t c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

// l33t substitutions as a table: a switch here compiles to an indirect jump that mispredicts on
// every password.
constexpr std::array<char, 128> kLeet = [] {
    std::array<char, 128> t{};
    const char *const subs[][2] = {{"4@", "a"}, {"8", "b"}, {"({[<", "c"}, {"3", "e"}, {"69", "g"}, {"1!", "i"},
                                   {"|", "l"}, {"0", "o"}, {"$5", "s"}, {"+7", "t"}, {"%", "x"}, {"2", "z"}};
    for (const auto &s : subs)
        for (const char *c = s[0]; *c != 0; ++c) t[static_cast<unsigned char>(*c)] = s[1][0];
    return t;
}();

}  // namespace

char leet_letter(char32_t c) { return c < 128 ? kLeet[c] : 0; }

Folded::~Folded() {
    secure_wipe(text.data(), text.capacity());
    secure_wipe(leet.data(), leet.capacity());
}

void Folded::build(const char32_t *cps, std::size_t n) {
    upper_count[0] = lower_count[0] = leet_count[0] = 0;
    std::size_t first_letter = n, last_letter = 0;
    fold_bytes(cps, n, first_letter, last_letter);
    // The decoration runs (scoring.hpp, kMaxDecoration): the non-letters before the first letter
    // and after the last one, when short.
    P = 0;
    S = n;
    if (first_letter < n) {
        P = first_letter <= kMaxDecoration ? first_letter : 0;
        S = n - (last_letter + 1) <= kMaxDecoration ? last_letter + 1 : n;
    }
    // l33t stands for letters inside the word: not for the digits and symbols of a decoration
    // run (Soleil2015! is not "soleilzois"), except one lone character ("4pple").
    // fold_bytes() marked the l33t characters (ASCII: one byte each); leet_count and leet are
    // needed (and built) only when one stands inside.
    const std::size_t lo = P == 1 ? 0 : P, hi = n - S == 1 ? n : S;  // [lo, hi): where l33t may stand
    for (std::size_t w = 0; w < leet_at_.size(); ++w) {
        const std::size_t from = std::clamp(lo, w * 64, w * 64 + 64) - w * 64, to = std::clamp(hi, w * 64, w * 64 + 64) - w * 64;
        const std::uint64_t inside = to - from == 64 ? ~std::uint64_t(0) : ((std::uint64_t(1) << (to - from)) - 1) << from;
        leet_at_[w] &= inside;
        has_leet |= leet_at_[w] != 0;
    }
    if (!has_leet) return;
    std::uint16_t subs = 0;
    for (std::size_t c = 0; c < n; ++c) {
        subs = static_cast<std::uint16_t>(subs + (leet_at_[c / 64] >> (c % 64) & 1));
        leet_count[c + 1] = subs;
    }
    leet = text;
    for (std::size_t c = 0; c < n; ++c)
        if (leet_at_[c / 64] >> (c % 64) & 1) leet[byte_at[c]] = leet_letter(cps[c]);
}

// Per ASCII code point, what fold_bytes needs: one read instead of a comparison each.
struct AsciiFold {
    char low;                  // its fold
    std::uint8_t upper, lower, letter, leet;
};
constexpr std::array<AsciiFold, 128> kAsciiFold = [] {
    std::array<AsciiFold, 128> t{};
    for (char32_t c = 0; c < 128; ++c) {
        const char low = fold_ascii(c);
        const bool upper = low != static_cast<char>(c), letter = low >= 'a' && low <= 'z';
        t[c] = {low, std::uint8_t(upper), std::uint8_t(letter && !upper), std::uint8_t(letter), std::uint8_t(kLeet[c] != 0)};
    }
    return t;
}();

// The bytes, written through a pointer into text, sized up front and grown when needed; the
// span of the letters. The l33t characters and the letters are gathered as bits, a word of 64
// code points at a time in registers.
void Folded::fold_bytes(const char32_t *cps, std::size_t n, std::size_t &first_letter, std::size_t &last_letter) {
    text.resize(n * 2 + 16);
    char *out = text.data();
    std::size_t at = 0;
    std::string one;  // one code point folded outside the table (short: in the string itself), wiped below
    bool used_one = false, all_one = true;  // all_one: every code point folds to one byte (some fold to none)
    std::uint16_t upper = 0, lower = 0;
    Bits letters{};
    for (std::size_t w = 0; w * 64 < n; ++w) {
        std::uint64_t leet_w = 0, letter_w = 0;
        const std::size_t end = std::min(n, w * 64 + 64);
        for (std::size_t c = w * 64; c < end; ++c) {
            byte_at[c] = static_cast<std::uint16_t>(at);
            const char32_t cp = cps[c];
            unsigned is_upper = 0, is_lower = 0, letter = 0;
            if (cp < 0x80) {
                const AsciiFold f = kAsciiFold[cp];
                if (at == text.size()) out = grow(at, 1, n - c);
                out[at++] = f.low;
                leet_w |= std::uint64_t(f.leet) << (c % 64);
                is_upper = f.upper;
                is_lower = f.lower;
                letter = f.letter;
            } else {
                std::string_view t = text::cached_fold(cp);
                if (t.empty()) {
                    one.clear();
                    text::append_fold(cp, one);
                    used_one = true;
                    t = one;
                }
                all_one &= t.size() == 1;
                if (at + t.size() > text.size()) out = grow(at, t.size(), n - c);
                std::memcpy(out + at, t.data(), t.size());
                at += t.size();
                const std::uint32_t cls = unicode_classes(cp);
                is_upper = (cls & kUpper) != 0;
                letter = (cls & kLetter) != 0;
                is_lower = (cls & kLower) != 0;
            }
            upper = static_cast<std::uint16_t>(upper + is_upper);
            upper_count[c + 1] = upper;
            lower = static_cast<std::uint16_t>(lower + is_lower);
            lower_count[c + 1] = lower;
            letter_w |= std::uint64_t(letter) << (c % 64);
        }
        leet_at_[w] = leet_w;
        letters[w] = letter_w;
    }
    first_letter = n;
    last_letter = 0;
    for (std::size_t w = 0; w < letters.size(); ++w) {
        if (letters[w] == 0) continue;
        if (first_letter == n) first_letter = w * 64 + static_cast<std::size_t>(std::countr_zero(letters[w]));
        last_letter = w * 64 + 63 - static_cast<std::size_t>(std::countl_zero(letters[w]));
    }
    text.resize(at);
    if (used_one) secure_wipe(one.data(), one.capacity());
    byte_at[n] = static_cast<std::uint16_t>(text.size());
    one_byte_ = all_one;
    if (one_byte_) return;  // byte b is code point b: no map to build
    cp_at_.assign(text.size() + 1, -1);
    for (std::size_t c = 0; c <= n; ++c) cp_at_[byte_at[c]] = static_cast<std::int16_t>(c);
}

// Room in text for `need` more bytes at `at`, and a few per code point still to fold; its data.
char *Folded::grow(std::size_t at, std::size_t need, std::size_t left) {
    text.resize(at + need + 2 * left + 16);
    return text.data();
}

double Folded::log_leet(const char32_t *cps, std::size_t i, std::size_t j) const {
    double v = 0;
    char32_t seen[16];
    std::size_t nseen = 0;
    for (std::size_t k = i; k <= j; ++k) {
        const char l = leet_letter(cps[k]);
        if (l == 0 || byte_at[k + 1] - byte_at[k] != 1 || leet[byte_at[k]] == text[byte_at[k]]) continue;  // not substituted
        if (std::find(seen, seen + nseen, cps[k]) != seen + nseen) continue;
        if (nseen < 16) seen[nseen++] = cps[k];
        unsigned s = 0, u = 0;
        for (std::size_t q = i; q <= j; ++q) {
            if (cps[q] == cps[k]) ++s;
            else if (byte_at[q + 1] - byte_at[q] == 1 && text[byte_at[q]] == l) ++u;
        }
        v += log_leet_variations(s, u);
    }
    return v;
}

}  // namespace sesame::password::meter

namespace sesame::password {

void fold_cp(char32_t cp, std::string &out) { text::append_fold(cp, out); }

}  // namespace sesame::password
