// Helpers shared by every extern "C" shim: exception barrier, last-error detail, output buffers.
//
// Every shim body is SESAME_SHIM_BEGIN ... SESAME_SHIM_END: std::bad_alloc -> SESAME_E_NOMEM,
// anything else -> SESAME_E_INTERNAL (what() kept as detail). No exception crosses the ABI.
#pragma once

#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/common/limits.hpp"
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

// The path of a file entry point into `out`: not empty, no NUL byte (SESAME_E_INVALID_ARGUMENT).
sesame_status path_of(const char *path, std::size_t path_len, std::string &out);

// Writes `value` under the size-query convention; `what` names the output in the error detail.
sesame_status write_out(std::string_view value, char *out, std::size_t out_cap, std::size_t *out_len,
                        const char *what = "out") noexcept;

// Copies `text` and its NUL into a fixed-size text field of a result struct; false (nothing
// written) when it does not fit.
template <std::size_t N>
bool copy_text(char (&dst)[N], std::string_view text) noexcept {
    if (text.size() >= N) return false;
    std::memcpy(dst, text.data(), text.size());
    dst[text.size()] = '\0';
    return true;
}

sesame_status exception_to_status() noexcept;  // call inside a catch (...) block

// The end of every constructor shim: a failing Result becomes its status (with its detail);
// a value becomes a new handle `Handle{value}` in *out. Call inside SESAME_SHIM_BEGIN/END.
template <typename Handle, typename T>
sesame_status new_handle(Handle **out, Result<T> &&result) {
    if (!result.ok()) return to_c(result.status());
    *out = new Handle{std::move(result).value()};
    return SESAME_OK;
}

// The body of every sesame_x_init function: the struct zeroed, its struct_size set, then the
// defaults `defaults` writes. A shim that fills a result of its own starts from the same function,
// so a struct's defaults are written in one place.
template <typename T, typename Defaults>
sesame_status init_struct(T *p, const char *what, Defaults defaults) noexcept {
    static_assert(std::is_trivially_copyable_v<T>);
    if (p == nullptr) return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + " is NULL");
    std::memset(static_cast<void *>(p), 0, sizeof *p);
    p->struct_size = sizeof *p;
    defaults(*p);
    return SESAME_OK;
}
template <typename T>
sesame_status init_struct(T *p, const char *what) noexcept {
    return init_struct(p, what, [](T &) {});
}

// Versioned structs (STYLE 2.11): the first member is `size_t struct_size`, set by the caller
// (through sesame_x_options_init). A size below the member itself or above
// SESAME_STRUCT_SIZE_MAX (garbage, or SIZE_MAX) is refused before any byte past it is read.
sesame_status check_struct_size(std::size_t size, const char *what) noexcept;

// read_struct copies the caller's first struct_size bytes over `out` (which holds the defaults),
// so an older caller gets defaults for the fields it does not know; a newer caller's larger
// struct is accepted only if its unknown tail is all zero. `in == nullptr` keeps the defaults.
template <typename T>
sesame_status read_struct(const T *in, T &out, const char *what) noexcept {
    static_assert(std::is_trivially_copyable_v<T>);
    static_assert(sizeof(T) <= limits::kStructSizeMax);
    if (in == nullptr) return SESAME_OK;
    const std::size_t size = in->struct_size;
    if (sesame_status st = check_struct_size(size, what); st != SESAME_OK) return st;
    if (size > sizeof(T)) {
        const auto *tail = reinterpret_cast<const unsigned char *>(in) + sizeof(T);
        for (std::size_t i = 0; i < size - sizeof(T); ++i)
            if (tail[i] != 0) return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + " has fields this library does not know");
    }
    std::memcpy(static_cast<void *>(&out), in, size < sizeof(T) ? size : sizeof(T));
    out.struct_size = sizeof(T);
    return SESAME_OK;
}

// Checks a caller's versioned output struct before anything is done for it (an operation with a
// side effect, such as issuing a code, must not happen if its result cannot be written).
template <typename T>
sesame_status check_out_struct(const T *out, const char *what) noexcept {
    static_assert(sizeof(T) <= limits::kStructSizeMax);
    if (out == nullptr) return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + " is NULL");
    return check_struct_size(out->struct_size, what);
}

// Writes `value` into the caller's versioned output struct: only the first out->struct_size
// bytes (an older caller gets the fields it knows); out->struct_size is left as the caller set it.
template <typename T>
sesame_status write_struct(T *out, const T &value, const char *what) noexcept {
    static_assert(std::is_trivially_copyable_v<T>);
    if (sesame_status st = check_out_struct(out, what); st != SESAME_OK) return st;
    const std::size_t size = out->struct_size;
    const std::size_t n = size < sizeof(T) ? size : sizeof(T);
    std::memcpy(reinterpret_cast<unsigned char *>(out) + sizeof(std::size_t),
                reinterpret_cast<const unsigned char *>(&value) + sizeof(std::size_t), n - sizeof(std::size_t));
    return SESAME_OK;
}

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
