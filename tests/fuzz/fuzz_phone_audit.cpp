// Fuzzes the CSV reader and the phone audit (encoding and delimiter detection, quotes, line ends)
// through the C API: the first byte chooses the options, the rest is the CSV document.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sesame.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    sesame_phone_audit_options opts;
    if (sesame_phone_audit_options_init(&opts) != SESAME_OK) __builtin_trap();
    const uint8_t sel = data[0];
    opts.delimiter = (sel & 3) == 1 ? ',' : (sel & 3) == 2 ? ';' : 0;
    opts.encoding = static_cast<int32_t>((sel >> 2) % 3);
    const char *csv = reinterpret_cast<const char *>(data + 1);
    const size_t csv_len = size - 1;
    // The column is the document's first field when it is short, else a fixed name.
    const std::string column = (sel & 0x20) != 0 ? "tel" : std::string(csv, csv_len < 8 ? csv_len : 8);
    sesame_phone_audit *audit = nullptr;
    const sesame_status st = sesame_phone_audit_buffer(&audit, csv, csv_len, column.data(), column.size(), &opts);
    if (st != SESAME_OK) {
        if (audit != nullptr) __builtin_trap();  // *out is NULL on failure
        return 0;
    }
    sesame_phone_audit_summary s{};
    s.struct_size = sizeof s;
    if (sesame_phone_audit_summary_get(&s, audit) != SESAME_OK) __builtin_trap();
    if (s.mobile + s.not_mobile + s.invalid + s.empty != s.rows || s.problems != s.rows - s.mobile || s.overseas > s.mobile)
        __builtin_trap();  // every row counts once
    size_t len = 0;
    if (sesame_phone_audit_json(nullptr, 0, &len, audit) != SESAME_E_BUFFER_TOO_SMALL || len == 0) __builtin_trap();
    std::string json(len, '\0');
    if (sesame_phone_audit_json(json.data(), json.size(), &len, audit) != SESAME_OK) __builtin_trap();
    sesame_phone_audit_free(audit);
    return 0;
}
