// The Redis OTP store: every operation is one round trip through a Lua script on the shared
// Redis client (core/common/redis.hpp), atomic across processes and servers. Any connection error,
// timeout or unexpected reply gives store_unavailable and grants nothing; the next call reconnects.
//
// Built only with SESAME_WITH_REDIS (hiredis found at build time); TLS and AUTH: see redis.hpp.
#pragma once

#include <memory>
#include <string>

#include "core/common/redis.hpp"
#include "core/otp/store.hpp"

namespace sesame::otp {

struct RedisOptions : redis::Options {
    std::string prefix = "sesame:otp:";  // every key starts with it (at most 128 bytes; see redis_key)
};

class RedisStore final : public Store {
public:
    static Result<std::shared_ptr<RedisStore>> create(RedisOptions opts);

    Status issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                 const CodeHash &code_hash, std::int64_t *retry_after_ms) override;
    Result<VerifyOutcome> verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                 std::span<const Candidate> candidates) override;
    const char *kind() const noexcept override { return "redis"; }

    // The challenge key of a store key (tests and tooling): prefix + {32 hex digits} (a keyed
    // hash, as a Cluster hash tag); its history is the same + ":h".
    std::string redis_key(const StoreKey &key) const;
    // One EVALSHA of an empty script on a pooled connection: the floor of any operation (benchmarks).
    Status eval_empty() { return client_->eval_empty(); }

private:
    // Both keys of a subject built in place: "prefix{hex}:h", the challenge being all but ":h".
    struct Keys {
        char buf[redis::kMaxPrefixBytes + 2 * kStoreKeyBytes + 4];
        std::size_t n = 0;
        std::string_view challenge() const noexcept { return {buf, n - 2}; }
        std::string_view history() const noexcept { return {buf, n}; }
    };
    Keys keys_of(const StoreKey &key) const noexcept;
    RedisStore(std::string prefix, std::unique_ptr<redis::Client> client)
        : prefix_(std::move(prefix)), client_(std::move(client)) {}
    std::string prefix_;
    std::unique_ptr<redis::Client> client_;
};

}  // namespace sesame::otp
