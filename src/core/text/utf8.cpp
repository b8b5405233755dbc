#include "core/text/utf8.hpp"

#include <cstring>

namespace sesame::text {

bool is_valid_utf8(std::string_view s) noexcept {
    const char *p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < n) {
        if (static_cast<unsigned char>(p[i]) < 0x80) {
            // ASCII fast path: eight bytes at a time (one unaligned load), then byte by byte.
            while (i + 8 <= n) {
                std::uint64_t w;
                std::memcpy(&w, p + i, 8);
                if (w & 0x8080808080808080ULL) break;
                i += 8;
            }
            while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
            continue;
        }
        if (!decode_one(s, i, cp)) return false;
    }
    return true;
}

std::ptrdiff_t count_code_points(std::string_view s) noexcept {
    std::size_t i = 0;
    std::ptrdiff_t n = 0;
    char32_t cp = 0;
    while (i < s.size()) {
        if (!decode_one(s, i, cp)) return -1;
        ++n;
    }
    return n;
}

void append_utf8(std::string &out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        if (decode_one(s, i, cp)) {
            out.append(s.substr(start, i - start));
            continue;
        }
        // Skip one maximal ill-formed subsequence: the lead byte plus the continuation bytes that
        // were acceptable so far (Unicode "substitution of maximal subparts").
        std::size_t j = i + 1;
        const auto b0 = static_cast<unsigned char>(s[i]);
        const int need = b0 >= 0xF0 && b0 <= 0xF4 ? 3 : b0 >= 0xE0 && b0 <= 0xEF ? 2 : b0 >= 0xC2 && b0 <= 0xDF ? 1 : 0;
        for (int k = 0; k < need && j < s.size(); ++k, ++j) {
            const auto b = static_cast<unsigned char>(s[j]);
            unsigned char lo = 0x80, hi = 0xBF;
            if (k == 0) {
                if (b0 == 0xE0) lo = 0xA0;
                if (b0 == 0xED) hi = 0x9F;
                if (b0 == 0xF0) lo = 0x90;
                if (b0 == 0xF4) hi = 0x8F;
            }
            if (b < lo || b > hi) break;
        }
        append_utf8(out, kReplacementChar);
        i = j;
    }
    return out;
}

}  // namespace sesame::text
