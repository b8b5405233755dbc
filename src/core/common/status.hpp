// Status and Result<T>: expected failures in the C++ core (no exceptions for them).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace sesame {

// Mirrors sesame_status (include/sesame/errors.h) value for value; src/capi/common.cpp checks it.
enum class Code : std::int32_t {
    ok = 0,
    invalid_argument = -1,
    nomem = -2,
    internal = -3,
    buffer_too_small = -4,
    invalid_utf8 = -5,
    unsupported = -6,
    store_unavailable = -7,
    store_full = -8,
    cooldown = -9,
    quota = -10,
    rate_limited = -11,
    exhausted = -12,
    not_found = -13,
    parse = -14,
    invalid_name = -15,
    crypto = -16,
    duplicate = -17,
    io = -18,
    state = -19,
    cancelled = -20,
    limit = -21,  // an input above a documented limit (core/common/limits.hpp); the detail names it
};

// A code plus a detail message for logs. The detail never holds secrets or personal data.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Code code, std::string detail) : code_(code), detail_(std::move(detail)) {}
    static Status Ok() { return {}; }

    bool ok() const noexcept { return code_ == Code::ok; }
    Code code() const noexcept { return code_; }
    const std::string &detail() const noexcept { return detail_; }

private:
    Code code_ = Code::ok;
    std::string detail_;
};

inline Status Error(Code code, std::string detail) { return Status(code, std::move(detail)); }

// Either a value or a failing Status (never an ok Status without a value).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
    Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
        if (std::get<Status>(v_).ok()) v_ = Status(Code::internal, "Result built from an ok Status");
    }

    bool ok() const noexcept { return std::holds_alternative<T>(v_); }
    const Status &status() const {
        static const Status kOk;
        return ok() ? kOk : std::get<Status>(v_);
    }
    T &value() & { return std::get<T>(v_); }
    const T &value() const & { return std::get<T>(v_); }
    T &&value() && { return std::get<T>(std::move(v_)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::variant<T, Status> v_;
};

}  // namespace sesame
