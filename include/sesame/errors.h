/**
 * @file sesame/errors.h
 * @brief The status codes every fallible Sesame function returns, and their messages.
 *
 * Conventions (all modules):
 * - A fallible function returns a ::sesame_status: ::SESAME_OK (0) on success, a negative code on
 *   failure. Codes are never reused and only appended: **new codes may be added in any minor
 *   release; treat an unknown negative value as a failure.**
 * - Validators report invalid *user input* as a result (status ::SESAME_OK plus a result field);
 *   failing statuses are reserved for arguments that must be valid (options, keys, handles).
 * - After a failure, sesame_last_error_message() gives a precise, thread-local detail.
 * - **One call per operation.** An operation writes everything a caller reads into one result
 *   struct (texts inline, NUL-terminated, in arrays whose sizes are enum constants of the module's
 *   header, e.g. ::SESAME_PHONE_E164_SIZE), so a binding makes one foreign call per user-level
 *   operation. Result and option structs start with `size_t struct_size`, set by the module's
 *   `_init` function (or to `sizeof` the struct); the library writes or reads only the first
 *   `struct_size` bytes, so a caller compiled against an older header keeps working.
 * - Variable-size outputs follow the size-query convention: `char *out, size_t out_cap,
 *   size_t *out_len`. `*out_len` always receives the required length in bytes, without the
 *   terminating NUL (also on failure); if `out_cap` is too small the function returns
 *   ::SESAME_E_BUFFER_TOO_SMALL and the buffer contents are unspecified; `out == NULL && out_cap ==
 *   0` is a valid size query. The output is NUL-terminated when there is room, but `*out_len` is
 *   authoritative.
 * - Text inputs are `(const char *s, size_t s_len)` pairs: no NUL terminator is read, NULL is legal
 *   only with a length of 0.
 * - Enumeration values cross the ABI in parameters and struct fields as `int32_t` (bit sets as
 *   `uint32_t`), never as C enum types, whose size a foreign caller cannot know; a value outside
 *   the enumeration is ::SESAME_E_INVALID_ARGUMENT. The one enum type in signatures is the
 *   returned ::sesame_status (an `int` on every supported ABI).
 * - Names: every `sesame_*_name()` function returns a static, NUL-terminated string and never
 *   NULL; the name of a value outside its enumeration is "" (the empty string), and so is the
 *   name of the "no error" value of an error enumeration.
 * - Every declaration states its thread safety: *thread-safe* (any thread, concurrently),
 *   *per-handle* (one handle never used from two threads at once), *shared-const* (a finished
 *   handle may be read from many threads). See docs/threading.md.
 */
#ifndef SESAME_ERRORS_H
#define SESAME_ERRORS_H

#include "sesame/common.h"

SESAME_BEGIN_DECL

/** Status codes. Append only; values are stable within a major version. @since 1.0 */
typedef enum sesame_status {
    SESAME_OK = 0,                    /**< Success. */
    SESAME_E_INVALID_ARGUMENT = -1,   /**< A NULL pointer, a bad length, an unknown enum or option value. */
    SESAME_E_NOMEM = -2,              /**< Memory allocation failed. */
    SESAME_E_INTERNAL = -3,           /**< A bug or an unexpected failure inside Sesame. */
    SESAME_E_BUFFER_TOO_SMALL = -4,   /**< `out_cap` is smaller than `*out_len` (+1 for the NUL is not required). */
    SESAME_E_INVALID_UTF8 = -5,       /**< A text argument that must be valid is not well-formed UTF-8. */
    SESAME_E_UNSUPPORTED = -6,        /**< The feature is not built into this library (e.g. the Redis store). */
    SESAME_E_STORE_UNAVAILABLE = -7,  /**< The state store cannot be reached or answered badly; nothing was granted. */
    SESAME_E_STORE_FULL = -8,         /**< The in-process store reached its memory bound. */
    SESAME_E_COOLDOWN = -9,           /**< Too soon since the last code for this subject and purpose. */
    SESAME_E_QUOTA = -10,             /**< Too many codes sent for this subject and purpose in the last hour. */
    SESAME_E_RATE_LIMITED = -11,      /**< Too many failed verifications in the last hour. */
    SESAME_E_EXHAUSTED = -12,         /**< No free value left (e.g. every login identifier suffix is taken). */
    SESAME_E_NOT_FOUND = -13,         /**< The named item (record, preset, key id) does not exist. */
    SESAME_E_PARSE = -14,             /**< A document (JSON, CSV) could not be parsed; the detail names the place. */
    SESAME_E_INVALID_NAME = -15,      /**< A name that must produce an identifier is empty or unusable. */
    SESAME_E_CRYPTO = -16,            /**< A cryptographic primitive failed (e.g. Argon2id could not allocate its memory). */
    SESAME_E_DUPLICATE = -17,         /**< An id or item is given twice. */
    SESAME_E_IO = -18,                /**< A file could not be read. */
    SESAME_E_STATE = -19,             /**< The object is in a state that forbids the call (e.g. used after fork()). */
    SESAME_E_CANCELLED = -20,         /**< A caller's callback asked to stop. */
    SESAME_E_LIMIT = -21              /**< An input exceeds a documented limit (size, nesting depth, cost:
                                           sesame/limits.h); the detail names the limit. */
} sesame_status;

/**
 * A static English message for a status (e.g. "invalid argument").
 * @param status any value, also unknown ones ("unknown status").
 * @return a static, NUL-terminated string, never NULL.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_status_str(int32_t status) SESAME_NOEXCEPT;

/**
 * The stable identifier of a status (e.g. "SESAME_E_INVALID_ARGUMENT"), as spelled in this header.
 * @return a static string, never NULL; "" for an unknown value.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_status_name(int32_t status) SESAME_NOEXCEPT;

/**
 * Detail about the last failure of a Sesame call on the calling thread.
 *
 * Meaningful only right after a call that returned a negative status. Never contains a secret or
 * personal data (no password, code, phone number, name or birth date).
 * @return a NUL-terminated string valid until the next Sesame call on this thread; "" if none.
 * Thread safety: thread-safe (thread-local). @since 1.0
 */
SESAME_API const char *sesame_last_error_message(void) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_ERRORS_H */
