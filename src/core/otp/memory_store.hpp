// The embedded in-process OTP store: sharded hash maps, one mutex per shard, lazy expiry plus a
// periodic sweep, a bound on the number of records, and fork detection (a child process gets
// store_unavailable: an in-process store is not shared between processes).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/otp/store.hpp"

namespace sesame::otp {

// The times of recent events of one kind (sends or failures). Keeps only the `limit` largest times:
// that is exact for "are there >= limit events with now - t < window" whatever the order of the
// times (a clock going backwards included), since in-window events are always the largest ones.
class EventTimes {
public:
    EventTimes() = default;
    ~EventTimes();
    EventTimes(const EventTimes &) = delete;
    EventTimes &operator=(const EventTimes &) = delete;
    EventTimes(EventTimes &&o) noexcept;
    EventTimes &operator=(EventTimes &&o) noexcept;

    std::size_t size() const noexcept { return n_; }
    std::int64_t at(std::size_t i) const noexcept { return cap_ <= 1 ? one_ : heap_[i]; }  // ascending
    // Number of events with now - t < window (future events count).
    std::size_t count_in_window(UnixMillis now) const noexcept;
    // Adds t, then keeps the `limit` largest values (limit >= 1).
    void add(std::int64_t t, std::size_t limit);
    bool all_older_than_window(UnixMillis now) const noexcept;

private:
    union {
        std::int64_t one_ = 0;
        std::int64_t *heap_;
    };
    std::uint16_t n_ = 0;
    std::uint16_t cap_ = 0;  // <= 1: inline
};

struct MemoryStoreOptions {
    std::size_t max_records = 1'000'000;  // records (one per subject and purpose) held at most
};

class MemoryStore final : public Store {
public:
    explicit MemoryStore(const MemoryStoreOptions &opts = {});
    ~MemoryStore() override;

    Status issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                 const CodeHash &code_hash, std::int64_t *retry_after_ms) override;
    Result<VerifyOutcome> verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                 std::span<const Candidate> candidates) override;
    const char *kind() const noexcept override { return "memory"; }

    // Drops every record with nothing left that matters at `now`. Returns how many were dropped.
    std::size_t sweep(UnixMillis now);
    std::size_t size() const noexcept { return count_.load(std::memory_order_relaxed); }
    // The raw bytes held for every record (tests: a dump must show neither codes nor phones).
    std::string dump() const;

    static constexpr std::size_t kShards = 64;

    struct Key16 {
        std::array<std::uint8_t, 16> b;
        bool operator==(const Key16 &o) const noexcept { return b == o.b; }
    };
    struct KeyHash {
        std::size_t operator()(const Key16 &k) const noexcept;
    };

private:
    enum class State : std::uint8_t { none = 0, active = 1, locked = 2 };
    struct Record {
        CodeHash hash{};
        std::int64_t issued_at = 0;
        std::int64_t expires_at = 0;
        std::uint32_t key_id = 0;
        std::uint8_t attempts = 0;
        State state = State::none;
        EventTimes sends;
        EventTimes failures;
        bool dead(UnixMillis now) const noexcept;
    };
    struct alignas(64) Shard {
        std::mutex mu;
        std::unordered_map<Key16, Record, KeyHash> map;
        std::uint32_t inserts_since_sweep = 0;
    };

    bool forked() const noexcept;
    Shard &shard_of(const Key16 &k) noexcept;
    std::size_t sweep_shard(Shard &s, UnixMillis now);

    MemoryStoreOptions opts_;
    pid_t owner_pid_;
    std::unique_ptr<Shard[]> shards_;
    std::atomic<std::size_t> count_{0};
    std::atomic<std::int64_t> last_full_sweep_{0};
};

}  // namespace sesame::otp
