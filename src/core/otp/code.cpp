#include "core/otp/code.hpp"

#include <sodium.h>

#include "core/common/secret_bytes.hpp"
#include "core/common/sodium_init.hpp"

namespace sesame::otp {

Status generate_code(int digits, char *out) noexcept {
    if (digits < kMinDigits || digits > kMaxDigits || out == nullptr)
        return Error(Code::invalid_argument, "digits must be 6..10");
    Status st = ensure_sodium();
    if (!st.ok()) return st;
    int pos = digits;
    while (pos > 0) {
        const int group = pos >= 9 ? 9 : pos;
        std::uint32_t bound = 1;
        for (int i = 0; i < group; ++i) bound *= 10;
        std::uint32_t v = randombytes_uniform(bound);  // rejection sampling inside libsodium
        for (int i = 0; i < group; ++i) {
            out[--pos] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
        sodium_memzero(&v, sizeof v);
    }
    return Status::Ok();
}

namespace {

// Decodes one UTF-8 scalar at s[i..); returns its length or 0 if ill-formed.
std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t &cp) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t n;
    std::uint32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool is_separator(std::uint32_t cp) noexcept {
    switch (cp) {
        case 0x20: case 0x09: case 0x2D:  // space, tab, hyphen-minus
        case 0xA0: case 0x2007: case 0x2009: case 0x202F: case 0x3000:  // no-break and thin spaces
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool normalize_typed_code(std::string_view typed, int digits, char *out) noexcept {
    if (out == nullptr || digits < 1 || digits > kMaxDigits) return false;
    if (typed.size() > kMaxTypedBytes) return false;
    int n = 0;
    bool ok = true;
    for (std::size_t i = 0; i < typed.size();) {
        std::uint32_t cp = 0;
        const std::size_t len = decode_utf8(typed, i, cp);
        if (len == 0) {
            ok = false;
            break;
        }
        i += len;
        if (is_separator(cp)) continue;
        char d;
        if (cp >= '0' && cp <= '9') {
            d = static_cast<char>(cp);
        } else if (cp >= 0xFF10 && cp <= 0xFF19) {
            d = static_cast<char>('0' + (cp - 0xFF10));
        } else {
            ok = false;
            break;
        }
        if (n >= digits) {
            ok = false;
            break;
        }
        out[n++] = d;
    }
    if (!ok || n != digits) {
        secure_wipe(out, kMaxDigits);
        return false;
    }
    return true;
}

}  // namespace sesame::otp
