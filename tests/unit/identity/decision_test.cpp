// The directory and the decision procedure on the synthetic school (tests/data/identity/school.json).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/identity/decision.hpp"
#include "core/identity/directory.hpp"

using namespace sesame::identity;
using nlohmann::json;

namespace {

const Date kToday{2026, 9, 1};
constexpr sesame::UnixMillis kNow = 1788220800000;  // 2026-09-01T00:00:00Z
constexpr sesame::UnixMillis kDay = 86400000;

const Directory &school() {
    static const Directory d = [] {
        auto r = Directory::from_json_file(std::string(SESAME_SOURCE_DIR) + "/tests/data/identity/school.json");
        if (!r.ok()) throw std::runtime_error(r.status().detail());
        return std::move(r).value();
    }();
    return d;
}

json run(const std::string &claim, FailureCounter *counter = nullptr, sesame::UnixMillis now = kNow) {
    auto c = parse_claim(claim);
    EXPECT_TRUE(c.ok()) << c.status().detail();
    if (!c.ok()) return json();
    DecideOptions opt{kToday, now, counter};
    auto d = decide(school(), *c, opt);
    EXPECT_TRUE(d.ok()) << d.status().detail();
    return json::parse(d->to_json());
}

std::string form(const char *phone, const char *family, const char *given, const std::string &pupils) {
    json j = {{"method", "form"}, {"family_name", family}, {"given_name", given}, {"pupils", json::parse(pupils)}};
    j["phone"] = phone ? json(phone) : json(nullptr);
    return j.dump();
}

std::string fc(const char *phone, const char *given, const char *family, const char *preferred, const std::string &pupils) {
    json j = {{"method", "fc"},
              {"fc", {{"given_name", given}, {"family_name", family}, {"preferred_username", preferred},
                      {"birthdate", "1985-04-02"}, {"gender", "female"}, {"birthplace", "75056"}, {"birthcountry", "99100"}}},
              {"pupils", json::parse(pupils)}};
    j["phone"] = phone ? json(phone) : json(nullptr);
    return j.dump();
}

void expect_id_failure(const json &r, const char *reason, const char *detail) {
    EXPECT_EQ(r["status"], "rejected") << r;
    EXPECT_EQ(r["reason"], reason) << r;
    EXPECT_EQ(r["detail"], detail) << r;
    EXPECT_TRUE(r["guardian"].is_null()) << r;
    EXPECT_TRUE(r["pupils"].empty()) << r;
    EXPECT_TRUE(r["pupil_results"].empty()) << r;
    EXPECT_EQ(r["user_message"], "generic_failure") << r;
}

const char *kP01 = R"([{"pupil": "P01", "legal_representative": true, "birthdate": "12 03 2014"}])";

}  // namespace

TEST(Directory, LoadsTheSchoolAndReportsUnreachable) {
    const auto &d = school();
    EXPECT_EQ(d.guardian_count(), 18u);
    EXPECT_EQ(d.pupil_count(), 17u);
    EXPECT_EQ(d.link_count(), 22u);
    bool g14 = false, g18_phone = false, g18_name = false;
    for (const auto &w : d.warnings()) {
        if (w.guardian_id == "G14" && w.field == "phone_mobile" && w.reason == "not_mobile") g14 = true;
        if (w.guardian_id == "G18" && w.field == "phone_mobile") g18_phone = true;
        if (w.guardian_id == "G18" && w.field == "nom" && w.reason == "invalid_name") g18_name = true;
    }
    EXPECT_TRUE(g14);
    EXPECT_TRUE(g18_phone);
    EXPECT_TRUE(g18_name);
    EXPECT_EQ(d.by_phone("+33612345678").size(), 2u);  // shared phone
    EXPECT_TRUE(d.by_phone("+33123456789").empty());   // fixed line not indexed
}

TEST(Directory, LoadErrorsNameTheRecord) {
    auto bad = [](const char *doc) { return Directory::from_json(doc).status(); };
    auto st = bad(R"({"guardians": [{"id": "G1"}, {"id": "G1"}]})");
    EXPECT_EQ(st.code(), sesame::Code::duplicate);
    EXPECT_NE(st.detail().find("guardians[1] (id G1)"), std::string::npos) << st.detail();
    st = bad(R"({"pupils": [{"id": "P1", "birthdate": "2015-02-29"}]})");
    EXPECT_EQ(st.code(), sesame::Code::parse);
    EXPECT_NE(st.detail().find("pupils[0] (id P1)"), std::string::npos) << st.detail();
    st = bad(R"({"guardians": [{"id": "G1"}], "links": [{"guardian": "G1", "pupil": "P9"}]})");
    EXPECT_EQ(st.code(), sesame::Code::not_found);
    EXPECT_NE(st.detail().find("links[0]"), std::string::npos) << st.detail();
    st = bad(R"({"guardians": [)");
    EXPECT_EQ(st.code(), sesame::Code::parse);
    EXPECT_NE(st.detail().find("byte"), std::string::npos);
    st = bad(R"({"guardians": [{"id": "G1", "nom": 3}]})");
    EXPECT_EQ(st.code(), sesame::Code::parse);
    EXPECT_NE(st.detail().find("nom"), std::string::npos);
    EXPECT_EQ(bad("[]").code(), sesame::Code::parse);
    EXPECT_EQ(bad("{\"guardians\": [{\"id\": \"G\xff\"}]}").code(), sesame::Code::parse);  // invalid UTF-8
    EXPECT_TRUE(Directory::from_json("{}").ok());
    // No personal data in details.
    st = bad(R"({"guardians": [{"id": "G1", "nom": "SECRETNAME", "phone_mobile": 612345678}]})");
    EXPECT_EQ(st.detail().find("SECRETNAME"), std::string::npos);
}

TEST(Directory, StreamingLoadEdgeCases) {
    auto st = [](const char *doc) { return Directory::from_json(doc).status(); };
    EXPECT_NE(st(R"({"guardians": [1]})").detail().find("guardians[0] is not an object"), std::string::npos);
    EXPECT_NE(st(R"({"guardians": [{"id": "G1", "nom": "A", "prenom": "B"}, [1]]})").detail().find("guardians[1] is not an object"),
              std::string::npos);
    EXPECT_NE(st(R"({"guardians": {"id": "G1"}})").detail().find("guardians must be an array"), std::string::npos);
    EXPECT_NE(st(R"({"pupils": "P1"})").detail().find("pupils must be an array"), std::string::npos);
    EXPECT_EQ(st(R"({"guardians": [{"id": "G1", "nom": "A"}], "links": 3})").code(), sesame::Code::parse);
    EXPECT_EQ(st(R"({"guardians": [{"id": "G1"}]} trailing)").code(), sesame::Code::parse);
    // Links before the records they name, nested unknown fields, unknown arrays of objects.
    auto d = Directory::from_json(R"({"meta": [{"x": {"y": [1, {"z": 2}]}}],
        "links": [{"guardian": "G1", "pupil": "P1", "legal_representative": true}],
        "guardians": [{"id": "G1", "extra": {"a": [1, {"b": 2}]}, "nom": "DUPONT", "prenom": "Jean", "phone_mobile": "0601020304"}],
        "pupils": [{"id": "P1", "birthdate": "2015-01-01", "more": [[], {}]}]})");
    ASSERT_TRUE(d.ok()) << d.status().detail();
    EXPECT_EQ(d->guardian_count(), 1u);
    EXPECT_EQ(d->link_count(), 1u);
    EXPECT_EQ(d->by_phone("+33601020304").size(), 1u);
    ASSERT_NE(d->link(0, "P1"), nullptr);
    EXPECT_TRUE(d->link(0, "P1")->legal);
}

TEST(Directory, AddRecordsOneByOne) {
    Directory d;
    ASSERT_TRUE(d.add_guardian("A", "DUPONT", "", "Jean", "06 01 02 03 04").ok());
    ASSERT_TRUE(d.add_pupil("X", "2015-01-01").ok());
    ASSERT_TRUE(d.add_link("A", "X", true).ok());
    EXPECT_EQ(d.add_guardian("A", "X", "", "Y", "").code(), sesame::Code::duplicate);
    EXPECT_EQ(d.add_pupil("Y", "2015-13-01").code(), sesame::Code::parse);
    EXPECT_EQ(d.add_link("A", "nobody", true).code(), sesame::Code::not_found);
    EXPECT_EQ(d.add_link("A", "X", true).code(), sesame::Code::duplicate);
    EXPECT_EQ(d.by_phone("+33601020304").size(), 1u);
    ASSERT_TRUE(d.add_guardian("B", "DUPONT", "", "Marie", "+33601020304").ok());
    EXPECT_EQ(d.by_phone("+33601020304").size(), 2u);  // index rebuilt after additions
}

TEST(Directory, IndexesManyRecords) {
    Directory d;
    for (int i = 0; i < 20000; ++i) {
        char phone[16];
        std::snprintf(phone, sizeof phone, "06%08d", i * 37);
        ASSERT_TRUE(d.add_guardian("G" + std::to_string(i), i % 2 ? "MARTIN" : "DURAND MARTIN", "", i % 3 ? "Anne" : "Paul Anne", phone).ok());
    }
    d.build_index();
    for (int i = 0; i < 20000; i += 7) {
        char e164[16];
        std::snprintf(e164, sizeof e164, "+336%08d", i * 37);
        auto h = d.by_phone(e164);
        ASSERT_EQ(h.size(), 1u) << e164;
        EXPECT_EQ(d.guardian(h[0]).id, "G" + std::to_string(i));
    }
    EXPECT_TRUE(d.by_phone("+33699999999").empty());
    // Tier 1 "Anne" among MARTIN: the odd ids not divisible by 3; tier 2: "Paul Anne" records.
    const auto t1 = d.by_family_given(family_alts("MARTIN"), given_key("Anne"), 1);
    std::size_t want = 0;
    for (int i = 0; i < 20000; ++i) want += (i % 2 == 1 && i % 3 != 0);
    EXPECT_EQ(t1.size(), want);
    EXPECT_EQ(d.by_family_given(family_alts("MARTIN DURAND"), given_key("Paul"), 1).size(), 3334u);
    EXPECT_EQ(d.by_family_given(family_alts("MARTIN DURAND"), given_key("Paul Anne"), 2, 5).size(), 5u);  // record "Anne"
    EXPECT_TRUE(d.by_family_given(family_alts("MARTIN DURAND"), given_key("Anne"), 2).empty());
}

// ---- form path ------------------------------------------------------------------------------------

TEST(DecisionForm, ActivatedWithSharedPhone) {
    auto r = run(form("06 12 34 56 78", "Lefèvre", "helene", kP01));
    EXPECT_EQ(r["status"], "activated");
    EXPECT_EQ(r["reason"], "ok");
    EXPECT_EQ(r["guardian"], "G01");
    EXPECT_EQ(r["pupils"], json::array({"P01"}));
    EXPECT_EQ(r["pupil_results"]["P01"], "ok");
    EXPECT_TRUE(r["detail"].is_null());
    EXPECT_EQ(r["user_message"], "ok_all");
    EXPECT_EQ(r["user_text"].get<std::string>(), "Votre compte est activé pour votre enfant.");
    // The other parent on the same phone.
    r = run(form("+33612345678", "LEFEVRE", "Marc", kP01));
    EXPECT_EQ(r["guardian"], "G02");
    EXPECT_EQ(r["status"], "activated");
}

TEST(DecisionForm, PhoneFailures) {
    expect_id_failure(run(form(nullptr, "LEFEVRE", "Hélène", kP01)), "phone_unknown", "phone_missing");
    expect_id_failure(run(form("06 12", "LEFEVRE", "Hélène", kP01)), "phone_unknown", "phone_invalid");
    expect_id_failure(run(form("01 23 45 67 89", "PETIT", "Paul", kP01)), "phone_unknown", "phone_not_mobile");
    expect_id_failure(run(form("06 99 99 99 99", "LEFEVRE", "Hélène", kP01)), "phone_unknown", "phone_not_found");
}

TEST(DecisionForm, NameMismatchDetails) {
    // Michel / Michèle share a phone: neither typo nor accent crosses over.
    auto r = run(form("06 22 33 44 55", "MARTIN", "Michelle", kP01));
    expect_id_failure(r, "name_mismatch", "given_mismatch");
    EXPECT_TRUE(r["near_miss"].get<bool>());
    EXPECT_EQ(run(form("06 22 33 44 55", "MARTIN", "Michel", "[]"))["guardian"], "G03");
    EXPECT_EQ(run(form("06 22 33 44 55", "MARTIN", "Michèle", "[]"))["guardian"], "G04");
    EXPECT_EQ(run(form("06 22 33 44 55", "MARTINE", "Michèle", "[]"))["guardian"], "G04");  // her birth name
    expect_id_failure(run(form("06 22 33 44 55", "MARTINE", "Michel", kP01)), "name_mismatch", "given_mismatch");
    expect_id_failure(run(form("06 44 55 66 77", "DUPONT", "Claire", kP01)), "name_mismatch", "family_mismatch");
    r = run(form("06 44 55 66 77", "DURAND", "Paul", kP01));
    expect_id_failure(r, "name_mismatch", "family_and_given_mismatch");
    EXPECT_FALSE(r["near_miss"].get<bool>());
    // Invalid keys match nothing.
    expect_id_failure(run(form("06 44 55 66 77", "DUPОND", "Claire", kP01)), "name_mismatch", "family_mismatch");
}

TEST(DecisionForm, AmbiguousHomonymsOnOnePhone) {
    expect_id_failure(run(form("06 33 44 55 66", "DUPONT", "Jean", kP01)), "ambiguous", "candidates:G05,G06");
}

TEST(DecisionForm, NotLegalGuardians) {
    const char *p03 = R"([{"pupil": "P03", "legal_representative": true, "birthdate": "04/07/2015"}])";
    auto r = run(form("06 55 66 77 88", "ROUSSEAU", "Odette", p03));  // grandparent contact
    EXPECT_EQ(r["status"], "rejected");
    EXPECT_EQ(r["reason"], "not_legal_guardian");
    EXPECT_EQ(r["detail"], "no_legal_link");
    EXPECT_EQ(r["guardian"], "G08");
    EXPECT_EQ(r["user_message"], "generic_failure");
    r = run(form("06 66 77 88 99", "BERNARD", "Sophie", R"([{"pupil": "P07", "legal_representative": true, "birthdate": "24/12/2017"}])"));
    EXPECT_EQ(r["detail"], "no_legal_link");  // foster family
    r = run(form("06 77 88 99 00", "GARCIA", "Ana", R"([{"pupil": "P08", "legal_representative": true, "birthdate": "05/05/2005"}])"));
    EXPECT_EQ(r["detail"], "no_legal_link");  // parent of an adult pupil
}

TEST(DecisionForm, ConfirmationOutcomes) {
    // G11 (DURAND EP. LEROY, Marie-Claire): P09 legal, P10 not legal.
    auto r = run(form("07 81 23 45 67", "LEROY", "Marie-Claire", R"([
        {"pupil": "P09", "legal_representative": true, "birthdate": "15/01/2013"},
        {"pupil": "P10", "legal_representative": true, "birthdate": "10/10/2011"},
        {"pupil": "P01", "legal_representative": true, "birthdate": "12/03/2014"}])"));
    EXPECT_EQ(r["status"], "partial");
    EXPECT_EQ(r["reason"], "not_legal_guardian");
    EXPECT_EQ(r["detail"], "link_not_legal");  // first in claim order among equals
    EXPECT_EQ(r["pupils"], json::array({"P09"}));
    EXPECT_EQ(r["pupil_results"]["P10"], "not_legal_guardian");
    EXPECT_EQ(r["pupil_details"]["P01"], "no_link");
    EXPECT_EQ(r["user_message"], "ok_some");
    // Box unticked.
    r = run(form("07 81 23 45 67", "DURAND", "Marie Claire", R"([{"pupil": "P09", "legal_representative": false, "birthdate": "15/01/2013"}])"));
    EXPECT_EQ(r["status"], "rejected");
    EXPECT_EQ(r["detail"], "checkbox_unchecked");
    EXPECT_EQ(r["guardian"], "G11");
    // Empty confirmation list.
    r = run(form("07 81 23 45 67", "DURAND", "Marie-Claire", "[]"));
    EXPECT_EQ(r["reason"], "not_legal_guardian");
    EXPECT_EQ(r["detail"], "no_confirmation");
    // not_legal_guardian is worse than birthdate_mismatch whatever the order.
    r = run(form("07 81 23 45 67", "DURAND", "Marie-Claire", R"([
        {"pupil": "P09", "legal_representative": true, "birthdate": "16/01/2013"},
        {"pupil": "P10", "legal_representative": true, "birthdate": "10/10/2011"}])"));
    EXPECT_EQ(r["status"], "rejected");
    EXPECT_EQ(r["reason"], "not_legal_guardian");
    EXPECT_EQ(r["pupil_details"]["P09"], "date_differs");
}

TEST(DecisionForm, BirthDates) {
    // Twins: same date, both attached.
    auto r = run(form("06 44 55 66 77", "DUPOND", "Claire", R"([
        {"pupil": "P05", "legal_representative": true, "birthdate": "10/06/2015"},
        {"pupil": "P06", "legal_representative": true, "birthdate": "10062015"}])"));
    EXPECT_EQ(r["status"], "activated");
    EXPECT_EQ(r["pupils"], json::array({"P05", "P06"}));
    EXPECT_EQ(r["user_text"].get<std::string>(), "Votre compte est activé pour vos 2 enfants.");
    // 29 February pupil: 28/02 and 01/03 differ; 29/02/2016 ok; sibling's date differs.
    auto p02 = [&](const char *date) {
        return run(form("06 12 34 56 78", "LEFEVRE", "Hélène",
                        std::string(R"([{"pupil": "P02", "legal_representative": true, "birthdate": ")") + date + "\"}]"));
    };
    EXPECT_EQ(p02("29/02/2016")["status"], "activated");
    EXPECT_EQ(p02("28/02/2016")["detail"], "date_differs");
    EXPECT_EQ(p02("01/03/2016")["detail"], "date_differs");
    EXPECT_EQ(p02("12/03/2014")["detail"], "date_differs");  // the sibling's date
    EXPECT_EQ(p02("29/02/2015")["detail"], "date_invalid:not_leap");
    EXPECT_EQ(p02("02/29/2016")["detail"], "date_invalid:month_range");
    EXPECT_EQ(p02("")["detail"], "date_invalid:empty");
    EXPECT_EQ(p02("29/02/16")["detail"], "date_invalid:two_digit_year");
    EXPECT_EQ(p02("29 février 2016")["detail"], "date_invalid:format");
    EXPECT_EQ(p02("01/01/2030")["detail"], "date_invalid:future");
    EXPECT_EQ(p02("01/01/1850")["detail"], "date_invalid:year_range");
    EXPECT_EQ(p02("31/04/2016")["detail"], "date_invalid:day_range");
    EXPECT_EQ(p02("01/01/1990")["detail"], "date_differs,age_over_25");
    EXPECT_EQ(p02("01/01/2026")["detail"], "date_differs,age_under_2");
    EXPECT_EQ(p02("01/01/1990")["reason"], "birthdate_mismatch");
    // 29 February pupil born 2020 and a baby (age_under_2 on a correct date is fine).
    r = run(form("07 84 55 66 77", "DALEMBERT", "JEAN PIERRE", R"([
        {"pupil": "P14", "legal_representative": true, "birthdate": "29.02.2020"},
        {"pupil": "P15", "legal_representative": true, "birthdate": "2025-03-01"}])"));
    EXPECT_EQ(r["status"], "activated") << r;
}

TEST(DecisionForm, WrongDatesAreCappedPerPupil) {
    InProcessFailureCounter counter(3, kDay);
    const char *wrong = R"([{"pupil": "P17", "legal_representative": true, "birthdate": "01/01/2019"}])";
    const char *right = R"([{"pupil": "P17", "legal_representative": true, "birthdate": "08/08/2019"}])";
    for (int i = 0; i < 3; ++i) {
        auto r = run(form("07 86 77 88 99", "LEFEVRE", "Hélène", wrong), &counter, kNow + i);
        EXPECT_EQ(r["detail"], "date_differs");
    }
    auto r = run(form("07 86 77 88 99", "LEFEVRE", "Hélène", right), &counter, kNow + 10);
    EXPECT_EQ(r["reason"], "birthdate_mismatch");
    EXPECT_EQ(r["detail"], "too_many_attempts");
    // Another pupil is not affected; invalid dates count too.
    InProcessFailureCounter c2(2, kDay);
    const char *bad = R"([{"pupil": "P01", "legal_representative": true, "birthdate": "xx"}])";
    EXPECT_EQ(run(form("06 12 34 56 78", "LEFEVRE", "Hélène", bad), &c2)["detail"], "date_invalid:format");
    EXPECT_EQ(run(form("06 12 34 56 78", "LEFEVRE", "Hélène", bad), &c2)["detail"], "date_invalid:format");
    EXPECT_EQ(run(form("06 12 34 56 78", "LEFEVRE", "Hélène", kP01), &c2)["detail"], "too_many_attempts");
    EXPECT_EQ(run(form("06 12 34 56 78", "LEFEVRE", "Hélène",
                       R"([{"pupil": "P02", "legal_representative": true, "birthdate": "29/02/2016"}])"), &c2)["status"],
              "activated");
    // After the window the pupil can be confirmed again.
    EXPECT_EQ(run(form("06 12 34 56 78", "LEFEVRE", "Hélène", kP01), &c2, kNow + kDay + 1)["status"], "activated");
    // A correct date is not counted.
    InProcessFailureCounter c3(1, kDay);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(run(form("06 12 34 56 78", "LEFEVRE", "Hélène", kP01), &c3)["status"], "activated");
}

// ---- FranceConnect path ---------------------------------------------------------------------------

TEST(DecisionFc, Tier1) {
    auto r = run(fc(nullptr, "Marie-Claire Anne", "DURAND", "LEROY", R"([{"pupil": "P09", "legal_representative": true, "birthdate": "15/01/2013"}])"));
    EXPECT_EQ(r["status"], "activated") << r;
    EXPECT_EQ(r["guardian"], "G11");
    // Birth name through family_name, usage name absent.
    r = run(fc(nullptr, "Jean-Pierre Louis", "D'ALEMBERT", "", R"([{"pupil": "P14", "legal_representative": true, "birthdate": "29/02/2020"}])"));
    EXPECT_EQ(r["guardian"], "G15");
    // Reordered particles.
    r = run(fc(nullptr, "Jürgen", "MULLER", "", "[]"));
    EXPECT_EQ(r["guardian"], "G16");
    // A guardian without a mobile is still reachable by FranceConnect.
    r = run(fc(nullptr, "Paul", "PETIT", "", R"([{"pupil": "P13", "legal_representative": true, "birthdate": "04/04/2014"}])"));
    EXPECT_EQ(r["status"], "activated");
}

TEST(DecisionFc, HomonymsAndPhoneFilter) {
    expect_id_failure(run(fc(nullptr, "Hélène Marie", "LEFEVRE", "", kP01)), "ambiguous", "candidates:G01,G17");
    auto r = run(fc("06 12 34 56 78", "Hélène Marie", "LEFÈVRE", "", kP01));
    EXPECT_EQ(r["guardian"], "G01");
    EXPECT_EQ(r["status"], "activated");
    expect_id_failure(run(fc("06 99 99 99 99", "Hélène", "LEFEVRE", "", kP01)), "phone_unknown", "fc_phone_filter");
    expect_id_failure(run(fc("12", "Hélène", "LEFEVRE", "", kP01)), "phone_unknown", "phone_invalid");
    expect_id_failure(run(fc(nullptr, "Hélène", "DUPONT", "", kP01)), "name_mismatch", "fc_no_match");
    // Names are checked before the phone: no name match at all -> fc_no_match even with a bad phone.
    expect_id_failure(run(fc("12", "Hélène", "DUPONT", "", kP01)), "name_mismatch", "fc_no_match");
    expect_id_failure(run(fc("06 99 99 99 99", "Hélène", "DUPONT", "", kP01)), "name_mismatch", "fc_no_match");
    expect_id_failure(run(fc("01 23 45 67 89", "Hélène", "LEFEVRE", "", kP01)), "phone_unknown", "phone_not_mobile");
    // Usage name through preferred_username.
    EXPECT_EQ(run(fc(nullptr, "Marie-Claire", "DURAND", "LEROY", "[]"))["guardian"], "G11");
    EXPECT_EQ(run(fc(nullptr, "Marie-Claire", "MARTIN", "LEROY", "[]"))["guardian"], "G11");
    expect_id_failure(run(fc(nullptr, "Michelle", "MARTIN", "", kP01)), "name_mismatch", "fc_no_match");
}

TEST(DecisionFc, Tier2NeedsThePhone) {
    const char *p12 = R"([{"pupil": "P12", "legal_representative": true, "birthdate": "28/02/2018"}])";
    expect_id_failure(run(fc(nullptr, "Anne Nathalie", "DE LA FONTAINE", "", p12)), "ambiguous",
                      "fc_secondary_given_name:G13");
    auto r = run(fc("07 83 44 55 66", "Anne Nathalie", "DE LA FONTAINE", "", p12));
    EXPECT_EQ(r["status"], "activated");
    EXPECT_EQ(r["guardian"], "G13");
    // The aunt born MARTIN (FC Anne Claire MARTIN) only reaches the mother's record as tier 2.
    expect_id_failure(run(fc(nullptr, "Anne Claire", "MARTIN", "", "[]")), "ambiguous", "fc_secondary_given_name:G12");
    expect_id_failure(run(fc("06 12 34 56 78", "Anne Claire", "MARTIN", "", "[]")), "phone_unknown", "fc_phone_filter");
}

// ---- claims ---------------------------------------------------------------------------------------

TEST(Claim, Errors) {
    auto code = [](const char *s) { return parse_claim(s).status(); };
    EXPECT_EQ(code("{").detail(), "invalid_json");
    EXPECT_EQ(code("[]").detail(), "bad_claim:claim");
    EXPECT_EQ(code(R"({"method": "sms"})").detail(), "bad_claim:method");
    EXPECT_EQ(code(R"({"method": "form", "phone": 612})").detail(), "bad_claim:phone");
    EXPECT_EQ(code(R"({"method": "fc"})").detail(), "bad_claim:fc");
    EXPECT_EQ(code(R"({"method": "form", "pupils": [{"legal_representative": true}]})").detail(), "bad_claim:pupils[0].pupil");
    auto dup = code(R"({"method": "form", "pupils": [{"pupil": "P1"}, {"pupil": "P1"}]})");
    EXPECT_EQ(dup.code(), sesame::Code::duplicate);
    EXPECT_EQ(dup.detail(), "duplicate_pupil");
}

TEST(Decision, TodayMustBeValid) {
    auto c = parse_claim(form("06 12 34 56 78", "LEFEVRE", "Hélène", kP01));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(decide(school(), *c, DecideOptions{Date{2026, 2, 30}, kNow, nullptr}).status().code(),
              sesame::Code::invalid_argument);
}
