#include "text_out.hpp"

namespace cli {

namespace {

// One code point at s[i] (advancing i); false and one byte skipped for an ill-formed sequence.
bool next_code_point(std::string_view s, std::size_t &i, char32_t &cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = b(i);
    std::size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
        ++i;
        return false;
    }
    cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) {
            ++i;
            return false;
        }
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : n == 4 ? 0x10000 : 0;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return false;
    }
    i += n;
    return true;
}

bool zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200B || c == 0x200C || c == 0x200D ||
           c == 0x2060 || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t width_of(char32_t c) { return zero_width(c) ? 0 : wide(c) ? 2 : 1; }

// Windows-1252 0x80..0x9F (0 = unassigned), as the library decodes it.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char to_cp1252(char32_t c) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<char>(c);
    for (int k = 0; k < 32; ++k)
        if (kCp1252High[k] != 0 && kCp1252High[k] == c) return static_cast<char>(0x80 + k);
    return '?';
}

void put16(std::string &out, char32_t u, bool big_endian) {
    const auto hi = static_cast<char>((u >> 8) & 0xFF), lo = static_cast<char>(u & 0xFF);
    if (big_endian) {
        out += hi;
        out += lo;
    } else {
        out += lo;
        out += hi;
    }
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t w = 0, i = 0;
    char32_t cp = 0;
    while (i < s.size()) w += next_code_point(s, i, cp) ? width_of(cp) : 1;
    return w;
}

std::string pad(std::string_view s, std::size_t width) {
    const std::size_t w = display_width(s);
    return std::string(s) + std::string(w < width ? width - w : 0, ' ');
}

std::string cut(std::string_view s, std::size_t width) {
    if (display_width(s) <= width) return std::string(s);
    std::size_t w = 0, i = 0;
    char32_t cp = 0;
    while (i < s.size()) {
        std::size_t j = i;
        const std::size_t cw = next_code_point(s, j, cp) ? width_of(cp) : 1;
        if (w + cw + 1 > width) break;
        w += cw;
        i = j;
    }
    return std::string(s.substr(0, i)) + "…";
}

void encode(std::string_view s, TextEncoding e, std::string &out) {
    if (e == TextEncoding::utf8) {
        out.append(s);
        return;
    }
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < s.size()) {
        if (!next_code_point(s, i, cp)) cp = e == TextEncoding::windows1252 ? U'?' : 0xFFFD;
        if (e == TextEncoding::windows1252) {
            out += to_cp1252(cp);
            continue;
        }
        const bool be = e == TextEncoding::utf16be;
        if (cp >= 0x10000) {
            put16(out, 0xD800 + ((cp - 0x10000) >> 10), be);
            put16(out, 0xDC00 + ((cp - 0x10000) & 0x3FF), be);
        } else {
            put16(out, cp, be);
        }
    }
}

std::string csv_cell(std::string_view s, char delimiter) {
    if (s.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

}  // namespace cli
