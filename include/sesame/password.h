/**
 * @file sesame/password.h
 * @brief Passwords: the portal's policy, a French-aware strength meter, Argon2id hashing.
 *
 * One implementation of the password rules that every layer (web form, PHP back end, Python
 * scripts) can call so they all agree (spec: docs/spec/password.md):
 * - rules: strict UTF-8, control characters refused, raw caps (512 code points / 2,048 bytes),
 *   NFC (not NFKC), length in code points, Unicode uppercase (Lu/Lt), lowercase (Ll), digits (Nd),
 *   exactly the policy's specials (the portal's 25 include `£` U+00A3 and `µ` U+00B5); each rule
 *   reported separately for a live checklist, plus one verdict and the NFC length;
 * - a strength meter (score 0-4 with zxcvbn's thresholds) that knows AZERTY, French words and
 *   names, and the caller's context (names, birth dates, phone, login);
 * - confirmation (NFC forms compared in constant time);
 * - Argon2id hashing over the NFC form (libsodium crypto_pwhash_str), verify and needs_rehash.
 *
 * An unacceptable password is a result (::SESAME_OK and `error` in ::sesame_password_result), not a
 * failing status. The library never logs, stores or echoes a password; its internal copies are
 * wiped. Strings returned by the *_name / *_message / *_label functions are static UTF-8.
 */
#ifndef SESAME_PASSWORD_H
#define SESAME_PASSWORD_H

#include "sesame/common.h"
#include "sesame/errors.h"

SESAME_BEGIN_DECL

/** Why a password cannot be evaluated (precedence: invalid UTF-8, control, too long). @since 1.0 */
typedef enum sesame_password_error {
    SESAME_PASSWORD_OK = 0,            /**< evaluated (the rules may still fail) */
    SESAME_PASSWORD_INVALID_UTF8 = 1,  /**< ill-formed UTF-8 (overlong, surrogate, > U+10FFFF, truncated...) */
    SESAME_PASSWORD_CONTROL_CHAR = 2,  /**< a code point of category Cc (NUL, TAB, LF, CR, DEL, C1...) */
    SESAME_PASSWORD_TOO_LONG = 3       /**< > 512 code points or > 2,048 bytes raw, or > the policy maximum after NFC */
} sesame_password_error;

/** Character classes of a policy alternative (a bit set). @since 1.0 */
typedef enum sesame_password_class {
    SESAME_PASSWORD_CLASS_UPPER = 1,   /**< Unicode Lu or Lt */
    SESAME_PASSWORD_CLASS_LOWER = 2,   /**< Unicode Ll (µ counts) */
    SESAME_PASSWORD_CLASS_DIGIT = 4,   /**< Unicode Nd, any script */
    SESAME_PASSWORD_CLASS_SPECIAL = 8  /**< one of the policy's specials */
} sesame_password_class;

/** The rules of the checklist. @since 1.0 */
typedef enum sesame_password_rule {
    SESAME_PASSWORD_RULE_UPPER = 0,
    SESAME_PASSWORD_RULE_LOWER = 1,
    SESAME_PASSWORD_RULE_DIGIT = 2,
    SESAME_PASSWORD_RULE_SPECIAL = 3,
    SESAME_PASSWORD_RULE_LENGTH = 4,
    SESAME_PASSWORD_RULE_ALLOWED = 5  /**< only when the policy forbids other characters */
} sesame_password_rule;

/** Feedback codes of the meter (a bit set, reported when the score is 2 or less). @since 1.0 */
typedef enum sesame_password_feedback {
    SESAME_PASSWORD_FEEDBACK_COMMON_PASSWORD = 1,
    SESAME_PASSWORD_FEEDBACK_DICTIONARY_WORD = 2,
    SESAME_PASSWORD_FEEDBACK_NAME = 4,
    SESAME_PASSWORD_FEEDBACK_KEYBOARD_WALK = 8,
    SESAME_PASSWORD_FEEDBACK_SEQUENCE = 16,
    SESAME_PASSWORD_FEEDBACK_REPEAT = 32,
    SESAME_PASSWORD_FEEDBACK_DATE = 64,
    SESAME_PASSWORD_FEEDBACK_CONTEXT = 128
} sesame_password_feedback;

/** Language of labels and messages. @since 1.0 */
typedef enum sesame_password_lang {
    SESAME_PASSWORD_LANG_FR = 0,
    SESAME_PASSWORD_LANG_EN = 1
} sesame_password_lang;

/** Sizes. @since 1.0 */
typedef enum sesame_password_sizes {
    SESAME_PASSWORD_HASH_SIZE = 128,      /**< a buffer of this many bytes holds any hash of sesame_password_hash() and its NUL */
    SESAME_PASSWORD_UNACCEPTED_SIZE = 36  /**< ::sesame_password_result's `unaccepted`: 8 characters of UTF-8 and a NUL */
} sesame_password_sizes;

/** A policy (immutable once built). @since 1.0 */
typedef struct sesame_password_policy sesame_password_policy;
/** Context words for the meter (the parent's and pupils' names, birth dates, phones, login). @since 1.0 */
typedef struct sesame_password_context sesame_password_context;

/**
 * A policy preset: "portal" (the default: 8..128 code points, upper + lower + digit + special) or
 * "cnil2022" (CNIL 2022 case 1: 12+ with the four classes, or 14+ with upper, lower and digit).
 * @param[out] out receives the policy (NULL on failure); free with sesame_password_policy_free().
 * @param name, name_len the preset name.
 * @return ::SESAME_OK, ::SESAME_E_NOT_FOUND (unknown name), ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_policy_preset(sesame_password_policy **out, const char *name,
                                                                        size_t name_len) SESAME_NOEXCEPT;

/**
 * A policy from JSON: `{"alternatives": [{"min_length": 12, "classes": ["upper", "lower", "digit",
 * "special"], "min_classes": 0}], "max_length": 128, "specials": "!?@#", "forbid_other": false,
 * "min_score": null}`. Missing keys take the portal's values. `max_length` is at most 128; a
 * password is valid when one alternative is fully met (and, with `min_score`, the meter agrees).
 * @param[out] out receives the policy (NULL on failure).
 * @return ::SESAME_OK, ::SESAME_E_PARSE (not JSON), ::SESAME_E_INVALID_ARGUMENT (a bad field; the
 * detail names it), ::SESAME_E_NOMEM.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_policy_from_json(sesame_password_policy **out, const char *json,
                                                                           size_t json_len) SESAME_NOEXCEPT;

/**
 * The policy as JSON (the format of sesame_password_policy_from_json(), every key present).
 * @param[out] out, out_cap, out_len size-query output.
 * @param policy the policy; NULL means the portal's default.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_policy_to_json(char *out, size_t out_cap, size_t *out_len,
                                                                         const sesame_password_policy *policy) SESAME_NOEXCEPT;

/** Frees a policy; NULL is a no-op. Thread safety: per-handle. @since 1.0 */
SESAME_API void sesame_password_policy_free(sesame_password_policy *policy) SESAME_NOEXCEPT;

/**
 * An empty context. @param[out] out receives it (NULL on failure).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_context_new(sesame_password_context **out) SESAME_NOEXCEPT;

/**
 * A context from JSON: `{"names": ["Hélène Lefèvre", "Lucas"], "dates": ["2014-03-12"],
 * "phones": ["06 12 34 56 78"], "login": "h.lefevre"}` (every key optional). Names are folded like
 * identity keys (each token and the joined form); each date also counts as YYYY, DDMM, DDMMYY,
 * DDMMYYYY and YYYYMMDD; each phone as its national digits and its NSN.
 * @param[out] out receives the context (NULL on failure).
 * @return ::SESAME_OK, ::SESAME_E_PARSE (not JSON), ::SESAME_E_INVALID_ARGUMENT (wrong shape, unknown
 * key, a date that is not a valid YYYY-MM-DD; the detail never holds the values), ::SESAME_E_NOMEM.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_context_from_json(sesame_password_context **out, const char *json,
                                                                            size_t json_len) SESAME_NOEXCEPT;

/**
 * Adds a name (a person's given or family name, UTF-8). An unusable name adds nothing.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: per-handle. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_context_add_name(sesame_password_context *context, const char *name,
                                                                           size_t name_len) SESAME_NOEXCEPT;

/**
 * Adds a birth date "YYYY-MM-DD".
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL, or not a valid date). Thread safety: per-handle. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_context_add_date(sesame_password_context *context, const char *iso,
                                                                           size_t iso_len) SESAME_NOEXCEPT;

/**
 * Adds a phone number as typed (normalized with sesame_phone_normalize()'s rules; when it does not
 * normalize, its digits count if there are six or more).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: per-handle. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_context_add_phone(sesame_password_context *context, const char *phone,
                                                                            size_t phone_len) SESAME_NOEXCEPT;

/**
 * Adds the login identifier (folded; its letter and digit runs of 3+ count too).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: per-handle. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_context_add_login(sesame_password_context *context, const char *login,
                                                                            size_t login_len) SESAME_NOEXCEPT;

/** Frees a context; NULL is a no-op. Thread safety: per-handle. @since 1.0 */
SESAME_API void sesame_password_context_free(sesame_password_context *context) SESAME_NOEXCEPT;

/** Options of sesame_password_check(). Initialise with sesame_password_check_options_init(). @since 1.0 */
typedef struct sesame_password_check_options {
    size_t struct_size;      /**< set by sesame_password_check_options_init() */
    bool strength;           /**< run the meter (default true; forced on when the policy has a min_score) */
    int32_t reference_year;  /**< the year the meter treats as "now" for dates and years: 1900..2200, or 0
                                  (the default) for the current UTC year read from the clock */
} sesame_password_check_options;

/** Sets struct_size and the defaults. @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL). Thread safety: thread-safe. @since 1.0 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_check_options_init(sesame_password_check_options *options) SESAME_NOEXCEPT;

/** The outcome of sesame_password_check(). Initialise with sesame_password_result_init(). @since 1.0 */
typedef struct sesame_password_result {
    size_t struct_size;         /**< set by sesame_password_result_init() */
    int32_t error;              /**< a ::sesame_password_error */
    bool valid;                 /**< one policy alternative fully met, no error (and the minimum score, if any) */
    int32_t length;             /**< NFC code points; -1 (null) for invalid_utf8, control_char and the raw cap */
    bool upper;                 /**< an uppercase letter is present */
    bool lower;                 /**< a lowercase letter is present */
    bool digit;                 /**< a digit is present */
    bool special;               /**< a special character of the policy is present */
    bool length_ok;             /**< length within the reported alternative's minimum and the maximum */
    bool has_allowed_rule;      /**< the policy forbids other characters (then `allowed` is meaningful) */
    bool allowed;               /**< no character outside letters, digits and specials */
    int32_t alternative;        /**< index of the policy alternative reported (met, or the closest; also for a
                                     `too_long` password); -1 when the text could not be read
                                     (invalid UTF-8, control character, raw cap: `length` is -1 too) */
    bool has_strength;          /**< the meter ran (no error, and strength requested) */
    int32_t score;              /**< 0..4; -1 without strength */
    int32_t guesses_log10_milli;/**< 1000 x log10(estimated guesses); 0 without strength */
    uint32_t feedback;          /**< ::sesame_password_feedback bits (empty when the score is 3 or 4) */
    char unaccepted[SESAME_PASSWORD_UNACCEPTED_SIZE]; /**< the password's characters that are neither letters, digits nor
                                     the policy's specials (€, ~, ^, a space, an emoji...), distinct, in order, at most
                                     8, UTF-8, NUL-terminated: sesame_password_unaccepted_message() says why they did not
                                     count. Part of the password: wipe the struct once shown. "" on an error. */
    int32_t unaccepted_count;   /**< how many distinct such characters the password has (may exceed those listed) */
} sesame_password_result;

/** Sets struct_size and an empty result. @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: thread-safe. @since 1.0 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_result_init(sesame_password_result *result) SESAME_NOEXCEPT;

/**
 * Evaluates a password: every rule, the verdict, the NFC length and (unless disabled) the strength.
 * Cheap enough for every keystroke (a microsecond for the rules, tens for the meter at most).
 * @param[out] out the result (its struct_size set by sesame_password_result_init()).
 * @param policy the policy; NULL means the portal's preset.
 * @param context meter context; may be NULL.
 * @param password, password_len the password bytes (NULL only with 0); never copied beyond the call.
 * @param options NULL for the defaults.
 * @return ::SESAME_OK (also for an unacceptable password: see `out->error`), ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe (policy and context are only read: shared-const). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_check(sesame_password_result *out, const sesame_password_policy *policy,
                                                                const sesame_password_context *context, const char *password,
                                                                size_t password_len,
                                                                const sesame_password_check_options *options) SESAME_NOEXCEPT;

/** "" for ::SESAME_PASSWORD_OK, then "invalid_utf8", "control_char", "too_long"; "" if unknown. Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_password_error_name(int32_t error) SESAME_NOEXCEPT;
/** "upper", "lower", "digit", "special", "length", "allowed"; "" if unknown. Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_password_rule_name(int32_t rule) SESAME_NOEXCEPT;
/**
 * The checklist line of a rule for a parent, one line in French (vouvoiement) or English, with its
 * figure and made from the policy, so that a custom policy gets right labels too: "Au moins 8
 * caractères (128 au maximum)", "Au moins un caractère spécial parmi ! ? @ # $ ( ) [ ] _ . , ; & =
 * + - % * < > £ µ / :", "Au moins une lettre majuscule"... With several alternatives each line tells the
 * whole truth: the length line lists every way ("Au moins 12 caractères, ou 14 sans caractère
 * spécial (128 au maximum)" for cnil2022), a class that an alternative does without says from which
 * length ("… (facultatif à partir de 14 caractères)", "(facultatif)" when no length needs it), and an
 * "N of 4" alternative states its count ("… (au moins 3 types de caractères sur 4)").
 * @param[out] out, out_cap, out_len size-query output (UTF-8).
 * @param policy NULL for the portal's preset.
 * @param rule a ::sesame_password_rule. @param alternative the policy alternative whose figures to
 *        state (the result's `alternative`); -1 (or out of range) for the first.
 * @param lang a ::sesame_password_lang.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT (unknown rule or lang).
 * Thread safety: thread-safe (the policy is only read). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_rule_label(char *out, size_t out_cap, size_t *out_len,
                                                                     const sesame_password_policy *policy, int32_t rule,
                                                                     int32_t alternative, int32_t lang) SESAME_NOEXCEPT;

/**
 * Why the result's `unaccepted` characters did not count, for the parent: "€ n’est pas un
 * caractère spécial accepté ; caractères spéciaux acceptés : ! ? @ # …" (the special rule failed),
 * "€ et ~ ne sont pas autorisés ; utilisez des lettres, des chiffres ou ces caractères spéciaux :
 * …" (the policy forbids other characters); a space, a non-breaking space or an invisible
 * character is named in words. "" when there is nothing to say (no such character, or the special
 * rule is met and the policy allows them).
 * @param[out] out, out_cap, out_len size-query output (UTF-8; holds characters of the password:
 *        wipe it with sesame_memzero() once shown).
 * @param policy the policy of the check (NULL: the portal's). @param result the check's result.
 * @param lang a ::sesame_password_lang.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_unaccepted_message(char *out, size_t out_cap, size_t *out_len,
                                                                             const sesame_password_policy *policy,
                                                                             const sesame_password_result *result,
                                                                             int32_t lang) SESAME_NOEXCEPT;
/** fr "très faible", "faible", "moyen", "fort", "très fort"; en "very weak" ... "very strong"; "" if out of range. Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_password_score_label(int32_t score, int32_t lang) SESAME_NOEXCEPT;
/** The code of one feedback bit ("common_password", ..., "context"); "" if not exactly one known bit. Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_password_feedback_code(uint32_t feedback) SESAME_NOEXCEPT;
/** A sentence explaining one feedback bit, in the language asked; "" if unknown. Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_password_feedback_message(uint32_t feedback, int32_t lang) SESAME_NOEXCEPT;

/**
 * Confirmation: true iff both are acceptable passwords (well-formed, no control character, within
 * the raw caps) whose NFC forms are equal, compared in constant time.
 * @param[out] out the answer. @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_confirm(bool *out, const char *a, size_t a_len, const char *b,
                                                                  size_t b_len) SESAME_NOEXCEPT;

/** Sizes. @since 1.0 */
/** Argon2id limits. Initialise with sesame_password_hash_options_init(). @since 1.0 */
typedef struct sesame_password_hash_options {
    size_t struct_size;  /**< set by sesame_password_hash_options_init() */
    int64_t ops_limit;   /**< passes; 2 (libsodium interactive, the default and minimum) ..
                              ::SESAME_PASSWORD_HASH_MAX_OPS (4) */
    size_t mem_limit;    /**< bytes; 64 MiB (interactive, the default and minimum) ..
                              ::SESAME_PASSWORD_HASH_MAX_MEM_KIB KiB (256 MiB) */
} sesame_password_hash_options;

/** Sets struct_size and libsodium's interactive limits. @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: thread-safe. @since 1.0 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_hash_options_init(sesame_password_hash_options *options) SESAME_NOEXCEPT;

/**
 * Hashes the NFC form with Argon2id: "$argon2id$v=19$m=65536,t=2,p=1$...". Each call draws a new
 * salt, so size the buffer with ::SESAME_PASSWORD_HASH_SIZE rather than a size query.
 * @param[out] out, out_cap, out_len size-query output (NUL-terminated when there is room).
 * @param password, password_len the password (not checked against a policy).
 * @param options NULL for the defaults.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_UTF8, ::SESAME_E_INVALID_ARGUMENT
 * (control character, raw cap, limits out of range), ::SESAME_E_CRYPTO (Argon2id could not allocate).
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_hash(char *out, size_t out_cap, size_t *out_len, const char *password,
                                                               size_t password_len,
                                                               const sesame_password_hash_options *options) SESAME_NOEXCEPT;

/**
 * Verifies a password (NFC first, so an NFD keyboard still matches) against a stored hash
 * (Argon2id, or Argon2i imported from elsewhere, e.g. PHP's PASSWORD_ARGON2I).
 * A stored hash names its own cost: one whose memory, passes or lanes exceed the limits of
 * sesame/limits.h (what sesame_password_hash() accepts) is refused without running Argon2, so a
 * tampered row cannot cost minutes of CPU or gigabytes of memory.
 * @param[out] out true iff it matches; false for any malformed hash or password, and on failure.
 * @return ::SESAME_OK, ::SESAME_E_LIMIT (the stored cost is above the limits; the detail gives
 *         the stored and the allowed values), ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_CRYPTO.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_verify(bool *out, const char *hash, size_t hash_len,
                                                                 const char *password, size_t password_len) SESAME_NOEXCEPT;

/**
 * True when a stored hash should be recomputed at the next login: anything that is not exactly
 * what sesame_password_hash() writes with these options (Argon2id, version 19, this memory and
 * these passes, one lane): Argon2i imports, other parameters, malformed strings.
 * @param options NULL for the defaults.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL out, limits out of range).
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_password_needs_rehash(bool *out, const char *hash, size_t hash_len,
                                                                       const sesame_password_hash_options *options) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_PASSWORD_H */
