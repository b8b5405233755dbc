// SMS security codes: generation (libsodium CSPRNG, rejection sampling) and typed-code normalization.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/common/limits.hpp"
#include "core/common/status.hpp"

namespace sesame::otp {

inline constexpr int kMinDigits = 6;
inline constexpr int kMaxDigits = 10;
// Typed codes longer than this (in bytes) are wrong codes without further work.
inline constexpr std::size_t kMaxTypedBytes = limits::kOtpTypedCodeMaxBytes;

// Writes `digits` uniform decimal digits (zero-padded) into out[0..digits). Drawn in groups of at
// most 10^9 with randombytes_uniform. `digits` must be in [kMinDigits, kMaxDigits].
Status generate_code(int digits, char *out) noexcept;

// Normalizes what a person typed: ASCII and Unicode spaces and hyphens are removed, fullwidth
// digits (U+FF10..U+FF19) become ASCII. Returns true and writes exactly `digits` ASCII digits into
// out[0..digits) iff the result is exactly `digits` ASCII digits. Never reads past typed.size();
// invalid UTF-8, other characters or a wrong length give false. `out` must hold kMaxDigits bytes;
// it is wiped when the function returns false.
bool normalize_typed_code(std::string_view typed, int digits, char *out) noexcept;

}  // namespace sesame::otp
