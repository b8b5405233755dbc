// Fuzzes meter contexts (sesame_password_context_from_json). The input is the context document.
// Invariants:
// - OK, PARSE (not JSON), INVALID_ARGUMENT (JSON, but not a valid context) or LIMIT, with no
//   context on failure; JSON within the bounds is never PARSE;
// - bounds (sesame/limits.h): deeper than SESAME_JSON_MAX_DEPTH or longer than
//   SESAME_CONTEXT_MAX_BYTES is SESAME_E_LIMIT (this document, wrapped 16 levels deeper, padded
//   beyond); a text that is not JSON is never a context (nor an accepted document followed by a
//   NUL byte);
// - on OK, the same context built with the sesame_password_context_add_* calls from the document's
//   members judges a set of passwords (fixed ones, and ones made of the document's own strings)
//   exactly as the parsed one;
// - a context never changes the rules' verdict, and never makes a password stronger: its
//   guesses are at most those without a context.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "sesame.h"

namespace {

sesame_status from_json(std::string_view text, sesame_password_context **out) {
    const sesame_status st = sesame_password_context_from_json(out, text.data(), text.size());
    FUZZ_CHECK((st == SESAME_OK) == (*out != nullptr));
    return st;
}

sesame_password_result check(const sesame_password_context *ctx, std::string_view pw) {
    sesame_password_check_options o;
    FUZZ_CHECK(sesame_password_check_options_init(&o) == SESAME_OK);
    o.reference_year = 2026;
    sesame_password_result r;
    FUZZ_CHECK(sesame_password_result_init(&r) == SESAME_OK);
    FUZZ_CHECK(sesame_password_check(&r, nullptr, ctx, pw.data(), pw.size(), &o) == SESAME_OK);
    return r;
}

bool same_rules(const sesame_password_result &a, const sesame_password_result &b) {
    return a.error == b.error && a.valid == b.valid && a.length == b.length && a.upper == b.upper && a.lower == b.lower &&
           a.digit == b.digit && a.special == b.special && a.length_ok == b.length_ok && a.allowed == b.allowed &&
           a.alternative == b.alternative && a.has_strength == b.has_strength;
}

bool same(const sesame_password_result &a, const sesame_password_result &b) {
    return same_rules(a, b) && a.score == b.score && a.guesses_log10_milli == b.guesses_log10_milli && a.feedback == b.feedback;
}

// The context of the document through the API (the document was accepted: its members are known
// and well typed).
sesame_password_context *by_api(const nlohmann::json &doc) {
    sesame_password_context *ctx = nullptr;
    FUZZ_CHECK(sesame_password_context_new(&ctx) == SESAME_OK);
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.value().is_null()) continue;
        if (it.key() == "login") {
            const std::string s = it.value();
            FUZZ_CHECK(sesame_password_context_add_login(ctx, s.data(), s.size()) == SESAME_OK);
            continue;
        }
        for (const auto &e : it.value()) {
            const std::string s = e;
            if (it.key() == "names") FUZZ_CHECK(sesame_password_context_add_name(ctx, s.data(), s.size()) == SESAME_OK);
            else if (it.key() == "phones") FUZZ_CHECK(sesame_password_context_add_phone(ctx, s.data(), s.size()) == SESAME_OK);
            else if (it.key() == "dates") FUZZ_CHECK(sesame_password_context_add_date(ctx, s.data(), s.size()) == SESAME_OK);
        }
    }
    return ctx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    sesame_password_context *ctx = nullptr;
    const sesame_status st = from_json(text, &ctx);
    FUZZ_CHECK(fuzz::status_in(st, {SESAME_OK, SESAME_E_PARSE, SESAME_E_INVALID_ARGUMENT, SESAME_E_LIMIT}));
    if (st != SESAME_OK) FUZZ_CHECK(sesame_last_error_message()[0] != '\0');
    fuzz::check_bounds(text, st, SESAME_CONTEXT_MAX_BYTES, "SESAME_CONTEXT_MAX_BYTES", [](std::string_view t) {
            sesame_password_context *x = nullptr;
            const sesame_status s = from_json(t, &x);
            sesame_password_context_free(x);
            return s;
        });
    const int depth = fuzz::json_depth(text);
    if (depth == fuzz::kNotJson) FUZZ_CHECK(st == SESAME_E_PARSE || st == SESAME_E_LIMIT);
    else if (depth >= 0 && depth <= SESAME_JSON_MAX_DEPTH) FUZZ_CHECK(st == SESAME_OK || st == SESAME_E_INVALID_ARGUMENT);
    if (st != SESAME_OK) return 0;

    const nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    FUZZ_CHECK(!doc.is_discarded() && doc.is_object());
    // Passwords: fixed ones, and the document's first strings alone and dressed up as passwords.
    std::vector<std::string> pws = {"Lucas2014!", "h.lefevre42", "Soleil-2016"};
    for (auto it = doc.begin(); it != doc.end() && pws.size() < 7; ++it) {
        if (it.value().is_string()) pws.push_back(it.value());
        if (it.value().is_array() && !it.value().empty()) pws.push_back(it.value()[0].get<std::string>() + "1!A");
    }
    sesame_password_context *api = by_api(doc);
    for (const std::string &pw : pws) {
        const sesame_password_result r = check(ctx, pw), bare = check(nullptr, pw);
        FUZZ_CHECK(same(r, check(api, pw)));
        FUZZ_CHECK(same_rules(r, bare));
        if (r.has_strength) FUZZ_CHECK(r.guesses_log10_milli <= bare.guesses_log10_milli && r.score <= bare.score);
    }
    sesame_password_context_free(api);
    sesame_password_context_free(ctx);
    return 0;
}
