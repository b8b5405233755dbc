/**
 * @file sesame/phone.h
 * @brief Phone numbers: E.164 normalization with the French overseas plan.
 *
 * Turns what a parent or a school secretary typed into the E.164 number of a French or foreign
 * phone, says whether it can receive an SMS, and refuses everything that is not clearly a phone
 * number (spec: shared/spec/phone.md). Default country France; the overseas numbering is folded in
 * (`0692 12 34 56` is `+262692123456`, a Réunion mobile). Foreign numbers follow libphonenumber
 * 8.12.57's metadata, compiled into the library (libphonenumber is not a dependency).
 *
 * A refused input is a result, not a failing status: the call returns ::SESAME_OK and the result's
 * `error` says why (one of ::sesame_phone_error). Failing statuses are reserved for bad arguments
 * (NULL pointers, a wrong struct_size, an unknown enum value). The library never logs the numbers.
 */
#ifndef SESAME_PHONE_H
#define SESAME_PHONE_H

#include "sesame/common.h"
#include "sesame/errors.h"

SESAME_BEGIN_DECL

/** Why an input was refused (the first failing rule of the spec wins, in this order). @since 0.1 */
typedef enum sesame_phone_error {
    SESAME_PHONE_OK = 0,                 /**< accepted */
    SESAME_PHONE_TOO_LONG = 1,           /**< more than 250 bytes (checked before UTF-8) */
    SESAME_PHONE_INVALID_UTF8 = 2,       /**< not strict UTF-8 */
    SESAME_PHONE_EXTENSION = 3,          /**< an extension (`;ext=`, `poste 12`, `x 12`, `# 12`...) */
    SESAME_PHONE_INVALID_CHARACTER = 4,  /**< a letter, `*`, `#`, a second `+`, a NUL, an emoji... */
    SESAME_PHONE_NO_DIGITS = 5,          /**< no digit at all (also empty or blank input) */
    SESAME_PHONE_INVALID_LENGTH = 6,     /**< no shape of a French or international number */
    SESAME_PHONE_INVALID_NUMBER = 7      /**< unknown country code, or a range no plan assigns */
} sesame_phone_error;

/** Line type, as libphonenumber names them (French plan: ARCEP ranges). @since 0.1 */
typedef enum sesame_phone_type {
    SESAME_PHONE_TYPE_UNKNOWN = 0,
    SESAME_PHONE_TYPE_MOBILE = 1,
    SESAME_PHONE_TYPE_FIXED_LINE = 2,
    SESAME_PHONE_TYPE_FIXED_LINE_OR_MOBILE = 3,
    SESAME_PHONE_TYPE_VOIP = 4,
    SESAME_PHONE_TYPE_TOLL_FREE = 5,
    SESAME_PHONE_TYPE_PREMIUM_RATE = 6,
    SESAME_PHONE_TYPE_SHARED_COST = 7,
    SESAME_PHONE_TYPE_UAN = 8,
    SESAME_PHONE_TYPE_PAGER = 9,
    SESAME_PHONE_TYPE_PERSONAL_NUMBER = 10,
    SESAME_PHONE_TYPE_VOICEMAIL = 11
} sesame_phone_type;

/** The texts of an accepted number (sesame_phone_text()). @since 0.1 */
typedef enum sesame_phone_field {
    SESAME_PHONE_E164 = 0,           /**< "+262692123456" */
    SESAME_PHONE_REGION = 1,         /**< ISO 3166 alpha-2 ("FR", "RE", "GB") or "001" (non-geographic) */
    SESAME_PHONE_NATIONAL = 2,       /**< "06 92 12 34 56" (French plan); libphonenumber NATIONAL otherwise */
    SESAME_PHONE_INTERNATIONAL = 3,  /**< "+262 692 12 34 56" */
    SESAME_PHONE_MASKED = 4          /**< "+262 6•• •• •• 56": every NSN digit but the first and the last two
                                          replaced by U+2022 BULLET (UTF-8 E2 80 A2), for screens and logs */
} sesame_phone_field;

/** A buffer of this many bytes holds any text of sesame_phone_text() and its NUL. @since 0.1 */
#define SESAME_PHONE_TEXT_SIZE 96

/** Same value as SESAME_PHONE_TEXT_SIZE, for FFIs that do not see macros. @since 0.1 */
SESAME_API size_t sesame_phone_text_size(void) SESAME_NOEXCEPT;

/**
 * The outcome of sesame_phone_normalize(). Initialise with sesame_phone_result_init() (it sets
 * struct_size); the library writes only the first struct_size bytes. @since 0.1
 */
typedef struct sesame_phone_result {
    size_t struct_size;    /**< set by sesame_phone_result_init() */
    int32_t error;         /**< a ::sesame_phone_error; ::SESAME_PHONE_OK when accepted */
    int32_t country_code;  /**< calling code (33, 262, 44...); 0 when refused */
    int32_t type;          /**< a ::sesame_phone_type; ::SESAME_PHONE_TYPE_UNKNOWN when refused */
    bool is_mobile;        /**< can receive the activation SMS; false when refused */
} sesame_phone_result;

/**
 * Sets `r->struct_size = sizeof *r` and the other fields to a refused, empty result.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT when r is NULL.
 * Thread safety: thread-safe. @since 0.1
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_result_init(sesame_phone_result *r) SESAME_NOEXCEPT;

/**
 * Normalizes a typed phone number (default country France, overseas folded).
 * Never allocates; cost linear in raw_len (inputs above 250 bytes are refused at once).
 * @param[out] out result, initialised with sesame_phone_result_init(); must not be NULL.
 * @param raw, raw_len the bytes typed (UTF-8 expected; no NUL terminator read); NULL only with 0.
 * @return ::SESAME_OK (also for a refused number: see `out->error`), ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 0.1
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_normalize(sesame_phone_result *out, const char *raw,
                                                                 size_t raw_len) SESAME_NOEXCEPT;

/**
 * One text of the number `raw` normalizes to (size-query convention of errors.h; the text always
 * fits in SESAME_PHONE_TEXT_SIZE bytes). A refused input gives the empty text and ::SESAME_OK.
 * @param[out] out, out_cap, out_len output buffer (size-query convention, errors.h).
 * @param raw, raw_len the bytes typed; NULL only with 0.
 * @param field a ::sesame_phone_field.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT (unknown field,
 *         NULL out_len, NULL out with a non-zero out_cap, NULL raw with a non-zero length).
 * Thread safety: thread-safe. @since 0.1
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_text(char *out, size_t out_cap, size_t *out_len,
                                                            const char *raw, size_t raw_len,
                                                            int32_t field) SESAME_NOEXCEPT;

/**
 * Whether two typed numbers are the same phone: true iff both normalize and give the same E.164
 * (a refused side gives false). Use it to compare what a parent types with the number on record.
 * @param[out] out the answer; must not be NULL.
 * @param a, a_len, b, b_len the two inputs; NULL only with a length of 0.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 0.1
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_same_number(bool *out, const char *a, size_t a_len,
                                                                   const char *b, size_t b_len) SESAME_NOEXCEPT;

/**
 * The stable name of an error ("too_long", "invalid_number"; "none" for ::SESAME_PHONE_OK).
 * @return a static string, or NULL for a value outside ::sesame_phone_error.
 * Thread safety: thread-safe. @since 0.1
 */
SESAME_API const char *sesame_phone_error_name(int32_t error) SESAME_NOEXCEPT;

/**
 * The stable name of a type ("mobile", "fixed_line_or_mobile", "unknown"...).
 * @return a static string, or NULL for a value outside ::sesame_phone_type.
 * Thread safety: thread-safe. @since 0.1
 */
SESAME_API const char *sesame_phone_type_name(int32_t type) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_PHONE_H */
