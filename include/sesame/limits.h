/**
 * @file sesame/limits.h
 * @brief Every bound Sesame puts on its inputs, in one place (docs/limits.md explains each).
 *
 * Whatever a caller passes, memory and time stay within a small multiple of these bounds: an input
 * above its bound is refused before it is read (a validator's result says so, e.g. the phone
 * module's `too_long`; elsewhere ::SESAME_E_LIMIT with a detail naming the limit), never
 * processed slowly or truncated silently. The values are stable within a major version; a bound
 * marked "default" can be raised per call through the function's options.
 */
#ifndef SESAME_LIMITS_H
#define SESAME_LIMITS_H

#include "sesame/common.h"

SESAME_BEGIN_DECL

/** The bounds, in bytes unless the name says otherwise. @since 1.0 */
typedef enum sesame_limits {
    /** Largest `struct_size` accepted in an options or result struct (a caller may pass a struct
        from a newer header; a larger value is refused with ::SESAME_E_INVALID_ARGUMENT). */
    SESAME_STRUCT_SIZE_MAX = 4096,
    /** Nesting of arrays and objects in any JSON document. */
    SESAME_JSON_MAX_DEPTH = 16,
    /** A claim (sesame_directory_match()). */
    SESAME_CLAIM_MAX_BYTES = 65536,
    /** A password policy (sesame_password_policy_from_json()). */
    SESAME_POLICY_MAX_BYTES = 65536,
    /** A meter context (sesame_password_context_from_json()). */
    SESAME_CONTEXT_MAX_BYTES = 65536,
    /** The candidate records of one decision (sesame_identity_match_candidates()). */
    SESAME_CANDIDATES_MAX_BYTES = 16777216,
    /** A school directory (sesame_directory_load_json*()): default, raised by the load options. */
    SESAME_DIRECTORY_MAX_BYTES_DEFAULT = 1073741824,
    /** A CSV export (sesame_phone_audit_file/buffer()): default, raised by the audit options. */
    SESAME_CSV_MAX_BYTES_DEFAULT = 1073741824,
    /** The list of taken login identifiers passed to sesame_login_id() (use its callback beyond). */
    SESAME_LOGIN_TAKEN_MAX_BYTES = 67108864,
    /** A typed phone number: longer is refused as `too_long`. */
    SESAME_PHONE_MAX_INPUT_BYTES = 250,
    /** A password before normalization: more bytes, or more code points than
        ::SESAME_PASSWORD_MAX_INPUT_CODE_POINTS, is refused as `too_long`. */
    SESAME_PASSWORD_MAX_INPUT_BYTES = 2048,
    SESAME_PASSWORD_MAX_INPUT_CODE_POINTS = 512,
    /** A name whose key is computed: more code points give an invalid key. */
    SESAME_NAME_MAX_CODE_POINTS = 100,
    /** An OTP purpose label. */
    SESAME_OTP_PURPOSE_MAX_BYTES = 32,
    /** A typed SMS code: longer is a wrong code. */
    SESAME_OTP_TYPED_CODE_MAX_BYTES = 64,
    /** A HOTP/TOTP secret, and the data of sesame_otp_base32_encode(). */
    SESAME_OTP_SECRET_MAX_BYTES = 1024,
    /** Argon2id: the most memory (KiB) and passes a stored hash may ask for; sesame_password_verify()
        refuses a costlier hash with ::SESAME_E_LIMIT before running it, and
        sesame_password_hash() accepts no more. */
    SESAME_PASSWORD_HASH_MAX_MEM_KIB = 262144,
    SESAME_PASSWORD_HASH_MAX_OPS = 4,
    /** Argon2 lanes (p) a stored hash may name (Sesame hashes with 1). */
    SESAME_PASSWORD_HASH_MAX_LANES = 16
} sesame_limits;

SESAME_END_DECL

#endif /* SESAME_LIMITS_H */
