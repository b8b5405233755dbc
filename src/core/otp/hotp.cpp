#include "core/otp/hotp.hpp"

#include <openssl/sha.h>

#include <array>
#include <type_traits>
#include <variant>

#include "core/otp/code.hpp"

namespace sesame::otp {

namespace {

bool known_hash(Hash h) noexcept {
    return h == Hash::sha1 || h == Hash::sha256 || h == Hash::sha512;
}

// OpenSSL's SHA-1 / SHA-256 / SHA-512 through the low-level interface, deprecated since OpenSSL 3.0
// in favour of EVP_MD. It is used because its state is a plain struct that can be copied by value:
// the HMAC below starts every message from copies of two states keyed once, where EVP_MD_CTX_copy_ex
// allocates a new provider context for each copy. Being below the provider layer, these functions
// are not governed by an OpenSSL provider configuration (a FIPS provider, say). Only these wrappers
// call the deprecated functions, hence the local silencing of the deprecation warning.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
struct Sha1 {
    using Ctx = SHA_CTX;
    static constexpr std::size_t kBlock = SHA_CBLOCK;
    static constexpr std::size_t kSize = SHA_DIGEST_LENGTH;
    static bool init(Ctx &c) noexcept { return SHA1_Init(&c) == 1; }
    static bool update(Ctx &c, const std::uint8_t *p, std::size_t n) noexcept { return SHA1_Update(&c, p, n) == 1; }
    static bool finish(Ctx &c, std::uint8_t *md) noexcept { return SHA1_Final(md, &c) == 1; }
};
struct Sha256 {
    using Ctx = SHA256_CTX;
    static constexpr std::size_t kBlock = SHA256_CBLOCK;
    static constexpr std::size_t kSize = SHA256_DIGEST_LENGTH;
    static bool init(Ctx &c) noexcept { return SHA256_Init(&c) == 1; }
    static bool update(Ctx &c, const std::uint8_t *p, std::size_t n) noexcept { return SHA256_Update(&c, p, n) == 1; }
    static bool finish(Ctx &c, std::uint8_t *md) noexcept { return SHA256_Final(md, &c) == 1; }
};
struct Sha512 {
    using Ctx = SHA512_CTX;
    static constexpr std::size_t kBlock = SHA512_CBLOCK;
    static constexpr std::size_t kSize = SHA512_DIGEST_LENGTH;
    static bool init(Ctx &c) noexcept { return SHA512_Init(&c) == 1; }
    static bool update(Ctx &c, const std::uint8_t *p, std::size_t n) noexcept { return SHA512_Update(&c, p, n) == 1; }
    static bool finish(Ctx &c, std::uint8_t *md) noexcept { return SHA512_Final(md, &c) == 1; }
};
#pragma GCC diagnostic pop

// HMAC (RFC 2104) under one key: H((K ^ opad) || H((K ^ ipad) || m)), K the key zero-padded to the
// hash's block size (hashed first if longer). The states after the (K ^ ipad) and (K ^ opad) blocks
// depend on the key only: they are computed once, and each message starts from value copies of them.
// Every state, pad and digest is wiped.
template <class H>
class Hmac {
public:
    explicit Hmac(std::span<const std::uint8_t> key) noexcept {
        std::array<std::uint8_t, H::kBlock> k{};
        std::array<std::uint8_t, H::kBlock> pad{};
        bool ok = true;
        if (key.size() > H::kBlock) {
            ok = H::init(work_) && H::update(work_, key.data(), key.size()) && H::finish(work_, k.data());
        } else {
            for (std::size_t i = 0; i < key.size(); ++i) k[i] = key[i];
        }
        for (std::size_t i = 0; i < H::kBlock; ++i) pad[i] = static_cast<std::uint8_t>(k[i] ^ 0x36);
        ok = ok && H::init(inner_) && H::update(inner_, pad.data(), pad.size());
        for (std::size_t i = 0; i < H::kBlock; ++i) pad[i] = static_cast<std::uint8_t>(k[i] ^ 0x5c);
        ok = ok && H::init(outer_) && H::update(outer_, pad.data(), pad.size());
        ok_ = ok;
        secure_wipe(k.data(), k.size());
        secure_wipe(pad.data(), pad.size());
    }
    ~Hmac() {
        secure_wipe(&inner_, sizeof inner_);
        secure_wipe(&outer_, sizeof outer_);
        secure_wipe(&work_, sizeof work_);
        secure_wipe(digest_.data(), digest_.size());
    }
    Hmac(const Hmac &) = delete;
    Hmac &operator=(const Hmac &) = delete;

    // HMAC of msg into digest(), valid until the next call; false if the hash failed.
    bool mac(const std::uint8_t *msg, std::size_t n) noexcept {
        if (!ok_) return false;
        work_ = inner_;
        if (!H::update(work_, msg, n) || !H::finish(work_, digest_.data())) return false;
        work_ = outer_;
        return H::update(work_, digest_.data(), digest_.size()) && H::finish(work_, digest_.data());
    }
    const std::array<std::uint8_t, H::kSize> &digest() const noexcept { return digest_; }

private:
    typename H::Ctx inner_{};
    typename H::Ctx outer_{};
    typename H::Ctx work_{};
    std::array<std::uint8_t, H::kSize> digest_{};
    bool ok_ = false;
};

// RFC 4226 dynamic truncation: 31 bits at the offset the last nibble gives, as `digits` digits.
template <std::size_t N>
void truncate(const std::array<std::uint8_t, N> &mac, int digits, char *out) noexcept {
    static_assert(N >= 20);
    const unsigned offset = mac[N - 1] & 0x0F;
    std::uint32_t bin = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                        (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                        (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + bin % 10);
        bin /= 10;
    }
}

// HOTP values of 8-byte big-endian counters under one key and hash: keyed once per call.
class CounterMac {
public:
    CounterMac(std::span<const std::uint8_t> secret, Hash hash) noexcept {
        switch (hash) {
            case Hash::sha1:
                mac_.emplace<Hmac<Sha1>>(secret);
                break;
            case Hash::sha256:
                mac_.emplace<Hmac<Sha256>>(secret);
                break;
            case Hash::sha512:
                mac_.emplace<Hmac<Sha512>>(secret);
                break;
        }
    }
    // Writes `digits` digits of the dynamic truncation of HMAC(counter).
    Status code(std::uint64_t counter, int digits, char *out) noexcept {
        std::array<std::uint8_t, 8> msg{};
        for (int i = 7; i >= 0; --i) {
            msg[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(counter & 0xFF);
            counter >>= 8;
        }
        const bool ok = std::visit(
            [&](auto &m) noexcept {
                if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::monostate>) {
                    return false;
                } else {
                    if (!m.mac(msg.data(), msg.size())) return false;
                    truncate(m.digest(), digits, out);
                    return true;
                }
            },
            mac_);
        if (!ok) return Error(Code::crypto, "HMAC failed");
        return Status::Ok();
    }

private:
    std::variant<std::monostate, Hmac<Sha1>, Hmac<Sha256>, Hmac<Sha512>> mac_;
};

Status check_common(std::span<const std::uint8_t> secret, int digits, Hash hash) noexcept {
    if (secret.empty() || secret.size() > kMaxSecretBytes)
        return Error(Code::invalid_argument, "secret must be 1..1024 bytes");
    if (digits < 6 || digits > 8) return Error(Code::invalid_argument, "digits must be 6..8");
    if (!known_hash(hash)) return Error(Code::invalid_argument, "unknown hash");
    return Status::Ok();
}

}  // namespace

Status hotp(std::span<const std::uint8_t> secret, std::uint64_t counter, int digits, Hash hash, char *out) noexcept {
    Status st = check_common(secret, digits, hash);
    if (!st.ok()) return st;
    if (out == nullptr) return Error(Code::invalid_argument, "out is NULL");
    CounterMac mac(secret, hash);
    return mac.code(counter, digits, out);
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
    CounterMac mac(secret, hash);
    // Counters in increasing order, up to the first match (which counter matched is not secret).
    for (int i = 0; i <= window; ++i) {
        if (counter + static_cast<std::uint64_t>(i) < counter) break;  // wrapped
        const std::uint64_t c = counter + static_cast<std::uint64_t>(i);
        st = mac.code(c, digits, expected);
        if (!st.ok()) break;
        const bool eq = constant_time_equal({reinterpret_cast<const std::uint8_t *>(expected), std::size_t(digits)},
                                            {reinterpret_cast<const std::uint8_t *>(typed), std::size_t(digits)});
        if (eq && well_formed) {
            m.ok = true;
            m.next_counter = c + 1;
            break;
        }
    }
    secure_wipe(expected, sizeof expected);
    secure_wipe(typed, sizeof typed);
    if (!st.ok()) return st;
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
    CounterMac mac(secret, p.hash);
    // Steps nearest to now first (t, t + 1, t - 1, t + 2, t - 2, ...), up to the first match. Steps
    // not after last_step are never accepted (replays), so their codes are not computed. Which step
    // matched is not secret; each comparison is constant-time.
    for (int i = 0; i <= 2 * p.window; ++i) {
        const std::int64_t d = (i + 1) / 2;
        const std::int64_t s = i % 2 == 1 ? *t + d : *t - d;
        if (s < 0 || s <= last_step) continue;
        st = mac.code(static_cast<std::uint64_t>(s), p.digits, expected);
        if (!st.ok()) break;
        const bool eq =
            constant_time_equal({reinterpret_cast<const std::uint8_t *>(expected), std::size_t(p.digits)},
                                {reinterpret_cast<const std::uint8_t *>(typed), std::size_t(p.digits)});
        if (eq && well_formed) {
            m.ok = true;
            m.step = s;
            break;
        }
    }
    secure_wipe(expected, sizeof expected);
    secure_wipe(typed, sizeof typed);
    if (!st.ok()) return st;
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
