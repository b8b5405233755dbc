/**
 * @file sesame/identity.h
 * @brief Guardian link: strict name matching, typed birth dates, the school directory, the
 * activation decision and login identifiers (spec: docs/spec/identity.md).
 *
 * Names decide which guardian record gets bound, so matching is strict: canonical keys (accents,
 * case and separators ignored, non-Latin scripts refused), no typo tolerance. Personal data passed
 * here never appears in sesame_last_error_message(); errors about records name them by id.
 */
#ifndef SESAME_IDENTITY_H
#define SESAME_IDENTITY_H

#include "sesame/common.h"
#include "sesame/errors.h"
#include "sesame/limits.h"
#include "sesame/redis.h"

SESAME_BEGIN_DECL

/* ---- name keys and matching ------------------------------------------------------------------- */

/** The field a name belongs to, for sesame_name_match(). @since 1.0 */
typedef enum sesame_name_field {
    SESAME_NAME_FIELD_FAMILY = 0, /**< family names: markers (EP., NÉE), reordered double names */
    SESAME_NAME_FIELD_GIVEN = 1   /**< given names, form rule (leading runs of given names) */
} sesame_name_field;

/** Sizes. @since 1.0 */
typedef enum sesame_name_key_sizes {
    SESAME_NAME_KEY_SIZE = 512  /**< a key of a name of at most 100 code points (at most 401 bytes) and its NUL */
} sesame_name_key_sizes;

/** The outcome of sesame_name_key(), both forms inline. @since 1.0 */
typedef struct sesame_name_key_result {
    size_t struct_size;                 /**< set by sesame_name_key_result_init() */
    bool valid;                         /**< false: ill-formed UTF-8, more than 100 code points, non-Latin script,
                                             symbols... (then both texts are empty); an invalid key matches nothing */
    char text[SESAME_NAME_KEY_SIZE];    /**< tokens joined by ' ', given-name units by '|': "jean pierre|marie" */
    char compact[SESAME_NAME_KEY_SIZE]; /**< tokens concatenated: "jeanpierremarie" */
} sesame_name_key_result;

/**
 * Sets `r->struct_size = sizeof *r` and an invalid, empty key.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL). Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_name_key_result_init(sesame_name_key_result *r) SESAME_NOEXCEPT;

/**
 * The canonical key of a name (NFKD, marks removed, case folded, letter table, separators), in
 * its text and compact forms. An invalid name is a result (`valid` false), not a failure.
 * @param[out] out the result (its struct_size set); must not be NULL.
 * @param s, s_len the name (UTF-8); NULL only with s_len 0.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_name_key(sesame_name_key_result *out, const char *s,
                                                          size_t s_len) SESAME_NOEXCEPT;

/**
 * Whether a typed name matches a recorded one under the spec's family or given-name (form) rule.
 * An invalid key on either side matches nothing.
 * @param[out] match_out receives the answer; must not be NULL.
 * @param field a ::sesame_name_field.
 * @param record, record_len the school's value; typed, typed_len the attempt (UTF-8).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_name_match(bool *match_out, int32_t field,
                                                            const char *record, size_t record_len,
                                                            const char *typed, size_t typed_len) SESAME_NOEXCEPT;

/**
 * The FranceConnect tier of a recorded given name against FC `given_name`: 1 (the record is FC's
 * first given name or a leading run of them), 2 (the record matches a later run: needs the phone
 * as a step-up, never activates alone), 0 (no match).
 * @param[out] tier_out receives 0, 1 or 2; must not be NULL.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_name_fc_tier(int32_t *tier_out, const char *record, size_t record_len,
                                                              const char *fc_given, size_t fc_given_len) SESAME_NOEXCEPT;

/* ---- birth dates ----------------------------------------------------------------------------- */

/** Errors of a typed birth date, in the order the rules check them. @since 1.0 */
typedef enum sesame_date_error {
    SESAME_DATE_OK = 0,             /**< valid */
    SESAME_DATE_EMPTY = 1,          /**< nothing but white space */
    SESAME_DATE_FORMAT = 2,         /**< not one of the accepted shapes (also ill-formed UTF-8) */
    SESAME_DATE_TWO_DIGIT_YEAR = 3, /**< 12/03/14, 120314 */
    SESAME_DATE_YEAR_RANGE = 4,     /**< before 1900 */
    SESAME_DATE_MONTH_RANGE = 5,    /**< month not in 1..12 */
    SESAME_DATE_DAY_RANGE = 6,      /**< no such day in that month */
    SESAME_DATE_NOT_LEAP = 7,       /**< 29 February of a common year */
    SESAME_DATE_FUTURE = 8          /**< after the reference date */
} sesame_date_error;

/** Flags on a valid date (for logs; the date is still compared). @since 1.0 */
typedef enum sesame_date_flag {
    SESAME_DATE_FLAG_AGE_OVER_25 = 1, /**< completed age at the reference date above 25 */
    SESAME_DATE_FLAG_AGE_UNDER_2 = 2  /**< completed age below 2 */
} sesame_date_flag;

/** The outcome of sesame_date_parse(). @since 1.0 */
typedef struct sesame_date_result {
    size_t struct_size; /**< set by sesame_date_result_init() */
    int32_t error;      /**< a ::sesame_date_error; ::SESAME_DATE_OK when valid */
    int32_t date;       /**< yyyymmdd (20140312) when valid, else 0 */
    uint32_t flags;     /**< ::sesame_date_flag bits when valid, else 0 */
    char iso[11];       /**< "2014-03-12" when valid, else "" */
} sesame_date_result;

/**
 * Sets `r->struct_size = sizeof *r` and an invalid (::SESAME_DATE_EMPTY), empty date.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL). Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_date_result_init(sesame_date_result *r) SESAME_NOEXCEPT;

/**
 * Parses a birth date as typed (JJ MM AAAA, JJ/MM/AAAA, AAAA-MM-JJ, JJMMAAAA, fullwidth digits...).
 * An invalid date is a result (`out->error` != ::SESAME_DATE_OK), not a failure.
 * @param[out] out the result (its struct_size set); must not be NULL.
 * @param s, s_len the typed text; NULL only with s_len 0.
 * @param today the reference date as yyyymmdd (never read from the clock).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL output, `today` not a real date).
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_date_parse(sesame_date_result *out, const char *s, size_t s_len,
                                                            int32_t today) SESAME_NOEXCEPT;

/**
 * The stable name of a date error ("format", "not_leap"...; "" for ::SESAME_DATE_OK).
 * @return a static string, never NULL; "" for a value outside ::sesame_date_error.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_date_error_name(int32_t error) SESAME_NOEXCEPT;

/* ---- wrong-birth-date counter ------------------------------------------------------------------ */

/**
 * Counts wrong birth dates per pupil id in a sliding window, in process or in Redis. A decision
 * checks the cap and records a wrong date in one atomic step, so concurrent wrong dates never pass
 * the cap; a capped pupil gets `too_many_attempts` whatever was typed. @since 1.0
 */
typedef struct sesame_date_counter sesame_date_counter;

/**
 * Creates an in-process counter: after `max_failures` wrong dates for a pupil within `window_ms`
 * the link is refused for self-service (`too_many_attempts`).
 * @param[out] out the counter, NULL on failure; free it with sesame_date_counter_free().
 * @param max_failures at least 1 (e.g. 3); window_ms at least 1 (e.g. 86400000).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe; the counter itself may be shared by threads. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_date_counter_new(sesame_date_counter **out, uint32_t max_failures,
                                                                  int64_t window_ms) SESAME_NOEXCEPT;

/**
 * Creates a counter in Redis, shared by every process and server using the same Redis and prefix
 * (PHP-FPM workers, several web servers): the cap holds globally. Each check is one round trip
 * through a Lua script, atomic across processes; connections are made lazily, as for
 * sesame_otp_store_new_redis(). A decision whose counter is unreachable, slow or answers badly
 * returns ::SESAME_E_STORE_UNAVAILABLE: nothing is decided (fail closed). Keys are the prefix and
 * 32 hex digits of SHA-256(pupil id); no pupil id is stored in clear.
 * @param[out] out the counter, NULL on failure; free it with sesame_date_counter_free().
 * @param max_failures at least 1 (e.g. 3); window_ms at least 1 (e.g. 86400000).
 * @param opts the connection (sesame/redis.h; NULL for the defaults); its `prefix` defaults here
 *        to "sesame:dates:".
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM, ::SESAME_E_UNSUPPORTED (built
 *         without hiredis).
 * Thread safety: thread-safe (internally synchronized). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_date_counter_new_redis(sesame_date_counter **out, uint32_t max_failures,
                                                                        int64_t window_ms,
                                                                        const sesame_redis_options *opts) SESAME_NOEXCEPT;

/** Frees a counter; NULL is a no-op. Thread safety: per-handle (not while another thread uses it). @since 1.0 */
SESAME_API void sesame_date_counter_free(sesame_date_counter *counter) SESAME_NOEXCEPT;

/* ---- directory --------------------------------------------------------------------------------- */

/** The school's guardians, pupils and links, indexed by mobile number and family name. @since 1.0 */
typedef struct sesame_directory sesame_directory;

/**
 * Creates an empty directory (fill it with the sesame_directory_add_* calls).
 * @param[out] out the directory, NULL on failure; free it with sesame_directory_free().
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_new(sesame_directory **out) SESAME_NOEXCEPT;

/** Frees a directory; NULL is a no-op. Thread safety: per-handle (not while another thread uses it). @since 1.0 */
SESAME_API void sesame_directory_free(sesame_directory *dir) SESAME_NOEXCEPT;

/**
 * Adds a guardian. A phone that does not normalize to a mobile, or a name whose key is invalid,
 * keeps the guardian but makes it unreachable by that field (listed by sesame_directory_report()).
 * Civility is not an argument: it is never compared (school civility is unreliable).
 * @param dir the directory.
 * @param id, id_len the guardian's id (non-empty UTF-8).
 * @param family_name, family_name_len the usage name (`nom`); birth_name, birth_name_len the birth
 *        name (`nom_naissance`), may be empty; given_name, given_name_len (`prenom`); phone,
 *        phone_len the mobile number as recorded, may be empty. Each NULL only with length 0.
 * @return ::SESAME_OK, ::SESAME_E_DUPLICATE (id already present), ::SESAME_E_INVALID_ARGUMENT
 * (empty or ill-formed id), ::SESAME_E_NOMEM.
 * Thread safety: per-handle (not concurrently with any other use of `dir`). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_add_guardian(
    sesame_directory *dir, const char *id, size_t id_len, const char *family_name, size_t family_name_len,
    const char *birth_name, size_t birth_name_len, const char *given_name, size_t given_name_len, const char *phone,
    size_t phone_len) SESAME_NOEXCEPT;

/**
 * Adds a pupil: only the id and the birth date ("YYYY-MM-DD") take part in a decision, so the
 * pupil's names are not arguments.
 * @return ::SESAME_OK, ::SESAME_E_DUPLICATE, ::SESAME_E_PARSE (invalid birth date),
 * ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: per-handle (not concurrently with any other use of `dir`). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_add_pupil(sesame_directory *dir, const char *id, size_t id_len,
                                                                     const char *birthdate,
                                                                     size_t birthdate_len) SESAME_NOEXCEPT;

/**
 * Links a guardian to a pupil (both already added); only links with `legal_representative` true
 * allow an activation.
 * @return ::SESAME_OK, ::SESAME_E_NOT_FOUND (unknown id), ::SESAME_E_DUPLICATE (link twice),
 * ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: per-handle (not concurrently with any other use of `dir`). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_add_link(sesame_directory *dir, const char *guardian_id,
                                                                    size_t guardian_id_len, const char *pupil_id,
                                                                    size_t pupil_id_len,
                                                                    bool legal_representative) SESAME_NOEXCEPT;

/** Options of the directory loaders. Initialise with sesame_directory_load_options_init(). @since 1.0 */
typedef struct sesame_directory_load_options {
    size_t struct_size;  /**< set by sesame_directory_load_options_init() */
    uint64_t max_bytes;  /**< largest document accepted, in bytes (0 or the default: ::SESAME_DIRECTORY_MAX_BYTES_DEFAULT,
                              1 GiB, an académie's 1.5 million guardians take ~400 MB); a larger one is
                              ::SESAME_E_LIMIT before anything is read */
} sesame_directory_load_options;

/**
 * Sets `opts->struct_size` and the defaults.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (NULL). Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_load_options_init(sesame_directory_load_options *opts) SESAME_NOEXCEPT;

/**
 * Builds a directory from the JSON document of the spec ({"guardians", "pupils", "links"}).
 * Unknown fields are ignored (and not kept). The detail of a failure names the record (array,
 * index, id). The document is streamed: memory is the directory's plus one record, whatever the
 * document holds. Bounds (sesame/limits.h): `opts->max_bytes`, ::SESAME_JSON_MAX_DEPTH.
 * @param[out] out the directory, NULL on failure.
 * @param json, json_len the document (UTF-8).
 * @param opts NULL for the defaults.
 * @return ::SESAME_OK, ::SESAME_E_PARSE (syntax, wrong field type, invalid pupil birth date),
 * ::SESAME_E_DUPLICATE (duplicate id), ::SESAME_E_NOT_FOUND (dangling link), ::SESAME_E_LIMIT
 * (size or depth), ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_load_json(sesame_directory **out, const char *json,
                                                                     size_t json_len,
                                                                     const sesame_directory_load_options *opts) SESAME_NOEXCEPT;

/**
 * Same as sesame_directory_load_json() reading a file. Only a regular file is read (a FIFO, a
 * device such as /dev/zero or a directory is ::SESAME_E_IO "not a regular file"), and its size is
 * checked against `opts->max_bytes` before it is read.
 * @param path, path_len the file name (no NUL needed; a NUL inside is ::SESAME_E_INVALID_ARGUMENT).
 * @return as sesame_directory_load_json(), plus ::SESAME_E_IO.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_load_json_file(sesame_directory **out, const char *path,
                                                                          size_t path_len,
                                                                          const sesame_directory_load_options *opts) SESAME_NOEXCEPT;

/**
 * A JSON report of the directory: {"guardians": n, "pupils": n, "links": n, "unreachable":
 * [{"guardian": id, "field": "phone_mobile"|"nom"|"nom_naissance"|"prenom", "reason": ...}]}.
 * Ids only, never names or numbers.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_report(char *out, size_t out_cap, size_t *out_len,
                                                                  const sesame_directory *dir) SESAME_NOEXCEPT;

/* ---- the decision ------------------------------------------------------------------------------ */

/** The outcome of a decision. @since 1.0 */
typedef enum sesame_decision_status {
    SESAME_DECISION_ACTIVATED = 0, /**< every confirmation is ok */
    SESAME_DECISION_PARTIAL = 1,   /**< some are: only those pupils are attached */
    SESAME_DECISION_REJECTED = 2   /**< none (or identification failed) */
} sesame_decision_status;

/** The internal reason (for logs; never shown to the user). @since 1.0 */
typedef enum sesame_decision_reason {
    SESAME_REASON_OK = 0,
    SESAME_REASON_PHONE_UNKNOWN = 1,
    SESAME_REASON_NAME_MISMATCH = 2,
    SESAME_REASON_AMBIGUOUS = 3,
    SESAME_REASON_NOT_LEGAL_GUARDIAN = 4,
    SESAME_REASON_BIRTHDATE_MISMATCH = 5
} sesame_decision_reason;

/** The user message, which never says which check failed. @since 1.0 */
typedef enum sesame_user_message {
    SESAME_USER_MESSAGE_OK_ALL = 0,
    SESAME_USER_MESSAGE_OK_SOME = 1,
    SESAME_USER_MESSAGE_GENERIC_FAILURE = 2
} sesame_user_message;

/**
 * A decision, immutable once made. @since 1.0
 *
 * The one operation whose result is a handle rather than a struct, by design: a decision has a
 * side effect (each wrong birth date is recorded in the counter), so it cannot be computed twice
 * to learn a size, and its output is variable (pupil lists, details). A binding reads it with
 * sesame_decision_json() (the JSON is built during the decision: reading it is a copy) and frees
 * it: three foreign calls for an operation that costs microseconds of JSON parsing anyway.
 */
typedef struct sesame_decision sesame_decision;

/**
 * Decides a claim (the JSON object of the CLI spec: method "form" or "fc", phone, names or "fc"
 * claims, "pupils" confirmations) against a directory: identification, then each confirmation.
 * A claim above ::SESAME_CLAIM_MAX_BYTES or ::SESAME_JSON_MAX_DEPTH is ::SESAME_E_LIMIT.
 * Wrong birth dates are counted in `counter` (each failure is recorded once per call).
 * @param[out] out the decision, NULL on failure; free it with sesame_decision_free().
 * @param dir the directory; counter may be NULL (wrong dates then not capped).
 * @param claim, claim_len the claim JSON.
 * @param today reference date yyyymmdd for typed dates; now_ms Unix milliseconds for the counter.
 * @return ::SESAME_OK; ::SESAME_E_PARSE with detail "invalid_json" or "bad_claim:<field>";
 * ::SESAME_E_DUPLICATE with detail "duplicate_pupil"; ::SESAME_E_INVALID_ARGUMENT (NULL, bad today);
 * ::SESAME_E_STORE_FULL (counter full) or ::SESAME_E_STORE_UNAVAILABLE (Redis counter unreachable,
 * slow or answering badly): nothing decided, fail closed; ::SESAME_E_NOMEM.
 * Thread safety: shared-const on `dir` (concurrent decisions are safe once it is filled). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_directory_match(sesame_decision **out, const sesame_directory *dir,
                                                                 sesame_date_counter *counter, const char *claim,
                                                                 size_t claim_len, int32_t today,
                                                                 int64_t now_ms) SESAME_NOEXCEPT;

/**
 * The same decision for a host that keeps records in its own database: `candidates_json` holds
 * only the records concerned (e.g. the guardians sharing the phone, their links and pupils) in the
 * directory JSON format (at most ::SESAME_CANDIDATES_MAX_BYTES); no directory is kept.
 * @return as sesame_directory_match(), plus the load errors of sesame_directory_load_json().
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_identity_match_candidates(sesame_decision **out,
                                                                           sesame_date_counter *counter,
                                                                           const char *candidates_json,
                                                                           size_t candidates_json_len, const char *claim,
                                                                           size_t claim_len, int32_t today,
                                                                           int64_t now_ms) SESAME_NOEXCEPT;

/** Frees a decision; NULL is a no-op. Thread safety: per-handle. @since 1.0 */
SESAME_API void sesame_decision_free(sesame_decision *decision) SESAME_NOEXCEPT;

/**
 * The decision as the JSON object of the CLI (`status`, `reason`, `guardian`, `pupils`,
 * `pupil_results`, `detail`, `user_message`, plus `pupil_details`, `user_text`, `near_miss`).
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT.
 * Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_decision_json(char *out, size_t out_cap, size_t *out_len,
                                                               const sesame_decision *decision) SESAME_NOEXCEPT;

/**
 * The outcome, reason and user message of a decision.
 * @param[out] status_out, reason_out, message_out any may be NULL (not written).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT (decision NULL).
 * Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_decision_outcome(const sesame_decision *decision, int32_t *status_out,
                                                                  int32_t *reason_out,
                                                                  int32_t *message_out) SESAME_NOEXCEPT;

/**
 * Stable names, as in the decision JSON: status "activated", "partial", "rejected"; reason "ok",
 * "phone_unknown", "name_mismatch", "ambiguous", "not_legal_guardian", "birthdate_mismatch"; user
 * message "ok_all", "ok_some", "generic_failure". "" for a value outside the enumeration.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_API const char *sesame_decision_status_name(int32_t status) SESAME_NOEXCEPT;
/** See sesame_decision_status_name(). Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_decision_reason_name(int32_t reason) SESAME_NOEXCEPT;
/** See sesame_decision_status_name(). Thread safety: thread-safe. @since 1.0 */
SESAME_API const char *sesame_user_message_name(int32_t message) SESAME_NOEXCEPT;

/* ---- login identifiers ----------------------------------------------------------------------- */

/** Sizes. @since 1.0 */
typedef enum sesame_login_id_sizes {
    SESAME_LOGIN_ID_SIZE = 27  /**< the longest identifier (initial, dot, 20 letters, 4 digits) and its NUL */
} sesame_login_id_sizes;

/**
 * Asked whether an identifier is taken: set `*taken_out` and return 0; a non-zero return stops
 * the call with ::SESAME_E_CANCELLED. Must not throw or longjmp. @since 1.0
 */
typedef int32_t (*sesame_login_taken_fn)(void *payload, const char *login, size_t login_len, bool *taken_out);

/**
 * A login identifier `initial.family` + random suffix (CSPRNG): 2 digits (20 draws), then 3, then
 * 4. Non-Latin names are transliterated (ICU "Any-Latin; Latin-ASCII"). Every call draws anew, so
 * pass a buffer of ::SESAME_LOGIN_ID_SIZE bytes rather than a size query.
 * @param[out] out, out_cap, out_len the identifier (size-query convention).
 * @param family, given the names (UTF-8); an empty given name gives no initial and no dot.
 * @param taken, taken_len identifiers already taken, one per line ('\n'; blank and '#' lines
 *        ignored, compared in ASCII lowercase); NULL only with 0; at most
 *        ::SESAME_LOGIN_TAKEN_MAX_BYTES (a larger set: use the callback).
 * @param fn, payload an optional callback consulted after the list (fn may be NULL).
 * @return ::SESAME_OK, ::SESAME_E_INVALID_NAME (the family name gives no letter),
 * ::SESAME_E_EXHAUSTED (every drawn suffix taken), ::SESAME_E_CANCELLED, ::SESAME_E_BUFFER_TOO_SMALL,
 * ::SESAME_E_LIMIT (the list above ::SESAME_LOGIN_TAKEN_MAX_BYTES), ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_CRYPTO.
 * Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_login_id(char *out, size_t out_cap, size_t *out_len, const char *family,
                                                          size_t family_len, const char *given, size_t given_len,
                                                          const char *taken, size_t taken_len, sesame_login_taken_fn fn,
                                                          void *payload) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_IDENTITY_H */
