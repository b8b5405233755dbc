/**
 * @file sesame/phone_audit.h
 * @brief Audit the phone column of a guardians export: can each row receive the activation SMS?
 *
 * For the school secretary before an activation campaign: reads a CSV export (`,` or `;`, quoted
 * fields, CRLF or LF, a UTF-8 BOM, UTF-8 or Windows-1252: a file that is valid UTF-8 as a whole is
 * read as UTF-8, otherwise as Windows-1252), normalizes the named column with the phone module and
 * reports, per data row (1-based, header excluded), one outcome: mobile, not_mobile (a valid number
 * that cannot receive an SMS), invalid, or empty; plus the numbers shared by several rows. Memory
 * grows with the number of distinct numbers and of problem rows, not with the rows; files are
 * memory-mapped.
 */
#ifndef SESAME_PHONE_AUDIT_H
#define SESAME_PHONE_AUDIT_H

#include "sesame/common.h"
#include "sesame/errors.h"
#include "sesame/limits.h"

SESAME_BEGIN_DECL

/** Outcome of one row. @since 1.0 */
typedef enum sesame_phone_audit_outcome {
    SESAME_PHONE_AUDIT_MOBILE = 0,      /**< valid, can receive the SMS */
    SESAME_PHONE_AUDIT_NOT_MOBILE = 1,  /**< valid, but a landline, VoIP, special-rate number... */
    SESAME_PHONE_AUDIT_INVALID = 2,     /**< refused by sesame_phone normalization */
    SESAME_PHONE_AUDIT_EMPTY = 3        /**< empty or blank cell (or a row without that column) */
} sesame_phone_audit_outcome;

/** Text encoding of the CSV file. @since 1.0 */
typedef enum sesame_csv_encoding {
    SESAME_CSV_ENCODING_AUTO = 0,         /**< UTF-8 when the whole file is valid UTF-8, else Windows-1252 */
    SESAME_CSV_ENCODING_UTF8 = 1,
    SESAME_CSV_ENCODING_WINDOWS_1252 = 2
} sesame_csv_encoding;

/**
 * Progress callback: `done` of `total` bytes read. Return 0 to go on, non-zero to stop (the audit
 * then fails with ::SESAME_E_CANCELLED). Must not throw or longjmp. Called from the calling thread.
 */
typedef int32_t (*sesame_progress_cb)(uint64_t done, uint64_t total, void *payload);

/** Options. Initialise with sesame_phone_audit_options_init(). @since 1.0 */
typedef struct sesame_phone_audit_options {
    size_t struct_size;          /**< set by sesame_phone_audit_options_init() */
    int32_t delimiter;           /**< 0 = detect from the header line (default), ',' or ';' */
    int32_t encoding;            /**< a ::sesame_csv_encoding; default ::SESAME_CSV_ENCODING_AUTO */
    sesame_progress_cb progress; /**< NULL (default) = no progress reports */
    void *progress_payload;      /**< passed to `progress` */
    uint64_t max_bytes;          /**< largest export accepted, in bytes (0 or the default: ::SESAME_CSV_MAX_BYTES_DEFAULT,
                                      1 GiB); a larger one is ::SESAME_E_LIMIT before any work */
} sesame_phone_audit_options;

/**
 * Sets `opts->struct_size` and the defaults.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT when opts is NULL. Thread safety: thread-safe. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_options_init(sesame_phone_audit_options *opts) SESAME_NOEXCEPT;

/** Counts of an audit. Set `struct_size = sizeof(sesame_phone_audit_summary)` before the call. @since 1.0 */
typedef struct sesame_phone_audit_summary {
    size_t struct_size;
    uint64_t rows;            /**< data rows (header excluded, blank lines skipped) */
    uint64_t mobile;          /**< the four outcomes; each row counts in exactly one */
    uint64_t not_mobile;
    uint64_t invalid;
    uint64_t empty;
    uint64_t overseas;        /**< mobile rows on a French overseas code (+262, +590, +594, +596, +508, +681, +687, +689) */
    uint64_t shared_numbers;  /**< valid numbers found on two rows or more */
    uint64_t problems;        /**< rows that are not mobile */
    uint64_t outside_metadata; /**< valid rows (mobile or not) accepted only through the overseas table of
                                    the phone spec: a range ARCEP assigned to a French territory that
                                    libphonenumber's metadata does not know; listed in the JSON report's
                                    `outside_metadata`. @since 1.1 */
} sesame_phone_audit_summary;

/** A finished audit (immutable). */
typedef struct sesame_phone_audit sesame_phone_audit;

/**
 * Audits the column `column` (matched exactly against the header, after a BOM) of the CSV file at `path`.
 * @param[out] out the audit, to free with sesame_phone_audit_free(); NULL on failure.
 * @param path, path_len file name (bytes, no NUL needed).
 * @param column, column_len header of the phone column, UTF-8.
 * @param opts options, or NULL for the defaults.
 * Only a regular file is read (a FIFO, a device or a directory is ::SESAME_E_IO "not a regular
 * file"), and its size is checked against `max_bytes` before anything is read.
 * @return ::SESAME_OK; ::SESAME_E_IO (cannot read the file), ::SESAME_E_LIMIT (larger than the
 *         options' max_bytes), ::SESAME_E_NOT_FOUND (no such column, or an
 *         empty file), ::SESAME_E_PARSE (unterminated quoted field; the detail names the line),
 *         ::SESAME_E_CANCELLED, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe (no shared state). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_file(sesame_phone_audit **out, const char *path, size_t path_len,
                                                                  const char *column, size_t column_len,
                                                                  const sesame_phone_audit_options *opts) SESAME_NOEXCEPT;

/**
 * Same as sesame_phone_audit_file() on CSV bytes in memory (`csv` is not kept).
 * @return as sesame_phone_audit_file() without ::SESAME_E_IO.
 * Thread safety: thread-safe (no shared state). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_buffer(sesame_phone_audit **out, const char *csv, size_t csv_len,
                                                                    const char *column, size_t column_len,
                                                                    const sesame_phone_audit_options *opts) SESAME_NOEXCEPT;

/**
 * The counts of an audit.
 * @param[out] out caller's struct with struct_size set; the fields it has room for are written.
 * @return ::SESAME_OK, ::SESAME_E_INVALID_ARGUMENT. Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_summary_get(sesame_phone_audit_summary *out,
                                                                         const sesame_phone_audit *audit) SESAME_NOEXCEPT;

/**
 * The whole report as one JSON object (the `sesame phone audit --json` contract):
 * `{"rows", "summary": {"mobile", "not_mobile", "invalid", "empty", "overseas", "outside_metadata"},
 *   "shared_numbers": [{"e164", "rows": [...]}], "problems": [{"row", "input", "outcome", "error"}],
 *   "outside_metadata": [{"row", "e164", "outcome"}], "encoding", "delimiter"}`. `error` is the phone
 * error code for invalid rows, null otherwise; not_mobile rows also carry `"type"`. `outside_metadata`
 * lists the valid rows accepted only through the overseas table (see sesame_phone_audit_summary)
 * (since 1.1). Contains the phone numbers of the file: personal data.
 * @param[out] out, out_cap, out_len size-query convention (sesame/errors.h).
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT. Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_json(char *out, size_t out_cap, size_t *out_len,
                                                                  const sesame_phone_audit *audit) SESAME_NOEXCEPT;

/** Frees an audit; NULL is a no-op. Thread safety: per-handle. @since 1.0 */
SESAME_API void sesame_phone_audit_free(sesame_phone_audit *audit) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_PHONE_AUDIT_H */
