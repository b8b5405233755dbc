/**
 * @file sesame/redis.h
 * @brief How Sesame reaches Redis: the connection options shared by every object kept in Redis
 * (the OTP store of sesame/otp.h, the wrong-birth-date counter of sesame/identity.h).
 *
 * Each object opens its own small pool of connections lazily (the first call connects), so a
 * server that is down at start-up is not an error: the calls fail with
 * ::SESAME_E_STORE_UNAVAILABLE until it answers. hiredis 0.14 (Debian 12) has no TLS: use a unix
 * socket, or a local TLS tunnel, to reach a remote server.
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
