#include "capi/shim.hpp"

#include <exception>

namespace sesame::capi {

namespace {
thread_local std::string g_last_error;
}

void set_last_error(std::string_view detail) noexcept {
    try {
        g_last_error.assign(detail);
    } catch (...) {
        g_last_error.clear();  // out of memory: an empty detail beats a crash
    }
}

void clear_last_error() noexcept { g_last_error.clear(); }

const char *last_error_c_str() noexcept { return g_last_error.c_str(); }

sesame_status fail(sesame_status code, std::string_view detail) noexcept {
    set_last_error(detail);
    return code;
}

sesame_status to_c(const Status &st) noexcept {
    if (st.ok()) return SESAME_OK;
    set_last_error(st.detail());
    return static_cast<sesame_status>(st.code());
}

sesame_status check_struct_size(std::size_t size, const char *what) noexcept {
    if (size < sizeof(std::size_t))
        return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + ".struct_size is not set (call the _init function)");
    if (size > limits::kStructSizeMax)
        return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + ".struct_size is " + std::to_string(size) +
                                                   ", above SESAME_STRUCT_SIZE_MAX (" +
                                                   std::to_string(limits::kStructSizeMax) + ")");
    return SESAME_OK;
}

sesame_status path_of(const char *path, std::size_t path_len, std::string &out) {
    if (path == nullptr || path_len == 0) return fail(SESAME_E_INVALID_ARGUMENT, "path is empty");
    out.assign(path, path_len);
    if (out.find('\0') != std::string::npos) return fail(SESAME_E_INVALID_ARGUMENT, "path contains a NUL byte");
    return SESAME_OK;
}

sesame_status write_out(std::string_view value, char *out, std::size_t out_cap, std::size_t *out_len,
                        const char *what) noexcept {
    if (out_len == nullptr) return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + "_len is NULL");
    *out_len = value.size();
    if (out == nullptr && out_cap != 0) return fail(SESAME_E_INVALID_ARGUMENT, std::string(what) + " is NULL with a non-zero capacity");
    if (out_cap < value.size()) {
        return fail(SESAME_E_BUFFER_TOO_SMALL, std::string(what) + " needs " + std::to_string(value.size()) + " bytes");
    }
    if (!value.empty()) std::memcpy(out, value.data(), value.size());
    if (out_cap > value.size()) out[value.size()] = '\0';
    return SESAME_OK;
}

sesame_status exception_to_status() noexcept {
    try {
        throw;
    } catch (const std::bad_alloc &) {
        return fail(SESAME_E_NOMEM, "out of memory");
    } catch (const std::exception &e) {
        return fail(SESAME_E_INTERNAL, e.what());
    } catch (...) {
        return fail(SESAME_E_INTERNAL, "unknown exception");
    }
}

}  // namespace sesame::capi
