// Shims for sesame/phone.h.
#include "sesame/phone.h"

#include <string_view>

#include "capi/shim.hpp"
#include "core/phone/phone.hpp"

namespace {

namespace ph = sesame::phone;

static_assert(int(ph::Error::none) == SESAME_PHONE_OK);
static_assert(int(ph::Error::too_long) == SESAME_PHONE_TOO_LONG);
static_assert(int(ph::Error::invalid_utf8) == SESAME_PHONE_INVALID_UTF8);
static_assert(int(ph::Error::extension) == SESAME_PHONE_EXTENSION);
static_assert(int(ph::Error::invalid_character) == SESAME_PHONE_INVALID_CHARACTER);
static_assert(int(ph::Error::no_digits) == SESAME_PHONE_NO_DIGITS);
static_assert(int(ph::Error::invalid_length) == SESAME_PHONE_INVALID_LENGTH);
static_assert(int(ph::Error::invalid_number) == SESAME_PHONE_INVALID_NUMBER);
static_assert(int(ph::Type::unknown) == SESAME_PHONE_TYPE_UNKNOWN);
static_assert(int(ph::Type::mobile) == SESAME_PHONE_TYPE_MOBILE);
static_assert(int(ph::Type::fixed_line) == SESAME_PHONE_TYPE_FIXED_LINE);
static_assert(int(ph::Type::fixed_line_or_mobile) == SESAME_PHONE_TYPE_FIXED_LINE_OR_MOBILE);
static_assert(int(ph::Type::voip) == SESAME_PHONE_TYPE_VOIP);
static_assert(int(ph::Type::toll_free) == SESAME_PHONE_TYPE_TOLL_FREE);
static_assert(int(ph::Type::premium_rate) == SESAME_PHONE_TYPE_PREMIUM_RATE);
static_assert(int(ph::Type::shared_cost) == SESAME_PHONE_TYPE_SHARED_COST);
static_assert(int(ph::Type::uan) == SESAME_PHONE_TYPE_UAN);
static_assert(int(ph::Type::pager) == SESAME_PHONE_TYPE_PAGER);
static_assert(int(ph::Type::personal_number) == SESAME_PHONE_TYPE_PERSONAL_NUMBER);
static_assert(int(ph::Type::voicemail) == SESAME_PHONE_TYPE_VOICEMAIL);
static_assert(ph::kMaxFormatBytes < SESAME_PHONE_FORMAT_SIZE);
static_assert(ph::kMaxE164Bytes < SESAME_PHONE_E164_SIZE);
static_assert(sizeof(ph::Number::region) <= SESAME_PHONE_REGION_SIZE);  // NUL-terminated

}  // namespace

extern "C" {

sesame_status sesame_phone_result_init(sesame_phone_result *r) noexcept {
    return sesame::capi::init_struct(r, "result", [](sesame_phone_result &p) { p.error = SESAME_PHONE_NO_DIGITS; });
}

sesame_status sesame_phone_normalize(sesame_phone_result *out, const char *raw, size_t raw_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "result is NULL");
    SESAME_REQUIRE_INPUT(raw, raw_len);
    const ph::Parsed p = ph::normalize(sesame::capi::as_view(raw, raw_len));
    sesame_phone_result r;  // not sesame_phone_result_init(): zeroing 330 bytes per number is a measurable share; every
                            // field is written below, the texts empty unless accepted
    r.struct_size = sizeof r;
    r.error = static_cast<int32_t>(p.error);
    r.country_code = 0;
    r.type = SESAME_PHONE_TYPE_UNKNOWN;
    r.is_mobile = false;
    r.e164[0] = r.region[0] = r.national[0] = r.international[0] = r.masked[0] = '\0';
    if (p.ok()) {
        r.country_code = p.number.country_code;
        r.type = static_cast<int32_t>(p.number.type);
        r.is_mobile = p.number.is_mobile;
        sesame::capi::copy_text(r.e164, p.number.e164());  // fits: the static_asserts above
        sesame::capi::copy_text(r.region, p.number.region);
        ph::format_to(p.number, ph::Format::national, r.national, sizeof r.national);
        ph::format_to(p.number, ph::Format::international, r.international, sizeof r.international);
        ph::format_to(p.number, ph::Format::masked, r.masked, sizeof r.masked);
    }
    return sesame::capi::write_struct(out, r, "result");
    SESAME_SHIM_END
}

sesame_status sesame_phone_same_number(bool *out, const char *a, size_t a_len, const char *b, size_t b_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    SESAME_REQUIRE_INPUT(a, a_len);
    SESAME_REQUIRE_INPUT(b, b_len);
    *out = ph::same_number(sesame::capi::as_view(a, a_len), sesame::capi::as_view(b, b_len));
    return SESAME_OK;
    SESAME_SHIM_END
}

const char *sesame_phone_error_name(int32_t error) noexcept {
    if (error <= SESAME_PHONE_OK || error > SESAME_PHONE_INVALID_NUMBER) return "";
    return ph::error_name(static_cast<ph::Error>(error));
}

const char *sesame_phone_type_name(int32_t type) noexcept {
    if (type < SESAME_PHONE_TYPE_UNKNOWN || type > SESAME_PHONE_TYPE_VOICEMAIL) return "";
    return ph::type_name(static_cast<ph::Type>(type));
}

}  // extern "C"
