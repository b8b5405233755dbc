// Wrong-birth-date counters per pupil (spec: identity.md, "Wrong birth dates").
//
// FailureCounter is the seam: the in-process sharded counter below, or a store shared by several
// processes (a Redis-backed counter, like the OTP stores) implemented against the same interface.
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
    // Failures recorded for `key` in the window ending at `now`.
    virtual Result<std::uint32_t> failures(std::string_view key, UnixMillis now) = 0;
    // Records one failure at `now`.
    virtual Status record_failure(std::string_view key, UnixMillis now) = 0;
    virtual std::uint32_t max_failures() const noexcept = 0;
};

// In-process sliding-window counter, sharded by key hash (16 mutexes). Keeps at most
// `max_failures` timestamps per key and drops expired keys as it goes; bounded by `max_keys`
// (Code::store_full beyond it, so callers fail closed). Thread-safe.
class InProcessFailureCounter final : public FailureCounter {
public:
    InProcessFailureCounter(std::uint32_t max_failures, std::int64_t window_ms, std::size_t max_keys = 1u << 20);
    Result<std::uint32_t> failures(std::string_view key, UnixMillis now) override;
    Status record_failure(std::string_view key, UnixMillis now) override;
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
