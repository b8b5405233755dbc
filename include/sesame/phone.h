/**
 * @file sesame/phone.h
 * @brief Phone numbers: E.164 normalization with the French overseas plan.
 *
 * Turns what a parent or a school secretary typed into the E.164 number of a French or foreign
 * phone, says whether it can receive an SMS, and refuses everything that is not clearly a phone
 * number (spec: docs/spec/phone.md). Default country France; the overseas numbering is folded in
 * (`0692 12 34 56` is `+262692123456`, a Réunion mobile). Foreign numbers follow libphonenumber's
 * metadata (the release tools/gen/gen_phone_metadata.py pins, 9.0.40 today), compiled into the
 * library (libphonenumber is not a dependency).
 *
 * One call, sesame_phone_normalize(), fills a ::sesame_phone_result with everything a caller
 * reads: the verdict, E.164, region, type, mobility and the three display forms, inline.
 *
 * A refused input is a result, not a failing status: the call returns ::SESAME_OK and the result's
 * `error` says why (one of ::sesame_phone_error). Failing statuses are reserved for bad arguments
 * (NULL pointers, a wrong struct_size). The library never logs the numbers.
 */
#ifndef SESAME_PHONE_H
#define SESAME_PHONE_H

#include "sesame/common.h"
#include "sesame/errors.h"

SESAME_BEGIN_DECL

/** Why an input was refused (the first failing rule of the spec wins, in this order). @since 1.0 */
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

/** Line type, as libphonenumber names them (French plan: ARCEP ranges). @since 1.0 */
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

/** Sizes of the texts of ::sesame_phone_result, NUL included. @since 1.0 */
typedef enum sesame_phone_sizes {
    SESAME_PHONE_E164_SIZE = 17,   /**< '+', at most 15 digits, NUL */
    SESAME_PHONE_REGION_SIZE = 4,  /**< "FR", "001", NUL */
    SESAME_PHONE_FORMAT_SIZE = 96  /**< a display form (the masked one takes 3 bytes per bullet), NUL */
} sesame_phone_sizes;

/**
 * The outcome of sesame_phone_normalize(), texts inline and NUL-terminated. Initialise with
 * sesame_phone_result_init() (or set `struct_size = sizeof(sesame_phone_result)`); the library
 * writes only the first struct_size bytes. A refused input leaves every text empty. @since 1.0
 */
typedef struct sesame_phone_result {
    size_t struct_size;                           /**< set by sesame_phone_result_init() */
    int32_t error;                                /**< a ::sesame_phone_error; ::SESAME_PHONE_OK when accepted */
    int32_t country_code;                         /**< calling code (33, 262, 44...); 0 when refused */
    int32_t type;                                 /**< a ::sesame_phone_type; ::SESAME_PHONE_TYPE_UNKNOWN when refused */
    bool is_mobile;                               /**< can receive the activation SMS (iff type is mobile or
                                                       fixed_line_or_mobile); false when refused */
    char e164[SESAME_PHONE_E164_SIZE];            /**< "+262692123456" */
    char region[SESAME_PHONE_REGION_SIZE];        /**< ISO 3166 alpha-2 ("FR", "RE", "GB") or "001" (non-geographic) */
    char national[SESAME_PHONE_FORMAT_SIZE];      /**< "06 92 12 34 56" (French plan); otherwise libphonenumber's
                                                       NATIONAL format where it normalizes back to this number,
                                                       else the international form ("+44 20 7946 0958": a
                                                       national form is read as French) */
    char international[SESAME_PHONE_FORMAT_SIZE]; /**< "+262 692 12 34 56" */
    char masked[SESAME_PHONE_FORMAT_SIZE];        /**< "+262 6•• •• •• 56": the international form with every NSN digit
                                                       but the first and the last two replaced by U+2022 BULLET
                                                       (UTF-8 E2 80 A2), for screens and logs */
} sesame_phone_result;

/**
 * Sets `r->struct_size = sizeof *r` and the other fields to a refused, empty result.
 * @param[out] r must not be NULL.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT when r is NULL.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_result_init(sesame_phone_result *r) SESAME_NOEXCEPT;

/**
 * Normalizes a typed phone number (default country France, overseas folded) and writes the whole
 * outcome into `out`: one call gives the verdict, E.164, region, type, mobility and display forms.
 * Never allocates; cost linear in raw_len (inputs above 250 bytes are refused at once).
 * @param[out] out the result (its struct_size set); must not be NULL.
 * @param raw, raw_len the bytes typed (UTF-8 expected; no NUL terminator read); NULL only with 0.
 * @return ::SESAME_OK (also for a refused number: see `out->error`), ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_normalize(sesame_phone_result *out, const char *raw,
                                                                 size_t raw_len) SESAME_NOEXCEPT;

/**
 * Whether two typed numbers are the same phone: true iff both normalize and give the same E.164
 * (a refused side gives false). Use it to compare what a parent types with the number on record.
 * @param[out] out the answer; must not be NULL.
 * @param a, a_len, b, b_len the two inputs; NULL only with a length of 0.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_same_number(bool *out, const char *a, size_t a_len,
                                                                   const char *b, size_t b_len) SESAME_NOEXCEPT;

/**
 * The stable name of an error ("too_long", "invalid_number"...; "" for ::SESAME_PHONE_OK).
 * @return a static string, never NULL; "" for a value outside ::sesame_phone_error.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_phone_error_name(int32_t error) SESAME_NOEXCEPT;

/**
 * The stable name of a type ("mobile", "fixed_line_or_mobile", "unknown"...).
 * @return a static string, never NULL; "" for a value outside ::sesame_phone_type.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_phone_type_name(int32_t type) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_PHONE_H */
