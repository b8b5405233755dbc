// The Redis client shared by the stores that keep state across processes (the OTP store, the
// wrong-birth-date counter): a small hiredis connection pool that runs Lua scripts, one round
// trip each (EVALSHA, EVAL on NOSCRIPT). Any connection error, timeout or unexpected reply is
// Code::store_unavailable and the connection is dropped; the next call reconnects. Callers fail
// closed on it.
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
};

// Code::invalid_argument with the offending field for options out of range.
Status validate(const Options &opts);
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
    // One EVALSHA of an empty script on a pooled connection: the floor of any operation (benchmarks).
    Status eval_empty();

private:
    struct Slot {
        std::mutex mu;
        redisContext *ctx = nullptr;
        pid_t pid = 0;
    };
    explicit Client(Options opts);
    static void before_fork() noexcept;
    static void after_fork() noexcept;
    Status connect(Slot &s);
    void drop(Slot &s) noexcept;
    Slot &acquire(std::unique_lock<std::mutex> &lock);

    Options opts_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::atomic<unsigned> next_{0};
};

}  // namespace sesame::redis
