// Fuzzes canonical name keys and the family/given rules built on them, plus login stems.
// Invariants: a valid key is [a-z0-9] tokens; a valid name matches itself, an invalid one nothing;
// the C ABI agrees with the core.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/identity/login_id.hpp"
#include "core/identity/names.hpp"
#include "core/text/name_key.hpp"
#include "sesame.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view in(reinterpret_cast<const char *>(data), size);
    const sesame::text::NameKey k = sesame::text::name_key(in);
    const std::string compact = k.compact();
    if (k.valid) {
        if (compact.empty()) __builtin_trap();
        for (char c : compact)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) __builtin_trap();
    }
    if (sesame::identity::family_match(in, in) != k.valid) __builtin_trap();
    if (sesame::identity::given_match_form(in, in) != k.valid) __builtin_trap();
    // The two halves of the input (split at the first TAB) as record and typed values.
    const auto tab = in.find('\t');
    if (tab != std::string_view::npos) {
        const auto r = in.substr(0, tab), t = in.substr(tab + 1);
        const bool f = sesame::identity::family_match(r, t);
        if (f != sesame::identity::family_match(t, r)) __builtin_trap();  // the family rule is symmetric
        bool m = false;
        if (sesame_name_match(&m, SESAME_NAME_FIELD_FAMILY, r.data(), r.size(), t.data(), t.size()) != SESAME_OK || m != f)
            __builtin_trap();
        (void)sesame::identity::given_fc_tier(sesame::identity::given_key(r), sesame::identity::given_key(t));
    }
    sesame_name_key_result r;
    if (sesame_name_key_result_init(&r) != SESAME_OK || sesame_name_key(&r, in.data(), in.size()) != SESAME_OK) __builtin_trap();
    if (r.valid != k.valid || std::string_view(r.compact) != (k.valid ? compact : std::string()) ||
        std::string_view(r.text) != (k.valid ? k.text() : std::string()))
        __builtin_trap();
    if (size < 256) {
        auto stem = sesame::identity::login_stem(in, in);
        if (stem.ok()) {
            if (stem->empty() || stem->size() > 22) __builtin_trap();
            for (char c : *stem)
                if (!((c >= 'a' && c <= 'z') || c == '.')) __builtin_trap();
        }
    }
    return 0;
}
