// Shims for sesame/errors.h, sesame/version.h and sesame/library.h.
#include <openssl/opensslv.h>
#include <sodium.h>
#include <unicode/uversion.h>
#include <utf8proc.h>

#include <string>

#include "capi/shim.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/common/sodium_init.hpp"
#include "core/text/utf8.hpp"
#include "sesame/library.h"
#include "sesame/version.h"

namespace sesame::capi {
const char *last_error_c_str() noexcept;
}

// The core's Code mirrors the C enum value for value.
#define SESAME_SAME(c, e) static_assert(static_cast<int>(sesame::Code::c) == static_cast<int>(e), #e)
SESAME_SAME(ok, SESAME_OK);
SESAME_SAME(invalid_argument, SESAME_E_INVALID_ARGUMENT);
SESAME_SAME(nomem, SESAME_E_NOMEM);
SESAME_SAME(internal, SESAME_E_INTERNAL);
SESAME_SAME(buffer_too_small, SESAME_E_BUFFER_TOO_SMALL);
SESAME_SAME(invalid_utf8, SESAME_E_INVALID_UTF8);
SESAME_SAME(unsupported, SESAME_E_UNSUPPORTED);
SESAME_SAME(store_unavailable, SESAME_E_STORE_UNAVAILABLE);
SESAME_SAME(store_full, SESAME_E_STORE_FULL);
SESAME_SAME(cooldown, SESAME_E_COOLDOWN);
SESAME_SAME(quota, SESAME_E_QUOTA);
SESAME_SAME(rate_limited, SESAME_E_RATE_LIMITED);
SESAME_SAME(exhausted, SESAME_E_EXHAUSTED);
SESAME_SAME(not_found, SESAME_E_NOT_FOUND);
SESAME_SAME(parse, SESAME_E_PARSE);
SESAME_SAME(invalid_name, SESAME_E_INVALID_NAME);
SESAME_SAME(crypto, SESAME_E_CRYPTO);
SESAME_SAME(duplicate, SESAME_E_DUPLICATE);
SESAME_SAME(io, SESAME_E_IO);
SESAME_SAME(state, SESAME_E_STATE);
SESAME_SAME(cancelled, SESAME_E_CANCELLED);
SESAME_SAME(limit, SESAME_E_LIMIT);
#undef SESAME_SAME

namespace {
struct StatusInfo {
    sesame_status code;
    const char *name;
    const char *message;
};
constexpr StatusInfo kStatuses[] = {
    {SESAME_OK, "SESAME_OK", "ok"},
    {SESAME_E_INVALID_ARGUMENT, "SESAME_E_INVALID_ARGUMENT", "invalid argument"},
    {SESAME_E_NOMEM, "SESAME_E_NOMEM", "out of memory"},
    {SESAME_E_INTERNAL, "SESAME_E_INTERNAL", "internal error"},
    {SESAME_E_BUFFER_TOO_SMALL, "SESAME_E_BUFFER_TOO_SMALL", "output buffer too small"},
    {SESAME_E_INVALID_UTF8, "SESAME_E_INVALID_UTF8", "invalid UTF-8"},
    {SESAME_E_UNSUPPORTED, "SESAME_E_UNSUPPORTED", "not supported by this build"},
    {SESAME_E_STORE_UNAVAILABLE, "SESAME_E_STORE_UNAVAILABLE", "store unavailable"},
    {SESAME_E_STORE_FULL, "SESAME_E_STORE_FULL", "store full"},
    {SESAME_E_COOLDOWN, "SESAME_E_COOLDOWN", "too soon, wait before sending another code"},
    {SESAME_E_QUOTA, "SESAME_E_QUOTA", "send quota reached"},
    {SESAME_E_RATE_LIMITED, "SESAME_E_RATE_LIMITED", "too many failed attempts"},
    {SESAME_E_EXHAUSTED, "SESAME_E_EXHAUSTED", "no free value left"},
    {SESAME_E_NOT_FOUND, "SESAME_E_NOT_FOUND", "not found"},
    {SESAME_E_PARSE, "SESAME_E_PARSE", "parse error"},
    {SESAME_E_INVALID_NAME, "SESAME_E_INVALID_NAME", "invalid name"},
    {SESAME_E_CRYPTO, "SESAME_E_CRYPTO", "cryptographic failure"},
    {SESAME_E_DUPLICATE, "SESAME_E_DUPLICATE", "duplicate"},
    {SESAME_E_IO, "SESAME_E_IO", "input/output error"},
    {SESAME_E_STATE, "SESAME_E_STATE", "invalid state"},
    {SESAME_E_CANCELLED, "SESAME_E_CANCELLED", "cancelled by the caller"},
    {SESAME_E_LIMIT, "SESAME_E_LIMIT", "limit exceeded"},
};
const StatusInfo *find_status(int32_t s) noexcept {
    for (const auto &info : kStatuses)
        if (info.code == s) return &info;
    return nullptr;
}
}  // namespace

extern "C" {

const char *sesame_status_str(int32_t status) noexcept {
    const StatusInfo *info = find_status(status);
    return info != nullptr ? info->message : "unknown status";
}

const char *sesame_status_name(int32_t status) noexcept {
    const StatusInfo *info = find_status(status);
    return info != nullptr ? info->name : "";
}

const char *sesame_last_error_message(void) noexcept { return sesame::capi::last_error_c_str(); }

int32_t sesame_version_number(void) noexcept { return SESAME_VERSION_NUMBER; }

const char *sesame_version_string(void) noexcept { return SESAME_VERSION_STRING; }

sesame_status sesame_init(void) noexcept {
    SESAME_SHIM_BEGIN
    return sesame::capi::to_c(sesame::ensure_sodium());
    SESAME_SHIM_END
}

sesame_status sesame_build_info(char *out, size_t out_cap, size_t *out_len) noexcept {
    SESAME_SHIM_BEGIN
    std::string info = std::string("sesame ") + SESAME_VERSION_STRING + " (libsodium " + sodium_version_string() +
                       ", utf8proc " + utf8proc_version() + ", Unicode " + utf8proc_unicode_version() +
                       ", ICU " + U_ICU_VERSION + ", " + OPENSSL_VERSION_TEXT + ", redis store: " +
#ifdef SESAME_WITH_REDIS
                       "yes"
#else
                       "no"
#endif
                       + ")";
    return sesame::capi::write_out(info, out, out_cap, out_len);
    SESAME_SHIM_END
}

sesame_status sesame_utf8_repair(char *out, size_t out_cap, size_t *out_len, const char *s,
                                 size_t s_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE_INPUT(s, s_len);
    return sesame::capi::write_out(sesame::text::repair_utf8(sesame::capi::as_view(s, s_len)), out, out_cap, out_len);
    SESAME_SHIM_END
}

void sesame_memzero(void *p, size_t len) noexcept { sesame::secure_wipe(p, len); }

}  // extern "C"
