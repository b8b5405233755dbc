// The Redis client shared by the stores that keep state across processes (the OTP store, the
// wrong-birth-date counter): a small hiredis connection pool that runs Lua scripts, one round
// trip each (EVALSHA, EVAL on NOSCRIPT). Any connection error, timeout or unexpected reply is
// Code::store_unavailable and the connection is dropped; the next call reconnects. Callers fail
// closed on it.
//
// A pooled connection the server has closed meanwhile (its `timeout` for idle clients, a restart,
// CLIENT KILL) is noticed before a command is sent on it (the socket reads as closed) and
// reopened, so that call does not fail. With Redis Sentinel the master is asked from the
// sentinels, and asked again after a connection loss, a READONLY reply or a role change (a script
// refused as READONLY wrote nothing, so it is sent once more to the new master); every new
// connection checks with ROLE that it reached a master. `wait_replicas` lets a caller make a write
// durable across a failover: WAIT, pipelined after the script, counts the replicas that have it.
//
// Built only with SESAME_WITH_REDIS (hiredis found at build time). hiredis 0.14 (Debian 12) has no
// TLS: use a unix socket, or a local TLS tunnel (stunnel, spiped) to a remote server. AUTH (with an
// optional ACL user name) and SELECT are sent on each new connection. A forked child never talks
// on its parent's connections: it opens its own. fork() waits for the calls in flight in other
// threads (at most the timeout), so the child never inherits a connection locked by a thread it
// does not have (pthread_atfork handlers over every live client).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/secret_bytes.hpp"
#include "core/common/status.hpp"

struct redisContext;

namespace sesame::redis {

struct Endpoint {
    std::string host;
    int port = 0;
    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

struct Options {
    std::string host = "127.0.0.1";
    int port = 6379;
    std::string unix_socket;  // used instead of host/port when not empty
    int connect_timeout_ms = 200;
    int timeout_ms = 200;     // per command (send and receive)
    std::string username;     // ACL user for AUTH (optional)
    SecretBytes password;     // AUTH when not empty
    int db = 0;               // SELECT when not 0
    int connections = 1;      // connection pool size, 1..64
    // Sentinel: when not empty, host, port and unix_socket are not used; the master named
    // `master_name` is asked from these sentinels (AUTH with sentinel_password when set).
    std::vector<Endpoint> sentinels;
    std::string master_name;
    SecretBytes sentinel_password;
    int wait_replicas = 0;    // 0..16: replicas a durable write waits for (run_durable)
};

inline constexpr int kMaxSentinels = 16;
inline constexpr int kMaxWaitReplicas = 16;

// Code::invalid_argument with the offending field for options out of range.
Status validate(const Options &opts);
// "host:port,host:port" ("[::1]:26379" for IPv6; spaces around items ignored): at most
// kMaxSentinels endpoints; Code::invalid_argument naming the bad item's position.
Result<std::vector<Endpoint>> parse_endpoints(std::string_view list);
// A store's key prefix: at most kMaxPrefixBytes.
inline constexpr std::size_t kMaxPrefixBytes = 128;
Status validate_prefix(std::string_view prefix);

// Writes the lowercase hex of the bytes at out (2 per byte); returns the end.
char *write_hex(char *out, std::span<const unsigned char> bytes) noexcept;
// prefix + lowercase hex of the bytes: keys never hold a value in clear.
std::string hex_key(std::string_view prefix, std::span<const unsigned char> bytes);

// Code::store_unavailable with "redis: <what>": every Redis failure callers must fail closed on.
Status unavailable(const char *what);

// A decimal integer argument formatted in place (no allocation).
class Decimal {
public:
    explicit Decimal(long long v) noexcept;
    std::string_view view() const noexcept { return {buf_, n_}; }

private:
    char buf_[24];
    std::size_t n_;
};

struct Script {
    std::string text;
    std::string sha1;  // lowercase hex, for EVALSHA
};
Script make_script(std::string text);

class Client {
public:
    // Validates the options; connects lazily (a server that is down fails each call, not this one).
    static Result<std::unique_ptr<Client>> create(Options opts);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Runs `script` with its keys and arguments (at most kMaxArgs in all); the reply must be an
    // integer or an array of integers. Views: the caller's bytes go to the socket without a copy.
    static constexpr std::size_t kMaxArgs = 48;
    Result<std::vector<long long>> run(const Script &script, std::span<const std::string_view> keys,
                                       std::span<const std::string_view> args);
    // The same, then (when wait_replicas() > 0) WAIT for that many replicas, up to 3/4 of the
    // timeout, pipelined in the same round trip; *replicas_acked gets how many have the writes
    // (wait_replicas() when none is asked for). The caller decides what too few means.
    Result<std::vector<long long>> run_durable(const Script &script, std::span<const std::string_view> keys,
                                               std::span<const std::string_view> args, int *replicas_acked);
    int wait_replicas() const noexcept { return opts_.wait_replicas; }
    // One EVALSHA of an empty script on a pooled connection: the floor of any operation (benchmarks).
    Status eval_empty();

private:
    struct Slot {
        std::mutex mu;
        redisContext *ctx = nullptr;
        pid_t pid = 0;
        std::uint64_t epoch = 0;  // the master generation this connection reached (Sentinel)
    };
    // The master as the sentinels last told it; `epoch` changes whenever its address does.
    struct Master {
        Endpoint at;
        std::uint64_t epoch = 0;
        bool known = false;
    };
    explicit Client(Options opts);
    static void before_fork() noexcept;
    static void after_fork() noexcept;
    bool sentinel() const noexcept { return !opts_.sentinels.empty(); }
    Status connect(Slot &s);
    Status open(Slot &s, const Endpoint *at);
    Status discover_master();
    Master master() const;
    void forget_master(std::uint64_t epoch) noexcept;
    void drop(Slot &s) noexcept;
    bool usable(const Slot &s) const noexcept;
    Slot &acquire(std::unique_lock<std::mutex> &lock);
    Result<std::vector<long long>> call(const Script &script, std::span<const std::string_view> keys,
                                        std::span<const std::string_view> args, int *replicas_acked);

    Options opts_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::atomic<unsigned> next_{0};
    mutable std::mutex master_mu_;
    Master master_;
    std::atomic<unsigned> next_sentinel_{0};
};

}  // namespace sesame::redis
