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
    SESAME_E_CANCELLED = -20,
    SESAME_E_LIMIT = -21
} sesame_status;
 const char *sesame_status_str(int32_t status) ;
 const char *sesame_status_name(int32_t status) ;
 const char *sesame_last_error_message(void) ;
 int32_t sesame_version_number(void) ;
 const char *sesame_version_string(void) ;
 sesame_status sesame_init(void) ;
 sesame_status sesame_build_info(char *out, size_t out_cap, size_t *out_len) ;
 void sesame_memzero(void *p, size_t len) ;
 sesame_status sesame_utf8_repair(char *out, size_t out_cap, size_t *out_len,
                                                             const char *s, size_t s_len) ;
typedef enum sesame_limits {
    SESAME_STRUCT_SIZE_MAX = 4096,
    SESAME_JSON_MAX_DEPTH = 16,
    SESAME_CLAIM_MAX_BYTES = 65536,
    SESAME_POLICY_MAX_BYTES = 65536,
    SESAME_CONTEXT_MAX_BYTES = 65536,
    SESAME_CANDIDATES_MAX_BYTES = 16777216,
    SESAME_DIRECTORY_MAX_BYTES_DEFAULT = 1073741824,
    SESAME_CSV_MAX_BYTES_DEFAULT = 1073741824,
    SESAME_LOGIN_TAKEN_MAX_BYTES = 67108864,
    SESAME_PHONE_MAX_INPUT_BYTES = 250,
    SESAME_PASSWORD_MAX_INPUT_BYTES = 2048,
    SESAME_PASSWORD_MAX_INPUT_CODE_POINTS = 512,
    SESAME_NAME_MAX_CODE_POINTS = 100,
    SESAME_OTP_PURPOSE_MAX_BYTES = 32,
    SESAME_OTP_TYPED_CODE_MAX_BYTES = 64,
    SESAME_OTP_SECRET_MAX_BYTES = 1024,
    SESAME_PASSWORD_HASH_MAX_MEM_KIB = 262144,
    SESAME_PASSWORD_HASH_MAX_OPS = 4,
    SESAME_PASSWORD_HASH_MAX_LANES = 16
} sesame_limits;
typedef struct sesame_redis_options {
    size_t struct_size;
    const char *host;
    size_t host_len;
    int32_t port;
    const char *unix_socket;
    size_t unix_socket_len;
    const char *prefix;
    size_t prefix_len;
    int32_t connect_timeout_ms;
    int32_t timeout_ms;
    const char *username;
    size_t username_len;
    const char *password;
    size_t password_len;
    int32_t db;
    int32_t connections;
    const char *sentinels;
    size_t sentinels_len;
    const char *master_name;
    size_t master_name_len;
    const char *sentinel_password;
    size_t sentinel_password_len;
    int32_t wait_replicas;
} sesame_redis_options;
 sesame_status sesame_redis_options_init(sesame_redis_options *opts) ;
typedef enum sesame_phone_error {
    SESAME_PHONE_OK = 0,
    SESAME_PHONE_TOO_LONG = 1,
    SESAME_PHONE_INVALID_UTF8 = 2,
    SESAME_PHONE_EXTENSION = 3,
    SESAME_PHONE_INVALID_CHARACTER = 4,
    SESAME_PHONE_NO_DIGITS = 5,
    SESAME_PHONE_INVALID_LENGTH = 6,
    SESAME_PHONE_INVALID_NUMBER = 7
} sesame_phone_error;
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
typedef enum sesame_phone_sizes {
    SESAME_PHONE_E164_SIZE = 17,
    SESAME_PHONE_REGION_SIZE = 4,
    SESAME_PHONE_FORMAT_SIZE = 96
} sesame_phone_sizes;
typedef struct sesame_phone_result {
    size_t struct_size;
    int32_t error;
    int32_t country_code;
    int32_t type;
    bool is_mobile;
    char e164[SESAME_PHONE_E164_SIZE];
    char region[SESAME_PHONE_REGION_SIZE];
    char national[SESAME_PHONE_FORMAT_SIZE];
    char international[SESAME_PHONE_FORMAT_SIZE];
    char masked[SESAME_PHONE_FORMAT_SIZE];
} sesame_phone_result;
 sesame_status sesame_phone_result_init(sesame_phone_result *r) ;
 sesame_status sesame_phone_normalize(sesame_phone_result *out, const char *raw,
                                                                 size_t raw_len) ;
 sesame_status sesame_phone_same_number(bool *out, const char *a, size_t a_len,
                                                                   const char *b, size_t b_len) ;
 const char *sesame_phone_error_name(int32_t error) ;
 const char *sesame_phone_type_name(int32_t type) ;
typedef enum sesame_password_error {
    SESAME_PASSWORD_OK = 0,
    SESAME_PASSWORD_INVALID_UTF8 = 1,
    SESAME_PASSWORD_CONTROL_CHAR = 2,
    SESAME_PASSWORD_TOO_LONG = 3
} sesame_password_error;
typedef enum sesame_password_class {
    SESAME_PASSWORD_CLASS_UPPER = 1,
    SESAME_PASSWORD_CLASS_LOWER = 2,
    SESAME_PASSWORD_CLASS_DIGIT = 4,
    SESAME_PASSWORD_CLASS_SPECIAL = 8
} sesame_password_class;
typedef enum sesame_password_rule {
    SESAME_PASSWORD_RULE_UPPER = 0,
    SESAME_PASSWORD_RULE_LOWER = 1,
    SESAME_PASSWORD_RULE_DIGIT = 2,
    SESAME_PASSWORD_RULE_SPECIAL = 3,
    SESAME_PASSWORD_RULE_LENGTH = 4,
    SESAME_PASSWORD_RULE_ALLOWED = 5
} sesame_password_rule;
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
typedef enum sesame_password_lang {
    SESAME_PASSWORD_LANG_FR = 0,
    SESAME_PASSWORD_LANG_EN = 1
} sesame_password_lang;
typedef enum sesame_password_sizes {
    SESAME_PASSWORD_HASH_SIZE = 128,
    SESAME_PASSWORD_UNACCEPTED_SIZE = 36
} sesame_password_sizes;
typedef struct sesame_password_policy sesame_password_policy;
typedef struct sesame_password_context sesame_password_context;
 sesame_status sesame_password_policy_preset(sesame_password_policy **out, const char *name,
                                                                        size_t name_len) ;
 sesame_status sesame_password_policy_from_json(sesame_password_policy **out, const char *json,
                                                                           size_t json_len) ;
 sesame_status sesame_password_policy_to_json(char *out, size_t out_cap, size_t *out_len,
                                                                         const sesame_password_policy *policy) ;
 void sesame_password_policy_free(sesame_password_policy *policy) ;
 sesame_status sesame_password_context_new(sesame_password_context **out) ;
 sesame_status sesame_password_context_from_json(sesame_password_context **out, const char *json,
                                                                            size_t json_len) ;
 sesame_status sesame_password_context_add_name(sesame_password_context *context, const char *name,
                                                                           size_t name_len) ;
 sesame_status sesame_password_context_add_date(sesame_password_context *context, const char *iso,
                                                                           size_t iso_len) ;
 sesame_status sesame_password_context_add_phone(sesame_password_context *context, const char *phone,
                                                                            size_t phone_len) ;
 sesame_status sesame_password_context_add_login(sesame_password_context *context, const char *login,
                                                                            size_t login_len) ;
 void sesame_password_context_free(sesame_password_context *context) ;
typedef struct sesame_password_check_options {
    size_t struct_size;
    bool strength;
    int32_t reference_year;
} sesame_password_check_options;
 sesame_status sesame_password_check_options_init(sesame_password_check_options *options) ;
typedef struct sesame_password_result {
    size_t struct_size;
    int32_t error;
    bool valid;
    int32_t length;
    bool upper;
    bool lower;
    bool digit;
    bool special;
    bool length_ok;
    bool has_allowed_rule;
    bool allowed;
    int32_t alternative;
    bool has_strength;
    int32_t score;
    int32_t guesses_log10_milli;
    uint32_t feedback;
    char unaccepted[SESAME_PASSWORD_UNACCEPTED_SIZE];
    int32_t unaccepted_count;
} sesame_password_result;
 sesame_status sesame_password_result_init(sesame_password_result *result) ;
 sesame_status sesame_password_check(sesame_password_result *out, const sesame_password_policy *policy,
                                                                const sesame_password_context *context, const char *password,
                                                                size_t password_len,
                                                                const sesame_password_check_options *options) ;
 const char *sesame_password_error_name(int32_t error) ;
 const char *sesame_password_rule_name(int32_t rule) ;
 sesame_status sesame_password_rule_label(char *out, size_t out_cap, size_t *out_len,
                                                                     const sesame_password_policy *policy, int32_t rule,
                                                                     int32_t alternative, int32_t lang) ;
 sesame_status sesame_password_unaccepted_message(char *out, size_t out_cap, size_t *out_len,
                                                                             const sesame_password_policy *policy,
                                                                             const sesame_password_result *result,
                                                                             int32_t lang) ;
 const char *sesame_password_score_label(int32_t score, int32_t lang) ;
 const char *sesame_password_feedback_code(uint32_t feedback) ;
 const char *sesame_password_feedback_message(uint32_t feedback, int32_t lang) ;
 sesame_status sesame_password_confirm(bool *out, const char *a, size_t a_len, const char *b,
                                                                  size_t b_len) ;
typedef struct sesame_password_hash_options {
    size_t struct_size;
    int64_t ops_limit;
    size_t mem_limit;
} sesame_password_hash_options;
 sesame_status sesame_password_hash_options_init(sesame_password_hash_options *options) ;
 sesame_status sesame_password_hash(char *out, size_t out_cap, size_t *out_len, const char *password,
                                                               size_t password_len,
                                                               const sesame_password_hash_options *options) ;
 sesame_status sesame_password_verify(bool *out, const char *hash, size_t hash_len,
                                                                 const char *password, size_t password_len) ;
 sesame_status sesame_password_needs_rehash(bool *out, const char *hash, size_t hash_len,
                                                                       const sesame_password_hash_options *options) ;
typedef enum sesame_phone_audit_outcome {
    SESAME_PHONE_AUDIT_MOBILE = 0,
    SESAME_PHONE_AUDIT_NOT_MOBILE = 1,
    SESAME_PHONE_AUDIT_INVALID = 2,
    SESAME_PHONE_AUDIT_EMPTY = 3
} sesame_phone_audit_outcome;
typedef enum sesame_csv_encoding {
    SESAME_CSV_ENCODING_AUTO = 0,
    SESAME_CSV_ENCODING_UTF8 = 1,
    SESAME_CSV_ENCODING_WINDOWS_1252 = 2,
    SESAME_CSV_ENCODING_UTF16LE = 3,
    SESAME_CSV_ENCODING_UTF16BE = 4
} sesame_csv_encoding;
typedef int32_t (*sesame_progress_cb)(uint64_t done, uint64_t total, void *payload);
typedef struct sesame_phone_audit_row {
    size_t struct_size;
    uint64_t row;
    uint64_t line;
    int32_t outcome;
    int32_t error;
    int32_t type;
    bool outside_metadata;
    uint64_t same_as_line;
    const char *input;
    size_t input_len;
    const char *e164;
    size_t e164_len;
    const char *message;
    size_t message_len;
    size_t field_count;
    const char *const *fields;
    const size_t *field_lens;
    const char *raw;
    size_t raw_len;
    const char *gap;
    size_t gap_len;
    const char *line_end;
    size_t line_end_len;
    size_t column;
    int32_t encoding;
    int32_t delimiter;
    bool bom;
} sesame_phone_audit_row;
typedef int32_t (*sesame_phone_audit_row_cb)(const sesame_phone_audit_row *row, void *payload);
typedef struct sesame_phone_audit_options {
    size_t struct_size;
    int32_t delimiter;
    int32_t encoding;
    sesame_progress_cb progress;
    void *progress_payload;
    uint64_t max_bytes;
    int32_t lang;
    sesame_phone_audit_row_cb row;
    void *row_payload;
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
    uint64_t outside_metadata;
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
 sesame_status sesame_phone_audit_columns_file(char *out, size_t out_cap, size_t *out_len,
                                                                          const char *path, size_t path_len,
                                                                          const char *column, size_t column_len,
                                                                          const sesame_phone_audit_options *opts) ;
 sesame_status sesame_phone_audit_columns_buffer(char *out, size_t out_cap, size_t *out_len,
                                                                            const char *csv, size_t csv_len,
                                                                            const char *column, size_t column_len,
                                                                            const sesame_phone_audit_options *opts) ;
 void sesame_phone_audit_free(sesame_phone_audit *audit) ;
typedef enum sesame_otp_sizes {
    SESAME_OTP_KEY_BYTES = 32,
    SESAME_OTP_CODE_SIZE = 11,
    SESAME_OTP_MAX_PREVIOUS_KEYS = 8
} sesame_otp_sizes;
typedef enum sesame_otp_verdict {
    SESAME_OTP_OK = 0,
    SESAME_OTP_WRONG_CODE = 1,
    SESAME_OTP_EXPIRED = 2,
    SESAME_OTP_NO_CHALLENGE = 3,
    SESAME_OTP_LOCKED = 4,
    SESAME_OTP_RATE_LIMITED = 5
} sesame_otp_verdict;
typedef struct sesame_otp_service sesame_otp_service;
typedef struct sesame_otp_store sesame_otp_store;
typedef struct sesame_otp_options {
    size_t struct_size;
    int32_t ttl_s;
    int32_t max_attempts;
    int32_t max_failures_per_hour;
    int32_t cooldown_s;
    int32_t max_sends_per_hour;
    int32_t digits;
    const uint8_t *index_key;
    size_t index_key_len;
    const uint32_t *previous_key_ids;
    const uint8_t *previous_keys;
    size_t previous_key_count;
} sesame_otp_options;
 sesame_status sesame_otp_options_init(sesame_otp_options *opts) ;
 sesame_status sesame_otp_options_init_portal(sesame_otp_options *opts) ;
typedef struct sesame_otp_memory_options {
    size_t struct_size;
    size_t max_records;
} sesame_otp_memory_options;
 sesame_status sesame_otp_memory_options_init(sesame_otp_memory_options *opts) ;
 sesame_status sesame_otp_store_new_memory(sesame_otp_store **out,
                                                                       const sesame_otp_memory_options *opts) ;
 sesame_status sesame_otp_store_new_redis(sesame_otp_store **out,
                                                                      const sesame_redis_options *opts) ;
 void sesame_otp_store_free(sesame_otp_store *store) ;
 sesame_status sesame_otp_service_new(sesame_otp_service **out, const uint8_t *key,
                                                                  size_t key_len, uint32_t key_id,
                                                                  const sesame_otp_options *opts,
                                                                  sesame_otp_store *store) ;
 void sesame_otp_service_free(sesame_otp_service *svc) ;
typedef struct sesame_otp_issue_result {
    size_t struct_size;
    char code[SESAME_OTP_CODE_SIZE];
    char e164[SESAME_PHONE_E164_SIZE];
    int64_t expires_at_ms;
    int32_t retry_after_s;
} sesame_otp_issue_result;
 sesame_status sesame_otp_issue_result_init(sesame_otp_issue_result *r) ;
 sesame_status sesame_otp_issue(sesame_otp_issue_result *out, const sesame_otp_service *svc,
                                                           const char *phone, size_t phone_len, const char *purpose,
                                                           size_t purpose_len, int64_t now_ms) ;
typedef struct sesame_otp_verify_result {
    size_t struct_size;
    int32_t verdict;
    int32_t attempts_left;
} sesame_otp_verify_result;
 sesame_status sesame_otp_verify_result_init(sesame_otp_verify_result *r) ;
 sesame_status sesame_otp_verify(sesame_otp_verify_result *out, const sesame_otp_service *svc,
                                                            const char *phone, size_t phone_len, const char *purpose,
                                                            size_t purpose_len, const char *code, size_t code_len,
                                                            int64_t now_ms) ;
 const char *sesame_otp_verdict_name(int32_t verdict) ;
typedef enum sesame_otp_hash {
    SESAME_OTP_SHA1 = 0,
    SESAME_OTP_SHA256 = 1,
    SESAME_OTP_SHA512 = 2
} sesame_otp_hash;
 sesame_status sesame_otp_hotp(char *out, size_t out_cap, size_t *out_len,
                                                          const uint8_t *secret, size_t secret_len, uint64_t counter,
                                                          int32_t digits, int32_t hash) ;
 sesame_status sesame_otp_hotp_verify(bool *ok, uint64_t *next_counter,
                                                                 const uint8_t *secret, size_t secret_len,
                                                                 uint64_t counter, int32_t window, int32_t digits,
                                                                 int32_t hash, const char *code,
                                                                 size_t code_len) ;
 sesame_status sesame_otp_totp(char *out, size_t out_cap, size_t *out_len,
                                                          const uint8_t *secret, size_t secret_len, int64_t now_ms,
                                                          int32_t step_s, int64_t t0_s, int32_t digits,
                                                          int32_t hash) ;
 sesame_status sesame_otp_totp_verify(bool *ok, int64_t *matched_step,
                                                                 const uint8_t *secret, size_t secret_len,
                                                                 int64_t now_ms, int32_t step_s, int64_t t0_s,
                                                                 int32_t window, int32_t digits, int32_t hash,
                                                                 int64_t last_step, const char *code,
                                                                 size_t code_len) ;
 sesame_status sesame_otp_base32_decode(uint8_t *out, size_t out_cap, size_t *out_len,
                                                                   const char *text, size_t text_len) ;
 sesame_status sesame_otp_base32_encode(char *out, size_t out_cap, size_t *out_len,
                                                                   const uint8_t *data, size_t data_len) ;
typedef enum sesame_name_field {
    SESAME_NAME_FIELD_FAMILY = 0,
    SESAME_NAME_FIELD_GIVEN = 1
} sesame_name_field;
typedef enum sesame_name_key_sizes {
    SESAME_NAME_KEY_SIZE = 512
} sesame_name_key_sizes;
typedef struct sesame_name_key_result {
    size_t struct_size;
    bool valid;
    char text[SESAME_NAME_KEY_SIZE];
    char compact[SESAME_NAME_KEY_SIZE];
} sesame_name_key_result;
 sesame_status sesame_name_key_result_init(sesame_name_key_result *r) ;
 sesame_status sesame_name_key(sesame_name_key_result *out, const char *s,
                                                          size_t s_len) ;
 sesame_status sesame_name_match(bool *match_out, int32_t field,
                                                            const char *record, size_t record_len,
                                                            const char *typed, size_t typed_len) ;
 sesame_status sesame_name_fc_tier(int32_t *tier_out, const char *record, size_t record_len,
                                                              const char *fc_given, size_t fc_given_len) ;
typedef enum sesame_date_error {
    SESAME_DATE_OK = 0,
    SESAME_DATE_EMPTY = 1,
    SESAME_DATE_FORMAT = 2,
    SESAME_DATE_TWO_DIGIT_YEAR = 3,
    SESAME_DATE_YEAR_RANGE = 4,
    SESAME_DATE_MONTH_RANGE = 5,
    SESAME_DATE_DAY_RANGE = 6,
    SESAME_DATE_NOT_LEAP = 7,
    SESAME_DATE_FUTURE = 8
} sesame_date_error;
typedef enum sesame_date_flag {
    SESAME_DATE_FLAG_AGE_OVER_25 = 1,
    SESAME_DATE_FLAG_AGE_UNDER_2 = 2
} sesame_date_flag;
typedef struct sesame_date_result {
    size_t struct_size;
    int32_t error;
    int32_t date;
    uint32_t flags;
    char iso[11];
} sesame_date_result;
 sesame_status sesame_date_result_init(sesame_date_result *r) ;
 sesame_status sesame_date_parse(sesame_date_result *out, const char *s, size_t s_len,
                                                            int32_t today) ;
 const char *sesame_date_error_name(int32_t error) ;
typedef struct sesame_date_counter sesame_date_counter;
 sesame_status sesame_date_counter_new(sesame_date_counter **out, uint32_t max_failures,
                                                                  int64_t window_ms) ;
 sesame_status sesame_date_counter_new_redis(sesame_date_counter **out, uint32_t max_failures,
                                                                        int64_t window_ms,
                                                                        const sesame_redis_options *opts) ;
 void sesame_date_counter_free(sesame_date_counter *counter) ;
typedef struct sesame_directory sesame_directory;
 sesame_status sesame_directory_new(sesame_directory **out) ;
 void sesame_directory_free(sesame_directory *dir) ;
 sesame_status sesame_directory_add_guardian(
    sesame_directory *dir, const char *id, size_t id_len, const char *family_name, size_t family_name_len,
    const char *birth_name, size_t birth_name_len, const char *given_name, size_t given_name_len, const char *phone,
    size_t phone_len) ;
 sesame_status sesame_directory_add_pupil(sesame_directory *dir, const char *id, size_t id_len,
                                                                     const char *birthdate,
                                                                     size_t birthdate_len) ;
 sesame_status sesame_directory_add_link(sesame_directory *dir, const char *guardian_id,
                                                                    size_t guardian_id_len, const char *pupil_id,
                                                                    size_t pupil_id_len,
                                                                    bool legal_representative) ;
typedef struct sesame_directory_load_options {
    size_t struct_size;
    uint64_t max_bytes;
} sesame_directory_load_options;
 sesame_status sesame_directory_load_options_init(sesame_directory_load_options *opts) ;
 sesame_status sesame_directory_load_json(sesame_directory **out, const char *json,
                                                                     size_t json_len,
                                                                     const sesame_directory_load_options *opts) ;
 sesame_status sesame_directory_load_json_file(sesame_directory **out, const char *path,
                                                                          size_t path_len,
                                                                          const sesame_directory_load_options *opts) ;
 sesame_status sesame_directory_report(char *out, size_t out_cap, size_t *out_len,
                                                                  const sesame_directory *dir) ;
typedef enum sesame_decision_status {
    SESAME_DECISION_ACTIVATED = 0,
    SESAME_DECISION_PARTIAL = 1,
    SESAME_DECISION_REJECTED = 2
} sesame_decision_status;
typedef enum sesame_decision_reason {
    SESAME_REASON_OK = 0,
    SESAME_REASON_PHONE_UNKNOWN = 1,
    SESAME_REASON_NAME_MISMATCH = 2,
    SESAME_REASON_AMBIGUOUS = 3,
    SESAME_REASON_NOT_LEGAL_GUARDIAN = 4,
    SESAME_REASON_BIRTHDATE_MISMATCH = 5
} sesame_decision_reason;
typedef enum sesame_user_message {
    SESAME_USER_MESSAGE_OK_ALL = 0,
    SESAME_USER_MESSAGE_OK_SOME = 1,
    SESAME_USER_MESSAGE_GENERIC_FAILURE = 2
} sesame_user_message;
typedef struct sesame_decision sesame_decision;
 sesame_status sesame_directory_match(sesame_decision **out, const sesame_directory *dir,
                                                                 sesame_date_counter *counter, const char *claim,
                                                                 size_t claim_len, int32_t today,
                                                                 int64_t now_ms) ;
 sesame_status sesame_identity_match_candidates(sesame_decision **out,
                                                                           sesame_date_counter *counter,
                                                                           const char *candidates_json,
                                                                           size_t candidates_json_len, const char *claim,
                                                                           size_t claim_len, int32_t today,
                                                                           int64_t now_ms) ;
 void sesame_decision_free(sesame_decision *decision) ;
 sesame_status sesame_decision_json(char *out, size_t out_cap, size_t *out_len,
                                                               const sesame_decision *decision) ;
 sesame_status sesame_decision_outcome(const sesame_decision *decision, int32_t *status_out,
                                                                  int32_t *reason_out,
                                                                  int32_t *message_out) ;
 const char *sesame_decision_status_name(int32_t status) ;
 const char *sesame_decision_reason_name(int32_t reason) ;
 const char *sesame_user_message_name(int32_t message) ;
typedef enum sesame_login_id_sizes {
    SESAME_LOGIN_ID_SIZE = 27
} sesame_login_id_sizes;
typedef int32_t (*sesame_login_taken_fn)(void *payload, const char *login, size_t login_len, bool *taken_out);
 sesame_status sesame_login_id(char *out, size_t out_cap, size_t *out_len, const char *family,
                                                          size_t family_len, const char *given, size_t given_len,
                                                          const char *taken, size_t taken_len, sesame_login_taken_fn fn,
                                                          void *payload) ;
