// The wrong-birth-date counter in Redis, shared by PHP-FPM workers and web servers like the OTP
// Redis store: each attempt is one round trip through a Lua script on the shared Redis client (core/common/redis.hpp), atomic across processes. Any connection error, timeout or
// bad reply is store_unavailable, and the decision fails closed on it.
//
// A key is prefix + 32 hex digits of SHA-256(pupil id): no pupil id in clear in Redis. Its value is
// the comma-separated failure times of the window (at most max_failures of them); its TTL only
// collects garbage, correctness uses the callers' `now`.
//
// Built only with SESAME_WITH_REDIS (hiredis found at build time).
#pragma once

#include <memory>
#include <string>

#include "core/common/redis.hpp"
#include "core/identity/counter.hpp"

namespace sesame::identity {

struct RedisCounterOptions : redis::Options {
    std::string prefix = "sesame:dates:";
};

class RedisFailureCounter final : public FailureCounter {
public:
    // max_failures >= 1 and window_ms >= 1 (Code::invalid_argument otherwise); connects lazily.
    static Result<std::unique_ptr<RedisFailureCounter>> create(std::uint32_t max_failures, std::int64_t window_ms,
                                                               RedisCounterOptions opts);
    Result<bool> attempt(std::string_view key, UnixMillis now, bool failed) override;
    std::uint32_t max_failures() const noexcept override { return max_failures_; }

    // The Redis key of a pupil id (tests and tooling).
    std::string redis_key(std::string_view pupil) const;

private:
    RedisFailureCounter(std::uint32_t max_failures, std::int64_t window_ms, std::string prefix,
                        std::unique_ptr<redis::Client> client)
        : max_failures_(max_failures), window_ms_(window_ms), prefix_(std::move(prefix)), client_(std::move(client)) {}
    std::uint32_t max_failures_;
    std::int64_t window_ms_;
    std::string prefix_;
    std::unique_ptr<redis::Client> client_;
};

}  // namespace sesame::identity
