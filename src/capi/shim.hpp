// Helpers shared by every extern "C" shim: exception barrier, last-error detail, output buffers.
//
// Every shim body is SESAME_SHIM_BEGIN ... SESAME_SHIM_END: std::bad_alloc -> SESAME_E_NOMEM,
// anything else -> SESAME_E_INTERNAL (what() kept as detail). No exception crosses the ABI.
#pragma once

#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "core/common/status.hpp"
#include "sesame/errors.h"

namespace sesame::capi {

// Sets the thread-local detail message (never pass secrets or personal data).
void set_last_error(std::string_view detail) noexcept;
void clear_last_error() noexcept;

// Converts a core Status, recording its detail when it fails.
sesame_status to_c(const Status &st) noexcept;

// Records the detail and returns code.
sesame_status fail(sesame_status code, std::string_view detail) noexcept;

// Checks a (ptr, len) text/bytes input: NULL only with length 0.
inline bool input_ok(const void *p, std::size_t len) noexcept { return p != nullptr || len == 0; }
inline std::string_view as_view(const char *p, std::size_t len) noexcept {
    return len == 0 ? std::string_view() : std::string_view(p, len);
}

// Writes `value` under the size-query convention; `what` names the output in the error detail.
sesame_status write_out(std::string_view value, char *out, std::size_t out_cap, std::size_t *out_len,
                        const char *what = "out") noexcept;

sesame_status exception_to_status() noexcept;  // call inside a catch (...) block

}  // namespace sesame::capi

#define SESAME_SHIM_BEGIN \
    try {                 \
        ::sesame::capi::clear_last_error();
#define SESAME_SHIM_END                                        \
    }                                                          \
    catch (...) {                                              \
        return ::sesame::capi::exception_to_status();          \
    }

// Argument checks usable inside a shim.
#define SESAME_REQUIRE(cond, detail)                                                   \
    do {                                                                               \
        if (!(cond)) return ::sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, (detail)); \
    } while (0)
#define SESAME_REQUIRE_INPUT(ptr, len) \
    SESAME_REQUIRE(::sesame::capi::input_ok((ptr), (len)), #ptr " is NULL with a non-zero length")
