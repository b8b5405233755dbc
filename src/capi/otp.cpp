// Shims for sesame/otp.h.
#include "sesame/otp.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "capi/shim.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/otp/code.hpp"
#include "core/otp/hotp.hpp"
#include "core/otp/memory_store.hpp"
#include "core/otp/service.hpp"
#include "capi/redis.hpp"
#include "core/otp/redis_store.hpp"

struct sesame_otp_store {
    std::shared_ptr<sesame::otp::Store> impl;
};
struct sesame_otp_service {
    sesame::otp::Service impl;
};

namespace {

using sesame::capi::as_view;
using sesame::capi::fail;
using sesame::capi::read_struct;
using sesame::capi::to_c;

void defaults(sesame_otp_options &o, int32_t ttl) noexcept {
    std::memset(&o, 0, sizeof o);
    o.struct_size = sizeof o;
    const sesame::otp::ServiceOptions d;
    o.ttl_s = ttl;
    o.max_attempts = d.max_attempts;
    o.max_failures_per_hour = d.max_failures_per_hour;
    o.cooldown_s = d.cooldown_s;
    o.max_sends_per_hour = d.max_sends_per_hour;
    o.digits = d.digits;
}

bool valid_hash(int32_t h) noexcept { return h == SESAME_OTP_SHA1 || h == SESAME_OTP_SHA256 || h == SESAME_OTP_SHA512; }

}  // namespace

extern "C" {

sesame_status sesame_otp_options_init(sesame_otp_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(opts != nullptr, "opts is NULL");
    defaults(*opts, 600);
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_otp_options_init_portal(sesame_otp_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(opts != nullptr, "opts is NULL");
    defaults(*opts, 1800);
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_otp_memory_options_init(sesame_otp_memory_options *opts) noexcept {
    return sesame::capi::init_struct(opts, "opts", [](sesame_otp_memory_options &o) {
        o.max_records = sesame::otp::MemoryStoreOptions{}.max_records;
    });
}

sesame_status sesame_otp_store_new_memory(sesame_otp_store **out, const sesame_otp_memory_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    sesame_otp_memory_options o;
    if (sesame_status st = sesame_otp_memory_options_init(&o); st != SESAME_OK) return st;
    if (opts != nullptr) {
        if (sesame_status st = read_struct(opts, o, "memory options"); st != SESAME_OK) return st;
    }
    SESAME_REQUIRE(o.max_records >= 1 && o.max_records <= (std::size_t(1) << 32), "max_records must be 1..2^32");
    sesame::otp::MemoryStoreOptions mo;
    mo.max_records = o.max_records;
    auto *s = new sesame_otp_store{std::make_shared<sesame::otp::MemoryStore>(mo)};
    *out = s;
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_otp_store_new_redis(sesame_otp_store **out, const sesame_redis_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    sesame::otp::RedisOptions ro;
    if (sesame_status st = sesame::capi::read_redis_options(opts, ro, ro.prefix, "sesame:otp:"); st != SESAME_OK) return st;
#ifdef SESAME_WITH_REDIS
    auto st = sesame::otp::RedisStore::create(std::move(ro));
    return sesame::capi::new_handle(out, std::move(st));
#else
    return fail(SESAME_E_UNSUPPORTED, "this libsesame was built without hiredis (no Redis store)");
#endif
    SESAME_SHIM_END
}

void sesame_otp_store_free(sesame_otp_store *store) noexcept { delete store; }

sesame_status sesame_otp_service_new(sesame_otp_service **out, const uint8_t *key, size_t key_len, uint32_t key_id,
                                     const sesame_otp_options *opts, sesame_otp_store *store) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE(key != nullptr, "key is NULL");
    SESAME_REQUIRE(key_len == SESAME_OTP_KEY_BYTES, "key must be exactly 32 bytes");
    sesame_otp_options o;
    defaults(o, 600);
    if (opts != nullptr) {
        if (sesame_status st = read_struct(opts, o, "options"); st != SESAME_OK) return st;
    }
    sesame::otp::ServiceOptions so;
    so.ttl_s = o.ttl_s;
    so.max_attempts = o.max_attempts;
    so.max_failures_per_hour = o.max_failures_per_hour;
    so.cooldown_s = o.cooldown_s;
    so.max_sends_per_hour = o.max_sends_per_hour;
    so.digits = o.digits;
    SESAME_REQUIRE(o.index_key != nullptr || o.index_key_len == 0, "index_key is NULL with a non-zero length");
    SESAME_REQUIRE(o.previous_key_count <= SESAME_OTP_MAX_PREVIOUS_KEYS, "at most 8 previous keys");
    SESAME_REQUIRE(o.previous_key_count == 0 || (o.previous_key_ids != nullptr && o.previous_keys != nullptr),
                   "previous_key_ids or previous_keys is NULL with a non-zero count");
    std::vector<sesame::otp::PreviousKey> prev;
    for (std::size_t i = 0; i < o.previous_key_count; ++i)
        prev.push_back({o.previous_key_ids[i], {o.previous_keys + i * SESAME_OTP_KEY_BYTES, SESAME_OTP_KEY_BYTES}});
    std::span<const std::uint8_t> index;
    if (o.index_key_len != 0) index = {o.index_key, o.index_key_len};
    auto svc = sesame::otp::Service::create({key, key_len}, key_id, so, prev, index,
                                            store != nullptr ? store->impl : nullptr);
    return sesame::capi::new_handle(out, std::move(svc));
    SESAME_SHIM_END
}

void sesame_otp_service_free(sesame_otp_service *svc) noexcept { delete svc; }

sesame_status sesame_otp_issue_result_init(sesame_otp_issue_result *r) noexcept {
    return sesame::capi::init_struct(r, "result");
}

sesame_status sesame_otp_issue(sesame_otp_issue_result *out, const sesame_otp_service *svc, const char *phone,
                               size_t phone_len, const char *purpose, size_t purpose_len, int64_t now_ms) noexcept {
    SESAME_SHIM_BEGIN
    // The result must be writable before a code is issued: a code nobody can read must not exist.
    if (sesame_status st = sesame::capi::check_out_struct(out, "result"); st != SESAME_OK) return st;
    SESAME_REQUIRE(svc != nullptr, "svc is NULL");
    SESAME_REQUIRE_INPUT(phone, phone_len);
    SESAME_REQUIRE_INPUT(purpose, purpose_len);
    sesame_otp_issue_result r;
    if (sesame_status st_init = sesame_otp_issue_result_init(&r); st_init != SESAME_OK) return st_init;
    sesame::otp::Issued issued;
    sesame::Status st = svc->impl.issue(as_view(phone, phone_len), as_view(purpose, purpose_len), now_ms, issued);
    if (st.ok()) {
        static_assert(sesame::otp::kMaxDigits < SESAME_OTP_CODE_SIZE);
        static_assert(sesame::phone::kMaxE164Bytes < SESAME_PHONE_E164_SIZE);
        std::memcpy(r.code, issued.code, issued.digits);
        sesame::capi::copy_text(r.e164, issued.subject.e164());
        r.expires_at_ms = issued.expires_at_ms;
    } else {
        r.retry_after_s = issued.retry_after_s;
    }
    (void)sesame::capi::write_struct(out, r, "result");  // checked above: cannot fail
    sesame::secure_wipe(&r, sizeof r);
    sesame::secure_wipe(issued.code, sizeof issued.code);
    return to_c(st);
    SESAME_SHIM_END
}

sesame_status sesame_otp_verify_result_init(sesame_otp_verify_result *r) noexcept {
    return sesame::capi::init_struct(r, "result", [](sesame_otp_verify_result &v) { v.verdict = SESAME_OTP_NO_CHALLENGE; });
}

sesame_status sesame_otp_verify(sesame_otp_verify_result *out, const sesame_otp_service *svc, const char *phone,
                                size_t phone_len, const char *purpose, size_t purpose_len, const char *code,
                                size_t code_len, int64_t now_ms) noexcept {
    SESAME_SHIM_BEGIN
    // The verdict must be writable before a code is consumed or a failure counted.
    if (sesame_status st = sesame::capi::check_out_struct(out, "result"); st != SESAME_OK) return st;
    SESAME_REQUIRE(svc != nullptr, "svc is NULL");
    SESAME_REQUIRE_INPUT(phone, phone_len);
    SESAME_REQUIRE_INPUT(purpose, purpose_len);
    SESAME_REQUIRE_INPUT(code, code_len);
    sesame_otp_verify_result r;
    if (sesame_status st_init = sesame_otp_verify_result_init(&r); st_init != SESAME_OK) return st_init;
    auto v = svc->impl.verify(as_view(phone, phone_len), as_view(purpose, purpose_len), as_view(code, code_len), now_ms);
    if (v.ok()) {
        r.verdict = static_cast<int32_t>(v->verdict);
        if (v->verdict == sesame::otp::Verdict::wrong_code) r.attempts_left = v->attempts_left;
    }
    (void)sesame::capi::write_struct(out, r, "result");  // checked above: cannot fail
    return v.ok() ? SESAME_OK : to_c(v.status());
    SESAME_SHIM_END
}

const char *sesame_otp_verdict_name(int32_t verdict) noexcept {
    if (verdict < SESAME_OTP_OK || verdict > SESAME_OTP_RATE_LIMITED) return "";
    return sesame::otp::verdict_name(static_cast<sesame::otp::Verdict>(verdict));
}

sesame_status sesame_otp_hotp(char *out, size_t out_cap, size_t *out_len, const uint8_t *secret, size_t secret_len,
                              uint64_t counter, int32_t digits, int32_t hash) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE_INPUT(secret, secret_len);
    SESAME_REQUIRE(valid_hash(hash), "unknown hash");
    SESAME_REQUIRE(digits >= 6 && digits <= 8, "digits must be 6..8");
    char code[8];
    sesame::Status st = sesame::otp::hotp({secret, secret_len}, counter, digits, static_cast<sesame::otp::Hash>(hash), code);
    if (!st.ok()) return to_c(st);
    sesame_status rc = sesame::capi::write_out({code, std::size_t(digits)}, out, out_cap, out_len);
    sesame::secure_wipe(code, sizeof code);
    return rc;
    SESAME_SHIM_END
}

sesame_status sesame_otp_hotp_verify(bool *ok, uint64_t *next_counter, const uint8_t *secret, size_t secret_len,
                                     uint64_t counter, int32_t window, int32_t digits, int32_t hash,
                                     const char *code, size_t code_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(ok != nullptr, "ok is NULL");
    *ok = false;
    if (next_counter != nullptr) *next_counter = counter;
    SESAME_REQUIRE_INPUT(secret, secret_len);
    SESAME_REQUIRE_INPUT(code, code_len);
    SESAME_REQUIRE(valid_hash(hash), "unknown hash");
    auto r = sesame::otp::hotp_verify({secret, secret_len}, counter, window, digits,
                                      static_cast<sesame::otp::Hash>(hash), as_view(code, code_len));
    if (!r.ok()) return to_c(r.status());
    *ok = r->ok;
    if (next_counter != nullptr && r->ok) *next_counter = r->next_counter;
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_otp_totp(char *out, size_t out_cap, size_t *out_len, const uint8_t *secret, size_t secret_len,
                              int64_t now_ms, int32_t step_s, int64_t t0_s, int32_t digits,
                              int32_t hash) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE_INPUT(secret, secret_len);
    SESAME_REQUIRE(valid_hash(hash), "unknown hash");
    SESAME_REQUIRE(digits >= 6 && digits <= 8, "digits must be 6..8");
    sesame::otp::TotpParams p;
    p.step_s = step_s;
    p.t0_s = t0_s;
    p.digits = digits;
    p.hash = static_cast<sesame::otp::Hash>(hash);
    char code[8];
    sesame::Status st = sesame::otp::totp({secret, secret_len}, now_ms, p, code);
    if (!st.ok()) return to_c(st);
    sesame_status rc = sesame::capi::write_out({code, std::size_t(digits)}, out, out_cap, out_len);
    sesame::secure_wipe(code, sizeof code);
    return rc;
    SESAME_SHIM_END
}

sesame_status sesame_otp_totp_verify(bool *ok, int64_t *matched_step, const uint8_t *secret, size_t secret_len,
                                     int64_t now_ms, int32_t step_s, int64_t t0_s, int32_t window, int32_t digits,
                                     int32_t hash, int64_t last_step, const char *code,
                                     size_t code_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(ok != nullptr, "ok is NULL");
    *ok = false;
    if (matched_step != nullptr) *matched_step = -1;
    SESAME_REQUIRE_INPUT(secret, secret_len);
    SESAME_REQUIRE_INPUT(code, code_len);
    SESAME_REQUIRE(valid_hash(hash), "unknown hash");
    sesame::otp::TotpParams p;
    p.step_s = step_s;
    p.t0_s = t0_s;
    p.digits = digits;
    p.hash = static_cast<sesame::otp::Hash>(hash);
    p.window = window;
    auto r = sesame::otp::totp_verify({secret, secret_len}, now_ms, p, last_step, as_view(code, code_len));
    if (!r.ok()) return to_c(r.status());
    *ok = r->ok;
    if (matched_step != nullptr && r->ok) *matched_step = r->step;
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_otp_base32_decode(uint8_t *out, size_t out_cap, size_t *out_len, const char *text,
                                       size_t text_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE_INPUT(text, text_len);
    auto r = sesame::otp::base32_decode(as_view(text, text_len));
    if (!r.ok()) return to_c(r.status());
    *out_len = r->size();
    SESAME_REQUIRE(out != nullptr || out_cap == 0, "out is NULL with a non-zero capacity");
    if (out_cap < r->size()) return fail(SESAME_E_BUFFER_TOO_SMALL, "out needs " + std::to_string(r->size()) + " bytes");
    if (!r->empty()) std::memcpy(out, r->data(), r->size());
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_otp_base32_encode(char *out, size_t out_cap, size_t *out_len, const uint8_t *data,
                                       size_t data_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE_INPUT(data, data_len);
    SESAME_REQUIRE(data_len <= sesame::otp::kMaxSecretBytes, "data must be at most 1024 bytes");
    std::string text = sesame::otp::base32_encode({data, data_len});
    sesame_status rc = sesame::capi::write_out(text, out, out_cap, out_len);
    sesame::secure_wipe(text.data(), text.size());
    return rc;
    SESAME_SHIM_END
}

}  // extern "C"
