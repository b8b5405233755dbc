#include "json_writer.hpp"

#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "sesame.h"

namespace cli {

namespace {

// Bytes a JSON string cannot hold as they are: the C0 controls, '"' and '\'. Everything else,
// DEL and the bytes of multi-byte UTF-8 sequences included, is written as it is (as nlohmann's
// dump does without ensure_ascii).
constexpr std::array<bool, 256> kNeedsEscape = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = true;
    t['"'] = true;
    t['\\'] = true;
    return t;
}();

constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;

// The high bit of each byte of w that needs an escape. The lowest one set is exact (a borrow can
// flag bytes above a true one, never below); little-endian order makes it the first in memory.
uint64_t flag_escapes(uint64_t w) {
    const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
    const uint64_t below_space = (w - kOnes * 0x20) & ~w;  // bytes < 0x20
    const uint64_t is_quote = (quote - kOnes) & ~quote, is_backslash = (backslash - kOnes) & ~backslash;
    return (below_space | is_quote | is_backslash) & kHigh;
}

// The index of the first byte of s that needs an escape, or s.size(); eight bytes at a time.
size_t first_to_escape(std::string_view s) {
    if constexpr (std::endian::native == std::endian::little) {
        size_t i = 0;
        uint64_t w;
        for (; i + 8 <= s.size(); i += 8) {
            std::memcpy(&w, s.data() + i, 8);
            if (const uint64_t f = flag_escapes(w); f != 0) return i + static_cast<size_t>(std::countr_zero(f) / 8);
        }
        if (i == s.size()) return i;
        w = kOnes * 'a';  // the last bytes, padded with bytes that need no escape
        std::memcpy(&w, s.data() + i, s.size() - i);
        const uint64_t f = flag_escapes(w);
        return f != 0 ? i + static_cast<size_t>(std::countr_zero(f) / 8) : s.size();
    } else {
        for (size_t i = 0; i < s.size(); ++i)
            if (kNeedsEscape[static_cast<unsigned char>(s[i])]) return i;
        return s.size();
    }
}

bool is_ascii(std::string_view s) {
    unsigned char any = 0;
    for (char c : s) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

// utf8_repair() for an s that is not ASCII.
bool repair(std::string_view s, std::string &out) {
    out.resize(3 * s.size());  // the most sesame_utf8_repair can write
    size_t len = 0;
    if (sesame_utf8_repair(out.data(), out.size(), &len, s.data(), s.size()) != SESAME_OK)
        throw std::runtime_error(std::string("sesame_utf8_repair: ") + sesame_last_error_message());
    out.resize(len);
    return std::string_view(out) == s;
}

}  // namespace

bool utf8_repair(std::string_view s, std::string &out) {
    if (is_ascii(s)) {
        out.assign(s);
        return true;
    }
    return repair(s, out);
}

bool is_utf8(std::string_view s) {
    if (is_ascii(s)) return true;
    thread_local std::string scratch;  // kept: a batch command asks for each line
    return repair(s, scratch);
}

void Buffer::grow(size_t n) {
    size_t capacity = capacity_ < 64 ? 64 : 2 * capacity_;
    while (capacity - size_ < n) capacity *= 2;
    std::unique_ptr<char[]> bigger(new char[capacity]);
    std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = capacity;
}

void JsonWriter::escaped(std::string_view s) {
    char *const start = out_.room(2 + 6 * s.size());  // the most it can take: every byte as \u00XX
    char *p = start;
    *p++ = '"';
    for (;;) {
        const size_t i = first_to_escape(s);
        std::memcpy(p, s.data(), i);
        p += i;
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        s.remove_prefix(i + 1);
        *p++ = '\\';
        switch (c) {
            case '"': *p++ = '"'; break;
            case '\\': *p++ = '\\'; break;
            case '\b': *p++ = 'b'; break;
            case '\f': *p++ = 'f'; break;
            case '\n': *p++ = 'n'; break;
            case '\r': *p++ = 'r'; break;
            case '\t': *p++ = 't'; break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";  // lowercase, as nlohmann writes \u001f
                const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                std::memcpy(p, u, 5);
                p += 5;
            }
        }
    }
    *p++ = '"';
    out_.advance(static_cast<size_t>(p - start));
}

void JsonWriter::string(std::string_view s) {
    assert(is_utf8(s) && "JsonWriter::string takes well-formed UTF-8: use repaired_string");
    separate();
    escaped(s);
    need_comma_ = true;
}

bool JsonWriter::repaired_string(std::string_view s) {
    separate();
    bool valid = true;
    if (is_ascii(s)) {
        escaped(s);
    } else {
        valid = repair(s, scratch_);
        escaped(scratch_);
    }
    need_comma_ = true;
    return valid;
}

void JsonWriter::integer(int64_t v) {
    separate();
    char *const p = out_.room(20);  // INT64_MIN has 20 characters
    out_.advance(static_cast<size_t>(std::to_chars(p, p + 20, v).ptr - p));
    need_comma_ = true;
}

void JsonWriter::number(double v) {
    if (!std::isfinite(v)) {
        null();
        return;
    }
    separate();
    // nlohmann's own formatter, the one dump() calls (Grisu2 digits, printf %g-like layout with
    // ".0" on integral values): the bytes of the CLI's doubles stay dump()'s by construction.
    char *const p = out_.room(64);
    out_.advance(static_cast<size_t>(nlohmann::detail::to_chars(p, p + 64, v) - p));
    need_comma_ = true;
}

}  // namespace cli
