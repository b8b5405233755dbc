#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "core/audit/phone_audit.hpp"

using namespace sesame::audit;

namespace {
Report run(std::string_view csv, std::string_view column = "tel") {
    auto r = audit_phones(csv, column, Options{});
    EXPECT_TRUE(r.ok()) << r.status().detail();
    return r.ok() ? std::move(r).value() : Report{};
}
}  // namespace

TEST(PhoneAudit, ClassifiesEveryRowOnce) {
    const Report r = run(
        "nom;tel\n"
        "A;06 12 34 56 78\n"       // 1 mobile
        "B;01 23 45 67 89\n"       // 2 landline
        "C;0692 12 34 56\n"        // 3 mobile, Réunion (folded)
        "D;\n"                     // 4 empty
        "E;   \n"                  // 5 blank
        "F;Tél : 06 12\n"          // 6 invalid
        "G;+33 6 12 34 56 78\n"    // 7 mobile, same as row 1
        "H\n");                    // 8 no such column -> empty
    EXPECT_EQ(r.rows, 8u);
    EXPECT_EQ(r.counts[int(Outcome::mobile)], 3u);
    EXPECT_EQ(r.counts[int(Outcome::not_mobile)], 1u);
    EXPECT_EQ(r.counts[int(Outcome::invalid)], 1u);
    EXPECT_EQ(r.counts[int(Outcome::empty)], 3u);
    EXPECT_EQ(r.overseas, 1u);
    ASSERT_EQ(r.shared.size(), 1u);
    EXPECT_EQ(r.shared[0].e164, "+33612345678");
    EXPECT_EQ(r.shared[0].rows, (std::vector<std::uint64_t>{1, 7}));
    ASSERT_EQ(r.problems.size(), 5u);
    EXPECT_EQ(r.problems[0].row, 2u);
    EXPECT_EQ(r.problems[0].outcome, Outcome::not_mobile);
    EXPECT_EQ(r.problems[0].error, "fixed_line");
    EXPECT_EQ(r.problems[3].row, 6u);
    EXPECT_EQ(r.problems[3].outcome, Outcome::invalid);
    EXPECT_EQ(r.problems[3].error, "invalid_character");
}

TEST(PhoneAudit, JsonFollowsTheCliContract) {
    const Report r = run("tel\n06 12 34 56 78\n0123456789\n06 12 34 56 78\n\"0x\"\n");
    const auto j = nlohmann::json::parse(r.to_json());
    EXPECT_EQ(j["rows"], 4);
    EXPECT_EQ(j["summary"]["mobile"], 2);
    EXPECT_EQ(j["summary"]["not_mobile"], 1);
    EXPECT_EQ(j["summary"]["invalid"], 1);
    EXPECT_EQ(j["summary"]["empty"], 0);
    EXPECT_EQ(j["summary"]["overseas"], 0);
    EXPECT_EQ(j["shared_numbers"][0]["e164"], "+33612345678");
    EXPECT_EQ(j["shared_numbers"][0]["rows"], nlohmann::json::array({1, 3}));
    ASSERT_EQ(j["problems"].size(), 2u);
    EXPECT_EQ(j["problems"][0]["row"], 2);
    EXPECT_EQ(j["problems"][0]["outcome"], "not_mobile");
    EXPECT_TRUE(j["problems"][0]["error"].is_null());
    EXPECT_EQ(j["problems"][1]["input"], "0x");
    EXPECT_EQ(j["problems"][1]["error"], "invalid_character");
}

TEST(PhoneAudit, HeaderMatchedExactlyAfterBom) {
    EXPECT_EQ(audit_phones("\xEF\xBB\xBFtel\n0612345678\n", "tel", {}).value().rows, 1u);
    auto r = audit_phones("Tel\n0612345678\n", "tel", {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), sesame::Code::not_found);
    EXPECT_EQ(audit_phones("", "tel", {}).status().code(), sesame::Code::not_found);
}

TEST(PhoneAudit, Windows1252FileWithAccentsAndCrlf) {
    const Report r = run("T\xE9l\xE9phone;nom\r\n06 12 34 56 78;L\xC9VY\r\n\xA0" "06\xA0" "12\xA0" "34\xA0" "56\xA0" "79;X\r\n",
                         "T\xC3\xA9l\xC3\xA9phone");
    EXPECT_EQ(r.format.encoding, Encoding::windows1252);
    EXPECT_EQ(r.format.delimiter, ';');
    EXPECT_EQ(r.counts[int(Outcome::mobile)], 2u);  // NBSP (0xA0) is a separator for the phone rules
}

TEST(PhoneAudit, QuotedCellsAndCommas) {
    const Report r = run("nom,tel\n\"DUPONT, Marie\",\"06 12 34 56 78\"\n\"X\",\"+262 692 12 34 56\"\n");
    EXPECT_EQ(r.counts[int(Outcome::mobile)], 2u);
    EXPECT_EQ(r.overseas, 1u);
}

TEST(PhoneAudit, ParseErrorAndBadOptions) {
    auto r = audit_phones("tel\n\"06 12", "tel", {});
    EXPECT_EQ(r.status().code(), sesame::Code::parse);
    Options o;
    o.delimiter = '|';
    EXPECT_EQ(audit_phones("tel\n", "tel", o).status().code(), sesame::Code::invalid_argument);
}

TEST(PhoneAudit, ProgressCanStopTheAudit) {
    std::string csv = "tel\n";
    for (int i = 0; i < 20000; ++i) csv += "06 12 34 56 78\n";
    Options o;
    int calls = 0;
    o.progress = [&](std::uint64_t done, std::uint64_t total) {
        ++calls;
        EXPECT_LE(done, total);
        return calls < 2;
    };
    auto r = audit_phones(csv, "tel", o);
    EXPECT_EQ(r.status().code(), sesame::Code::cancelled);
    EXPECT_EQ(calls, 2);
}

TEST(PhoneAudit, FileIsMappedAndMissingFileIsIo) {
    const std::string path = testing::TempDir() + "sesame_audit_test.csv";
    {
        std::ofstream f(path, std::ios::binary);
        f << "tel\n0612345678\n0612345678\n0612345678\n";
    }
    auto r = audit_phones_file(path, "tel", {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->shared.size(), 1u);
    EXPECT_EQ(r->shared[0].rows, (std::vector<std::uint64_t>{1, 2, 3}));
    std::remove(path.c_str());
    EXPECT_EQ(audit_phones_file(path, "tel", {}).status().code(), sesame::Code::io);
}

TEST(PhoneAudit, ManyDistinctNumbersGrowTheTable) {
    std::string csv = "tel\n";
    for (int i = 0; i < 5000; ++i) csv += "06" + std::to_string(10000000 + i) + "\n";
    csv += "0610000000\n";
    const Report r = run(csv);
    EXPECT_EQ(r.counts[int(Outcome::mobile)], 5001u);
    ASSERT_EQ(r.shared.size(), 1u);
    EXPECT_EQ(r.shared[0].rows, (std::vector<std::uint64_t>{1, 5001}));
}

TEST(PhoneAudit, TellsWhichNumbersLieOutsideTheMetadata) {
    // 06 91 00 00 00 (Guadeloupe mobile) and 0263 50 12 34 (Réunion landline) are in the spec's
    // overseas table but outside libphonenumber's ranges: accepted, counted, listed. +687 (NC) is an
    // overseas code without table rows: counted in `overseas`, known to the metadata.
    const Report r = run(
        "tel\n"
        "06 91 00 00 00\n"     // 1 mobile, outside the metadata
        "0690 00 00 00\n"      // 2 mobile, known
        "0263 50 12 34\n"      // 3 landline, outside the metadata
        "+687 75 12 34\n"      // 4 mobile, NC
        "06 12 34 56 78\n");   // 5 mobile, metropolitan
    EXPECT_EQ(r.counts[int(Outcome::mobile)], 4u);
    EXPECT_EQ(r.overseas, 3u);
    ASSERT_EQ(r.outside_metadata.size(), 2u);
    EXPECT_EQ(r.outside_metadata[0].row, 1u);
    EXPECT_EQ(r.outside_metadata[0].e164, "+590691000000");
    EXPECT_EQ(r.outside_metadata[0].outcome, Outcome::mobile);
    EXPECT_EQ(r.outside_metadata[1].row, 3u);
    EXPECT_EQ(r.outside_metadata[1].outcome, Outcome::not_mobile);
    const auto j = nlohmann::json::parse(r.to_json());
    EXPECT_EQ(j["summary"]["outside_metadata"], 2);
    ASSERT_EQ(j["outside_metadata"].size(), 2u);
    EXPECT_EQ(j["outside_metadata"][0], nlohmann::json({{"row", 1}, {"e164", "+590691000000"}, {"outcome", "mobile"}}));
    EXPECT_EQ(j["outside_metadata"][1]["outcome"], "not_mobile");
    // The summary's keys keep their order; outside_metadata comes last.
    const std::string text = r.to_json();
    EXPECT_NE(text.find("\"overseas\":3,\"outside_metadata\":2}"), std::string::npos) << text;
}
