// OtpService: issue and verify SMS security codes bound to (canonical E.164 subject, purpose).
//
// Codes are never stored: the store holds a keyed BLAKE2b hash of the code (with the id of the key
// that made it, so keys can rotate), under a store key that is a keyed hash (SipHash-2-4-128) of
// (subject, purpose) under a key derived from a separate index key that does not rotate. See
// docs/spec/otp.md.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "core/common/limits.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/common/status.hpp"
#include "core/common/time.hpp"
#include "core/otp/code.hpp"
#include "core/otp/store.hpp"
#include "core/phone/phone.hpp"

namespace sesame::otp {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kMaxPreviousKeys = 8;
static_assert(1 + kMaxPreviousKeys <= kMaxCandidates);
inline constexpr std::size_t kMaxPurposeBytes = limits::kOtpPurposeMaxBytes;

struct ServiceOptions {
    std::int32_t ttl_s = 600;  // OWASP ASVS / NIST; portal() uses 1,800 s ("valable 30 min")
    std::int32_t max_attempts = 5;
    std::int32_t max_failures_per_hour = 10;
    std::int32_t cooldown_s = 60;
    std::int32_t max_sends_per_hour = 5;
    std::int32_t digits = 6;

    static ServiceOptions portal() {
        ServiceOptions o;
        o.ttl_s = 1800;
        return o;
    }
    Status validate() const;
    Limits limits() const;
};

struct PreviousKey {
    std::uint32_t key_id = 0;
    std::span<const std::uint8_t> key;
};

// What Service::issue hands back.
struct Issued {
    char code[kMaxDigits] = {};      // `digits` ASCII digits, no NUL: the only plaintext copy (the caller wipes it)
    int digits = 0;
    phone::Number subject;           // the canonical number the challenge is bound to (send the SMS there)
    UnixMillis expires_at_ms = 0;    // now + ttl: valid strictly before
    std::int32_t retry_after_s = 0;  // with cooldown or quota: max(1, ceil(ms / 1000)); else 0
};

// True iff purpose is 1..32 bytes of [a-z0-9_.-].
bool valid_purpose(std::string_view purpose) noexcept;

class Service {
public:
    // key: exactly 32 bytes; index_key: empty (derived from key: then keep passing the same index
    // key when you rotate) or 32 bytes; store: nullptr for a private in-process store.
    static Result<Service> create(std::span<const std::uint8_t> key, std::uint32_t key_id, const ServiceOptions &opts,
                                  std::span<const PreviousKey> previous, std::span<const std::uint8_t> index_key,
                                  std::shared_ptr<Store> store);

    // A new code for (phone, purpose), replacing the pending one. Errors: invalid_argument
    // (subject, purpose), rate_limited, cooldown and quota (out.retry_after_s set), store_full,
    // store_unavailable; out.code is written only on success.
    Status issue(std::string_view phone, std::string_view purpose, UnixMillis now, Issued &out) const;
    // The same, for callers that only want the code: digits() ASCII digits into code_out.
    Status issue(std::string_view phone, std::string_view purpose, UnixMillis now, char *code_out,
                 std::int32_t *retry_after_s) const;
    // A verdict, or invalid_argument / store_unavailable.
    Result<VerifyOutcome> verify(std::string_view phone, std::string_view purpose, std::string_view typed,
                                 UnixMillis now) const;

    int digits() const noexcept { return opts_.digits; }
    const ServiceOptions &options() const noexcept { return opts_; }
    Store &store() const noexcept { return *store_; }

    // The store key of (subject, purpose), e.g. for tests checking what a dump can reveal.
    Result<StoreKey> store_key(std::string_view phone, std::string_view purpose) const;
    // The same from an already normalized subject.
    StoreKey store_key(const phone::Number &subject, std::string_view purpose) const noexcept;

private:
    struct Key {
        std::uint32_t id = 0;
        SecretBytes bytes;
    };
    Service() = default;
    void code_hash(const Key &k, const StoreKey &sk, const char *code, std::size_t n, CodeHash &out) const noexcept;

    ServiceOptions opts_;
    Limits limits_;
    Key current_;
    std::vector<Key> previous_;
    SecretBytes index_key_;
    SecretBytes store_key_key_;  // 16-byte SipHash key derived from index_key_
    std::shared_ptr<Store> store_;
};

}  // namespace sesame::otp
