// sesame/identity.h through sesame.h only: conventions, NULLs, short buffers, invalid UTF-8, JSON errors.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "sesame.h"
#include "support/redis_server.hpp"

namespace {

std::string S(const char *s) { return s; }

sesame_name_key_result key(const std::string &s) {
    sesame_name_key_result r;
    EXPECT_EQ(sesame_name_key_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_name_key(&r, s.data(), s.size()), SESAME_OK);
    return r;
}

sesame_date_result date(const char *typed, size_t len, int32_t today) {
    sesame_date_result r;
    EXPECT_EQ(sesame_date_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_date_parse(&r, typed, len, today), SESAME_OK);
    return r;
}

std::string file_text(const char *rel) {
    std::string path = std::string(SESAME_SOURCE_DIR) + "/" + rel;
    FILE *f = std::fopen(path.c_str(), "rb");
    std::string out;
    if (f == nullptr) return out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
    return out;
}

std::string decision_json(const sesame_decision *d) {
    size_t len = 0;
    EXPECT_EQ(sesame_decision_json(nullptr, 0, &len, d), SESAME_E_BUFFER_TOO_SMALL);
    std::string out(len, '\0');
    EXPECT_EQ(sesame_decision_json(out.data(), out.size(), &len, d), SESAME_OK);
    return out;
}

constexpr int32_t kToday = 20260901;
constexpr int64_t kNow = 1788220800000;

}  // namespace

TEST(CapiIdentity, NameKey) {
    sesame_name_key_result k = key("Jean-Pierre Marie");
    EXPECT_TRUE(k.valid);
    EXPECT_STREQ(k.text, "jean pierre|marie");
    EXPECT_STREQ(k.compact, "jeanpierremarie");
    for (const std::string &invalid : {S("ИВАНОВ"), S("DUP\xffONT"), std::string("DU\0PONT", 7), std::string(101, 'a'), S("")}) {
        k = key(invalid);  // a result, not an error
        EXPECT_FALSE(k.valid);
        EXPECT_STREQ(k.text, "");
        EXPECT_STREQ(k.compact, "");
    }
}

TEST(CapiIdentity, NameKeyFitsItsFixedSize) {
    // The longest keys: 100 code points that each give the most letters (U+2167 ROMAN NUMERAL
    // EIGHT gives "viii"), or one-code-point tokens that grow ("\uFB06" ST ligature -> "saint").
    std::string viii, st;
    for (int i = 0; i < 100; ++i) viii += "\u2167";
    for (int i = 0; i < 50; ++i) st += "\uFB06 ";
    sesame_name_key_result k = key(viii);
    ASSERT_TRUE(k.valid);
    EXPECT_EQ(std::strlen(k.text), 400u);
    k = key(st);
    ASSERT_TRUE(k.valid);
    EXPECT_EQ(std::strlen(k.text), 50 * 6 - 1u);
    EXPECT_LT(std::strlen(k.text), sizeof k.text);
}

TEST(CapiIdentity, NameKeyArguments) {
    sesame_name_key_result r;
    EXPECT_EQ(sesame_name_key_result_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    ASSERT_EQ(sesame_name_key_result_init(&r), SESAME_OK);
    EXPECT_EQ(r.struct_size, sizeof r);
    EXPECT_EQ(sesame_name_key(nullptr, "DUPONT", 6), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_name_key(&r, nullptr, 3), SESAME_E_INVALID_ARGUMENT);
    EXPECT_STRNE(sesame_last_error_message(), "");
    r.struct_size = 0;
    EXPECT_EQ(sesame_name_key(&r, "DUPONT", 6), SESAME_E_INVALID_ARGUMENT);
    // An older, smaller struct gets the fields it knows.
    ASSERT_EQ(sesame_name_key_result_init(&r), SESAME_OK);
    r.struct_size = offsetof(sesame_name_key_result, compact);
    r.compact[0] = 'x';
    ASSERT_EQ(sesame_name_key(&r, "DUPONT", 6), SESAME_OK);
    EXPECT_STREQ(r.text, "dupont");
    EXPECT_EQ(r.compact[0], 'x');
}

TEST(CapiIdentity, NameMatch) {
    auto m = [](int32_t f, const std::string &r, const std::string &t) {
        bool out = false;
        EXPECT_EQ(sesame_name_match(&out, f, r.data(), r.size(), t.data(), t.size()), SESAME_OK);
        return out;
    };
    EXPECT_TRUE(m(SESAME_NAME_FIELD_FAMILY, "D'ALEMBERT", "DALEMBERT"));
    EXPECT_TRUE(m(SESAME_NAME_FIELD_FAMILY, "FONTAINE (DE LA)", "DE LA FONTAINE"));
    EXPECT_TRUE(m(SESAME_NAME_FIELD_FAMILY, "MÜLLER", "MULLER"));
    EXPECT_TRUE(m(SESAME_NAME_FIELD_FAMILY, "SØRENSEN", "SORENSEN"));
    EXPECT_FALSE(m(SESAME_NAME_FIELD_FAMILY, "DUPONT", "DUPOND"));
    EXPECT_FALSE(m(SESAME_NAME_FIELD_FAMILY, "MARTIN", "MARTINE"));
    EXPECT_FALSE(m(SESAME_NAME_FIELD_FAMILY, "DUP\xc3", "DUP\xc3"));
    EXPECT_TRUE(m(SESAME_NAME_FIELD_GIVEN, "Jean-Pierre", "JEAN PIERRE"));
    EXPECT_FALSE(m(SESAME_NAME_FIELD_GIVEN, "Michel", "Michèle"));
    bool out = true;
    EXPECT_EQ(sesame_name_match(nullptr, SESAME_NAME_FIELD_FAMILY, "A", 1, "A", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_name_match(&out, 9, "A", 1, "A", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_name_match(&out, SESAME_NAME_FIELD_FAMILY, nullptr, 1, "A", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_FALSE(out);
    int32_t tier = -1;
    EXPECT_EQ(sesame_name_fc_tier(&tier, "Nathalie", 8, "Anne Nathalie", 13), SESAME_OK);
    EXPECT_EQ(tier, 2);
    EXPECT_EQ(sesame_name_fc_tier(&tier, "Anne", 4, "Anne Nathalie", 13), SESAME_OK);
    EXPECT_EQ(tier, 1);
    EXPECT_EQ(sesame_name_fc_tier(nullptr, "Anne", 4, "Anne", 4), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiIdentity, DateParse) {
    sesame_date_result d = date("29 02 2016", 10, kToday);
    EXPECT_EQ(d.error, SESAME_DATE_OK);
    EXPECT_EQ(d.date, 20160229);
    EXPECT_STREQ(d.iso, "2016-02-29");
    EXPECT_EQ(d.flags, 0u);
    d = date("29/02/2015", 10, kToday);
    EXPECT_EQ(d.error, SESAME_DATE_NOT_LEAP);
    EXPECT_EQ(d.date, 0);
    EXPECT_STREQ(d.iso, "");
    EXPECT_STREQ(sesame_date_error_name(d.error), "not_leap");
    EXPECT_EQ(date("01/09/2000", 10, kToday).flags, static_cast<uint32_t>(SESAME_DATE_FLAG_AGE_OVER_25));
    EXPECT_EQ(date("\xff", 1, kToday).error, SESAME_DATE_FORMAT);
    EXPECT_EQ(date(nullptr, 0, kToday).error, SESAME_DATE_EMPTY);
    sesame_date_result r;
    ASSERT_EQ(sesame_date_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_date_parse(&r, "1/1/2000", 8, 20260230), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_date_parse(&r, "1/1/2000", 8, 0), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_date_parse(nullptr, "1/1/2000", 8, kToday), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_date_parse(&r, nullptr, 8, kToday), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_date_result_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_STREQ(sesame_date_error_name(SESAME_DATE_OK), "");
    EXPECT_STREQ(sesame_date_error_name(SESAME_DATE_FUTURE), "future");
    EXPECT_STREQ(sesame_date_error_name(42), "");
    EXPECT_STREQ(sesame_date_error_name(-1), "");
}

TEST(CapiIdentity, DirectoryRecordByRecordAndDecision) {
    sesame_directory *dir = nullptr;
    ASSERT_EQ(sesame_directory_new(&dir), SESAME_OK);
    auto G = [&](const char *id, const char *nom, const char *nn, const char *prenom, const char *phone) {
        return sesame_directory_add_guardian(dir, id, std::strlen(id), nom, std::strlen(nom), nn, std::strlen(nn), prenom,
                                             std::strlen(prenom), phone, std::strlen(phone));
    };
    ASSERT_EQ(G("G01", "LEFEVRE", "", "Hélène", "+33 6 12 34 56 78"), SESAME_OK);
    ASSERT_EQ(G("G02", "LEFEVRE", "", "Marc", "0612345678"), SESAME_OK);
    EXPECT_EQ(G("G02", "X", "", "Y", ""), SESAME_E_DUPLICATE);
    EXPECT_EQ(G("", "X", "", "Y", ""), SESAME_E_INVALID_ARGUMENT);
    ASSERT_EQ(sesame_directory_add_pupil(dir, "P01", 3, "2014-03-12", 10), SESAME_OK);
    EXPECT_EQ(sesame_directory_add_pupil(dir, "P02", 3, "2015-02-29", 10), SESAME_E_PARSE);
    EXPECT_EQ(sesame_directory_add_pupil(dir, "P01", 3, "2014-03-12", 10), SESAME_E_DUPLICATE);
    ASSERT_EQ(sesame_directory_add_link(dir, "G01", 3, "P01", 3, true), SESAME_OK);
    EXPECT_EQ(sesame_directory_add_link(dir, "G09", 3, "P01", 3, true), SESAME_E_NOT_FOUND);
    EXPECT_EQ(sesame_directory_add_link(dir, "G01", 3, "P01", 3, true), SESAME_E_DUPLICATE);
    EXPECT_EQ(sesame_directory_add_link(nullptr, "G01", 3, "P01", 3, true), SESAME_E_INVALID_ARGUMENT);

    const std::string claim = R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "Lefèvre", "given_name": "HELENE",
        "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12/03/2014"}]})";
    sesame_decision *d = nullptr;
    ASSERT_EQ(sesame_directory_match(&d, dir, nullptr, claim.data(), claim.size(), kToday, kNow), SESAME_OK);
    int32_t st = -1, reason = -1, msg = -1;
    ASSERT_EQ(sesame_decision_outcome(d, &st, &reason, &msg), SESAME_OK);
    EXPECT_EQ(st, SESAME_DECISION_ACTIVATED);
    EXPECT_EQ(reason, SESAME_REASON_OK);
    EXPECT_EQ(msg, SESAME_USER_MESSAGE_OK_ALL);
    EXPECT_NE(decision_json(d).find(R"("guardian":"G01")"), std::string::npos);
    EXPECT_NE(decision_json(d).find(std::string("\"status\":\"") + sesame_decision_status_name(st) + "\""), std::string::npos);
    EXPECT_NE(decision_json(d).find(std::string("\"reason\":\"") + sesame_decision_reason_name(reason) + "\""), std::string::npos);
    EXPECT_NE(decision_json(d).find(std::string("\"user_message\":\"") + sesame_user_message_name(msg) + "\""),
              std::string::npos);
    EXPECT_EQ(sesame_decision_outcome(d, nullptr, nullptr, nullptr), SESAME_OK);
    sesame_decision_free(d);

    // Claim errors are failing statuses with the CLI's error names as detail; *out stays NULL.
    d = reinterpret_cast<sesame_decision *>(1);
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, "{", 1, kToday, kNow), SESAME_E_PARSE);
    EXPECT_EQ(d, nullptr);
    EXPECT_STREQ(sesame_last_error_message(), "invalid_json");
    const std::string bad = R"({"method": "form", "phone": 6})";
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, bad.data(), bad.size(), kToday, kNow), SESAME_E_PARSE);
    EXPECT_STREQ(sesame_last_error_message(), "bad_claim:phone");
    const std::string dup = R"({"method": "form", "pupils": [{"pupil": "P01"}, {"pupil": "P01"}]})";
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, dup.data(), dup.size(), kToday, kNow), SESAME_E_DUPLICATE);
    EXPECT_STREQ(sesame_last_error_message(), "duplicate_pupil");
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, claim.data(), claim.size(), 20261301, kNow), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_directory_match(&d, nullptr, nullptr, claim.data(), claim.size(), kToday, kNow), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_directory_match(nullptr, dir, nullptr, claim.data(), claim.size(), kToday, kNow), SESAME_E_INVALID_ARGUMENT);
    const std::string inv = "{\"method\": \"form\", \"family_name\": \"\xff\"}";
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, inv.data(), inv.size(), kToday, kNow), SESAME_E_PARSE);

    // The report lists ids only.
    size_t len = 0;
    ASSERT_EQ(sesame_directory_report(nullptr, 0, &len, dir), SESAME_E_BUFFER_TOO_SMALL);
    std::string rep(len, '\0');
    ASSERT_EQ(sesame_directory_report(rep.data(), rep.size(), &len, dir), SESAME_OK);
    EXPECT_NE(rep.find(R"("guardians":2)"), std::string::npos) << rep;
    EXPECT_EQ(rep.find("LEFEVRE"), std::string::npos);
    EXPECT_EQ(sesame_directory_report(nullptr, 0, &len, nullptr), SESAME_E_INVALID_ARGUMENT);
    sesame_directory_free(dir);
    sesame_directory_free(nullptr);
    sesame_decision_free(nullptr);
}

TEST(CapiIdentity, LoadJsonErrorsNameTheRecord) {
    sesame_directory *dir = reinterpret_cast<sesame_directory *>(1);
    const std::string dup = R"({"guardians": [{"id": "G1", "nom": "SECRET"}, {"id": "G1"}]})";
    EXPECT_EQ(sesame_directory_load_json(&dir, dup.data(), dup.size(), nullptr), SESAME_E_DUPLICATE);
    EXPECT_EQ(dir, nullptr);
    EXPECT_NE(S(sesame_last_error_message()).find("guardians[1] (id G1)"), std::string::npos);
    EXPECT_EQ(S(sesame_last_error_message()).find("SECRET"), std::string::npos);
    const std::string dangling = R"({"pupils": [{"id": "P1", "birthdate": "2014-01-01"}], "links": [{"guardian": "G7", "pupil": "P1", "legal_representative": true}]})";
    EXPECT_EQ(sesame_directory_load_json(&dir, dangling.data(), dangling.size(), nullptr), SESAME_E_NOT_FOUND);
    EXPECT_NE(S(sesame_last_error_message()).find("links[0]"), std::string::npos);
    const std::string date = R"({"pupils": [{"id": "P1", "birthdate": "14/01/2014"}]})";
    EXPECT_EQ(sesame_directory_load_json(&dir, date.data(), date.size(), nullptr), SESAME_E_PARSE);
    EXPECT_NE(S(sesame_last_error_message()).find("pupils[0] (id P1)"), std::string::npos);
    EXPECT_EQ(sesame_directory_load_json(&dir, "{\"guardians\": [", 15, nullptr), SESAME_E_PARSE);
    EXPECT_EQ(sesame_directory_load_json(&dir, "\xff", 1, nullptr), SESAME_E_PARSE);
    EXPECT_EQ(sesame_directory_load_json(&dir, nullptr, 0, nullptr), SESAME_E_PARSE);  // empty document
    EXPECT_EQ(sesame_directory_load_json(nullptr, "{}", 2, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_directory_load_json_file(&dir, "/nonexistent/school.json", 24, nullptr), SESAME_E_IO);
    EXPECT_EQ(sesame_directory_load_json_file(&dir, "a\0b", 3, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_directory_load_json_file(&dir, nullptr, 0, nullptr), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiIdentity, SchoolFileCandidatesAndCounter) {
    const std::string path = std::string(SESAME_SOURCE_DIR) + "/tests/data/identity/school.json";
    sesame_directory *dir = nullptr;
    ASSERT_EQ(sesame_directory_load_json_file(&dir, path.data(), path.size(), nullptr), SESAME_OK);
    sesame_date_counter *counter = nullptr;
    EXPECT_EQ(sesame_date_counter_new(&counter, 0, 1000), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(counter, nullptr);
    EXPECT_EQ(sesame_date_counter_new(&counter, 2, 0), SESAME_E_INVALID_ARGUMENT);
    ASSERT_EQ(sesame_date_counter_new(&counter, 2, 86400000), SESAME_OK);
    const std::string wrong = R"({"method": "form", "phone": "07 86 77 88 99", "family_name": "LEFEVRE", "given_name": "Hélène",
        "pupils": [{"pupil": "P17", "legal_representative": true, "birthdate": "07/08/2019"}]})";
    std::string details;
    for (int i = 0; i < 3; ++i) {
        sesame_decision *d = nullptr;
        ASSERT_EQ(sesame_directory_match(&d, dir, counter, wrong.data(), wrong.size(), kToday, kNow + i), SESAME_OK);
        details += decision_json(d);
        sesame_decision_free(d);
    }
    EXPECT_NE(details.find("too_many_attempts"), std::string::npos);
    // Candidates only: the host passes the records sharing the phone.
    const std::string cand = R"({"guardians": [
        {"id": "G01", "nom": "LEFEVRE", "prenom": "Hélène", "phone_mobile": "0612345678"},
        {"id": "G02", "nom": "LEFEVRE", "prenom": "Marc", "phone_mobile": "0612345678"}],
      "pupils": [{"id": "P01", "birthdate": "2014-03-12"}],
      "links": [{"guardian": "G02", "pupil": "P01", "legal_representative": true}]})";
    const std::string claim = R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Marc",
        "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12032014"}]})";
    sesame_decision *d = nullptr;
    ASSERT_EQ(sesame_identity_match_candidates(&d, counter, cand.data(), cand.size(), claim.data(), claim.size(), kToday, kNow), SESAME_OK);
    EXPECT_NE(decision_json(d).find(R"("status":"activated","reason":"ok","guardian":"G02")"), std::string::npos) << decision_json(d);
    sesame_decision_free(d);
    EXPECT_EQ(sesame_identity_match_candidates(&d, nullptr, "[", 1, claim.data(), claim.size(), kToday, kNow), SESAME_E_PARSE);
    // Concurrent decisions on one directory (shared-const) and one counter.
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    const std::string good = R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Hélène",
        "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12/03/2014"}]})";
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                sesame_decision *x = nullptr;
                if (sesame_directory_match(&x, dir, counter, good.data(), good.size(), kToday, kNow) == SESAME_OK) {
                    int32_t s = -1;
                    if (sesame_decision_outcome(x, &s, nullptr, nullptr) == SESAME_OK && s == SESAME_DECISION_ACTIVATED) ++ok[t];
                }
                sesame_decision_free(x);
            }
        });
    for (auto &th : threads) th.join();
    for (int n : ok) EXPECT_EQ(n, 200);
    sesame_date_counter_free(counter);
    sesame_date_counter_free(nullptr);
    sesame_directory_free(dir);
}

namespace {
struct TakenAll {
    int calls = 0;
};
int32_t taken_all(void *payload, const char *, size_t, bool *taken) {
    ++static_cast<TakenAll *>(payload)->calls;
    *taken = true;
    return 0;
}
int32_t stop(void *, const char *, size_t, bool *) { return 1; }
}  // namespace

TEST(CapiIdentity, LoginId) {
    char buf[SESAME_LOGIN_ID_SIZE];
    size_t len = 0;
    const std::string fam = "ИВАНОВ", giv = "Ольга";
    ASSERT_EQ(sesame_login_id(buf, sizeof buf, &len, fam.data(), fam.size(), giv.data(), giv.size(), nullptr, 0, nullptr, nullptr), SESAME_OK);
    const std::string id(buf, len);
    EXPECT_EQ(id.substr(0, 8), "o.ivanov");
    EXPECT_EQ(id.size(), 10u);
    // A taken list covering every 2-digit suffix widens to 3 digits.
    std::string list = "# taken\n\n";
    for (int i = 0; i < 100; ++i) list += "H.LEFEVRE" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "\r\n";
    const std::string lf = "LEFEVRE", hg = "Hélène";
    ASSERT_EQ(sesame_login_id(buf, sizeof buf, &len, lf.data(), lf.size(), hg.data(), hg.size(), list.data(), list.size(), nullptr, nullptr), SESAME_OK);
    EXPECT_EQ(len, 12u) << std::string(buf, len);
    TakenAll t;
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, lf.data(), lf.size(), hg.data(), hg.size(), nullptr, 0, taken_all, &t), SESAME_E_EXHAUSTED);
    EXPECT_EQ(t.calls, 60);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, lf.data(), lf.size(), hg.data(), hg.size(), nullptr, 0, stop, nullptr), SESAME_E_CANCELLED);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, "", 0, hg.data(), hg.size(), nullptr, 0, nullptr, nullptr), SESAME_E_INVALID_NAME);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, "\xff", 1, "", 0, nullptr, 0, nullptr, nullptr), SESAME_E_INVALID_NAME);
    char small[4];
    EXPECT_EQ(sesame_login_id(small, sizeof small, &len, lf.data(), lf.size(), hg.data(), hg.size(), nullptr, 0, nullptr, nullptr), SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_EQ(len, 11u);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, nullptr, lf.data(), lf.size(), "", 0, nullptr, 0, nullptr, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, nullptr, 3, "", 0, nullptr, 0, nullptr, nullptr), SESAME_E_INVALID_ARGUMENT);
    // The taken list has the bound docs/limits.md states; a larger set goes through the callback.
    const std::string huge(SESAME_LOGIN_TAKEN_MAX_BYTES + 1, '\n');
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, lf.data(), lf.size(), hg.data(), hg.size(), huge.data(), huge.size(),
                              nullptr, nullptr), SESAME_E_LIMIT);
    EXPECT_NE(std::string(sesame_last_error_message()).find("SESAME_LOGIN_TAKEN_MAX_BYTES"), std::string::npos);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, lf.data(), lf.size(), hg.data(), hg.size(), huge.data(), huge.size() - 1,
                              nullptr, nullptr), SESAME_OK);
    EXPECT_EQ(sesame_login_id(buf, sizeof buf, &len, lf.data(), lf.size(), "", 0, nullptr, 5, nullptr, nullptr), SESAME_E_INVALID_ARGUMENT);
}

// Two handles on one Redis (two PHP-FPM workers, two servers) share one cap; an unreachable
// Redis decides nothing.
TEST(CapiIdentity, RedisDateCounterIsSharedAndFailsClosed) {
    sesame_redis_options ro;
    ASSERT_EQ(sesame_redis_options_init(&ro), SESAME_OK);
    sesame_date_counter *a = nullptr, *b = nullptr;
    const int port = test_support::shared_redis_port();
    ro.port = port;
    const std::string prefix = "sesame-test:capi-dates:" + std::to_string(::getpid()) + ":";
    ro.prefix = prefix.data();
    ro.prefix_len = prefix.size();
    const sesame_status st = sesame_date_counter_new_redis(&a, 3, 86400000, &ro);
#ifndef SESAME_WITH_REDIS
    EXPECT_EQ(st, SESAME_E_UNSUPPORTED);
    GTEST_SKIP() << "built without hiredis";
#endif
    ASSERT_NE(port, 0) << "redis-server is not available";
    ASSERT_EQ(st, SESAME_OK);
    ASSERT_EQ(sesame_date_counter_new_redis(&b, 3, 86400000, &ro), SESAME_OK);
    EXPECT_EQ(sesame_date_counter_new_redis(nullptr, 3, 86400000, &ro), SESAME_E_INVALID_ARGUMENT);
    sesame_date_counter *x = nullptr;
    EXPECT_EQ(sesame_date_counter_new_redis(&x, 0, 86400000, &ro), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_date_counter_new_redis(&x, 3, 0, &ro), SESAME_E_INVALID_ARGUMENT);
    sesame_redis_options bad = ro;
    bad.prefix = nullptr;  // with a length
    EXPECT_EQ(sesame_date_counter_new_redis(&x, 3, 86400000, &bad), SESAME_E_INVALID_ARGUMENT);
    bad = ro;
    bad.struct_size = 3;
    EXPECT_EQ(sesame_date_counter_new_redis(&x, 3, 86400000, &bad), SESAME_E_INVALID_ARGUMENT);
    bad = ro;
    bad.timeout_ms = 0;
    EXPECT_EQ(sesame_date_counter_new_redis(&x, 3, 86400000, &bad), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(x, nullptr);

    const std::string path = std::string(SESAME_SOURCE_DIR) + "/tests/data/identity/school.json";
    sesame_directory *dir = nullptr;
    ASSERT_EQ(sesame_directory_load_json_file(&dir, path.data(), path.size(), nullptr), SESAME_OK);
    auto claim = [](const char *date) {
        return std::string(R"({"method": "form", "phone": "07 86 77 88 99", "family_name": "LEFEVRE", "given_name": "Hélène",
            "pupils": [{"pupil": "P17", "legal_representative": true, "birthdate": ")") + date + R"("}]})";
    };
    auto detail = [&](sesame_date_counter *c, const char *date, int64_t now) {
        const std::string cl = claim(date);
        sesame_decision *d = nullptr;
        EXPECT_EQ(sesame_directory_match(&d, dir, c, cl.data(), cl.size(), kToday, now), SESAME_OK);
        const std::string j = d != nullptr ? decision_json(d) : std::string();
        sesame_decision_free(d);
        return j;
    };
    EXPECT_NE(detail(a, "07/08/2019", kNow).find("date_differs"), std::string::npos);
    EXPECT_NE(detail(b, "07/08/2019", kNow + 1).find("date_differs"), std::string::npos);
    EXPECT_NE(detail(a, "xx", kNow + 2).find("date_invalid:format"), std::string::npos);
    EXPECT_NE(detail(b, "08/08/2019", kNow + 3).find("too_many_attempts"), std::string::npos);  // the right date, too late

    // Nobody listening: the decision is not made (fail closed) and says why.
    sesame_redis_options down = ro;
    down.port = test_support::free_port();
    down.timeout_ms = 100;
    down.connect_timeout_ms = 100;
    sesame_date_counter *c = nullptr;
    ASSERT_EQ(sesame_date_counter_new_redis(&c, 3, 86400000, &down), SESAME_OK);  // connects lazily
    const std::string cl = claim("08/08/2019");
    sesame_decision *d = nullptr;
    EXPECT_EQ(sesame_directory_match(&d, dir, c, cl.data(), cl.size(), kToday, kNow), SESAME_E_STORE_UNAVAILABLE);
    EXPECT_EQ(d, nullptr);
    EXPECT_NE(std::string(sesame_last_error_message()).find("redis"), std::string::npos);
    sesame_date_counter_free(c);
    sesame_date_counter_free(a);
    sesame_date_counter_free(b);
    sesame_directory_free(dir);
}

// Every JSON entry point has a bound, checked before the parser runs (sesame/limits.h).
TEST(CapiIdentity, JsonDocumentsAboveTheirBoundsAreRefusedWithTheLimitNamed) {
    sesame_directory *dir = nullptr;
    ASSERT_EQ(sesame_directory_load_json(&dir, "{}", 2, nullptr), SESAME_OK);
    sesame_decision *d = nullptr;
    const std::string deep = std::string(10'000, '[');
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, deep.data(), deep.size(), kToday, kNow), SESAME_E_LIMIT);
    EXPECT_NE(S(sesame_last_error_message()).find("SESAME_JSON_MAX_DEPTH"), std::string::npos);
    std::string big = R"({"method": "form", "family_name": ")" + std::string(SESAME_CLAIM_MAX_BYTES, 'A') + "\"}";
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, big.data(), big.size(), kToday, kNow), SESAME_E_LIMIT);
    EXPECT_NE(S(sesame_last_error_message()).find("SESAME_CLAIM_MAX_BYTES"), std::string::npos);
    EXPECT_EQ(d, nullptr);
    // Depth exactly at the bound is fine (and then refused as a claim, not as a limit).
    const std::string at = std::string(SESAME_JSON_MAX_DEPTH, '[') + std::string(SESAME_JSON_MAX_DEPTH, ']');
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, at.data(), at.size(), kToday, kNow), SESAME_E_PARSE);
    // Brackets inside strings are not nesting.
    const std::string quoted = R"({"method": "form", "family_name": ")" + std::string(100, '[') + R"("})";
    EXPECT_EQ(sesame_directory_match(&d, dir, nullptr, quoted.data(), quoted.size(), kToday, kNow), SESAME_OK);
    sesame_decision_free(d);
    sesame_directory_free(dir);

    // The directory: its default, a caller's own bound, and the candidates of one decision.
    sesame_directory_load_options o;
    ASSERT_EQ(sesame_directory_load_options_init(&o), SESAME_OK);
    EXPECT_EQ(o.max_bytes, uint64_t(SESAME_DIRECTORY_MAX_BYTES_DEFAULT));
    o.max_bytes = 10;
    EXPECT_EQ(sesame_directory_load_json(&dir, "{\"guardians\": []}", 17, &o), SESAME_E_LIMIT);
    EXPECT_NE(S(sesame_last_error_message()).find("max_bytes (10)"), std::string::npos);
    EXPECT_EQ(sesame_directory_load_json(&dir, deep.data(), deep.size(), nullptr), SESAME_E_LIMIT);
    const std::string many = "{\"guardians\": [" + std::string(SESAME_CANDIDATES_MAX_BYTES, ' ') + "]}";
    const std::string claim = R"({"method": "form", "phone": "0612345678", "family_name": "A", "given_name": "B"})";
    EXPECT_EQ(sesame_identity_match_candidates(&d, nullptr, many.data(), many.size(), claim.data(), claim.size(), kToday, kNow),
              SESAME_E_LIMIT);
    EXPECT_NE(S(sesame_last_error_message()).find("SESAME_CANDIDATES_MAX_BYTES"), std::string::npos);
}

// Only regular files are read: a device never ends, a FIFO would block, a directory is no document.
TEST(CapiIdentity, DirectoryFilesMustBeRegularAndWithinTheBound) {
    sesame_directory *dir = nullptr;
    for (const char *path : {"/dev/zero", "/dev/null", "/tmp"}) {
        EXPECT_EQ(sesame_directory_load_json_file(&dir, path, std::strlen(path), nullptr), SESAME_E_IO) << path;
        EXPECT_NE(S(sesame_last_error_message()).find("not a regular file"), std::string::npos) << path;
    }
    const std::string fifo = "/tmp/sesame-capi-fifo-" + std::to_string(::getpid());
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(sesame_directory_load_json_file(&dir, fifo.data(), fifo.size(), nullptr), SESAME_E_IO);  // returns at once
    ::unlink(fifo.c_str());
    const std::string path = std::string(SESAME_SOURCE_DIR) + "/tests/data/identity/school.json";
    sesame_directory_load_options o;
    ASSERT_EQ(sesame_directory_load_options_init(&o), SESAME_OK);
    o.max_bytes = 100;
    EXPECT_EQ(sesame_directory_load_json_file(&dir, path.data(), path.size(), &o), SESAME_E_LIMIT);
    EXPECT_EQ(dir, nullptr);
    o.max_bytes = 0;  // the default
    ASSERT_EQ(sesame_directory_load_json_file(&dir, path.data(), path.size(), &o), SESAME_OK);
    sesame_directory_free(dir);
}
