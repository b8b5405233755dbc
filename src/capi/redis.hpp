// Shims for sesame/redis.h, and the one reading of sesame_redis_options into the core's Redis
// options for every object that lives in Redis (the OTP store, the wrong-birth-date counter).
#pragma once

#include <string>

#include "core/common/redis.hpp"
#include "sesame/redis.h"

namespace sesame::capi {

// Reads `in` (NULL: the defaults) into `out`; `prefix` gets the struct's prefix, or default_prefix
// when the struct has none. SESAME_E_INVALID_ARGUMENT for a bad struct_size or a NULL pointer with
// a length. Ranges are checked later, by the core (redis::validate).
sesame_status read_redis_options(const sesame_redis_options *in, redis::Options &out, std::string &prefix,
                                 const char *default_prefix) noexcept;

}  // namespace sesame::capi
