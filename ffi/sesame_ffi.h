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
