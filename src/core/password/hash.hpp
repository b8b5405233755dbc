// Password hashing: Argon2id through libsodium (crypto_pwhash_str) over the NFC form.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/status.hpp"

namespace sesame::password {

inline constexpr std::size_t kHashMaxBytes = 128;  // crypto_pwhash_STRBYTES, NUL included

struct HashLimits {
    std::uint64_t ops_limit;
    std::size_t mem_limit;
};

// libsodium's "interactive" limits (ops 2, 64 MiB): the default and the minimum accepted.
HashLimits interactive_limits() noexcept;
// ops within [interactive, SESAME_PASSWORD_HASH_MAX_OPS], memory within [interactive,
// SESAME_PASSWORD_HASH_MAX_MEM_KIB]; Code::invalid_argument.
Status validate_limits(const HashLimits &limits);

// "$argon2id$v=19$m=...,t=...,p=1$salt$hash". Code::invalid_utf8 for ill-formed text,
// Code::invalid_argument for a control character or more than the raw caps, Code::crypto when
// Argon2id fails (memory). The NFC copy is wiped.
Result<std::string> hash(std::string_view password, const HashLimits &limits);

// True iff the password's NFC form matches the stored hash (Argon2id or Argon2i). Anything
// malformed gives false; a stored hash whose cost exceeds what hash() accepts (memory, passes,
// lanes) is Code::limit without running Argon2.
Result<bool> verify(std::string_view stored, std::string_view password);

// True unless the stored hash is exactly what hash() writes with these limits: Argon2id, version
// 19, this memory and these passes, one lane (so Argon2i imports and other parameters are rehashed).
bool needs_rehash(std::string_view stored, const HashLimits &limits);

}  // namespace sesame::password
