// C ABI of the password module (sesame/password.h), through sesame.h only.
#include <gtest/gtest.h>

#include <ctime>
#include <functional>
#include <string>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "sesame.h"

namespace {

sesame_password_result check(const std::string &s, const sesame_password_policy *policy = nullptr,
                             const sesame_password_context *ctx = nullptr) {
    sesame_password_result r;
    EXPECT_EQ(sesame_password_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_password_check(&r, policy, ctx, s.data(), s.size(), nullptr), SESAME_OK);
    return r;
}

sesame_password_hash_options cheap() {
    sesame_password_hash_options o;
    EXPECT_EQ(sesame_password_hash_options_init(&o), SESAME_OK);
    return o;  // interactive: the minimum this library accepts
}

}  // namespace

TEST(CapiPassword, CheckReportsEveryRule) {
    sesame_password_result r = check("Soleil2015!");
    EXPECT_EQ(r.struct_size, sizeof r);
    EXPECT_EQ(r.error, SESAME_PASSWORD_OK);
    EXPECT_TRUE(r.valid);
    EXPECT_EQ(r.length, 11);
    EXPECT_TRUE(r.upper && r.lower && r.digit && r.special && r.length_ok);
    EXPECT_TRUE(r.has_strength);
    EXPECT_LE(r.score, 1);
    EXPECT_GT(r.guesses_log10_milli, 0);
    EXPECT_TRUE(r.feedback & SESAME_PASSWORD_FEEDBACK_DATE);
    r = check("azerty");
    EXPECT_FALSE(r.valid);
    EXPECT_FALSE(r.upper);
    EXPECT_TRUE(r.lower);
    EXPECT_FALSE(r.length_ok);
    EXPECT_EQ(r.score, 0);
    EXPECT_TRUE(r.feedback & SESAME_PASSWORD_FEEDBACK_COMMON_PASSWORD);
}

TEST(CapiPassword, ErrorsAreResultsNotStatuses) {
    sesame_password_result r = check("ab\xFF");
    EXPECT_EQ(r.error, SESAME_PASSWORD_INVALID_UTF8);
    EXPECT_EQ(r.length, -1);
    EXPECT_FALSE(r.has_strength);
    EXPECT_EQ(r.score, -1);
    r = check(std::string("Abcdef1!\0", 9));
    EXPECT_EQ(r.error, SESAME_PASSWORD_CONTROL_CHAR);
    r = check(std::string(600, 'a'));
    EXPECT_EQ(r.error, SESAME_PASSWORD_TOO_LONG);
    EXPECT_EQ(r.length, -1);
    r = check(std::string(200, 'a'));
    EXPECT_EQ(r.error, SESAME_PASSWORD_TOO_LONG);
    EXPECT_EQ(r.length, 200);
    EXPECT_STREQ(sesame_password_error_name(SESAME_PASSWORD_INVALID_UTF8), "invalid_utf8");
    EXPECT_STREQ(sesame_password_error_name(SESAME_PASSWORD_CONTROL_CHAR), "control_char");
    EXPECT_STREQ(sesame_password_error_name(SESAME_PASSWORD_TOO_LONG), "too_long");
    EXPECT_STREQ(sesame_password_error_name(SESAME_PASSWORD_OK), "");
    EXPECT_STREQ(sesame_password_error_name(99), "");
}

TEST(CapiPassword, BadArguments) {
    sesame_password_result r;
    ASSERT_EQ(sesame_password_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_password_check(nullptr, nullptr, nullptr, "x", 1, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_check(&r, nullptr, nullptr, nullptr, 3, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_check(&r, nullptr, nullptr, nullptr, 0, nullptr), SESAME_OK);
    sesame_password_result raw{};
    EXPECT_EQ(sesame_password_check(&raw, nullptr, nullptr, "x", 1, nullptr), SESAME_E_INVALID_ARGUMENT);
    sesame_password_check_options o;
    ASSERT_EQ(sesame_password_check_options_init(&o), SESAME_OK);
    o.reference_year = 12;
    EXPECT_EQ(sesame_password_check(&r, nullptr, nullptr, "x", 1, &o), SESAME_E_INVALID_ARGUMENT);
    o.reference_year = 2026;
    o.strength = false;
    EXPECT_EQ(sesame_password_check(&r, nullptr, nullptr, "Soleil2015!", 11, &o), SESAME_OK);
    EXPECT_FALSE(r.has_strength);
    EXPECT_TRUE(r.valid);
    EXPECT_EQ(sesame_password_result_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_check_options_init(nullptr), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiPassword, ReferenceYearDefaultsToTheClock) {
    // The default (0) is the current UTC year: the same score as passing that year explicitly.
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    const int32_t year = tm.tm_year + 1900;
    const std::string pw = "Maison" + std::to_string(year - 1) + "!";
    sesame_password_check_options o;
    ASSERT_EQ(sesame_password_check_options_init(&o), SESAME_OK);
    EXPECT_EQ(o.reference_year, 0);
    sesame_password_result by_clock, explicit_year, far_future;
    ASSERT_EQ(sesame_password_result_init(&by_clock), SESAME_OK);
    ASSERT_EQ(sesame_password_result_init(&explicit_year), SESAME_OK);
    ASSERT_EQ(sesame_password_result_init(&far_future), SESAME_OK);
    ASSERT_EQ(sesame_password_check(&by_clock, nullptr, nullptr, pw.data(), pw.size(), &o), SESAME_OK);
    o.reference_year = year;
    ASSERT_EQ(sesame_password_check(&explicit_year, nullptr, nullptr, pw.data(), pw.size(), &o), SESAME_OK);
    o.reference_year = 2200;
    ASSERT_EQ(sesame_password_check(&far_future, nullptr, nullptr, pw.data(), pw.size(), &o), SESAME_OK);
    EXPECT_EQ(by_clock.guesses_log10_milli, explicit_year.guesses_log10_milli);
    EXPECT_NE(by_clock.guesses_log10_milli, far_future.guesses_log10_milli);  // a recent year is cheaper to guess
}

TEST(CapiPassword, OlderSmallerResultStructGetsOnlyItsFields) {
    struct old_result {
        size_t struct_size;
        int32_t error;
        bool valid;
    } small{};
    small.struct_size = sizeof small;
    ASSERT_EQ(sesame_password_check(reinterpret_cast<sesame_password_result *>(&small), nullptr, nullptr, "Soleil2015!", 11,
                                    nullptr),
              SESAME_OK);
    EXPECT_TRUE(small.valid);
    EXPECT_EQ(small.struct_size, sizeof small);
}

TEST(CapiPassword, PresetsAndJsonPolicies) {
    sesame_password_policy *p = nullptr;
    ASSERT_EQ(sesame_password_policy_preset(&p, "cnil2022", 8), SESAME_OK);
    EXPECT_FALSE(check("Soleil2015!", p).valid);
    EXPECT_TRUE(check("Abcdefghijklm1", p).valid);
    EXPECT_EQ(check("Abcdefghijklm1", p).alternative, 1);
    size_t len = 0;
    EXPECT_EQ(sesame_password_policy_to_json(nullptr, 0, &len, p), SESAME_E_BUFFER_TOO_SMALL);
    std::string json(len, '\0');
    ASSERT_EQ(sesame_password_policy_to_json(json.data(), json.size() + 1, &len, p), SESAME_OK);
    sesame_password_policy_free(p);
    EXPECT_NE(json.find("\"min_length\":14"), std::string::npos);

    p = reinterpret_cast<sesame_password_policy *>(1);
    EXPECT_EQ(sesame_password_policy_preset(&p, "nist", 4), SESAME_E_NOT_FOUND);
    EXPECT_EQ(p, nullptr);
    EXPECT_NE(std::string(sesame_last_error_message()).find("portal"), std::string::npos);
    EXPECT_EQ(sesame_password_policy_preset(nullptr, "portal", 6), SESAME_E_INVALID_ARGUMENT);

    const std::string j = R"({"alternatives": [{"min_length": 4, "classes": ["digit"]}], "forbid_other": true})";
    ASSERT_EQ(sesame_password_policy_from_json(&p, j.data(), j.size()), SESAME_OK);
    sesame_password_result r = check("12 34", p);
    EXPECT_TRUE(r.has_allowed_rule);
    EXPECT_FALSE(r.allowed);
    EXPECT_FALSE(r.valid);
    EXPECT_TRUE(check("1234", p).valid);
    sesame_password_policy_free(p);
    EXPECT_EQ(sesame_password_policy_from_json(&p, "{", 1), SESAME_E_PARSE);
    const std::string too_long = R"({"max_length": 500})";
    EXPECT_EQ(sesame_password_policy_from_json(&p, too_long.data(), too_long.size()), SESAME_E_INVALID_ARGUMENT);
    sesame_password_policy_free(nullptr);
}

TEST(CapiPassword, ContextLowersTheScore) {
    sesame_password_context *c = nullptr;
    const std::string j = R"({"names": ["Lucas", "Hélène Martin"], "dates": ["2014-03-12"], "phones": ["06 12 34 56 78"]})";
    ASSERT_EQ(sesame_password_context_from_json(&c, j.data(), j.size()), SESAME_OK);
    const sesame_password_result with = check("Lucas2014!", nullptr, c);
    EXPECT_LE(with.score, 1);
    EXPECT_TRUE(with.feedback & SESAME_PASSWORD_FEEDBACK_CONTEXT);
    sesame_password_context_free(c);

    ASSERT_EQ(sesame_password_context_new(&c), SESAME_OK);
    EXPECT_EQ(sesame_password_context_add_name(c, "Zorglub", 7), SESAME_OK);
    EXPECT_EQ(sesame_password_context_add_date(c, "1985-04-02", 10), SESAME_OK);
    EXPECT_EQ(sesame_password_context_add_date(c, "1985-02-30", 10), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_context_add_phone(c, "0692 12 34 56", 13), SESAME_OK);
    EXPECT_EQ(sesame_password_context_add_login(c, "z.orglub", 8), SESAME_OK);
    EXPECT_EQ(sesame_password_context_add_name(nullptr, "x", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_context_add_name(c, nullptr, 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_LT(check("Zorglub0204!", nullptr, c).guesses_log10_milli, check("Zorglub0204!").guesses_log10_milli);
    sesame_password_context_free(c);
    sesame_password_context_free(nullptr);
    c = reinterpret_cast<sesame_password_context *>(1);
    EXPECT_EQ(sesame_password_context_from_json(&c, "[1]", 3), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(c, nullptr);
    EXPECT_EQ(sesame_password_context_from_json(&c, "{\"dates\":[\"31/12/1999\"]}", 24), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(sesame_last_error_message()).find("1999"), std::string::npos);  // no personal data
}

TEST(CapiPassword, LabelsMessagesAndCodes) {
    EXPECT_STREQ(sesame_password_score_label(0, SESAME_PASSWORD_LANG_FR), "très faible");
    EXPECT_STREQ(sesame_password_score_label(3, SESAME_PASSWORD_LANG_FR), "fort");
    EXPECT_STREQ(sesame_password_score_label(4, SESAME_PASSWORD_LANG_EN), "very strong");
    EXPECT_STREQ(sesame_password_score_label(9, SESAME_PASSWORD_LANG_EN), "");
    EXPECT_STREQ(sesame_password_score_label(1, 7), "");
    EXPECT_STREQ(sesame_password_feedback_code(SESAME_PASSWORD_FEEDBACK_KEYBOARD_WALK), "keyboard_walk");
    EXPECT_STREQ(sesame_password_feedback_code(3), "");
    EXPECT_STRNE(sesame_password_feedback_message(SESAME_PASSWORD_FEEDBACK_CONTEXT, SESAME_PASSWORD_LANG_FR), "");
    EXPECT_STREQ(sesame_password_rule_name(SESAME_PASSWORD_RULE_SPECIAL), "special");
    EXPECT_STREQ(sesame_password_rule_name(42), "");
}

namespace {
std::string sized(const std::function<sesame_status(char *, size_t, size_t *)> &fn) {
    size_t len = 0;
    const sesame_status query = fn(nullptr, 0, &len);  // the size query
    EXPECT_EQ(query, len == 0 ? SESAME_OK : SESAME_E_BUFFER_TOO_SMALL);
    std::string out(len + 1, '\0');
    EXPECT_EQ(fn(out.data(), out.size(), &len), SESAME_OK);
    out.resize(len);
    return out;
}
}  // namespace

// The parent's checklist lines come from the policy, and a character outside it is named.
TEST(CapiPassword, LabelsAndUnacceptedCharactersForTheParent) {
    auto label = [](const sesame_password_policy *p, int32_t rule, int32_t alt, int32_t lang) {
        return sized([&](char *o, size_t c, size_t *n) { return sesame_password_rule_label(o, c, n, p, rule, alt, lang); });
    };
    EXPECT_EQ(label(nullptr, SESAME_PASSWORD_RULE_LENGTH, -1, SESAME_PASSWORD_LANG_FR), "Au moins 8 caractères (128 au maximum)");
    EXPECT_EQ(label(nullptr, SESAME_PASSWORD_RULE_LOWER, -1, SESAME_PASSWORD_LANG_EN), "At least one lowercase letter");
    sesame_password_policy *cnil = nullptr;
    ASSERT_EQ(sesame_password_policy_preset(&cnil, "cnil2022", 8), SESAME_OK);
    EXPECT_EQ(label(cnil, SESAME_PASSWORD_RULE_LENGTH, 1, SESAME_PASSWORD_LANG_EN),
              "At least 14 characters, or 12 with a special character (128 at most)");
    EXPECT_EQ(label(cnil, SESAME_PASSWORD_RULE_LENGTH, -1, SESAME_PASSWORD_LANG_FR),
              "Au moins 12 caractères, ou 14 sans caractère spécial (128 au maximum)");
    EXPECT_EQ(label(cnil, SESAME_PASSWORD_RULE_SPECIAL, 0, SESAME_PASSWORD_LANG_EN).substr(36),
              " ! ? @ # $ ( ) [ ] _ . , ; & = + - % * < > \u00A3 \u00B5 / : (optional from 14 characters)");
    size_t len = 0;
    EXPECT_EQ(sesame_password_rule_label(nullptr, 0, &len, nullptr, 9, -1, SESAME_PASSWORD_LANG_FR), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_rule_label(nullptr, 0, &len, nullptr, 0, -1, 7), SESAME_E_INVALID_ARGUMENT);

    sesame_password_result r;
    ASSERT_EQ(sesame_password_result_init(&r), SESAME_OK);
    const std::string pw = "Soleil2015\xE2\x82\xAC";  // the euro sign is no special of the portal
    ASSERT_EQ(sesame_password_check(&r, nullptr, nullptr, pw.data(), pw.size(), nullptr), SESAME_OK);
    EXPECT_FALSE(r.special);
    EXPECT_STREQ(r.unaccepted, "\xE2\x82\xAC");
    EXPECT_EQ(r.unaccepted_count, 1);
    const std::string msg = sized([&](char *o, size_t c, size_t *n) {
        return sesame_password_unaccepted_message(o, c, n, nullptr, &r, SESAME_PASSWORD_LANG_FR);
    });
    EXPECT_EQ(msg.rfind("€ n’est pas un caractère spécial accepté ; ", 0), 0u) << msg;
    EXPECT_NE(msg.find("! ? @ #"), std::string::npos);
    sesame_memzero(&r, sizeof r);
    r.struct_size = sizeof r;
    ASSERT_EQ(sesame_password_check(&r, nullptr, nullptr, "Lucas2014!", 10, nullptr), SESAME_OK);
    EXPECT_STREQ(r.unaccepted, "");
    EXPECT_EQ(sized([&](char *o, size_t c, size_t *n) {
                  return sesame_password_unaccepted_message(o, c, n, nullptr, &r, SESAME_PASSWORD_LANG_EN);
              }),
              "");
    EXPECT_EQ(sesame_password_unaccepted_message(nullptr, 0, &len, nullptr, nullptr, SESAME_PASSWORD_LANG_EN),
              SESAME_E_INVALID_ARGUMENT);
    sesame_password_policy_free(cnil);
}

TEST(CapiPassword, ConfirmInConstantTimeOverNfc) {
    bool same = false;
    const std::string nfc = "\xC3\x89ric-2014!", nfd = "E\xCC\x81ric-2014!";
    ASSERT_EQ(sesame_password_confirm(&same, nfc.data(), nfc.size(), nfd.data(), nfd.size()), SESAME_OK);
    EXPECT_TRUE(same);
    ASSERT_EQ(sesame_password_confirm(&same, "abc", 3, "abd", 3), SESAME_OK);
    EXPECT_FALSE(same);
    EXPECT_EQ(sesame_password_confirm(nullptr, "a", 1, "a", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_confirm(&same, nullptr, 1, "a", 1), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiPassword, HashVerifyNeedsRehash) {
    const sesame_password_hash_options o = cheap();
    char h[SESAME_PASSWORD_HASH_SIZE];
    size_t len = 0;
    const std::string nfc = "\xC3\x89ric-\xC2\xB5-2014!";
    ASSERT_EQ(sesame_password_hash(h, sizeof h, &len, nfc.data(), nfc.size(), &o), SESAME_OK);
    EXPECT_EQ(std::strlen(h), len);
    EXPECT_EQ(std::string(h, 10), "$argon2id$");
    bool ok = false;
    const std::string nfd = "E\xCC\x81ric-\xC2\xB5-2014!";
    ASSERT_EQ(sesame_password_verify(&ok, h, len, nfd.data(), nfd.size()), SESAME_OK);
    EXPECT_TRUE(ok);
    ASSERT_EQ(sesame_password_verify(&ok, h, len, "wrong", 5), SESAME_OK);
    EXPECT_FALSE(ok);
    ASSERT_EQ(sesame_password_verify(&ok, "garbage", 7, "wrong", 5), SESAME_OK);
    EXPECT_FALSE(ok);
    bool rehash = true;
    ASSERT_EQ(sesame_password_needs_rehash(&rehash, h, len, &o), SESAME_OK);
    EXPECT_FALSE(rehash);
    ASSERT_EQ(sesame_password_needs_rehash(&rehash, h, len, nullptr), SESAME_OK);  // defaults = interactive
    EXPECT_FALSE(rehash);
    sesame_password_hash_options stronger = o;
    stronger.ops_limit = 3;
    ASSERT_EQ(sesame_password_needs_rehash(&rehash, h, len, &stronger), SESAME_OK);
    EXPECT_TRUE(rehash);
    // A tampered row naming a huge cost is refused without running Argon2 (fail closed).
    std::string costly = h;
    costly.replace(costly.find("m=65536"), 7, "m=4194304");
    ok = true;
    EXPECT_EQ(sesame_password_verify(&ok, costly.data(), costly.size(), nfc.data(), nfc.size()), SESAME_E_LIMIT);
    EXPECT_FALSE(ok);
    EXPECT_NE(std::string(sesame_last_error_message()).find("m=4194304"), std::string::npos);
    // The empty password: hashed and verified without undefined behaviour (UBSan runs this).
    ASSERT_EQ(sesame_password_hash(h, sizeof h, &len, nullptr, 0, &o), SESAME_OK);
    ASSERT_EQ(sesame_password_verify(&ok, h, len, nullptr, 0), SESAME_OK);
    EXPECT_TRUE(ok);
}

TEST(CapiPassword, HashRefusals) {
    sesame_password_hash_options o = cheap();
    char h[SESAME_PASSWORD_HASH_SIZE];
    size_t len = 0;
    EXPECT_EQ(sesame_password_hash(h, 10, &len, "abc", 3, &o), SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_GT(len, 10u);
    EXPECT_EQ(sesame_password_hash(h, sizeof h, &len, "\xFF", 1, &o), SESAME_E_INVALID_UTF8);
    EXPECT_EQ(sesame_password_hash(h, sizeof h, &len, "a\tb", 3, &o), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_password_hash(h, sizeof h, nullptr, "abc", 3, &o), SESAME_E_INVALID_ARGUMENT);
    o.ops_limit = 1;
    EXPECT_EQ(sesame_password_hash(h, sizeof h, &len, "abc", 3, &o), SESAME_E_INVALID_ARGUMENT);
    o = cheap();
    o.mem_limit = 1 << 20;
    EXPECT_EQ(sesame_password_hash(h, sizeof h, &len, "abc", 3, &o), SESAME_E_INVALID_ARGUMENT);
    o = cheap();
    o.struct_size = 0;
    EXPECT_EQ(sesame_password_hash(h, sizeof h, &len, "abc", 3, &o), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiPassword, ConcurrentChecksShareAPolicy) {
    sesame_password_policy *p = nullptr;
    ASSERT_EQ(sesame_password_policy_preset(&p, "portal", 6), SESAME_OK);
    std::vector<std::thread> threads;
    std::vector<int> valid(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                sesame_password_result r;
                if (sesame_password_result_init(&r) != SESAME_OK) return;
                const std::string pw = "Soleil" + std::to_string(2000 + i) + "!";
                if (sesame_password_check(&r, p, nullptr, pw.data(), pw.size(), nullptr) == SESAME_OK && r.valid) ++valid[t];
            }
        });
    }
    for (auto &th : threads) th.join();
    for (int v : valid) EXPECT_EQ(v, 200);
    sesame_password_policy_free(p);
}
