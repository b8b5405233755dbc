// Fuzzes the password module through the C API: rule evaluation + meter on arbitrary bytes (with
// invariants), the cnil2022 preset, a context built with the sesame_password_context_add_* calls,
// confirmation. The first byte picks the mode: 0, 1 the default policy; 2 the cnil2022 preset; 3 a
// context from the bytes before the first NUL, then the password. (The policy and context JSON
// parsers have their own targets: fuzz_policy, fuzz_context.)
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
        case 2: {  // the cnil2022 preset
            static sesame_password_policy *cnil = [] {
                sesame_password_policy *p = nullptr;
                if (sesame_password_policy_preset(&p, "cnil2022", 8) != SESAME_OK || p == nullptr) __builtin_trap();
                return p;
            }();
            check_password(p, n, cnil, nullptr);
            break;
        }
        default: {  // context words split at the first NUL, then a password
            const std::string_view in(p, n);
            const size_t cut = in.find('\0');
            const std::string_view words = in.substr(0, cut), pw = cut == std::string_view::npos ? in : in.substr(cut + 1);
            sesame_password_context *ctx = nullptr;
            if (sesame_password_context_new(&ctx) != SESAME_OK) __builtin_trap();
            if (sesame_password_context_add_name(ctx, words.data(), words.size()) != SESAME_OK ||
                sesame_password_context_add_phone(ctx, words.data(), words.size()) != SESAME_OK ||
                sesame_password_context_add_login(ctx, words.data(), words.size()) != SESAME_OK)
                __builtin_trap();
            (void)sesame_password_context_add_date(ctx, words.data(), words.size());  // refused unless YYYY-MM-DD
            check_password(pw.data(), pw.size(), nullptr, ctx);
            sesame_password_context_free(ctx);
            break;
        }
    }
    return 0;
}
