// The Redis OTP store (hiredis): every operation is one round trip through a Lua script (EVALSHA,
// EVAL on NOSCRIPT), atomic across processes and servers. Any connection error, timeout or
// unexpected reply gives store_unavailable and grants nothing; the next call reconnects.
//
// Built only with SESAME_WITH_REDIS (hiredis found at build time). hiredis 0.14 (Debian 12) has no
// TLS: use a unix socket, or a local TLS tunnel (stunnel, spiped) to a remote server. AUTH (with an
// optional ACL user name) and SELECT are sent on each new connection.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/common/secret_bytes.hpp"
#include "core/otp/store.hpp"

struct redisContext;

namespace sesame::otp {

struct RedisOptions {
    std::string host = "127.0.0.1";
    int port = 6379;
    std::string unix_socket;          // used instead of host/port when not empty
    std::string prefix = "sesame:otp:";  // every key is prefix + 32 hex digits (a keyed hash)
    int connect_timeout_ms = 200;
    int timeout_ms = 200;             // per command (send and receive)
    std::string username;             // ACL user for AUTH (optional)
    SecretBytes password;             // AUTH when not empty
    int db = 0;                       // SELECT when not 0
    int connections = 1;              // connection pool size, 1..64
};

class RedisStore final : public Store {
public:
    static Result<std::shared_ptr<RedisStore>> create(RedisOptions opts);
    ~RedisStore() override;

    Status issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                 const CodeHash &code_hash, std::int64_t *retry_after_ms) override;
    Result<VerifyOutcome> verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                 std::span<const Candidate> candidates) override;
    const char *kind() const noexcept override { return "redis"; }

    // The Redis key of a store key (tests and tooling).
    std::string redis_key(const StoreKey &key) const;
    // One EVALSHA of an empty script on a pooled connection: the floor of any operation (benchmarks).
    Status eval_empty();

    struct Script {
        std::string text;
        std::string sha1;  // lowercase hex
    };

private:
    struct Slot {
        std::mutex mu;
        redisContext *ctx = nullptr;
        pid_t pid = 0;
    };
    explicit RedisStore(RedisOptions opts);
    // Runs a script; on success *reply_out holds the redisReply (freed by the caller via the deleter).
    struct Reply;
    Result<std::vector<long long>> run(const Script &script, const std::string &key,
                                       const std::vector<std::string> &args);
    Status connect(Slot &s);
    void drop(Slot &s) noexcept;
    Slot &acquire(std::unique_lock<std::mutex> &lock);

    RedisOptions opts_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::atomic<unsigned> next_{0};
};

}  // namespace sesame::otp
