// Fuzzes sesame::phone::normalize and the formats (core and C ABI). Invariants: no crash, no UB;
// an accepted number has a well-formed E.164 that normalizes to itself, as do its international and
// national formats; is_mobile iff its type is mobile or fixed_line_or_mobile; same_number(x, x) iff
// x is accepted; the
// C ABI's result carries the same texts, NUL-terminated within their fixed sizes. Inputs above
// 250 bytes are refused at once (too_long), so
// the cost per input is bounded and linear.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/phone/phone.hpp"
#include "sesame.h"

namespace ph = sesame::phone;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view in(reinterpret_cast<const char *>(data), size);
    const ph::Parsed p = ph::normalize(in);
    if (size > ph::kMaxInputBytes && p.error != ph::Error::too_long) __builtin_trap();
    if (ph::same_number(in, in) != p.ok()) __builtin_trap();

    sesame_phone_result r;
    if (sesame_phone_result_init(&r) != SESAME_OK) __builtin_trap();
    if (sesame_phone_normalize(&r, in.data(), in.size()) != SESAME_OK) __builtin_trap();
    if (r.error != static_cast<int32_t>(p.error)) __builtin_trap();

    if (!p.ok()) return 0;
    const std::string_view e = p.number.e164();
    if (e.size() < 3 || e.size() > ph::kMaxE164Bytes || e[0] != '+') __builtin_trap();
    for (std::size_t k = 1; k < e.size(); ++k)
        if (e[k] < '0' || e[k] > '9') __builtin_trap();
    if (ph::normalize(e).number.e164() != e) __builtin_trap();
    const std::string intl = ph::format_international(p.number);
    if (ph::normalize(intl).number.e164() != e) __builtin_trap();
    if (ph::normalize(ph::format_national(p.number)).number.e164() != e) __builtin_trap();  // every number
    // type and is_mobile never disagree.
    const bool mobile_type = p.number.type == ph::Type::mobile || p.number.type == ph::Type::fixed_line_or_mobile;
    if (p.number.is_mobile != mobile_type) __builtin_trap();
    if (std::string_view(r.e164, strnlen(r.e164, sizeof r.e164)) != e) __builtin_trap();
    if (std::string_view(r.international, strnlen(r.international, sizeof r.international)) != intl) __builtin_trap();
    for (const char *t : {r.region, r.national, r.masked})
        if (t[0] == '\0') __builtin_trap();
    if (strnlen(r.masked, sizeof r.masked) == sizeof r.masked) __builtin_trap();
    return 0;
}
