#include "core/password/hash.hpp"

#include <sodium.h>

#include <cstring>

#include "core/common/secret_bytes.hpp"
#include "core/common/sodium_init.hpp"
#include "core/password/policy.hpp"
#include "core/text/utf8.hpp"

namespace sesame::password {

static_assert(kHashMaxBytes == crypto_pwhash_STRBYTES);

namespace {

constexpr std::uint64_t kMaxOps = 64;
constexpr std::uint64_t kMaxMem = std::uint64_t(4) << 30;

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
        return Error(Code::invalid_argument, "ops_limit must be within 2..64 (libsodium interactive or more)");
    if (l.mem_limit < crypto_pwhash_MEMLIMIT_INTERACTIVE || std::uint64_t(l.mem_limit) > kMaxMem)
        return Error(Code::invalid_argument, "mem_limit must be within 64 MiB..4 GiB (libsodium interactive or more)");
    return Status::Ok();
}

Result<std::string> hash(std::string_view password, const HashLimits &limits) {
    if (Status st = validate_limits(limits); !st.ok()) return st;
    if (Status st = ensure_sodium(); !st.ok()) return st;
    SecretBytes pw;
    if (Status st = nfc_bytes(password, pw); !st.ok()) return st;
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, reinterpret_cast<const char *>(pw.data()), pw.size(), limits.ops_limit, limits.mem_limit) != 0)
        return Error(Code::crypto, "Argon2id failed (not enough memory for mem_limit?)");
    return std::string(out);
}

bool verify(std::string_view stored, std::string_view password) {
    if (!ensure_sodium().ok()) return false;
    char buf[kHashMaxBytes];
    if (!stored_ok(stored, buf)) return false;
    SecretBytes pw;
    if (!nfc_bytes(password, pw).ok()) return false;
    return crypto_pwhash_str_verify(buf, reinterpret_cast<const char *>(pw.data()), pw.size()) == 0;
}

bool needs_rehash(std::string_view stored, const HashLimits &limits) {
    if (!ensure_sodium().ok()) return true;
    char buf[kHashMaxBytes];
    if (!stored_ok(stored, buf)) return true;
    return crypto_pwhash_str_needs_rehash(buf, limits.ops_limit, limits.mem_limit) != 0;
}

}  // namespace sesame::password
