/**
 * @file sesame/phone_audit.h
 * @brief Audit the phone column of a guardians export: can each row receive the activation SMS?
 *
 * For the school secretary before an activation campaign: reads a CSV export (`,`, `;` or TAB,
 * quoted fields, CRLF, LF or CR; UTF-16LE or UTF-16BE with a byte order mark, as Excel's "Texte
 * Unicode"; otherwise UTF-8 when the file is valid UTF-8 as a whole, a UTF-8 BOM skipped, else
 * Windows-1252), finds the phone column the way a secretary names it, normalizes it with the phone
 * module and reports, per data record, one outcome: mobile, not_mobile (a valid number that cannot
 * receive an SMS), invalid, or empty; plus the numbers shared by several rows.
 *
 * Records are named twice: `row`, the 1-based index among data records (header excluded, blank
 * lines skipped), and `line`, the row a spreadsheet shows for the record (the file's first line is
 * 1, so the header is usually line 1; a blank line is a row; a record with line breaks inside
 * quotes is one row). Memory grows with the number of distinct numbers and of problem rows, not
 * with the rows (files are memory-mapped; a UTF-16 file is decoded in memory first); a per-row
 * report goes through the row callback (sesame_phone_audit_options.row) and is not kept.
 *
 * The column is chosen by the first rule that matches the header: the cell equal to `column`
 * (bytes); the same once case, accents, spacing and punctuation are folded ("tel portable" for
 * "Tél. Portable"); a common name of the same kind ("portable", "mobile", "tél. portable",
 * "téléphone mobile", "GSM"...; a phone name such as "téléphone" also finds a mobile column);
 * a header holding the name, or a common name of its kind, among its words ("Tél. portable resp.
 * 1" for "portable"). When several columns match at that rule, none is chosen.
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
    SESAME_CSV_ENCODING_AUTO = 0,         /**< UTF-16 after its byte order mark (FF FE, FE FF); else UTF-8 when
                                               the whole file is valid UTF-8, else Windows-1252 */
    SESAME_CSV_ENCODING_UTF8 = 1,
    SESAME_CSV_ENCODING_WINDOWS_1252 = 2,
    SESAME_CSV_ENCODING_UTF16LE = 3,      /**< a BOM, if any, is skipped */
    SESAME_CSV_ENCODING_UTF16BE = 4
} sesame_csv_encoding;

/**
 * Progress callback: `done` of `total` bytes read. Return 0 to go on, non-zero to stop (the audit
 * then fails with ::SESAME_E_CANCELLED). Must not throw or longjmp. Called from the calling thread.
 */
typedef int32_t (*sesame_progress_cb)(uint64_t done, uint64_t total, void *payload);

/**
 * One record of the export as the audit saw it, given to the row callback: the header first (`row`
 * 0), then every data record in order. Texts are UTF-8 (a Windows-1252 or UTF-16 file decoded;
 * under a forced ::SESAME_CSV_ENCODING_UTF8, invalid bytes of `raw` and `fields` are passed as they
 * are), given as pointer and length, never NULL, and valid during the call only; `input`, `e164`,
 * `message` and `fields` are also NUL-terminated, `raw`, `gap` and `line_end` are not. Enough to
 * write a per-row report or a copy of the export with added columns: write `gap`, then `raw` and
 * the added cells (after `delimiter`), then `line_end`, each in `encoding`. Holds the file's
 * personal data. @since 1.0
 */
typedef struct sesame_phone_audit_row {
    size_t struct_size;        /**< the library's sizeof: a caller built with a newer header reads no field past it */
    uint64_t row;              /**< 0 for the header; then the 1-based index among data records */
    uint64_t line;             /**< the spreadsheet row where the record starts (see the file comment) */
    int32_t outcome;           /**< a ::sesame_phone_audit_outcome; -1 for the header */
    int32_t error;             /**< a ::sesame_phone_error for an invalid row, else ::SESAME_PHONE_OK */
    int32_t type;              /**< a ::sesame_phone_type for a mobile or not_mobile row, else ::SESAME_PHONE_TYPE_UNKNOWN */
    bool outside_metadata;     /**< valid, accepted only through the overseas table (see sesame_phone_audit_summary) */
    uint64_t same_as_line;     /**< `line` of the first earlier row with the same number; 0 if none */
    const char *input;         /**< the phone cell (invalid UTF-8 replaced by U+FFFD); "" when the record lacks the column */
    size_t input_len;
    const char *e164;          /**< "+33612345678" for a mobile or not_mobile row, else "" */
    size_t e164_len;
    const char *message;       /**< the outcome for people in the options' `lang` ("peut recevoir le SMS", "numéro
                                    invalide : mauvais nombre de chiffres ; même numéro qu’à la ligne 4"); "" for the header */
    size_t message_len;
    size_t field_count;        /**< the record's fields, decoded */
    const char *const *fields;
    const size_t *field_lens;
    const char *raw;           /**< the record as written in the file (quotes kept, line end excluded), decoded */
    size_t raw_len;
    const char *gap;           /**< the blank lines between the previous record and this one, decoded */
    size_t gap_len;
    const char *line_end;      /**< the record's line end ("\r\n", "\n", "\r"), "" for a last line without one */
    size_t line_end_len;
    size_t column;             /**< 0-based index of the audited column */
    int32_t encoding;          /**< the file's ::sesame_csv_encoding (never ::SESAME_CSV_ENCODING_AUTO) */
    int32_t delimiter;         /**< ',', ';' or '\t' */
    bool bom;                  /**< the file starts with a byte order mark (of its encoding) */
} sesame_phone_audit_row;

/**
 * Row callback: called for the header, then for each data record, from the calling thread. Return 0
 * to go on, non-zero to stop (the audit then fails with ::SESAME_E_CANCELLED). Must not throw or
 * longjmp, nor keep the pointers. @since 1.0
 */
typedef int32_t (*sesame_phone_audit_row_cb)(const sesame_phone_audit_row *row, void *payload);

/** Options. Initialise with sesame_phone_audit_options_init(). @since 1.0 */
typedef struct sesame_phone_audit_options {
    size_t struct_size;          /**< set by sesame_phone_audit_options_init() */
    int32_t delimiter;           /**< 0 = detect from the header line (default), ',', ';' or '\t' */
    int32_t encoding;            /**< a ::sesame_csv_encoding; default ::SESAME_CSV_ENCODING_AUTO */
    sesame_progress_cb progress; /**< NULL (default) = no progress reports */
    void *progress_payload;      /**< passed to `progress` */
    uint64_t max_bytes;          /**< largest export accepted, in bytes (0 or the default: ::SESAME_CSV_MAX_BYTES_DEFAULT,
                                      1 GiB); a larger one is ::SESAME_E_LIMIT before any work */
    int32_t lang;                /**< language of the rows' messages: a ::sesame_password_lang value (0 French, the
                                      default; 1 English) */
    sesame_phone_audit_row_cb row; /**< NULL (default) = no per-row calls */
    void *row_payload;           /**< passed to `row` */
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
                                    `outside_metadata`. */
} sesame_phone_audit_summary;

/** A finished audit (immutable). */
typedef struct sesame_phone_audit sesame_phone_audit;

/**
 * Audits the column named `column` (chosen as the file comment says) of the CSV file at `path`.
 * @param[out] out the audit, to free with sesame_phone_audit_free(); NULL on failure.
 * @param path, path_len file name (bytes, no NUL needed).
 * @param column, column_len header of the phone column, UTF-8.
 * @param opts options, or NULL for the defaults.
 * Only a regular file is read (a FIFO, a device or a directory is ::SESAME_E_IO "not a regular
 * file"), and its size is checked against `max_bytes` before anything is read.
 * @return ::SESAME_OK; ::SESAME_E_IO (cannot read the file), ::SESAME_E_LIMIT (larger than the
 *         options' max_bytes), ::SESAME_E_NOT_FOUND (no column matches: the detail lists the header's
 *         columns; several match: the detail lists them; an empty file; sesame_phone_audit_columns_file()
 *         gives the same as JSON), ::SESAME_E_PARSE (unterminated quoted field; the detail names the line),
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
 *   "shared_numbers": [{"e164", "rows": [...], "lines": [...]}], "problems": [{"row", "input", "outcome",
 *   "error", "line", "message", "e164"}], "outside_metadata": [{"row", "e164", "outcome", "line"}], "encoding",
 *   "delimiter", "bom", "line_end", "column", "column_index", "column_match"}`. `error` is the phone
 * error code for invalid rows, null otherwise; not_mobile rows also carry `"type"`. `outside_metadata`
 * lists the valid rows accepted only through the overseas table (see sesame_phone_audit_summary).
 * `line`, `lines`, `message` (in the options' `lang`), `e164` (a not_mobile row's number, else null), `bom`, `line_end` ("crlf", "lf",
 * "cr"), `column` (the header cell chosen), `column_index` (0-based) and `column_match` ("exact",
 * "folded", "synonym", "contains"); `encoding` is "utf-8", "windows-1252", "utf-16le" or
 * "utf-16be". Contains the phone numbers of the file: personal data.
 * @param[out] out, out_cap, out_len size-query convention (sesame/errors.h).
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_INVALID_ARGUMENT. Thread safety: shared-const. @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_json(char *out, size_t out_cap, size_t *out_len,
                                                                  const sesame_phone_audit *audit) SESAME_NOEXCEPT;

/**
 * The columns of an export's header and how `column` matches them, reading the header record only
 * (for a form that lets the secretary pick the column, or to explain a ::SESAME_E_NOT_FOUND of the
 * audit): `{"columns": [names], "column": name or null, "index": 0-based or null, "match": "exact",
 * "folded", "synonym", "contains" or null, "candidates": [the names that matched at that rule: one
 * when chosen, several when ambiguous], "encoding", "delimiter", "bom", "line_end"}`. An empty
 * `column` lists the columns only. The same file rules and options as sesame_phone_audit_file()
 * (`row` and `progress` are not called).
 * @param[out] out, out_cap, out_len size-query convention (sesame/errors.h); each call reads the header again.
 * @return ::SESAME_OK, ::SESAME_E_BUFFER_TOO_SMALL, ::SESAME_E_IO, ::SESAME_E_LIMIT, ::SESAME_E_NOT_FOUND (an
 *         empty file only), ::SESAME_E_PARSE, ::SESAME_E_INVALID_ARGUMENT, ::SESAME_E_NOMEM.
 * Thread safety: thread-safe (no shared state). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_columns_file(char *out, size_t out_cap, size_t *out_len,
                                                                          const char *path, size_t path_len,
                                                                          const char *column, size_t column_len,
                                                                          const sesame_phone_audit_options *opts) SESAME_NOEXCEPT;

/**
 * Same as sesame_phone_audit_columns_file() on CSV bytes in memory.
 * @return as sesame_phone_audit_columns_file() without ::SESAME_E_IO.
 * Thread safety: thread-safe (no shared state). @since 1.0
 */
SESAME_NODISCARD SESAME_API sesame_status sesame_phone_audit_columns_buffer(char *out, size_t out_cap, size_t *out_len,
                                                                            const char *csv, size_t csv_len,
                                                                            const char *column, size_t column_len,
                                                                            const sesame_phone_audit_options *opts) SESAME_NOEXCEPT;

/** Frees an audit; NULL is a no-op. Thread safety: per-handle. @since 1.0 */
SESAME_API void sesame_phone_audit_free(sesame_phone_audit *audit) SESAME_NOEXCEPT;

SESAME_END_DECL

#endif /* SESAME_PHONE_AUDIT_H */
