// Fuzzes password policies (sesame_password_policy_from_json). The input is the policy document.
// Invariants:
// - OK, PARSE (not JSON) or INVALID_ARGUMENT (JSON, but not a valid policy) or LIMIT, with no
//   policy on failure; JSON within the bounds is never PARSE;
// - bounds: deeper than SESAME_JSON_MAX_DEPTH or longer than SESAME_POLICY_MAX_BYTES is
//   SESAME_E_LIMIT (this document, wrapped 16 levels deeper, padded beyond); a text that is not
//   JSON is never a policy (nor an accepted document followed by a NUL byte);
// - round trip: from_json -> to_json (every key, the header's shape) -> from_json -> to_json gives
//   the same JSON, and both policies judge a fixed set of passwords identically;
// - sesame_password_check works on those passwords, and a valid verdict means the reported
//   alternative is met: its classes, its min_classes, its length, the allowed characters, the
//   minimum score;
// - a policy whose JSON is the portal preset's judges like the default (NULL) policy.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "sesame.h"

namespace {

std::string to_json(const sesame_password_policy *p) {
    size_t len = 0;
    FUZZ_CHECK(sesame_password_policy_to_json(nullptr, 0, &len, p) == SESAME_E_BUFFER_TOO_SMALL && len > 0);
    std::string s(len, '\0');
    FUZZ_CHECK(sesame_password_policy_to_json(s.data(), s.size(), &len, p) == SESAME_OK && len == s.size());
    return s;
}

sesame_status from_json(std::string_view text, sesame_password_policy **out) {
    const sesame_status st = sesame_password_policy_from_json(out, text.data(), text.size());
    FUZZ_CHECK((st == SESAME_OK) == (*out != nullptr));
    return st;
}

sesame_password_result check(const sesame_password_policy *p, std::string_view pw, bool strength) {
    sesame_password_check_options o;
    FUZZ_CHECK(sesame_password_check_options_init(&o) == SESAME_OK);
    o.strength = strength;
    o.reference_year = 2026;
    sesame_password_result r;
    FUZZ_CHECK(sesame_password_result_init(&r) == SESAME_OK);
    FUZZ_CHECK(sesame_password_check(&r, p, nullptr, pw.data(), pw.size(), &o) == SESAME_OK);
    return r;
}

bool same(const sesame_password_result &a, const sesame_password_result &b) {
    return a.error == b.error && a.valid == b.valid && a.length == b.length && a.upper == b.upper && a.lower == b.lower &&
           a.digit == b.digit && a.special == b.special && a.length_ok == b.length_ok &&
           a.has_allowed_rule == b.has_allowed_rule && a.allowed == b.allowed && a.alternative == b.alternative &&
           a.has_strength == b.has_strength && a.score == b.score && a.guesses_log10_milli == b.guesses_log10_milli &&
           a.feedback == b.feedback;
}

// Passwords of every kind: met by the portal, missing a class, beyond ASCII, long, too long raw.
const std::string kPasswords[] = {
    "Tr0ub4dour&3", "motdepasse", "Hélène2014!", "Ab1!", "ÉCOLE-école-42£", "P@ssw0rd µ", "123456789012",
    "Ça va? Oui!", "", std::string(129, 'a') + "A1!", "Abcdefghijklmn1",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    sesame_password_policy *p = nullptr;
    const sesame_status st = from_json(text, &p);
    FUZZ_CHECK(fuzz::status_in(st, {SESAME_OK, SESAME_E_PARSE, SESAME_E_INVALID_ARGUMENT, SESAME_E_LIMIT}));
    if (st != SESAME_OK) FUZZ_CHECK(sesame_last_error_message()[0] != '\0');
    fuzz::check_bounds(text, st, SESAME_POLICY_MAX_BYTES, "SESAME_POLICY_MAX_BYTES", [](std::string_view t) {
        sesame_password_policy *x = nullptr;
        const sesame_status s = from_json(t, &x);
        sesame_password_policy_free(x);
        return s;
    });
    const int depth = fuzz::json_depth(text);
    if (depth == fuzz::kNotJson) FUZZ_CHECK(st == SESAME_E_PARSE || st == SESAME_E_LIMIT);
    else if (depth >= 0 && depth <= SESAME_JSON_MAX_DEPTH) FUZZ_CHECK(st == SESAME_OK || st == SESAME_E_INVALID_ARGUMENT);
    if (st != SESAME_OK) return 0;

    // The round trip.
    const std::string j1 = to_json(p);
    const nlohmann::json doc = nlohmann::json::parse(j1, nullptr, false);
    FUZZ_CHECK(!doc.is_discarded() && doc.is_object() && doc.size() == 5);
    FUZZ_CHECK(doc.contains("alternatives") && doc["alternatives"].is_array());
    const auto &alts = doc["alternatives"];
    FUZZ_CHECK(alts.size() >= 1 && alts.size() <= 8);
    for (const auto &a : alts) {
        FUZZ_CHECK(a.is_object() && a.size() == 3 && a.contains("min_length") && a["min_length"].is_number_unsigned());
        FUZZ_CHECK(a.contains("classes") && a["classes"].is_array() && a.contains("min_classes") &&
                   a["min_classes"].is_number_unsigned());
        FUZZ_CHECK(a["min_length"] >= 1 && a["min_length"] <= 128 && a["min_classes"] <= 4);
    }
    FUZZ_CHECK(doc.contains("max_length") && doc["max_length"].is_number_unsigned() && doc["max_length"] >= 1 &&
               doc["max_length"] <= 128);
    FUZZ_CHECK(doc.contains("specials") && doc["specials"].is_string());
    FUZZ_CHECK(doc.contains("forbid_other") && doc["forbid_other"].is_boolean());
    FUZZ_CHECK(doc.contains("min_score") &&
               (doc["min_score"].is_null() || (doc["min_score"].is_number_integer() && doc["min_score"] >= 0 && doc["min_score"] <= 4)));
    sesame_password_policy *p2 = nullptr;
    FUZZ_CHECK(from_json(j1, &p2) == SESAME_OK);
    FUZZ_CHECK(to_json(p2) == j1);
    const bool portal = j1 == to_json(nullptr);

    // The same verdicts; a valid verdict names an alternative that is met.
    std::string with_specials = "Aa1";  // the policy's own specials, up to 12 bytes of them
    with_specials.append(doc["specials"].get<std::string>().substr(0, 12)).append("passe");
    const bool forbid = doc["forbid_other"];
    const int min_score = doc["min_score"].is_null() ? -1 : doc["min_score"].get<int>();
    for (int i = 0; i <= int(std::size(kPasswords)); ++i) {
        const std::string &pw = i < int(std::size(kPasswords)) ? kPasswords[i] : with_specials;
        const bool strength = i == 0;  // the meter on one password (its cost dominates otherwise)
        const sesame_password_result r = check(p, pw, strength);
        FUZZ_CHECK(same(r, check(p2, pw, strength)));
        if (portal) FUZZ_CHECK(same(r, check(nullptr, pw, strength)));
        if (r.error == SESAME_PASSWORD_OK) FUZZ_CHECK(r.has_allowed_rule == forbid);
        FUZZ_CHECK(r.alternative >= -1 && r.alternative < int32_t(alts.size()));
        // An alternative is reported whenever the rules ran (also for a password above the policy's
        // max_length: error too_long, length set); none when the raw scan refused it (length -1).
        if (r.error == SESAME_PASSWORD_OK) FUZZ_CHECK(r.alternative >= 0 && r.length >= 0);
        FUZZ_CHECK((r.length < 0) == (r.alternative < 0));
        if (!r.valid) continue;
        FUZZ_CHECK(r.error == SESAME_PASSWORD_OK && r.length_ok);
        const auto &a = alts[std::size_t(r.alternative)];
        FUZZ_CHECK(r.length >= a["min_length"].get<int32_t>() && r.length <= doc["max_length"].get<int32_t>());
        int present = 0;
        for (const auto &[name, has] : {std::pair{"upper", r.upper}, std::pair{"lower", r.lower},
                                        std::pair{"digit", r.digit}, std::pair{"special", r.special}}) {
            present += has;
            for (const auto &c : a["classes"])
                if (c == name) FUZZ_CHECK(has);
        }
        FUZZ_CHECK(present >= a["min_classes"].get<int>());
        if (forbid) FUZZ_CHECK(r.allowed);
        if (min_score >= 0) FUZZ_CHECK(r.has_strength && r.score >= min_score);
    }
    sesame_password_policy_free(p2);
    sesame_password_policy_free(p);
    return 0;
}
