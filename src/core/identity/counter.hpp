// Wrong-birth-date counters per pupil (spec: identity.md, "Wrong birth dates").
//
// FailureCounter is the seam: the in-process sharded counter below, or the Redis-backed counter
// shared by processes and servers (redis_counter.hpp). The date is compared first, then one atomic
// attempt() checks the cap and records the failure: a capped pupil gets too_many_attempts whatever
// the date (as if the cap were checked before comparing), concurrent wrong dates never pass the
// cap, and a right date is never refused because of a concurrent attempt.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/common/status.hpp"
#include "core/common/time.hpp"

namespace sesame::identity {

class FailureCounter {
public:
    virtual ~FailureCounter() = default;
    // One attempt for `key` at `now`, atomically: when max_failures() failures already fall in the
    // window ending at `now`, records nothing and returns false (capped); otherwise records a
    // failure at `now` if `failed` and returns true (the attempt counts).
    virtual Result<bool> attempt(std::string_view key, UnixMillis now, bool failed) = 0;
    virtual std::uint32_t max_failures() const noexcept = 0;
};

// In-process sliding-window counter, sharded by key hash (16 mutexes). Keeps at most
// `max_failures` timestamps per key and drops expired keys as it goes; bounded by `max_keys`
// (Code::store_full beyond it, so callers fail closed). Thread-safe.
class InProcessFailureCounter final : public FailureCounter {
public:
    InProcessFailureCounter(std::uint32_t max_failures, std::int64_t window_ms, std::size_t max_keys = 1u << 20);
    Result<bool> attempt(std::string_view key, UnixMillis now, bool failed) override;
    std::uint32_t max_failures() const noexcept override { return max_failures_; }
    std::int64_t window_ms() const noexcept { return window_ms_; }

private:
    struct Shard {
        std::mutex mu;
        std::unordered_map<std::string, std::deque<UnixMillis>> map;
        std::size_t ops = 0;
    };
    Shard &shard(std::string_view key);
    void prune(std::deque<UnixMillis> &q, UnixMillis now) const;
    void sweep(Shard &s, UnixMillis now);

    std::uint32_t max_failures_;
    std::int64_t window_ms_;
    std::size_t max_keys_per_shard_;
    std::array<Shard, 16> shards_;
};

}  // namespace sesame::identity
