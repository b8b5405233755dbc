// Shims for sesame/phone_audit.h.
#include "sesame/phone_audit.h"

#include <mutex>

#include "capi/shim.hpp"
#include "core/audit/phone_audit.hpp"

struct sesame_phone_audit {
    explicit sesame_phone_audit(sesame::audit::Report r) : report(std::move(r)) {}
    const std::string &json() const {
        // Rendered once (the size query and the fill then agree), thread-safe for shared-const use.
        std::call_once(json_once, [this] { json_text = report.to_json(); });
        return json_text;
    }
    const sesame::audit::Report report;
    mutable std::once_flag json_once;
    mutable std::string json_text;
};

namespace {

using sesame::capi::as_view;

sesame_phone_audit_options default_options() noexcept {
    sesame_phone_audit_options o{};
    o.struct_size = sizeof o;
    o.encoding = SESAME_CSV_ENCODING_AUTO;
    o.max_bytes = SESAME_CSV_MAX_BYTES_DEFAULT;
    return o;
}

sesame_status to_options(const sesame_phone_audit_options *opts, sesame::audit::Options &o) {
    sesame_phone_audit_options c = default_options();
    if (sesame_status st = sesame::capi::read_struct(opts, c, "opts"); st != SESAME_OK) return st;
    if (c.delimiter != 0 && c.delimiter != ',' && c.delimiter != ';')
        return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "opts.delimiter must be 0, ',' or ';'");
    if (c.encoding < SESAME_CSV_ENCODING_AUTO || c.encoding > SESAME_CSV_ENCODING_WINDOWS_1252)
        return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "opts.encoding is not a sesame_csv_encoding");
    o.delimiter = static_cast<char>(c.delimiter);
    o.encoding = c.encoding == SESAME_CSV_ENCODING_AUTO ? -1 : static_cast<int>(c.encoding) - 1;
    o.max_bytes = c.max_bytes == 0 ? std::uint64_t{SESAME_CSV_MAX_BYTES_DEFAULT} : c.max_bytes;
    if (c.progress != nullptr) {
        o.progress = [cb = c.progress, payload = c.progress_payload](std::uint64_t done, std::uint64_t total) {
            return cb(done, total, payload) == 0;
        };
    }
    return SESAME_OK;
}

template <typename Run>
sesame_status make(sesame_phone_audit **out, const char *column, size_t column_len,
                   const sesame_phone_audit_options *opts, Run run) {
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE_INPUT(column, column_len);
    sesame::audit::Options o;
    if (sesame_status st = to_options(opts, o); st != SESAME_OK) return st;
    auto result = run(as_view(column, column_len), o);
    return sesame::capi::new_handle(out, std::move(result));
}

}  // namespace

extern "C" {

sesame_status sesame_phone_audit_options_init(sesame_phone_audit_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(opts != nullptr, "opts is NULL");
    *opts = default_options();
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_phone_audit_file(sesame_phone_audit **out, const char *path, size_t path_len, const char *column,
                                      size_t column_len, const sesame_phone_audit_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(path != nullptr && path_len != 0, "path is empty");
    const std::string p(path, path_len);
    SESAME_REQUIRE(p.find('\0') == std::string::npos, "path contains a NUL byte");
    return make(out, column, column_len, opts,
                [&](std::string_view col, const sesame::audit::Options &o) { return sesame::audit::audit_phones_file(p, col, o); });
    SESAME_SHIM_END
}

sesame_status sesame_phone_audit_buffer(sesame_phone_audit **out, const char *csv, size_t csv_len, const char *column,
                                        size_t column_len, const sesame_phone_audit_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE_INPUT(csv, csv_len);
    return make(out, column, column_len, opts, [&](std::string_view col, const sesame::audit::Options &o) {
        return sesame::audit::audit_phones(as_view(csv, csv_len), col, o);
    });
    SESAME_SHIM_END
}

sesame_status sesame_phone_audit_summary_get(sesame_phone_audit_summary *out, const sesame_phone_audit *audit) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(audit != nullptr, "audit is NULL");
    const auto &r = audit->report;
    sesame_phone_audit_summary s{};
    s.struct_size = sizeof s;
    s.rows = r.rows;
    s.mobile = r.counts[0];
    s.not_mobile = r.counts[1];
    s.invalid = r.counts[2];
    s.empty = r.counts[3];
    s.overseas = r.overseas;
    s.shared_numbers = r.shared.size();
    s.problems = r.problems.size();
    s.outside_metadata = r.outside_metadata.size();
    return sesame::capi::write_struct(out, s, "out");
    SESAME_SHIM_END
}

sesame_status sesame_phone_audit_json(char *out, size_t out_cap, size_t *out_len, const sesame_phone_audit *audit) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(audit != nullptr, "audit is NULL");
    return sesame::capi::write_out(audit->json(), out, out_cap, out_len);
    SESAME_SHIM_END
}

void sesame_phone_audit_free(sesame_phone_audit *audit) noexcept { delete audit; }

}  // extern "C"
