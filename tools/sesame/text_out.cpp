#include "text_out.hpp"

#include <utf8proc.h>

namespace cli {

namespace {

// One code point at s[i] (advancing i), decoded by utf8proc as the library decodes (Unicode's
// well-formed sequences only); false and one byte skipped for an ill-formed sequence.
bool next_code_point(std::string_view s, std::size_t &i, char32_t &cp) {
    utf8proc_int32_t c = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(s.data() + i),
                                                static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    if (n <= 0 || c < 0) {
        ++i;
        return false;
    }
    i += static_cast<std::size_t>(n);
    cp = static_cast<char32_t>(c);
    return true;
}

// Terminal columns of a code point from utf8proc's Unicode tables (East Asian Width, marks and
// format characters 0); a control character counts 1 as it shows as a replacement.
std::size_t width_of(char32_t c) {
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_CC ? 1 : static_cast<std::size_t>(w);
}

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

void append_csv_cell(std::string &out, std::string_view s, char delimiter) {
    const char special[] = {delimiter, '"', '\r', '\n'};
    if (s.find_first_of(std::string_view(special, sizeof special)) == std::string_view::npos) {
        out.append(s);
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string csv_cell(std::string_view s, char delimiter) {
    std::string out;
    append_csv_cell(out, s, delimiter);
    return out;
}

}  // namespace cli
