// Time is an argument: every time-dependent call takes Unix milliseconds from the caller.
#pragma once

#include <cstdint>

namespace sesame {

using UnixMillis = std::int64_t;

// The real clock, for the conveniences that do not take `now` (never used by the core itself).
UnixMillis now_unix_ms() noexcept;

// The current year (UTC) by the real clock, for conveniences only.
int current_utc_year() noexcept;

}  // namespace sesame
