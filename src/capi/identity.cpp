// Shims for sesame/identity.h.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <unordered_set>

#include "capi/redis.hpp"
#include "capi/shim.hpp"
#include "core/common/limits.hpp"
#include "core/identity/birthdate.hpp"
#include "core/identity/counter.hpp"
#include "core/identity/decision.hpp"
#include "core/identity/directory.hpp"
#include "core/identity/login_id.hpp"
#include "core/identity/names.hpp"
#include "core/identity/redis_counter.hpp"
#include "core/text/name_key.hpp"
#include "sesame/identity.h"

struct sesame_directory {
    sesame::identity::Directory impl;
};
struct sesame_date_counter {
    std::unique_ptr<sesame::identity::FailureCounter> impl;
};
struct sesame_decision {
    sesame::identity::Decision impl;
    std::string json;  // built once, when the decision is made: sesame_decision_json() copies it
};

namespace {

using sesame::capi::as_view;
namespace id = sesame::identity;

static_assert(int(id::Outcome::activated) == SESAME_DECISION_ACTIVATED);
static_assert(int(id::Outcome::partial) == SESAME_DECISION_PARTIAL);
static_assert(int(id::Outcome::rejected) == SESAME_DECISION_REJECTED);
static_assert(int(id::Reason::ok) == SESAME_REASON_OK);
static_assert(int(id::Reason::phone_unknown) == SESAME_REASON_PHONE_UNKNOWN);
static_assert(int(id::Reason::name_mismatch) == SESAME_REASON_NAME_MISMATCH);
static_assert(int(id::Reason::ambiguous) == SESAME_REASON_AMBIGUOUS);
static_assert(int(id::Reason::not_legal_guardian) == SESAME_REASON_NOT_LEGAL_GUARDIAN);
static_assert(int(id::Reason::birthdate_mismatch) == SESAME_REASON_BIRTHDATE_MISMATCH);
static_assert(int(id::UserMessage::ok_all) == SESAME_USER_MESSAGE_OK_ALL);
static_assert(int(id::UserMessage::ok_some) == SESAME_USER_MESSAGE_OK_SOME);
static_assert(int(id::UserMessage::generic_failure) == SESAME_USER_MESSAGE_GENERIC_FAILURE);

// The size bound of a directory load: the default, or the caller's max_bytes.
sesame_status load_bound(const sesame_directory_load_options *opts, sesame::JsonBound &bound) noexcept {
    sesame_directory_load_options o;
    if (sesame_status st = sesame_directory_load_options_init(&o); st != SESAME_OK) return st;
    if (sesame_status st = sesame::capi::read_struct(opts, o, "opts"); st != SESAME_OK) return st;
    bound = sesame::kDirectoryBound;
    if (o.max_bytes != 0 && o.max_bytes != bound.max_bytes) {
        bound.max_bytes = o.max_bytes;
        bound.limit_name = "the load options' max_bytes";
    }
    return SESAME_OK;
}

bool today_from_packed(std::int32_t packed, id::Date &out) {
    out = id::Date::unpack(packed);
    return packed > 0 && id::is_valid_date(out);
}

sesame_status decide_into(sesame_decision **out, const id::Directory &dir, sesame_date_counter *counter,
                          std::string_view claim_json, std::int32_t today, std::int64_t now_ms) {
    id::DecideOptions opt;
    if (!today_from_packed(today, opt.today)) return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "today is not a valid yyyymmdd date");
    opt.now_ms = now_ms;
    opt.counter = counter != nullptr ? counter->impl.get() : nullptr;
    auto claim = id::parse_claim(claim_json);
    if (!claim.ok()) return sesame::capi::to_c(claim.status());
    auto d = id::decide(dir, *claim, opt);
    if (!d.ok()) return sesame::capi::to_c(d.status());
    auto decision = std::make_unique<sesame_decision>();
    decision->json = d->to_json();
    decision->impl = std::move(d).value();
    *out = decision.release();
    return SESAME_OK;
}

}  // namespace

extern "C" {

sesame_status sesame_name_key_result_init(sesame_name_key_result *r) noexcept {
    return sesame::capi::init_struct(r, "result");
}

sesame_status sesame_name_key(sesame_name_key_result *out, const char *s, size_t s_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "result is NULL");
    SESAME_REQUIRE_INPUT(s, s_len);
    const sesame::text::NameKey k = sesame::text::name_key(as_view(s, s_len));
    sesame_name_key_result r;
    if (sesame_status st_init = sesame_name_key_result_init(&r); st_init != SESAME_OK) return st_init;
    r.valid = k.valid && sesame::capi::copy_text(r.text, k.text()) && sesame::capi::copy_text(r.compact, k.compact());
    if (!r.valid) r.text[0] = r.compact[0] = '\0';
    return sesame::capi::write_struct(out, r, "result");
    SESAME_SHIM_END
}

sesame_status sesame_name_match(bool *match_out, int32_t field, const char *record, size_t record_len,
                                const char *typed, size_t typed_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(match_out != nullptr, "match_out is NULL");
    *match_out = false;
    SESAME_REQUIRE_INPUT(record, record_len);
    SESAME_REQUIRE_INPUT(typed, typed_len);
    switch (field) {
        case SESAME_NAME_FIELD_FAMILY:
            *match_out = id::family_match(as_view(record, record_len), as_view(typed, typed_len));
            return SESAME_OK;
        case SESAME_NAME_FIELD_GIVEN:
            *match_out = id::given_match_form(as_view(record, record_len), as_view(typed, typed_len));
            return SESAME_OK;
    }
    return sesame::capi::fail(SESAME_E_INVALID_ARGUMENT, "unknown name field");
    SESAME_SHIM_END
}

sesame_status sesame_name_fc_tier(int32_t *tier_out, const char *record, size_t record_len, const char *fc_given,
                                  size_t fc_given_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(tier_out != nullptr, "tier_out is NULL");
    *tier_out = 0;
    SESAME_REQUIRE_INPUT(record, record_len);
    SESAME_REQUIRE_INPUT(fc_given, fc_given_len);
    *tier_out = id::given_fc_tier(id::given_key(as_view(record, record_len)), id::given_key(as_view(fc_given, fc_given_len)));
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_date_result_init(sesame_date_result *r) noexcept {
    return sesame::capi::init_struct(r, "result", [](sesame_date_result &d) { d.error = SESAME_DATE_EMPTY; });
}

sesame_status sesame_date_parse(sesame_date_result *out, const char *s, size_t s_len, int32_t today) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "result is NULL");
    SESAME_REQUIRE_INPUT(s, s_len);
    id::Date t;
    SESAME_REQUIRE(today_from_packed(today, t), "today is not a valid yyyymmdd date");
    const id::ParsedDate p = id::parse_birthdate(as_view(s, s_len), t);
    sesame_date_result r;
    if (sesame_status st_init = sesame_date_result_init(&r); st_init != SESAME_OK) return st_init;
    r.error = static_cast<int32_t>(p.error);
    if (p.ok()) {
        r.date = p.date.packed();
        r.flags = p.flags;
        std::snprintf(r.iso, sizeof r.iso, "%04d-%02d-%02d", p.date.year, p.date.month, p.date.day);
    }
    return sesame::capi::write_struct(out, r, "result");
    SESAME_SHIM_END
}

const char *sesame_date_error_name(int32_t error) noexcept {
    if (error <= 0 || error > static_cast<int32_t>(id::DateError::future)) return "";
    return id::date_error_name(static_cast<id::DateError>(error));
}

sesame_status sesame_date_counter_new(sesame_date_counter **out, uint32_t max_failures, int64_t window_ms) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE(max_failures >= 1, "max_failures must be at least 1");
    SESAME_REQUIRE(window_ms >= 1, "window_ms must be at least 1");
    *out = new sesame_date_counter{std::make_unique<id::InProcessFailureCounter>(max_failures, window_ms)};
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_date_counter_new_redis(sesame_date_counter **out, uint32_t max_failures, int64_t window_ms,
                                            const sesame_redis_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    id::RedisCounterOptions ro;
    if (sesame_status st = sesame::capi::read_redis_options(opts, ro, ro.prefix, "sesame:dates:"); st != SESAME_OK) return st;
#ifdef SESAME_WITH_REDIS
    return sesame::capi::new_handle(out, id::RedisFailureCounter::create(max_failures, window_ms, std::move(ro)));
#else
    (void)max_failures;
    (void)window_ms;
    return sesame::capi::fail(SESAME_E_UNSUPPORTED, "this libsesame was built without hiredis (no Redis counter)");
#endif
    SESAME_SHIM_END
}

void sesame_date_counter_free(sesame_date_counter *counter) noexcept { delete counter; }

sesame_status sesame_directory_new(sesame_directory **out) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    *out = new sesame_directory{};
    return SESAME_OK;
    SESAME_SHIM_END
}

void sesame_directory_free(sesame_directory *dir) noexcept { delete dir; }

sesame_status sesame_directory_add_guardian(sesame_directory *dir, const char *gid, size_t gid_len, const char *family_name,
                                            size_t family_name_len, const char *birth_name, size_t birth_name_len,
                                            const char *given_name, size_t given_name_len, const char *phone,
                                            size_t phone_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(dir != nullptr, "dir is NULL");
    SESAME_REQUIRE_INPUT(gid, gid_len);
    SESAME_REQUIRE_INPUT(family_name, family_name_len);
    SESAME_REQUIRE_INPUT(birth_name, birth_name_len);
    SESAME_REQUIRE_INPUT(given_name, given_name_len);
    SESAME_REQUIRE_INPUT(phone, phone_len);
    return sesame::capi::to_c(dir->impl.add_guardian(as_view(gid, gid_len), as_view(family_name, family_name_len),
                                                     as_view(birth_name, birth_name_len),
                                                     as_view(given_name, given_name_len), as_view(phone, phone_len)));
    SESAME_SHIM_END
}

sesame_status sesame_directory_add_pupil(sesame_directory *dir, const char *pid, size_t pid_len, const char *birthdate,
                                         size_t birthdate_len) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(dir != nullptr, "dir is NULL");
    SESAME_REQUIRE_INPUT(pid, pid_len);
    SESAME_REQUIRE_INPUT(birthdate, birthdate_len);
    return sesame::capi::to_c(dir->impl.add_pupil(as_view(pid, pid_len), as_view(birthdate, birthdate_len)));
    SESAME_SHIM_END
}

sesame_status sesame_directory_add_link(sesame_directory *dir, const char *guardian_id, size_t guardian_id_len,
                                        const char *pupil_id, size_t pupil_id_len, bool legal_representative) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(dir != nullptr, "dir is NULL");
    SESAME_REQUIRE_INPUT(guardian_id, guardian_id_len);
    SESAME_REQUIRE_INPUT(pupil_id, pupil_id_len);
    return sesame::capi::to_c(
        dir->impl.add_link(as_view(guardian_id, guardian_id_len), as_view(pupil_id, pupil_id_len), legal_representative));
    SESAME_SHIM_END
}

sesame_status sesame_directory_load_options_init(sesame_directory_load_options *opts) noexcept {
    return sesame::capi::init_struct(opts, "opts",
                                     [](sesame_directory_load_options &o) { o.max_bytes = SESAME_DIRECTORY_MAX_BYTES_DEFAULT; });
}

sesame_status sesame_directory_load_json(sesame_directory **out, const char *json, size_t json_len,
                                         const sesame_directory_load_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE_INPUT(json, json_len);
    sesame::JsonBound bound;
    if (sesame_status st = load_bound(opts, bound); st != SESAME_OK) return st;
    return sesame::capi::new_handle(out, id::Directory::from_json(as_view(json, json_len), bound));
    SESAME_SHIM_END
}

sesame_status sesame_directory_load_json_file(sesame_directory **out, const char *path, size_t path_len,
                                              const sesame_directory_load_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    std::string p;
    if (sesame_status st = sesame::capi::path_of(path, path_len, p); st != SESAME_OK) return st;
    sesame::JsonBound bound;
    if (sesame_status st = load_bound(opts, bound); st != SESAME_OK) return st;
    return sesame::capi::new_handle(out, id::Directory::from_json_file(p, bound));
    SESAME_SHIM_END
}

sesame_status sesame_directory_report(char *out, size_t out_cap, size_t *out_len, const sesame_directory *dir) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE(dir != nullptr, "dir is NULL");
    nlohmann::ordered_json j;
    j["guardians"] = dir->impl.guardian_count();
    j["pupils"] = dir->impl.pupil_count();
    j["links"] = dir->impl.link_count();
    j["unreachable"] = nlohmann::ordered_json::array();
    for (const auto &w : dir->impl.warnings())
        j["unreachable"].push_back({{"guardian", w.guardian_id}, {"field", w.field}, {"reason", w.reason}});
    return sesame::capi::write_out(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), out, out_cap, out_len);
    SESAME_SHIM_END
}

sesame_status sesame_directory_match(sesame_decision **out, const sesame_directory *dir, sesame_date_counter *counter,
                                     const char *claim, size_t claim_len, int32_t today, int64_t now_ms) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE(dir != nullptr, "dir is NULL");
    SESAME_REQUIRE_INPUT(claim, claim_len);
    return decide_into(out, dir->impl, counter, as_view(claim, claim_len), today, now_ms);
    SESAME_SHIM_END
}

sesame_status sesame_identity_match_candidates(sesame_decision **out, sesame_date_counter *counter,
                                               const char *candidates_json, size_t candidates_json_len, const char *claim,
                                               size_t claim_len, int32_t today, int64_t now_ms) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out != nullptr, "out is NULL");
    *out = nullptr;
    SESAME_REQUIRE_INPUT(candidates_json, candidates_json_len);
    SESAME_REQUIRE_INPUT(claim, claim_len);
    auto d = id::Directory::from_json(as_view(candidates_json, candidates_json_len), sesame::kCandidatesBound);
    if (!d.ok()) return sesame::capi::to_c(d.status());
    return decide_into(out, *d, counter, as_view(claim, claim_len), today, now_ms);
    SESAME_SHIM_END
}

void sesame_decision_free(sesame_decision *decision) noexcept { delete decision; }

sesame_status sesame_decision_json(char *out, size_t out_cap, size_t *out_len, const sesame_decision *decision) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE(decision != nullptr, "decision is NULL");
    return sesame::capi::write_out(decision->json, out, out_cap, out_len);
    SESAME_SHIM_END
}

const char *sesame_decision_status_name(int32_t status) noexcept {
    if (status < SESAME_DECISION_ACTIVATED || status > SESAME_DECISION_REJECTED) return "";
    return id::outcome_name(static_cast<id::Outcome>(status));
}

const char *sesame_decision_reason_name(int32_t reason) noexcept {
    if (reason < SESAME_REASON_OK || reason > SESAME_REASON_BIRTHDATE_MISMATCH) return "";
    return id::reason_name(static_cast<id::Reason>(reason));
}

const char *sesame_user_message_name(int32_t message) noexcept {
    if (message < SESAME_USER_MESSAGE_OK_ALL || message > SESAME_USER_MESSAGE_GENERIC_FAILURE) return "";
    return id::user_message_name(static_cast<id::UserMessage>(message));
}

sesame_status sesame_decision_outcome(const sesame_decision *decision, int32_t *status_out, int32_t *reason_out,
                                      int32_t *message_out) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(decision != nullptr, "decision is NULL");
    if (status_out != nullptr) *status_out = static_cast<int32_t>(decision->impl.status);
    if (reason_out != nullptr) *reason_out = static_cast<int32_t>(decision->impl.reason);
    if (message_out != nullptr) *message_out = static_cast<int32_t>(decision->impl.user_message);
    return SESAME_OK;
    SESAME_SHIM_END
}

sesame_status sesame_login_id(char *out, size_t out_cap, size_t *out_len, const char *family, size_t family_len,
                              const char *given, size_t given_len, const char *taken, size_t taken_len,
                              sesame_login_taken_fn fn, void *payload) noexcept {
    SESAME_SHIM_BEGIN
    SESAME_REQUIRE(out_len != nullptr, "out_len is NULL");
    *out_len = 0;
    SESAME_REQUIRE(out != nullptr || out_cap == 0, "out is NULL with a non-zero capacity");
    SESAME_REQUIRE_INPUT(family, family_len);
    SESAME_REQUIRE_INPUT(given, given_len);
    SESAME_REQUIRE_INPUT(taken, taken_len);
    if (taken_len > sesame::limits::kLoginTakenMaxBytes)
        return sesame::capi::to_c(sesame::limits::above_limit("the taken list", taken_len, "SESAME_LOGIN_TAKEN_MAX_BYTES",
                                                              sesame::limits::kLoginTakenMaxBytes));
    std::unordered_set<std::string> set;
    std::string_view list = as_view(taken, taken_len);
    while (!list.empty()) {
        const std::size_t nl = list.find('\n');
        std::string_view line = list.substr(0, nl);
        list = nl == std::string_view::npos ? std::string_view() : list.substr(nl + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        std::string l(line);
        for (char &c : l)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        set.insert(std::move(l));
    }
    bool cancelled = false;
    auto taken_fn = [&](std::string_view login) -> sesame::Result<bool> {
        if (set.count(std::string(login)) != 0) return true;
        if (fn == nullptr) return false;
        bool t = false;
        if (fn(payload, login.data(), login.size(), &t) != 0) {
            cancelled = true;
            return sesame::Error(sesame::Code::cancelled, "the taken callback asked to stop");
        }
        return t;
    };
    auto r = id::login_id(as_view(family, family_len), as_view(given, given_len), taken_fn);
    if (!r.ok()) return sesame::capi::to_c(r.status());
    return sesame::capi::write_out(*r, out, out_cap, out_len);
    SESAME_SHIM_END
}

}  // extern "C"
