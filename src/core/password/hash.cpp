#include "core/password/hash.hpp"

#include <sodium.h>

#include <cstring>
#include <optional>
#include <string>

#include "core/common/limits.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/common/sodium_init.hpp"
#include "core/password/policy.hpp"
#include "core/text/utf8.hpp"

namespace sesame::password {

static_assert(kHashMaxBytes == crypto_pwhash_STRBYTES);

namespace {

constexpr std::uint64_t kMaxOps = limits::kHashMaxOps;
constexpr std::uint64_t kMaxMem = limits::kHashMaxMemKib * 1024;

// libsodium wants a valid pointer even for zero bytes (an empty password is refused by the rules,
// not by hashing: callers may hash what they like).
const char *bytes_of(const SecretBytes &b) noexcept {
    static const char kNothing = '\0';
    return b.size() == 0 ? &kNothing : reinterpret_cast<const char *>(b.data());
}

constexpr std::uint64_t kArgon2Version13 = 19;  // "v=19": Argon2 1.3, what libsodium writes

// The parameters of a stored PHC string: "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>".
struct Stored {
    bool argon2id = false;  // else argon2i (libsodium verifies both)
    std::uint64_t version = 0, m_kib = 0, t = 0, p = 0;
};

// Reads "<key>=<decimal>" at the front of s, up to 10 digits (Argon2 uses 32-bit values).
bool take_param(std::string_view &s, std::string_view key, std::uint64_t &out) {
    if (s.substr(0, key.size()) != key) return false;
    s.remove_prefix(key.size());
    std::size_t n = 0;
    out = 0;
    while (n < s.size() && n < 10 && s[n] >= '0' && s[n] <= '9') out = out * 10 + std::uint64_t(s[n++] - '0');
    if (n == 0 || (n < s.size() && s[n] >= '0' && s[n] <= '9')) return false;
    s.remove_prefix(n);
    return true;
}

std::optional<Stored> parse_stored(std::string_view s) {
    Stored st;
    if (s.substr(0, 10) == "$argon2id$") {
        st.argon2id = true;
        s.remove_prefix(10);
    } else if (s.substr(0, 9) == "$argon2i$") {
        s.remove_prefix(9);
    } else {
        return std::nullopt;
    }
    if (!take_param(s, "v=", st.version) || s.substr(0, 1) != "$") return std::nullopt;
    s.remove_prefix(1);
    if (!take_param(s, "m=", st.m_kib) || s.substr(0, 1) != ",") return std::nullopt;
    s.remove_prefix(1);
    if (!take_param(s, "t=", st.t) || s.substr(0, 1) != ",") return std::nullopt;
    s.remove_prefix(1);
    if (!take_param(s, "p=", st.p) || s.substr(0, 1) != "$") return std::nullopt;
    return st;
}

// NFC UTF-8 bytes of an acceptable password, in wiped memory.
Status nfc_bytes(std::string_view password, SecretBytes &out) {
    NfcPassword nfc;
    switch (normalize(password, nfc)) {
        case RuleError::none: break;
        case RuleError::invalid_utf8: return Error(Code::invalid_utf8, "password is not well-formed UTF-8");
        case RuleError::control_char: return Error(Code::invalid_argument, "password contains a control character");
        case RuleError::too_long: return Error(Code::invalid_argument, "password is longer than 512 code points or 2048 bytes");
    }
    out = SecretBytes(nfc.n * 4);
    std::size_t k = 0;
    for (std::size_t i = 0; i < nfc.n; ++i) {
        char buf[4];
        const char32_t cp = nfc.cps[i];
        std::size_t len = 0;
        if (cp < 0x80) {
            buf[len++] = static_cast<char>(cp);
        } else if (cp < 0x800) {
            buf[len++] = static_cast<char>(0xC0 | (cp >> 6));
            buf[len++] = static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            buf[len++] = static_cast<char>(0xE0 | (cp >> 12));
            buf[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            buf[len++] = static_cast<char>(0xF0 | (cp >> 18));
            buf[len++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            buf[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = static_cast<char>(0x80 | (cp & 0x3F));
        }
        std::memcpy(out.data() + k, buf, len);
        secure_wipe(buf, sizeof buf);
        k += len;
    }
    out.resize(k);
    return Status::Ok();
}

bool stored_ok(std::string_view stored, char (&buf)[kHashMaxBytes]) {
    if (stored.empty() || stored.size() >= kHashMaxBytes || std::memchr(stored.data(), 0, stored.size()) != nullptr)
        return false;
    std::memcpy(buf, stored.data(), stored.size());
    buf[stored.size()] = '\0';
    return true;
}

}  // namespace

HashLimits interactive_limits() noexcept {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Status validate_limits(const HashLimits &l) {
    if (l.ops_limit < crypto_pwhash_OPSLIMIT_INTERACTIVE || l.ops_limit > kMaxOps)
        return Error(Code::invalid_argument, "ops_limit must be within 2.." + std::to_string(kMaxOps) +
                                                 " (libsodium interactive .. SESAME_PASSWORD_HASH_MAX_OPS)");
    if (l.mem_limit < crypto_pwhash_MEMLIMIT_INTERACTIVE || std::uint64_t(l.mem_limit) > kMaxMem)
        return Error(Code::invalid_argument, "mem_limit must be within 64 MiB.." + std::to_string(kMaxMem >> 20) +
                                                 " MiB (libsodium interactive .. SESAME_PASSWORD_HASH_MAX_MEM_KIB)");
    return Status::Ok();
}

Result<std::string> hash(std::string_view password, const HashLimits &limits) {
    if (Status st = validate_limits(limits); !st.ok()) return st;
    if (Status st = ensure_sodium(); !st.ok()) return st;
    SecretBytes pw;
    if (Status st = nfc_bytes(password, pw); !st.ok()) return st;
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, bytes_of(pw), pw.size(), limits.ops_limit, limits.mem_limit) != 0)
        return Error(Code::crypto, "Argon2id failed (not enough memory for mem_limit?)");
    return std::string(out);
}

Result<bool> verify(std::string_view stored, std::string_view password) {
    if (Status st = ensure_sodium(); !st.ok()) return st;
    char buf[kHashMaxBytes];
    if (!stored_ok(stored, buf)) return false;
    const std::optional<Stored> params = parse_stored(stored);
    if (!params) return false;
    // Argon2's cost is the stored string's to name: a tampered row must not buy minutes of CPU and
    // gigabytes of memory. Refuse, before running it, what hashing itself would not accept.
    if (params->m_kib > limits::kHashMaxMemKib || params->t > kMaxOps || params->p > limits::kHashMaxLanes)
        return Error(Code::limit, "the stored hash asks for m=" + std::to_string(params->m_kib) + " KiB, t=" +
                                      std::to_string(params->t) + ", p=" + std::to_string(params->p) +
                                      ": above SESAME_PASSWORD_HASH_MAX_MEM_KIB (" + std::to_string(limits::kHashMaxMemKib) +
                                      "), _MAX_OPS (" + std::to_string(kMaxOps) + ") or _MAX_LANES (" +
                                      std::to_string(limits::kHashMaxLanes) + "); not verified");
    SecretBytes pw;
    if (!nfc_bytes(password, pw).ok()) return false;
    return crypto_pwhash_str_verify(buf, bytes_of(pw), pw.size()) == 0;
}

bool needs_rehash(std::string_view stored, const HashLimits &limits) {
    char buf[kHashMaxBytes];
    if (!stored_ok(stored, buf)) return true;
    const std::optional<Stored> p = parse_stored(stored);
    // Exactly what hash() writes today: Argon2id, version 1.3 (19), these limits, one lane.
    return !p || !p->argon2id || p->version != kArgon2Version13 || p->m_kib * 1024 != limits.mem_limit ||
           p->t != limits.ops_limit || p->p != 1;
}

}  // namespace sesame::password
