// Fuzzes the CSV reader and the phone audit (encoding and delimiter detection, quotes, line ends,
// UTF-16, the column matching, the row callback and the header JSON) through the C API: the first
// byte chooses the options, the rest is the CSV document.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sesame.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    sesame_phone_audit_options opts;
    if (sesame_phone_audit_options_init(&opts) != SESAME_OK) __builtin_trap();
    const uint8_t sel = data[0];
    opts.delimiter = (sel & 3) == 1 ? ',' : (sel & 3) == 2 ? ';' : (sel & 3) == 3 ? '\t' : 0;
    opts.encoding = static_cast<int32_t>((sel >> 2) % 5);
    opts.lang = (sel >> 7) & 1;
    // Every record once, in order, the header first; data rows numbered 1, 2...; lines increasing.
    struct Rows {
        uint64_t next_row = 0, last_line = 0;
    } rows;
    opts.row = [](const sesame_phone_audit_row *r, void *payload) -> int32_t {
        auto *seen = static_cast<Rows *>(payload);
        if (r->row != seen->next_row++ || r->line <= seen->last_line || r->raw == nullptr || r->gap == nullptr ||
            r->line_end == nullptr || (r->row == 0) != (r->outcome == -1) || (r->row == 0 && r->column >= r->field_count))
            __builtin_trap();
        seen->last_line = r->line;
        return 0;
    };
    opts.row_payload = &rows;
    const char *csv = reinterpret_cast<const char *>(data + 1);
    const size_t csv_len = size - 1;
    // The column is the document's first field when it is short, else a fixed name.
    const std::string column = (sel & 0x20) != 0 ? "tel" : std::string(csv, csv_len < 8 ? csv_len : 8);
    size_t header_len = 0;
    const sesame_status hs = sesame_phone_audit_columns_buffer(nullptr, 0, &header_len, csv, csv_len, column.data(),
                                                                column.size(), &opts);
    if (hs == SESAME_E_BUFFER_TOO_SMALL) {
        std::string header(header_len, '\0');
        if (sesame_phone_audit_columns_buffer(header.data(), header.size(), &header_len, csv, csv_len, column.data(),
                                              column.size(), &opts) != SESAME_OK)
            __builtin_trap();
    }
    sesame_phone_audit *audit = nullptr;
    const sesame_status st = sesame_phone_audit_buffer(&audit, csv, csv_len, column.data(), column.size(), &opts);
    if (st != SESAME_OK) {
        if (audit != nullptr) __builtin_trap();  // *out is NULL on failure
        return 0;
    }
    if (rows.next_row == 0) __builtin_trap();  // the header was seen
    sesame_phone_audit_summary s{};
    s.struct_size = sizeof s;
    if (sesame_phone_audit_summary_get(&s, audit) != SESAME_OK) __builtin_trap();
    if (s.mobile + s.not_mobile + s.invalid + s.empty != s.rows || s.problems != s.rows - s.mobile || s.overseas > s.mobile)
        __builtin_trap();  // every row counts once
    if (rows.next_row != s.rows + 1) __builtin_trap();  // and was given to the callback
    size_t len = 0;
    if (sesame_phone_audit_json(nullptr, 0, &len, audit) != SESAME_E_BUFFER_TOO_SMALL || len == 0) __builtin_trap();
    std::string json(len, '\0');
    if (sesame_phone_audit_json(json.data(), json.size(), &len, audit) != SESAME_OK) __builtin_trap();
    sesame_phone_audit_free(audit);
    return 0;
}
