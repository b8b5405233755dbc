// Shims for sesame/password.h.
#include "sesame/password.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

#include "capi/shim.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/common/time.hpp"
#include "core/password/hash.hpp"
#include "core/password/password.hpp"
#include "core/text/utf8.hpp"

struct sesame_password_policy {
    sesame::password::Policy impl;
};
struct sesame_password_context {
    sesame::password::Context impl;
};

namespace {

namespace pw = sesame::password;
using sesame::capi::as_view;

static_assert(int(pw::RuleError::none) == SESAME_PASSWORD_OK);
static_assert(int(pw::RuleError::invalid_utf8) == SESAME_PASSWORD_INVALID_UTF8);
static_assert(int(pw::RuleError::control_char) == SESAME_PASSWORD_CONTROL_CHAR);
static_assert(int(pw::RuleError::too_long) == SESAME_PASSWORD_TOO_LONG);
static_assert(pw::kUpper == SESAME_PASSWORD_CLASS_UPPER && pw::kLower == SESAME_PASSWORD_CLASS_LOWER);
static_assert(pw::kDigit == SESAME_PASSWORD_CLASS_DIGIT && pw::kSpecial == SESAME_PASSWORD_CLASS_SPECIAL);
static_assert(int(pw::Rule::upper) == SESAME_PASSWORD_RULE_UPPER && int(pw::Rule::allowed) == SESAME_PASSWORD_RULE_ALLOWED);
static_assert(int(pw::Rule::length) == SESAME_PASSWORD_RULE_LENGTH);
static_assert(pw::kFbCommonPassword == SESAME_PASSWORD_FEEDBACK_COMMON_PASSWORD);
static_assert(pw::kFbContext == SESAME_PASSWORD_FEEDBACK_CONTEXT && pw::kFbDate == SESAME_PASSWORD_FEEDBACK_DATE);
static_assert(pw::kHashMaxBytes == SESAME_PASSWORD_HASH_SIZE);

bool lang_ok(int32_t lang) { return lang == SESAME_PASSWORD_LANG_FR || lang == SESAME_PASSWORD_LANG_EN; }
pw::Lang to_lang(int32_t lang) { return lang == SESAME_PASSWORD_LANG_EN ? pw::Lang::en : pw::Lang::fr; }

sesame_status limits_of(const sesame_password_hash_options *options, pw::HashLimits &limits) {
    sesame_password_hash_options o{};
    o.struct_size = sizeof o;
    const pw::HashLimits def = pw::interactive_limits();
    o.ops_limit = static_cast<int64_t>(def.ops_limit);
    o.mem_limit = def.mem_limit;
    if (sesame_status st = sesame::capi::read_struct(options, o, "options"); st != SESAME_OK) return st;
    if (o.ops_limit < 0) return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "ops_limit must be within 2..64");
    limits = {static_cast<std::uint64_t>(o.ops_limit), o.mem_limit};
    return sesame::capi::to_c(pw::validate_limits(limits));
}

}  // namespace

extern "C" {

sesame_status sesame_password_policy_preset(sesame_password_policy **out, const char *name, size_t name_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE_INPUT(name, name_len);
    auto p = pw::Policy::preset(as_view(name, name_len));
    return sesame::capi::new_handle(out, std::move(p));
    SESAME_SHIM_END
}

sesame_status sesame_password_policy_from_json(sesame_password_policy **out, const char *json, size_t json_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE_INPUT(json, json_len);
    auto p = pw::Policy::from_json(as_view(json, json_len));
    return sesame::capi::new_handle(out, std::move(p));
    SESAME_SHIM_END
}

sesame_status sesame_password_policy_to_json(char *out, size_t out_cap, size_t *out_len,
                                             const sesame_password_policy *policy) noexcept {
    SESAME_SHIM_BEGIN
    const pw::Policy &p = policy != nullptr ? policy->impl : pw::Policy::portal();
    return sesame::capi::write_out(p.to_json(), out, out_cap, out_len);
    SESAME_SHIM_END
}

void sesame_password_policy_free(sesame_password_policy *policy) noexcept { delete policy; }

sesame_status sesame_password_context_new(sesame_password_context **out) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    *out = new sesame_password_context{};
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_password_context_from_json(sesame_password_context **out, const char *json, size_t json_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE_INPUT(json, json_len);
    auto c = pw::Context::from_json(as_view(json, json_len));
    return sesame::capi::new_handle(out, std::move(c));
    SESAME_SHIM_END
}

sesame_status sesame_password_context_add_name(sesame_password_context *context, const char *name, size_t name_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(context != nullptr, "context is NULL");
    SESAME_REQUIRE_INPUT(name, name_len);
    context->impl.add_name(as_view(name, name_len));
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_password_context_add_date(sesame_password_context *context, const char *iso, size_t iso_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(context != nullptr, "context is NULL");
    SESAME_REQUIRE_INPUT(iso, iso_len);
    SESAME_REQUIRE(context->impl.add_date(as_view(iso, iso_len)), "date is not a valid YYYY-MM-DD date");
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_password_context_add_phone(sesame_password_context *context, const char *phone, size_t phone_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(context != nullptr, "context is NULL");
    SESAME_REQUIRE_INPUT(phone, phone_len);
    context->impl.add_phone(as_view(phone, phone_len));
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_password_context_add_login(sesame_password_context *context, const char *login, size_t login_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(context != nullptr, "context is NULL");
    SESAME_REQUIRE_INPUT(login, login_len);
    context->impl.add_login(as_view(login, login_len));
    return SESAME_OK;
    SESAME_SHIM_END
}

void sesame_password_context_free(sesame_password_context *context) noexcept { delete context; }

sesame_status sesame_password_check_options_init(sesame_password_check_options *options) noexcept {
    return sesame::capi::init_struct(options, "options", [](sesame_password_check_options &o) {
        o.strength = true;
        o.reference_year = 0;  // the current year, read from the real clock at each check
    });
}

sesame_status sesame_password_result_init(sesame_password_result *result) noexcept {
    return sesame::capi::init_struct(result, "result", [](sesame_password_result &r) {
        r.length = -1;
        r.alternative = -1;
        r.score = -1;
    });
}

sesame_status sesame_password_check(sesame_password_result *out, const sesame_password_policy *policy,
                                    const sesame_password_context *context, const char *password, size_t password_len,
                                    const sesame_password_check_options *options) noexcept {
    SESAME_SHIM_BEGIN
    if (sesame_status st = sesame::capi::check_out_struct(out, "result"); st != SESAME_OK) return st;
    SESAME_REQUIRE_INPUT(password, password_len);
    sesame_password_check_options o;
    if (sesame_status st_init = sesame_password_check_options_init(&o); st_init != SESAME_OK) return st_init;
    if (sesame_status st = sesame::capi::read_struct(options, o, "options"); st != SESAME_OK) return st;
    if (o.reference_year == 0) o.reference_year = sesame::current_utc_year();  // the convenience reads the clock
    SESAME_REQUIRE(o.reference_year >= 1900 && o.reference_year <= 2200, "options.reference_year must be 0 or within 1900..2200");
    pw::CheckOptions co;
    co.strength = o.strength;
    co.meter.reference_year = o.reference_year;
    pw::CheckResult c = pw::check(policy != nullptr ? policy->impl : pw::Policy::portal(), as_view(password, password_len),
                                  context != nullptr ? &context->impl : nullptr, co);
    sesame_password_result r;
    if (sesame_status st_init = sesame_password_result_init(&r); st_init != SESAME_OK) return st_init;
    r.error = static_cast<int32_t>(c.rules.error);
    r.valid = c.valid;
    r.length = c.rules.length;
    r.upper = c.rules.upper;
    r.lower = c.rules.lower;
    r.digit = c.rules.digit;
    r.special = c.rules.special;
    r.length_ok = c.rules.length_ok;
    r.has_allowed_rule = c.rules.has_allowed_rule;
    r.allowed = c.rules.allowed;
    r.alternative = c.rules.alternative;
    r.has_strength = c.has_strength;
    r.score = c.has_strength ? c.strength.score : -1;
    r.guesses_log10_milli = c.has_strength ? static_cast<int32_t>(std::lround(std::min(c.strength.guesses_log10, 2.0e6) * 1000.0)) : 0;
    r.feedback = c.has_strength ? c.strength.feedback : 0;
    std::string unaccepted;
    static_assert(pw::kMaxUnaccepted * 4 < SESAME_PASSWORD_UNACCEPTED_SIZE);
    if (c.rules.unaccepted_n != 0) unaccepted.reserve(pw::kMaxUnaccepted * 4);  // never moves: no unwiped copy
    for (std::size_t i = 0; i < c.rules.unaccepted_n; ++i) sesame::text::append_utf8(unaccepted, c.rules.unaccepted[i]);
    sesame::capi::copy_text(r.unaccepted, unaccepted);  // fits: the static_assert
    r.unaccepted_count = static_cast<int32_t>(c.rules.unaccepted_count);
    const sesame_status st = sesame::capi::write_struct(out, r, "result");
    // The unaccepted characters are part of the password: only the caller's copy remains.
    sesame::secure_wipe(unaccepted.data(), unaccepted.size());
    sesame::secure_wipe(r.unaccepted, sizeof r.unaccepted);
    c.rules.wipe_unaccepted();
    return st;
    SESAME_SHIM_END
}

const char *sesame_password_error_name(int32_t error) noexcept {
    if (error < SESAME_PASSWORD_OK || error > SESAME_PASSWORD_TOO_LONG) return "";
    return pw::error_name(static_cast<pw::RuleError>(error));
}

const char *sesame_password_rule_name(int32_t rule) noexcept {
    if (rule < SESAME_PASSWORD_RULE_UPPER || rule > SESAME_PASSWORD_RULE_ALLOWED) return "";
    return pw::rule_name(static_cast<pw::Rule>(rule));
}

sesame_status sesame_password_rule_label(char *out, size_t out_cap, size_t *out_len, const sesame_password_policy *policy,
                                         int32_t rule, int32_t alternative, int32_t lang) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE(rule >= SESAME_PASSWORD_RULE_UPPER && rule <= SESAME_PASSWORD_RULE_ALLOWED, "rule is not a sesame_password_rule");
    SESAME_REQUIRE(lang_ok(lang), "lang is not a sesame_password_lang");
    const pw::Policy &p = policy != nullptr ? policy->impl : pw::Policy::portal();
    return sesame::capi::write_out(pw::rule_label(p, static_cast<pw::Rule>(rule), alternative, to_lang(lang)), out,
                                   out_cap, out_len);
    SESAME_SHIM_END
}

sesame_status sesame_password_unaccepted_message(char *out, size_t out_cap, size_t *out_len,
                                                 const sesame_password_policy *policy,
                                                 const sesame_password_result *result, int32_t lang) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE(lang_ok(lang), "lang is not a sesame_password_lang");
    if (sesame_status st = sesame::capi::check_out_struct(result, "result"); st != SESAME_OK) return st;
    sesame_password_result r;
    if (sesame_status st = sesame_password_result_init(&r); st != SESAME_OK) return st;
    std::memcpy(&r, result, std::min(result->struct_size, sizeof r));  // an older caller's struct: its fields
    pw::RuleResult rules;
    rules.error = static_cast<pw::RuleError>(r.error);
    rules.special = r.special;
    const std::string_view chars(r.unaccepted, strnlen(r.unaccepted, sizeof r.unaccepted));
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < chars.size() && rules.unaccepted_n < pw::kMaxUnaccepted && sesame::text::decode_one(chars, i, cp))
        rules.unaccepted[rules.unaccepted_n++] = cp;
    rules.unaccepted_count = static_cast<std::uint32_t>(std::max<int32_t>(r.unaccepted_count, rules.unaccepted_n));
    const pw::Policy &p = policy != nullptr ? policy->impl : pw::Policy::portal();
    std::string text = pw::unaccepted_message(p, rules, to_lang(lang));
    const sesame_status st = sesame::capi::write_out(text, out, out_cap, out_len);
    sesame::secure_wipe(text.data(), text.size());
    sesame::secure_wipe(&r, sizeof r);
    rules.wipe_unaccepted();
    return st;
    SESAME_SHIM_END
}

const char *sesame_password_score_label(int32_t score, int32_t lang) noexcept {
    if (!lang_ok(lang)) return "";
    return pw::score_label(score, to_lang(lang));
}

const char *sesame_password_feedback_code(uint32_t feedback) noexcept { return pw::feedback_code(feedback); }

const char *sesame_password_feedback_message(uint32_t feedback, int32_t lang) noexcept {
    if (!lang_ok(lang)) return "";
    return pw::feedback_message(feedback, to_lang(lang));
}

sesame_status sesame_password_confirm(bool *out, const char *a, size_t a_len, const char *b, size_t b_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = false;
    SESAME_REQUIRE_INPUT(a, a_len);
    SESAME_REQUIRE_INPUT(b, b_len);
    *out = pw::confirm(as_view(a, a_len), as_view(b, b_len));
    return SESAME_OK;
    SESAME_SHIM_END
}


sesame_status sesame_password_hash_options_init(sesame_password_hash_options *options) noexcept {
    return sesame::capi::init_struct(options, "options", [](sesame_password_hash_options &o) {
        const pw::HashLimits def = pw::interactive_limits();
        o.ops_limit = static_cast<int64_t>(def.ops_limit);
        o.mem_limit = def.mem_limit;
    });
}

sesame_status sesame_password_hash(char *out, size_t out_cap, size_t *out_len, const char *password, size_t password_len,
                                   const sesame_password_hash_options *options) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    SESAME_REQUIRE(out != nullptr || out_cap == 0, "out is NULL with a non-zero out_cap");
    SESAME_REQUIRE_INPUT(password, password_len);
    pw::HashLimits limits{};
    if (sesame_status st = limits_of(options, limits); st != SESAME_OK) return st;
    auto h = pw::hash(as_view(password, password_len), limits);
    if (!h.ok()) return sesame::capi::to_c(h.status());
    return sesame::capi::write_out(h.value(), out, out_cap, out_len, "out");
    SESAME_SHIM_END
}

sesame_status sesame_password_verify(bool *out, const char *hash, size_t hash_len, const char *password,
                                     size_t password_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = false;
    SESAME_REQUIRE_INPUT(hash, hash_len);
    SESAME_REQUIRE_INPUT(password, password_len);
    auto v = pw::verify(as_view(hash, hash_len), as_view(password, password_len));
    if (!v.ok()) return sesame::capi::to_c(v.status());
    *out = *v;
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_password_needs_rehash(bool *out, const char *hash, size_t hash_len,
                                           const sesame_password_hash_options *options) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = true;
    SESAME_REQUIRE_INPUT(hash, hash_len);
    pw::HashLimits limits{};
    if (sesame_status st = limits_of(options, limits); st != SESAME_OK) return st;
    *out = pw::needs_rehash(as_view(hash, hash_len), limits);
    return SESAME_OK;
    SESAME_SHIM_END
}

}  // extern "C"
