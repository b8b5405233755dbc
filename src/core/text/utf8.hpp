// Strict UTF-8 decoding (Unicode 15, Table 3-7 well-formed byte sequences): no overlongs, no
// surrogates, nothing above U+10FFFF, no truncated sequence, no stray continuation byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sesame::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at s[i]; on success stores it in cp, advances i and returns true.
// On an ill-formed sequence returns false and leaves i unchanged. Requires i < s.size().
inline bool decode_one(std::string_view s, std::size_t &i, char32_t &cp) noexcept {
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
        cp = b0;
        i += 1;
        return true;
    }
    auto cont = [&](std::size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (!cont(1)) return false;
        cp = (char32_t(b0 & 0x1F) << 6) | (p[i + 1] & 0x3F);
        i += 2;
        return true;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (!cont(1) || !cont(2)) return false;
        const unsigned char b1 = p[i + 1];
        if (b0 == 0xE0 && b1 < 0xA0) return false;   // overlong
        if (b0 == 0xED && b1 > 0x9F) return false;   // surrogate
        cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (p[i + 2] & 0x3F);
        i += 3;
        return true;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return false;
        const unsigned char b1 = p[i + 1];
        if (b0 == 0xF0 && b1 < 0x90) return false;   // overlong
        if (b0 == 0xF4 && b1 > 0x8F) return false;   // > U+10FFFF
        cp = (char32_t(b0 & 0x07) << 18) | (char32_t(b1 & 0x3F) << 12) |
             (char32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
        i += 4;
        return true;
    }
    return false;  // C0, C1, F5..FF, or a stray continuation byte
}

// Decodes the code point that ends just before s[i] (for a backward scan); on success stores it in
// cp, moves i back to its first byte and returns true. On an ill-formed sequence (or i == 0) returns
// false and leaves i unchanged. Requires i <= s.size().
inline bool decode_before(std::string_view s, std::size_t &i, char32_t &cp) noexcept {
    if (i == 0) return false;
    const auto last = static_cast<unsigned char>(s[i - 1]);
    if (last < 0x80) {  // ASCII
        cp = last;
        --i;
        return true;
    }
    std::size_t j = i - 1;
    const std::size_t floor = i >= 4 ? i - 4 : 0;
    while (j > floor && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
    std::size_t k = j;
    if (!decode_one(s, k, cp) || k != i) return false;
    i = j;
    return true;
}

// True when s is entirely well-formed UTF-8.
bool is_valid_utf8(std::string_view s) noexcept;

// Number of code points, or -1 when s is not well-formed.
std::ptrdiff_t count_code_points(std::string_view s) noexcept;

// Appends the UTF-8 encoding of cp (a scalar value) to out.
void append_utf8(std::string &out, char32_t cp);

// Copy of s where every maximal ill-formed subsequence is replaced by U+FFFD (for echoing input).
std::string repair_utf8(std::string_view s);

}  // namespace sesame::text
