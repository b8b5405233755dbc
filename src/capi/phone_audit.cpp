// Shims for sesame/phone_audit.h.
#include "sesame/phone_audit.h"
#include "sesame/password.h"  // sesame_password_lang

#include <memory>
#include <mutex>
#include <vector>

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

const char kEmpty[] = "";

const char *ptr(std::string_view s) noexcept { return s.empty() ? kEmpty : s.data(); }

// The C view of a core RowEvent, its field arrays reused from one record to the next.
class RowAdapter {
public:
    RowAdapter(sesame_phone_audit_row_cb cb, void *payload) : cb_(cb), payload_(payload) {}

    bool operator()(const sesame::audit::RowEvent &e) {
        sesame_phone_audit_row r{};
        r.struct_size = sizeof r;
        r.row = e.row;
        r.line = e.line;
        r.outcome = e.row == 0 ? -1 : static_cast<int32_t>(e.outcome);
        r.error = e.phone_error;
        r.type = e.type;
        r.outside_metadata = e.outside_metadata;
        r.same_as_line = e.same_as_line;
        r.input = ptr(e.input);
        r.input_len = e.input.size();
        r.e164 = ptr(e.e164);
        r.e164_len = e.e164.size();
        r.message = ptr(e.message);
        r.message_len = e.message.size();
        pointers_.clear();
        lengths_.clear();
        for (const auto &f : *e.fields) {
            pointers_.push_back(f.c_str());
            lengths_.push_back(f.size());
        }
        r.field_count = pointers_.size();
        r.fields = pointers_.data();
        r.field_lens = lengths_.data();
        r.raw = ptr(e.raw);
        r.raw_len = e.raw.size();
        r.gap = ptr(e.gap);
        r.gap_len = e.gap.size();
        r.line_end = ptr(e.line_end);
        r.line_end_len = e.line_end.size();
        const auto &report = *e.report;
        r.column = report.column_index;
        r.encoding = static_cast<int32_t>(report.format.encoding) + 1;  // sesame_csv_encoding after AUTO
        r.delimiter = report.format.delimiter;
        r.bom = report.format.bom;
        return cb_(&r, payload_) == 0;
    }

private:
    sesame_phone_audit_row_cb cb_;
    void *payload_;
    std::vector<const char *> pointers_;
    std::vector<size_t> lengths_;
};

sesame_status to_options(const sesame_phone_audit_options *opts, sesame::audit::Options &o) {
    sesame_phone_audit_options c = default_options();
    if (sesame_status st = sesame::capi::read_struct(opts, c, "opts"); st != SESAME_OK) return st;
    if (c.delimiter != 0 && c.delimiter != ',' && c.delimiter != ';' && c.delimiter != '\t')
        return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "opts.delimiter must be 0, ',', ';' or '\\t'");
    if (c.encoding < SESAME_CSV_ENCODING_AUTO || c.encoding > SESAME_CSV_ENCODING_UTF16BE)
        return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "opts.encoding is not a sesame_csv_encoding");
    if (c.lang != SESAME_PASSWORD_LANG_FR && c.lang != SESAME_PASSWORD_LANG_EN)
        return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "opts.lang is not a sesame_password_lang");
    o.delimiter = static_cast<char>(c.delimiter);
    o.encoding = c.encoding == SESAME_CSV_ENCODING_AUTO ? -1 : static_cast<int>(c.encoding) - 1;
    o.max_bytes = c.max_bytes == 0 ? std::uint64_t{SESAME_CSV_MAX_BYTES_DEFAULT} : c.max_bytes;
    o.lang = c.lang == SESAME_PASSWORD_LANG_EN ? sesame::audit::Lang::en : sesame::audit::Lang::fr;
    if (c.progress != nullptr) {
        o.progress = [cb = c.progress, payload = c.progress_payload](std::uint64_t done, std::uint64_t total) {
            return cb(done, total, payload) == 0;
        };
    }
    if (c.row != nullptr) {
        auto adapter = std::make_shared<RowAdapter>(c.row, c.row_payload);
        o.on_row = [adapter](const sesame::audit::RowEvent &e) { return (*adapter)(e); };
    }
    return SESAME_OK;
}

template <typename Run>
sesame_status columns(char *out, size_t out_cap, size_t *out_len, const char *column, size_t column_len,
                      const sesame_phone_audit_options *opts, Run run) {
    SESAME_REQUIRE_INPUT(column, column_len);
    sesame::audit::Options o;
    if (sesame_status st = to_options(opts, o); st != SESAME_OK) return st;
    o.progress = nullptr;
    o.on_row = nullptr;
    auto result = run(as_view(column, column_len), o);
    if (!result.ok()) return sesame::capi::to_c(result.status());
    return sesame::capi::write_out(*result, out, out_cap, out_len);
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
    std::string p;
    if (sesame_status st = sesame::capi::path_of(path, path_len, p); st != SESAME_OK) return st;
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

sesame_status sesame_phone_audit_columns_file(char *out, size_t out_cap, size_t *out_len, const char *path, size_t path_len,
                                              const char *column, size_t column_len,
                                              const sesame_phone_audit_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    std::string p;
    if (sesame_status st = sesame::capi::path_of(path, path_len, p); st != SESAME_OK) return st;
    return columns(out, out_cap, out_len, column, column_len, opts, [&](std::string_view col, const sesame::audit::Options &o) {
        return sesame::audit::header_json_file(p, col, o);
    });
    SESAME_SHIM_END
}

sesame_status sesame_phone_audit_columns_buffer(char *out, size_t out_cap, size_t *out_len, const char *csv, size_t csv_len,
                                                const char *column, size_t column_len,
                                                const sesame_phone_audit_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE_INPUT(csv, csv_len);
    return columns(out, out_cap, out_len, column, column_len, opts, [&](std::string_view col, const sesame::audit::Options &o) {
        return sesame::audit::header_json(as_view(csv, csv_len), col, o);
    });
    SESAME_SHIM_END
}

void sesame_phone_audit_free(sesame_phone_audit *audit) noexcept { delete audit; }

}  // extern "C"
