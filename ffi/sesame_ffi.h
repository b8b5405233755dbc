/* GENERATED from include/sesame.h by cmake/GenerateFfiHeader.cmake: do not edit.
   Regenerate with `cmake --build build --target ffi_header`. */
typedef enum sesame_status {
    SESAME_OK = 0,
    SESAME_E_INVALID_ARGUMENT = -1,
    SESAME_E_NOMEM = -2,
    SESAME_E_INTERNAL = -3,
    SESAME_E_BUFFER_TOO_SMALL = -4,
    SESAME_E_INVALID_UTF8 = -5,
    SESAME_E_UNSUPPORTED = -6,
    SESAME_E_STORE_UNAVAILABLE = -7,
    SESAME_E_STORE_FULL = -8,
    SESAME_E_COOLDOWN = -9,
    SESAME_E_QUOTA = -10,
    SESAME_E_RATE_LIMITED = -11,
    SESAME_E_EXHAUSTED = -12,
    SESAME_E_NOT_FOUND = -13,
    SESAME_E_PARSE = -14,
    SESAME_E_INVALID_NAME = -15,
    SESAME_E_CRYPTO = -16,
    SESAME_E_DUPLICATE = -17,
    SESAME_E_IO = -18,
    SESAME_E_STATE = -19,
    SESAME_E_CANCELLED = -20
} sesame_status;
 const char *sesame_status_str(sesame_status status) ;
 const char *sesame_status_name(sesame_status status) ;
 const char *sesame_last_error_message(void) ;
 int32_t sesame_version_number(void) ;
 const char *sesame_version_string(void) ;
 sesame_status sesame_init(void) ;
 sesame_status sesame_build_info(char *out, size_t out_cap, size_t *out_len) ;
 void sesame_memzero(void *p, size_t len) ;
 sesame_status sesame_utf8_repair(char *out, size_t out_cap, size_t *out_len,
                                                             const char *s, size_t s_len) ;
typedef enum sesame_phone_audit_outcome {
    SESAME_PHONE_AUDIT_MOBILE = 0,
    SESAME_PHONE_AUDIT_NOT_MOBILE = 1,
    SESAME_PHONE_AUDIT_INVALID = 2,
    SESAME_PHONE_AUDIT_EMPTY = 3
} sesame_phone_audit_outcome;
typedef enum sesame_csv_encoding {
    SESAME_CSV_ENCODING_AUTO = 0,
    SESAME_CSV_ENCODING_UTF8 = 1,
    SESAME_CSV_ENCODING_WINDOWS_1252 = 2
} sesame_csv_encoding;
typedef int32_t (*sesame_progress_cb)(uint64_t done, uint64_t total, void *payload);
typedef struct sesame_phone_audit_options {
    size_t struct_size;
    int32_t delimiter;
    sesame_csv_encoding encoding;
    sesame_progress_cb progress;
    void *progress_payload;
} sesame_phone_audit_options;
 sesame_status sesame_phone_audit_options_init(sesame_phone_audit_options *opts) ;
typedef struct sesame_phone_audit_summary {
    size_t struct_size;
    uint64_t rows;
    uint64_t mobile;
    uint64_t not_mobile;
    uint64_t invalid;
    uint64_t empty;
    uint64_t overseas;
    uint64_t shared_numbers;
    uint64_t problems;
} sesame_phone_audit_summary;
typedef struct sesame_phone_audit sesame_phone_audit;
 sesame_status sesame_phone_audit_file(sesame_phone_audit **out, const char *path, size_t path_len,
                                                                  const char *column, size_t column_len,
                                                                  const sesame_phone_audit_options *opts) ;
 sesame_status sesame_phone_audit_buffer(sesame_phone_audit **out, const char *csv, size_t csv_len,
                                                                    const char *column, size_t column_len,
                                                                    const sesame_phone_audit_options *opts) ;
 sesame_status sesame_phone_audit_summary_get(sesame_phone_audit_summary *out,
                                                                         const sesame_phone_audit *audit) ;
 sesame_status sesame_phone_audit_json(char *out, size_t out_cap, size_t *out_len,
                                                                  const sesame_phone_audit *audit) ;
 void sesame_phone_audit_free(sesame_phone_audit *audit) ;
