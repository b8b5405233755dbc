// One-time libsodium initialisation (thread-safe, idempotent).
#pragma once

#include "core/common/status.hpp"

namespace sesame {

// Returns ok once sodium_init() succeeded; Code::crypto if it failed (then every caller fails closed).
Status ensure_sodium();

}  // namespace sesame
