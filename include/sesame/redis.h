/**
 * @file sesame/redis.h
 * @brief How Sesame reaches Redis: the connection options shared by every object kept in Redis
 * (the OTP store of sesame/otp.h, the wrong-birth-date counter of sesame/identity.h).
 *
 * Each object opens its own small pool of connections lazily (the first call connects), so a
 * server that is down at start-up is not an error: the calls fail with
 * ::SESAME_E_STORE_UNAVAILABLE until it answers. A pooled connection the server has closed
 * meanwhile (its `timeout` for idle clients, a restart, CLIENT KILL) is noticed before it is used
 * and reopened, so that call does not fail. hiredis 0.14 (Debian 12) has no TLS: use a unix
 * socket, or a local TLS tunnel, to reach a remote server.
 *
 * Redis Sentinel (a primary with replicas): give `sentinels` and `master_name` instead of host
 * and port. The master is asked from the sentinels, every new connection checks with ROLE that it
 * reached a master, and the master is asked again after a connection loss, a READONLY reply or a
 * role change; a script refused as READONLY (it wrote nothing) is sent once more to the new
 * master, any other failure is ::SESAME_E_STORE_UNAVAILABLE for that call (fail closed).
 *
 * What ::SESAME_E_STORE_UNAVAILABLE means for state: nothing was granted, but a write may have
 * happened before the failure was seen (a timeout or a lost connection after the script ran):
 * an unavailable verify may have consumed the code or counted a failure, an unavailable issue may
 * have replaced the pending code and started the cooldown. The application tells the parent the
 * service is briefly unavailable and lets them ask for a new code. `wait_replicas` closes the one
 * gap that would grant: see its field.
 */
#ifndef SESAME_REDIS_H
#define SESAME_REDIS_H

#include "sesame/common.h"
#include "sesame/errors.h"

SESAME_BEGIN_DECL

/**
 * Connection options. Initialise with sesame_redis_options_init(); every text is a (pointer,
 * length) pair, read only during the call that takes the options (the object copies what it
 * keeps; the password is wiped when the object is freed). @since 1.0
 */
typedef struct sesame_redis_options {
    size_t struct_size;         /**< set by sesame_redis_options_init() */
    const char *host;           /**< server address (default "127.0.0.1" when NULL or empty); not a URL */
    size_t host_len;
    int32_t port;               /**< TCP port, 1..65,535 (default 6379) */
    const char *unix_socket;    /**< unix socket path; when set, host and port are ignored */
    size_t unix_socket_len;
    const char *prefix;         /**< key prefix, at most 128 bytes; NULL: the object's default
                                     ("sesame:otp:" for the OTP store, "sesame:dates:" for the counter) */
    size_t prefix_len;
    int32_t connect_timeout_ms; /**< 1..60,000 (default 200) */
    int32_t timeout_ms;         /**< per command, 1..60,000 (default 200): a slower reply is ::SESAME_E_STORE_UNAVAILABLE */
    const char *username;       /**< ACL user for AUTH (optional; needs a password) */
    size_t username_len;
    const char *password;       /**< AUTH password (optional) */
    size_t password_len;
    int32_t db;                 /**< SELECT index, 0..65,535 (default 0) */
    int32_t connections;        /**< connection pool size, 1..64 (default 1); more helps many threads */
    const char *sentinels;      /**< Redis Sentinel: "host:port,host:port" (IPv6 as "[::1]:26379"), 1..16 sentinels;
                                     NULL or empty: no Sentinel (host, port or unix_socket are used) */
    size_t sentinels_len;
    const char *master_name;    /**< the master's name in the sentinels' configuration (required with sentinels) */
    size_t master_name_len;
    const char *sentinel_password; /**< AUTH for the sentinels (optional) */
    size_t sentinel_password_len;
    int32_t wait_replicas;      /**< 0..16 (default 0). With N > 0, a verify that consumes a code answers OK only
                                     once N replicas acknowledged it (WAIT, up to 3/4 of timeout_ms, in the same
                                     round trip), otherwise ::SESAME_E_STORE_UNAVAILABLE: no failover can then
                                     bring a consumed code back. The code is consumed on the master either way. */
} sesame_redis_options;

/**
 * Sets `opts->struct_size` and the defaults.
 * @param[out] opts must not be NULL.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT when opts is NULL.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_redis_options_init(sesame_redis_options *opts) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_REDIS_H */
