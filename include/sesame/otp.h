/**
 * @file sesame/otp.h
 * @brief SMS security codes (issue, verify with TTL, attempts, quotas, single use) and HOTP/TOTP.
 *
 * The portal sends "un code de sécurité (valable 30 min)" by SMS; Sesame generates and checks the
 * codes, the host sends the SMS. A challenge is bound to (subject, purpose): the subject is a phone
 * number, canonicalized to E.164 (so "06 12 34 56 78" and "+33612345678" share one challenge and
 * one budget); the purpose is 1..32 bytes of `[a-z0-9_.-]` ("activation", "password_reset").
 *
 * Rules (docs/spec/otp.md): a code is valid iff `issued_at <= now < issued_at + ttl`; a right
 * code consumes the challenge; a new code replaces the previous one; at most `max_attempts` wrong
 * codes per challenge (the last one locks it) and `max_failures_per_hour` failures per (subject,
 * purpose) in any rolling hour, not reset by new codes; `cooldown_s` between two codes and at most
 * `max_sends_per_hour` codes per rolling hour. Only keyed hashes are stored: a store dump shows
 * neither codes nor phone numbers.
 *
 * TTL trade-off: the default (600 s) follows OWASP ASVS and NIST SP 800-63B; the portal preset
 * (sesame_otp_options_init_portal(), 1,800 s) matches the SMS text "valable 30 min" for parents who
 * read their SMS late. A longer TTL gives an attacker more time but not more guesses: the attempt
 * and hourly caps bound guesses to `max_failures_per_hour` per hour whatever the TTL.
 *
 * Time is an argument: every call takes `now_ms` (Unix milliseconds) from the caller; a clock that
 * goes backwards never extends a code's life.
 *
 * Stores: by default each service has a private in-process store (sharded, memory bounded). It is
 * not shared between processes and refuses use after fork() (::SESAME_E_STORE_UNAVAILABLE): PHP-FPM
 * and multi-server deployments use the Redis store (sesame_otp_store_new_redis()).
 *
 * One call per operation: sesame_otp_issue() fills a ::sesame_otp_issue_result (the code, the
 * canonical number to send it to, its expiry, or the seconds to wait), sesame_otp_verify() a
 * ::sesame_otp_verify_result (verdict and attempts left).
 */
#ifndef SESAME_OTP_H
#define SESAME_OTP_H

#include "sesame/common.h"
#include "sesame/errors.h"
#include "sesame/phone.h"
#include "sesame/redis.h"

SESAME_BEGIN_DECL

/** Sizes. @since 1.0 */
typedef enum sesame_otp_sizes {
    SESAME_OTP_KEY_BYTES = 32,       /**< Size of the code key and of the index key. */
    SESAME_OTP_CODE_SIZE = 11,       /**< Longest code (10 digits) and its NUL. */
    SESAME_OTP_MAX_PREVIOUS_KEYS = 8 /**< Previous keys accepted for rotation. */
} sesame_otp_sizes;

/** The outcome of sesame_otp_verify(). @since 1.0 */
typedef enum sesame_otp_verdict {
    SESAME_OTP_OK = 0,           /**< Right code: the challenge is consumed. */
    SESAME_OTP_WRONG_CODE = 1,   /**< Wrong (or malformed) code; `attempts_left` says how many remain. */
    SESAME_OTP_EXPIRED = 2,      /**< The code's time is over (or `now` is before its issue). */
    SESAME_OTP_NO_CHALLENGE = 3, /**< No code pending (never issued, consumed, or forgotten). */
    SESAME_OTP_LOCKED = 4,       /**< Too many wrong codes for this challenge; issue a new one. */
    SESAME_OTP_RATE_LIMITED = 5  /**< Too many failures for this subject and purpose in the last hour. */
} sesame_otp_verdict;

/** An OTP service: keys, options and a store. Opaque. @since 1.0 */
typedef struct sesame_otp_service sesame_otp_service;
/** A challenge store (in-process or Redis), shareable by several services. Opaque. @since 1.0 */
typedef struct sesame_otp_store sesame_otp_store;

/** Options of a service. Initialise with sesame_otp_options_init() or _init_portal(). @since 1.0 */
typedef struct sesame_otp_options {
    size_t struct_size;             /**< Set by the init functions. */
    int32_t ttl_s;                  /**< Code lifetime, 1..86,400 s (default 600; portal 1,800). */
    int32_t max_attempts;           /**< Wrong codes per challenge, 1..10 (5). */
    int32_t max_failures_per_hour;  /**< Failures per subject and purpose per rolling hour, max_attempts..1,000 (10). */
    int32_t cooldown_s;             /**< Seconds between two codes, 0..3,600 (60; 0 disables). */
    int32_t max_sends_per_hour;     /**< Codes per rolling hour, 1..100 (5). */
    int32_t digits;                 /**< Code length, 6..10 (6). */
    /** Key of the store keys (32 secret bytes) that must never change, so that rotating the code
     *  key neither orphans pending challenges nor resets counters. NULL (default): derived from the
     *  code key, which is fine only if you never rotate: set it explicitly when you may rotate. */
    const uint8_t *index_key;
    size_t index_key_len;           /**< 0 or 32. */
    /** Previous code keys still accepted for verification (rotation): `previous_key_count` ids, and
     *  `previous_key_count * 32` bytes of keys, concatenated in the same order. */
    const uint32_t *previous_key_ids;
    const uint8_t *previous_keys;
    size_t previous_key_count;      /**< 0..8. */
} sesame_otp_options;

/**
 * Sets `struct_size` and the defaults (600 s TTL, OWASP ASVS / NIST).
 * @param[out] opts must not be NULL.
 * @return ::SESAME_OK or ::SESAME_E_INVALID_ARGUMENT. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_options_init(sesame_otp_options *opts) SESAME_NOEXCEPT;

/**
 * Same as sesame_otp_options_init() with the portal's 1,800 s TTL ("valable 30 min").
 * @return ::SESAME_OK or ::SESAME_E_INVALID_ARGUMENT. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_options_init_portal(sesame_otp_options *opts) SESAME_NOEXCEPT;

/** Options of the in-process store. @since 1.0 */
typedef struct sesame_otp_memory_options {
    size_t struct_size;  /**< Set by sesame_otp_memory_options_init(). */
    size_t max_records;  /**< Records (subject, purpose pairs) held at most (default 1,000,000, about 140 MB);
                              a new pair beyond it gets ::SESAME_E_STORE_FULL. */
} sesame_otp_memory_options;

/** Sets `struct_size` and the defaults. @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: thread-safe. @since 1.0 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_memory_options_init(sesame_otp_memory_options *opts) SESAME_NOEXCEPT;

/**
 * Creates an in-process store (sharded, one lock per shard, lazy expiry and periodic sweep).
 * @param[out] out receives the store (NULL on failure); free with sesame_otp_store_free().
 * @param opts NULL for the defaults.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_store_new_memory(sesame_otp_store **out,
                                                                       const sesame_otp_memory_options *opts) SESAME_NOEXCEPT;

/**
 * Creates a Redis store (hiredis): each issue or verify is one round trip through a Lua script
 * (EVALSHA, loaded with EVAL on NOSCRIPT), atomic across processes and servers, so PHP-FPM workers
 * and several web servers share one truth. Connects lazily: a server that is down gives
 * ::SESAME_E_STORE_UNAVAILABLE per call (nothing granted) and the next call reconnects. Redis TTLs
 * only collect garbage; correctness uses the callers' `now_ms`. hiredis 0.14 has no TLS: use a
 * unix socket or a local TLS tunnel. A forked child opens its own connections.
 * @param[out] out receives the store (NULL on failure).
 * @param opts the connection (sesame/redis.h); NULL for the defaults. Its prefix defaults to "sesame:otp:".
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM, ::SESAME_E_UNSUPPORTED (built
 *         without hiredis).
 * Thread safety: thread-safe (the store is internally synchronized). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_store_new_redis(sesame_otp_store **out,
                                                                      const sesame_redis_options *opts) SESAME_NOEXCEPT;

/**
 * Releases the caller's reference to a store; services using it keep it alive. NULL is a no-op.
 * Thread safety: per-handle. @since 1.0
 */
SESAME_API void sesame_otp_store_free(sesame_otp_store *store) SESAME_NOEXCEPT;

/**
 * Creates a service.
 * @param[out] out receives the service (NULL on failure); free with sesame_otp_service_free().
 * @param key the code key, exactly 32 bytes (::SESAME_OTP_KEY_BYTES) from the host's secret store; copied.
 * @param key_len must be 32.
 * @param key_id the id stored with each code hash, so that previous keys can still verify after rotation.
 * @param opts NULL for the defaults; read only during the call.
 * @param store NULL for a private in-process store; otherwise a store shared with other services
 *              (the service keeps its own reference).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (a key size, an option out of range: the detail
 *         names it), ::SESAME_E_NOMEM, ::SESAME_E_CRYPTO.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_service_new(sesame_otp_service **out, const uint8_t *key,
                                                                  size_t key_len, uint32_t key_id,
                                                                  const sesame_otp_options *opts,
                                                                  sesame_otp_store *store) SESAME_NOEXCEPT;

/** Frees a service (its keys are wiped). NULL is a no-op. Thread safety: per-handle. @since 1.0 */
SESAME_API void sesame_otp_service_free(sesame_otp_service *svc) SESAME_NOEXCEPT;

/**
 * The outcome of sesame_otp_issue(). Initialise with sesame_otp_issue_result_init() (or set
 * `struct_size = sizeof(sesame_otp_issue_result)`). `code` is the only plaintext copy of the code:
 * send it, then wipe the struct with sesame_memzero(). @since 1.0
 */
typedef struct sesame_otp_issue_result {
    size_t struct_size;                /**< set by sesame_otp_issue_result_init() */
    char code[SESAME_OTP_CODE_SIZE];   /**< `digits` ASCII digits and a NUL; empty when nothing was issued */
    char e164[SESAME_PHONE_E164_SIZE]; /**< the canonical number the challenge is bound to: send the SMS there */
    int64_t expires_at_ms;             /**< now_ms + ttl: the code is valid strictly before it; 0 when nothing was issued */
    int32_t retry_after_s;             /**< with ::SESAME_E_COOLDOWN and ::SESAME_E_QUOTA: seconds to wait; else 0 */
} sesame_otp_issue_result;

/**
 * Sets `r->struct_size = sizeof *r` and the other fields to zero.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL). Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_issue_result_init(sesame_otp_issue_result *r) SESAME_NOEXCEPT;

/**
 * Issues a new code for (phone, purpose), replacing any pending one.
 * Order: invalid phone or purpose → ::SESAME_E_INVALID_ARGUMENT; failure cap reached →
 * ::SESAME_E_RATE_LIMITED; cooldown → ::SESAME_E_COOLDOWN; send quota → ::SESAME_E_QUOTA (both set
 * `out->retry_after_s` = max(1, ceil(ms / 1000))); store full → ::SESAME_E_STORE_FULL; store
 * failure → ::SESAME_E_STORE_UNAVAILABLE. On any failure `out->code` is empty. A non-mobile number is
 * accepted (check is_mobile with sesame_phone_normalize() first).
 * @param[out] out the result (its struct_size set); must not be NULL.
 * @param svc the service. @param phone, phone_len the number as typed (UTF-8).
 * @param purpose, purpose_len the label. @param now_ms the current time, Unix milliseconds.
 * @return see above.
 * Thread safety: thread-safe (a service may be used from many threads). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_issue(sesame_otp_issue_result *out, const sesame_otp_service *svc,
                                                           const char *phone, size_t phone_len, const char *purpose,
                                                           size_t purpose_len, int64_t now_ms) SESAME_NOEXCEPT;

/**
 * The outcome of sesame_otp_verify(). Initialise with sesame_otp_verify_result_init() (or set
 * `struct_size = sizeof(sesame_otp_verify_result)`). @since 1.0
 */
typedef struct sesame_otp_verify_result {
    size_t struct_size;     /**< set by sesame_otp_verify_result_init() */
    int32_t verdict;        /**< a ::sesame_otp_verdict */
    int32_t attempts_left;  /**< wrong codes still allowed on this challenge, with ::SESAME_OTP_WRONG_CODE; else 0 */
} sesame_otp_verify_result;

/**
 * Sets `r->struct_size = sizeof *r`, the verdict to ::SESAME_OTP_NO_CHALLENGE and attempts to 0.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL). Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_verify_result_init(sesame_otp_verify_result *r) SESAME_NOEXCEPT;

/**
 * Verifies a typed code. Spaces and hyphens are ignored and fullwidth digits accepted; anything else
 * that is not exactly `digits` digits is a wrong code (and counts as a failure).
 * Order: invalid phone or purpose → ::SESAME_E_INVALID_ARGUMENT; store failure →
 * ::SESAME_E_STORE_UNAVAILABLE (nothing granted); then the verdicts RATE_LIMITED (even for the
 * right code), NO_CHALLENGE, LOCKED, EXPIRED, then OK or WRONG_CODE (the max_attempts-th wrong code
 * gives LOCKED). The comparison is constant-time. With the in-process store wrong, expired and
 * absent cost the same time; the Redis store does the work each verdict needs (a wrong code is
 * written back, an absent one is not: a verify must not create state), so its time tells them
 * apart: docs/deployment.md says what that can reveal and how to hide it.
 * @param[out] out the result (its struct_size set); must not be NULL.
 * @param code, code_len the typed code (any bytes; NULL only with 0).
 * @return ::SESAME_OK (see `out->verdict`), ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_STORE_UNAVAILABLE.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_verify(sesame_otp_verify_result *out, const sesame_otp_service *svc,
                                                            const char *phone, size_t phone_len, const char *purpose,
                                                            size_t purpose_len, const char *code, size_t code_len,
                                                            int64_t now_ms) SESAME_NOEXCEPT;

/**
 * The stable name of a verdict: "ok", "wrong_code", "expired", "no_challenge", "locked",
 * "rate_limited"; "" for a value outside ::sesame_otp_verdict. Never NULL.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_otp_verdict_name(int32_t verdict) SESAME_NOEXCEPT;

/* ---- HOTP (RFC 4226) / TOTP (RFC 6238), for authenticator apps ---------------------------- */

/** The HMAC hash of HOTP/TOTP. @since 1.0 */
typedef enum sesame_otp_hash {
    SESAME_OTP_SHA1 = 0,
    SESAME_OTP_SHA256 = 1,
    SESAME_OTP_SHA512 = 2
} sesame_otp_hash;

/**
 * HOTP value of `counter`.
 * @param[out] out, out_cap, out_len the code (`digits` ASCII digits), size-query convention.
 * @param secret, secret_len raw secret, 1..1024 bytes (see sesame_otp_base32_decode()).
 * @param digits 6..8. @param hash a ::sesame_otp_hash.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_CRYPTO.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_hotp(char *out, size_t out_cap, size_t *out_len,
                                                          const uint8_t *secret, size_t secret_len, uint64_t counter,
                                                          int32_t digits, int32_t hash) SESAME_NOEXCEPT;

/**
 * Checks a HOTP code against counters `counter` .. `counter + window`.
 * @param[out] ok must not be NULL. @param[out] next_counter may be NULL; the matched counter + 1 when ok, else `counter`.
 * @param window 0..100 look-ahead. @param code, code_len the typed code.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_CRYPTO. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_hotp_verify(bool *ok, uint64_t *next_counter,
                                                                 const uint8_t *secret, size_t secret_len,
                                                                 uint64_t counter, int32_t window, int32_t digits,
                                                                 int32_t hash, const char *code,
                                                                 size_t code_len) SESAME_NOEXCEPT;

/**
 * TOTP value at `now_ms`: HOTP of floor((now_ms / 1000 - t0_s) / step_s).
 * @param step_s 1..86,400 (30 usual). @param t0_s >= 0 (0 usual); `now` must not be before it.
 * @return as sesame_otp_hotp(). Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_totp(char *out, size_t out_cap, size_t *out_len,
                                                          const uint8_t *secret, size_t secret_len, int64_t now_ms,
                                                          int32_t step_s, int64_t t0_s, int32_t digits,
                                                          int32_t hash) SESAME_NOEXCEPT;

/**
 * Checks a TOTP code against steps t - window .. t + window, the step nearest now first. A step
 * not after `last_step` (the caller's last accepted step, -1 for none) is refused, so a step is
 * never accepted twice (a code that two steps share, about one chance in a million, may be
 * accepted once for each).
 * @param[out] ok must not be NULL. @param[out] matched_step may be NULL; the accepted step when ok, else -1.
 * @param window 0..100. @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_CRYPTO.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_totp_verify(bool *ok, int64_t *matched_step,
                                                                 const uint8_t *secret, size_t secret_len,
                                                                 int64_t now_ms, int32_t step_s, int64_t t0_s,
                                                                 int32_t window, int32_t digits, int32_t hash,
                                                                 int64_t last_step, const char *code,
                                                                 size_t code_len) SESAME_NOEXCEPT;

/**
 * RFC 4648 base32 decoding (either case; '=' padding, spaces and '-' ignored), for the secrets
 * authenticator apps show. Output: raw bytes, size-query convention (`out` as uint8_t).
 * @return ::SESAME_OK, ::SESAME_E_PARSE (a bad character or length), ::SESAME_E_INVALID_ARGUMENT,
 *         ::SESAME_E_BUFFER_TOO_SMALL. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_base32_decode(uint8_t *out, size_t out_cap, size_t *out_len,
                                                                   const char *text, size_t text_len) SESAME_NOEXCEPT;

/**
 * RFC 4648 base32 encoding with '=' padding. Output: text, size-query convention.
 * @param data, data_len input bytes (at most 1024). @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT,
 *        ::SESAME_E_BUFFER_TOO_SMALL. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_otp_base32_encode(char *out, size_t out_cap, size_t *out_len,
                                                                   const uint8_t *data, size_t data_len) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_OTP_H */
