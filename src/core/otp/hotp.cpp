#include "core/otp/hotp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

#include "core/otp/code.hpp"

namespace sesame::otp {

namespace {

const EVP_MD *md_of(Hash h) noexcept {
    switch (h) {
        case Hash::sha1: return EVP_sha1();
        case Hash::sha256: return EVP_sha256();
        case Hash::sha512: return EVP_sha512();
    }
    return nullptr;
}

Status check_common(std::span<const std::uint8_t> secret, int digits, Hash hash) noexcept {
    if (secret.empty() || secret.size() > kMaxSecretBytes)
        return Error(Code::invalid_argument, "secret must be 1..1024 bytes");
    if (digits < 6 || digits > 8) return Error(Code::invalid_argument, "digits must be 6..8");
    if (md_of(hash) == nullptr) return Error(Code::invalid_argument, "unknown hash");
    return Status::Ok();
}

Status hotp_unchecked(std::span<const std::uint8_t> secret, std::uint64_t counter, int digits, Hash hash,
                      char *out) noexcept {
    std::array<std::uint8_t, 8> msg{};
    for (int i = 7; i >= 0; --i) {
        msg[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(counter & 0xFF);
        counter >>= 8;
    }
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_len = 0;
    if (HMAC(md_of(hash), secret.data(), static_cast<int>(secret.size()), msg.data(), msg.size(), mac.data(),
             &mac_len) == nullptr ||
        mac_len < 20) {
        return Error(Code::crypto, "HMAC failed");
    }
    const unsigned offset = mac[mac_len - 1] & 0x0F;
    std::uint32_t bin = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                        (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                        (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + bin % 10);
        bin /= 10;
    }
    secure_wipe(mac.data(), mac.size());
    return Status::Ok();
}

}  // namespace

Status hotp(std::span<const std::uint8_t> secret, std::uint64_t counter, int digits, Hash hash, char *out) noexcept {
    Status st = check_common(secret, digits, hash);
    if (!st.ok()) return st;
    if (out == nullptr) return Error(Code::invalid_argument, "out is NULL");
    return hotp_unchecked(secret, counter, digits, hash, out);
}

Result<HotpMatch> hotp_verify(std::span<const std::uint8_t> secret, std::uint64_t counter, int window, int digits,
                              Hash hash, std::string_view code) {
    Status st = check_common(secret, digits, hash);
    if (!st.ok()) return st;
    if (window < 0 || window > kMaxWindow) return Error(Code::invalid_argument, "window must be 0..100");
    char typed[kMaxDigits] = {};
    const bool well_formed = normalize_typed_code(code, digits, typed);
    HotpMatch m;
    char expected[kMaxDigits] = {};
    for (int i = 0; i <= window; ++i) {
        if (counter + static_cast<std::uint64_t>(i) < counter) break;  // wrapped
        const std::uint64_t c = counter + static_cast<std::uint64_t>(i);
        st = hotp_unchecked(secret, c, digits, hash, expected);
        if (!st.ok()) return st;
        const bool eq = constant_time_equal({reinterpret_cast<const std::uint8_t *>(expected), std::size_t(digits)},
                                            {reinterpret_cast<const std::uint8_t *>(typed), std::size_t(digits)});
        if (eq && well_formed && !m.ok) {
            m.ok = true;
            m.next_counter = c + 1;
        }
    }
    secure_wipe(expected, sizeof expected);
    secure_wipe(typed, sizeof typed);
    return m;
}

Result<std::int64_t> totp_step(std::int64_t now_ms, const TotpParams &p) {
    if (p.step_s < 1 || p.step_s > 86400) return Error(Code::invalid_argument, "step_s must be 1..86400");
    if (p.t0_s < 0) return Error(Code::invalid_argument, "t0_s must be >= 0");
    if (now_ms < 0) return Error(Code::invalid_argument, "now_ms is negative");
    const std::int64_t now_s = now_ms / 1000;
    if (now_s < p.t0_s) return Error(Code::invalid_argument, "now is before T0");
    return (now_s - p.t0_s) / p.step_s;
}

Status totp(std::span<const std::uint8_t> secret, std::int64_t now_ms, const TotpParams &p, char *out) noexcept {
    try {
        auto t = totp_step(now_ms, p);
        if (!t.ok()) return t.status();
        return hotp(secret, static_cast<std::uint64_t>(*t), p.digits, p.hash, out);
    } catch (...) {
        return Error(Code::nomem, "allocation failed");
    }
}

Result<TotpMatch> totp_verify(std::span<const std::uint8_t> secret, std::int64_t now_ms, const TotpParams &p,
                              std::int64_t last_step, std::string_view code) {
    Status st = check_common(secret, p.digits, p.hash);
    if (!st.ok()) return st;
    if (p.window < 0 || p.window > kMaxWindow) return Error(Code::invalid_argument, "window must be 0..100");
    auto t = totp_step(now_ms, p);
    if (!t.ok()) return t.status();
    char typed[kMaxDigits] = {};
    const bool well_formed = normalize_typed_code(code, p.digits, typed);
    char expected[kMaxDigits] = {};
    TotpMatch m;
    for (std::int64_t s = *t - p.window; s <= *t + p.window; ++s) {
        if (s < 0) continue;
        st = hotp_unchecked(secret, static_cast<std::uint64_t>(s), p.digits, p.hash, expected);
        if (!st.ok()) return st;
        const bool eq =
            constant_time_equal({reinterpret_cast<const std::uint8_t *>(expected), std::size_t(p.digits)},
                                {reinterpret_cast<const std::uint8_t *>(typed), std::size_t(p.digits)});
        if (eq && well_formed && s > last_step && !m.ok) {
            m.ok = true;
            m.step = s;
        }
    }
    secure_wipe(expected, sizeof expected);
    secure_wipe(typed, sizeof typed);
    return m;
}

Result<SecretBytes> base32_decode(std::string_view text) {
    if (text.size() > 4 * kMaxSecretBytes) return Error(Code::invalid_argument, "base32 text too long");
    SecretBytes out;
    out.resize(text.size() * 5 / 8 + 1);
    std::size_t n = 0;
    std::uint32_t buffer = 0;
    int bits = 0;
    bool padding = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        int v;
        if (c >= 'A' && c <= 'Z') {
            v = c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            v = c - 'a';
        } else if (c >= '2' && c <= '7') {
            v = c - '2' + 26;
        } else if (c == '=') {
            padding = true;
            continue;
        } else if (c == ' ' || c == '-') {
            continue;
        } else {
            return Error(Code::parse, "base32: invalid character at byte " + std::to_string(i));
        }
        if (padding) return Error(Code::parse, "base32: data after padding");
        buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.data()[n++] = static_cast<std::uint8_t>((buffer >> bits) & 0xFF);
        }
    }
    // Leftover bits must be zero padding (canonical encoding only).
    if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return Error(Code::parse, "base32: truncated or non-canonical");
    buffer = 0;
    out.resize(n);
    return out;
}

std::string base32_encode(std::span<const std::uint8_t> data) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    out.reserve((data.size() + 4) / 5 * 8);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t b : data) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(kAlphabet[(buffer >> bits) & 0x1F]);
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 0x1F]);
    while (out.size() % 8 != 0) out.push_back('=');
    return out;
}

}  // namespace sesame::otp
