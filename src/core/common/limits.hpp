// The bounds on every input. The numbers are written once, in include/sesame/limits.h (the
// public contract; docs/limits.md explains each); the core takes them from there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/status.hpp"
#include "sesame/limits.h"

namespace sesame::limits {

inline constexpr std::size_t kStructSizeMax = SESAME_STRUCT_SIZE_MAX;
inline constexpr int kJsonMaxDepth = SESAME_JSON_MAX_DEPTH;
inline constexpr std::size_t kClaimMaxBytes = SESAME_CLAIM_MAX_BYTES;
inline constexpr std::size_t kPolicyMaxBytes = SESAME_POLICY_MAX_BYTES;
inline constexpr std::size_t kContextMaxBytes = SESAME_CONTEXT_MAX_BYTES;
inline constexpr std::size_t kCandidatesMaxBytes = SESAME_CANDIDATES_MAX_BYTES;
inline constexpr std::uint64_t kDirectoryMaxBytesDefault = SESAME_DIRECTORY_MAX_BYTES_DEFAULT;
inline constexpr std::uint64_t kCsvMaxBytesDefault = SESAME_CSV_MAX_BYTES_DEFAULT;
inline constexpr std::size_t kLoginTakenMaxBytes = SESAME_LOGIN_TAKEN_MAX_BYTES;
inline constexpr std::size_t kPhoneMaxInputBytes = SESAME_PHONE_MAX_INPUT_BYTES;
inline constexpr std::size_t kPasswordMaxInputBytes = SESAME_PASSWORD_MAX_INPUT_BYTES;
inline constexpr std::size_t kPasswordMaxInputCodePoints = SESAME_PASSWORD_MAX_INPUT_CODE_POINTS;
inline constexpr std::size_t kNameMaxCodePoints = SESAME_NAME_MAX_CODE_POINTS;
inline constexpr std::size_t kOtpPurposeMaxBytes = SESAME_OTP_PURPOSE_MAX_BYTES;
inline constexpr std::size_t kOtpTypedCodeMaxBytes = SESAME_OTP_TYPED_CODE_MAX_BYTES;
inline constexpr std::size_t kOtpSecretMaxBytes = SESAME_OTP_SECRET_MAX_BYTES;
inline constexpr std::uint64_t kHashMaxMemKib = SESAME_PASSWORD_HASH_MAX_MEM_KIB;
inline constexpr std::uint64_t kHashMaxOps = SESAME_PASSWORD_HASH_MAX_OPS;
inline constexpr std::uint64_t kHashMaxLanes = SESAME_PASSWORD_HASH_MAX_LANES;

// The Code::limit error of an input above its bound, one wording everywhere: "the claim is 70000
// bytes, above SESAME_CLAIM_MAX_BYTES (65536)".
inline Status above_limit(std::string_view what, std::uint64_t size, std::string_view limit_name, std::uint64_t max) {
    return Error(Code::limit, std::string(what) + " is " + std::to_string(size) + " bytes, above " + std::string(limit_name) +
                                  " (" + std::to_string(max) + ")");
}

}  // namespace sesame::limits
