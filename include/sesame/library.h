/**
 * @file sesame/library.h
 * @brief Library-wide calls: initialisation, build information, wiping caller buffers.
 */
#ifndef SESAME_LIBRARY_H
#define SESAME_LIBRARY_H

#include "sesame/common.h"
#include "sesame/errors.h"

SESAME_BEGIN_DECL

/**
 * Initialise the library (libsodium and the Unicode tables). Optional: every function that needs
 * it initialises on first use; call it at start-up to pay that cost early and to fail fast.
 * Idempotent.
 * @return ::SESAME_OK, or ::SESAME_E_CRYPTO when libsodium cannot initialise (no usable entropy).
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_init(void) SESAME_NOEXCEPT;

/**
 * A one-line description of the build, e.g.
 * "sesame 1.0.0 (libsodium 1.0.18, utf8proc 2.8.0, ICU 72.1, OpenSSL 3.0.19, redis store: yes)".
 * @param[out] out buffer, may be NULL when out_cap is 0 (size query).
 * @param out_cap capacity of `out` in bytes.
 * @param[out] out_len required length in bytes without the NUL; must not be NULL.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_build_info(char *out, size_t out_cap, size_t *out_len) SESAME_NOEXCEPT;

/**
 * Overwrite `len` bytes at `p` with zeros in a way the compiler cannot remove (sodium_memzero).
 * Use it on every buffer that received a secret from Sesame (an SMS code, a password copy).
 * NULL with any length is a no-op. Thread safety: thread-safe. @since 1.0
 */
SESAME_API void sesame_memzero(void *p, size_t len) SESAME_NOEXCEPT;

/**
 * Copy `s` replacing every ill-formed UTF-8 subsequence by U+FFFD (Unicode's "maximal subpart"
 * practice), for echoing untrusted input in logs, JSON or a UI. Output follows the size-query
 * convention; the result is at most 3 * s_len bytes.
 * @param[out] out, out_cap, out_len output buffer (size-query convention, errors.h).
 * @param s, s_len input bytes; NULL only with s_len 0.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_utf8_repair(char *out, size_t out_cap, size_t *out_len,
                                                             const char *s, size_t s_len) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_LIBRARY_H */
