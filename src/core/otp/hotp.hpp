// HOTP (RFC 4226) and TOTP (RFC 6238): HMAC (RFC 2104) over OpenSSL's SHA-1, SHA-256 and SHA-512,
// keyed once per call. And RFC 4648 base32 for the secrets authenticator apps show as text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/common/limits.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/common/status.hpp"

namespace sesame::otp {

enum class Hash : std::uint8_t { sha1 = 0, sha256 = 1, sha512 = 2 };

inline constexpr std::size_t kMaxSecretBytes = limits::kOtpSecretMaxBytes;
inline constexpr int kMaxWindow = 100;

// Writes `digits` (6..8) digits into out[0..digits).
Status hotp(std::span<const std::uint8_t> secret, std::uint64_t counter, int digits, Hash hash, char *out) noexcept;

struct HotpMatch {
    bool ok = false;
    std::uint64_t next_counter = 0;  // matched counter + 1 when ok
};
// Checks counters counter .. counter + window in increasing order and stops at the first match (the
// lowest); each comparison is constant-time. A wrong code costs the whole window.
Result<HotpMatch> hotp_verify(std::span<const std::uint8_t> secret, std::uint64_t counter, int window, int digits,
                              Hash hash, std::string_view code);

struct TotpParams {
    std::int64_t step_s = 30;
    std::int64_t t0_s = 0;
    int digits = 6;
    Hash hash = Hash::sha1;
    int window = 1;  // steps checked on each side
};
// The time step of `now_ms`; invalid_argument when now is before T0.
Result<std::int64_t> totp_step(std::int64_t now_ms, const TotpParams &p);
Status totp(std::span<const std::uint8_t> secret, std::int64_t now_ms, const TotpParams &p, char *out) noexcept;

struct TotpMatch {
    bool ok = false;
    std::int64_t step = -1;  // the matched step when ok
};
// Checks steps t - window .. t + window, nearest to t first (t, t + 1, t - 1, t + 2, ...) up to the
// first match, whose step is returned; a step <= last_step (the caller's last accepted step, -1 for
// none) is refused. Each comparison is constant-time; a wrong code costs every step of the window
// above last_step.
Result<TotpMatch> totp_verify(std::span<const std::uint8_t> secret, std::int64_t now_ms, const TotpParams &p,
                              std::int64_t last_step, std::string_view code);

// RFC 4648 base32 (upper or lower case; '=' padding, spaces and '-' ignored). parse on bad input.
Result<SecretBytes> base32_decode(std::string_view text);
std::string base32_encode(std::span<const std::uint8_t> data);

}  // namespace sesame::otp
