// sesame_otp_redis_options -> the core Redis options, for every store that lives in Redis (the OTP
// store, the wrong-birth-date counter): one reading of the struct, its defaults and its checks.
#pragma once

#include <string>

#include "core/common/redis.hpp"
#include "sesame/otp.h"

namespace sesame::capi {

// Reads `in` (NULL: the defaults) into `out`; `prefix` gets the struct's prefix, or default_prefix
// when the struct has none. SESAME_E_INVALID_ARGUMENT for a bad struct_size or a NULL pointer with
// a length. Ranges are checked later, by the core (redis::validate).
sesame_status read_redis_options(const sesame_otp_redis_options *in, redis::Options &out, std::string &prefix,
                                 const char *default_prefix) noexcept;

}  // namespace sesame::capi
