// Fuzzes the password module through the C API: rule evaluation + meter on arbitrary bytes (with
// invariants), policy and context JSON parsers, confirmation. The first byte picks the mode.
// Run: ./build-fuzz/fuzz/fuzz_password -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/nfc.hpp"
#include "core/text/utf8.hpp"
#include "sesame.h"

namespace {

void check_password(const char *p, size_t n, const sesame_password_policy *policy, const sesame_password_context *ctx) {
    sesame_password_result r;
    if (sesame_password_result_init(&r) != SESAME_OK) __builtin_trap();
    if (sesame_password_check(&r, policy, ctx, p, n, nullptr) != SESAME_OK) __builtin_trap();
    const std::string_view s(p, n);
    const bool utf8 = sesame::text::is_valid_utf8(s);
    if ((r.error == SESAME_PASSWORD_INVALID_UTF8) == utf8) __builtin_trap();
    if (r.valid && r.error != SESAME_PASSWORD_OK) __builtin_trap();
    if (r.error != SESAME_PASSWORD_OK && r.has_strength) __builtin_trap();
    if (r.error == SESAME_PASSWORD_OK && (!r.has_strength || r.score < 0 || r.score > 4)) __builtin_trap();
    if (r.length > 512 || (r.error == SESAME_PASSWORD_OK && r.length > 128)) __builtin_trap();
    if (utf8 && r.error == SESAME_PASSWORD_OK) {
        // NFC is idempotent and the reported length is the NFC length.
        std::string once, twice;
        if (!sesame::text::nfc_utf8(s, once) || !sesame::text::nfc_utf8(once, twice) || once != twice) __builtin_trap();
        if (sesame::text::count_code_points(once) != r.length) __builtin_trap();
        bool same = false;
        if (sesame_password_confirm(&same, p, n, once.data(), once.size()) != SESAME_OK || !same) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    const char *p = reinterpret_cast<const char *>(data + 1);
    const size_t n = size - 1;
    switch (data[0] % 4) {
        case 0:
        case 1:
            check_password(p, n, nullptr, nullptr);
            break;
        case 2: {  // policy JSON, then the rest of the input... the same bytes as a password
            sesame_password_policy *policy = nullptr;
            if (sesame_password_policy_from_json(&policy, p, n) == SESAME_OK) {
                check_password(p, n, policy, nullptr);
                size_t len = 0;
                if (sesame_password_policy_to_json(nullptr, 0, &len, policy) != SESAME_E_BUFFER_TOO_SMALL) __builtin_trap();
            } else if (policy != nullptr) {
                __builtin_trap();
            }
            sesame_password_policy_free(policy);
            break;
        }
        default: {  // context JSON split at the first NUL, then a password
            const std::string_view in(p, n);
            const size_t cut = in.find('\0');
            const std::string_view json = in.substr(0, cut), pw = cut == std::string_view::npos ? in : in.substr(cut + 1);
            sesame_password_context *ctx = nullptr;
            if (sesame_password_context_from_json(&ctx, json.data(), json.size()) == SESAME_OK) {
                check_password(pw.data(), pw.size(), nullptr, ctx);
            } else {
                (void)sesame_password_context_new(&ctx);
                (void)sesame_password_context_add_name(ctx, json.data(), json.size());
                (void)sesame_password_context_add_phone(ctx, json.data(), json.size());
                (void)sesame_password_context_add_login(ctx, json.data(), json.size());
                (void)sesame_password_context_add_date(ctx, json.data(), json.size());
                check_password(pw.data(), pw.size(), nullptr, ctx);
            }
            sesame_password_context_free(ctx);
            break;
        }
    }
    return 0;
}
