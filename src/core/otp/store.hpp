// The OTP store interface: atomic, policy-aware operations on one (subject, purpose) record.
//
// A record is addressed by a StoreKey (a keyed hash of subject and purpose, never the phone number)
// and holds at most one challenge (key id + keyed hash of the code, issue time, wrong attempts,
// state) plus the recent send and failure times of the pair. Each operation applies the whole rule
// of the spec atomically (one lock in process, one Lua script on Redis), so two callers can never
// both consume a challenge or both slip under a cap.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "core/common/status.hpp"
#include "core/common/time.hpp"

namespace sesame::otp {

inline constexpr std::size_t kStoreKeyBytes = 16;  // SipHash-2-4-128 of (purpose, E.164)
inline constexpr std::size_t kCodeHashBytes = 32;
inline constexpr UnixMillis kWindowMs = 3'600'000;  // both hourly limits are exact sliding windows

using StoreKey = std::array<std::uint8_t, kStoreKeyBytes>;
using CodeHash = std::array<std::uint8_t, kCodeHashBytes>;

struct Limits {
    std::int64_t ttl_ms = 600'000;
    std::int32_t max_attempts = 5;
    std::int32_t max_failures_per_hour = 10;
    std::int64_t cooldown_ms = 60'000;  // 0 disables
    std::int32_t max_sends_per_hour = 5;
};

// The hash of the typed code under one key id the service knows (current and previous keys).
// At most this many candidates per verify: the current key and up to 8 previous ones.
inline constexpr std::size_t kMaxCandidates = 9;

struct Candidate {
    std::uint32_t key_id = 0;
    CodeHash hash{};
};

enum class Verdict : std::uint8_t { ok = 0, wrong_code = 1, expired = 2, no_challenge = 3, locked = 4, rate_limited = 5 };
const char *verdict_name(Verdict v) noexcept;

struct VerifyOutcome {
    Verdict verdict = Verdict::no_challenge;
    std::int32_t attempts_left = 0;  // meaningful only with wrong_code
};

class Store {
public:
    virtual ~Store() = default;

    // Issue order (spec): failure cap reached -> rate_limited; cooldown -> cooldown; send quota ->
    // quota (*retry_after_ms set for both); memory bound -> store_full; otherwise the challenge
    // replaces any previous one (attempts reset, failure history kept) and a send is recorded.
    // store_unavailable when the store cannot answer (nothing is written then, or it is unknown).
    virtual Status issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                         const CodeHash &code_hash, std::int64_t *retry_after_ms) = 0;

    // Verify order (spec): failure cap -> rate_limited; no challenge -> no_challenge; locked ->
    // locked; outside [issued_at, issued_at + ttl) -> expired; then comparison of the keyed hashes
    // with the candidate of the stored key id (constant time in process; in Redis see
    // redis_store.cpp on why Lua's == is safe for keyed hashes): ok consumes the challenge; a mismatch counts a failure and
    // an attempt, and the max_attempts-th wrong code locks the challenge (returns locked).
    virtual Result<VerifyOutcome> verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                         std::span<const Candidate> candidates) = 0;

    // A stable short name ("memory", "redis") for diagnostics.
    virtual const char *kind() const noexcept = 0;
};

}  // namespace sesame::otp
