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

TEST(PhoneAudit, HeaderMatchedAfterBomForgivingCase) {
    EXPECT_EQ(audit_phones("\xEF\xBB\xBFtel\n0612345678\n", "tel", {}).value().rows, 1u);
    auto r = audit_phones("Tel\n0612345678\n", "tel", {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->column, "Tel");
    EXPECT_EQ(r->column_match, ColumnMatch::folded);
    auto missing = audit_phones("nom;Tel\n0612345678\n", "courriel", {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), sesame::Code::not_found);
    EXPECT_NE(missing.status().detail().find("the columns are: \"nom\", \"Tel\""), std::string::npos)
        << missing.status().detail();
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
    EXPECT_EQ(j["outside_metadata"][0],
              nlohmann::json({{"row", 1}, {"e164", "+590691000000"}, {"outcome", "mobile"}, {"line", 2}}));
    EXPECT_EQ(j["outside_metadata"][1]["outcome"], "not_mobile");
    // The summary's keys keep their order; outside_metadata comes last.
    const std::string text = r.to_json();
    EXPECT_NE(text.find("\"overseas\":3,\"outside_metadata\":2}"), std::string::npos) << text;
}

// Issue 19: the secretary finds rows by the spreadsheet's numbers. The header is line 1, a blank
// line is a row, a record with a line break inside quotes is one row; `row` stays as it was.
TEST(PhoneAudit, LineIsTheSpreadsheetRow) {
    const Report r = run(
        "nom;tel\n"                    // line 1
        "DUPONT;06 12 34 56 78\n"      // line 2, row 1
        "\n"                           // line 3 (blank)
        "MARTIN;01 23 45 67 89\n"      // line 4, row 2
        "\"LEROY\nMarie\";x\r\n"       // line 5 (two text lines, one row), row 3
        "\r\n"                         // line 6 (blank)
        "PETIT;+33612345678\n");       // line 7, row 4
    ASSERT_EQ(r.problems.size(), 2u);
    EXPECT_EQ(r.problems[0].row, 2u);
    EXPECT_EQ(r.problems[0].line, 4u);
    EXPECT_EQ(r.problems[1].row, 3u);
    EXPECT_EQ(r.problems[1].line, 5u);
    ASSERT_EQ(r.shared.size(), 1u);
    EXPECT_EQ(r.shared[0].rows, (std::vector<std::uint64_t>{1, 4}));
    EXPECT_EQ(r.shared[0].lines, (std::vector<std::uint64_t>{2, 7}));
    const auto j = nlohmann::json::parse(r.to_json());
    EXPECT_EQ(j["problems"][0]["line"], 4);
    EXPECT_EQ(j["problems"][0]["row"], 2);
    EXPECT_EQ(j["problems"][0]["message"], "ne peut pas recevoir le SMS : pas un mobile (fixe)");
    EXPECT_EQ(j["problems"][0]["e164"], "+33123456789");  // a not_mobile row's number, for a re-import
    EXPECT_TRUE(j["problems"][1]["e164"].is_null());
    EXPECT_EQ(j["shared_numbers"][0]["lines"], nlohmann::json::array({2, 7}));
    EXPECT_EQ(j["column"], "tel");
    EXPECT_EQ(j["column_match"], "exact");
    EXPECT_EQ(j["line_end"], "lf");
}

TEST(PhoneAudit, ColumnsForgiveCaseAccentsSpacingAndKnowCommonNames) {
    const std::string csv = "Nom;T\xC3\xA9l. portable;T\xC3\xA9l\xC3\xA9phone fixe\n"
                            "A;06 12 34 56 78;01 23 45 67 89\n";
    for (const char *name : {"Tél. portable", "tel portable", "TEL  PORTABLE", "portable", "mobile", "téléphone mobile",
                             "GSM", "N° de portable"}) {
        auto r = audit_phones(csv, name, {});
        ASSERT_TRUE(r.ok()) << name << ": " << r.status().detail();
        EXPECT_EQ(r->column_index, 1u) << name;
        EXPECT_EQ(r->counts[int(Outcome::mobile)], 1u) << name;
    }
    EXPECT_EQ(audit_phones(csv, "portable", {})->column_match, ColumnMatch::synonym);
    EXPECT_EQ(audit_phones(csv, "téléphone fixe", {})->column_index, 2u);
    // A phone request takes the mobile column when no column is simply "téléphone".
    EXPECT_EQ(audit_phones(csv, "telephone", {})->column_index, 1u);
}

TEST(PhoneAudit, SeveralMatchingColumnsAreListed) {
    const std::string csv = "Nom;Tel. portable resp. 1;Tel. portable resp. 2;Courriel\nA;0612345678;0698765432;a@b.fr\n";
    auto r = audit_phones(csv, "portable", {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), sesame::Code::not_found);
    EXPECT_NE(r.status().detail().find("\"Tel. portable resp. 1\", \"Tel. portable resp. 2\"; give one of them exactly"),
              std::string::npos)
        << r.status().detail();
    EXPECT_EQ(r.status().detail().find("Courriel"), std::string::npos);
    EXPECT_EQ(audit_phones(csv, "tel portable resp 2", {})->column_index, 2u);
    const ColumnChoice c = choose_column({"Nom", "Tel. portable resp. 1", "Tel. portable resp. 2"}, "mobile");
    EXPECT_EQ(c.index, ColumnChoice::npos);
    EXPECT_EQ(c.how, ColumnMatch::contains);
    EXPECT_EQ(c.candidates, (std::vector<std::size_t>{1, 2}));
}

TEST(PhoneAudit, Utf16ExportsWithBomAreRead) {
    // Excel's "Texte Unicode": UTF-16LE, BOM, TAB-separated, CRLF.
    const std::u16string text = u"Nom\tT\u00e9l\u00e9phone portable\r\nL\u00c9VY\t06 12 34 56 78\r\n\r\nB\t01 23 45 67 89\r\n";
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (char16_t u : text) {
        le += static_cast<char>(u & 0xFF);
        le += static_cast<char>(u >> 8);
        be += static_cast<char>(u >> 8);
        be += static_cast<char>(u & 0xFF);
    }
    for (const std::string *data : {&le, &be}) {
        auto r = audit_phones(*data, "portable", {});
        ASSERT_TRUE(r.ok()) << r.status().detail();
        EXPECT_EQ(r->format.encoding, data == &le ? Encoding::utf16le : Encoding::utf16be);
        EXPECT_TRUE(r->format.bom);
        EXPECT_EQ(r->format.delimiter, '\t');
        EXPECT_EQ(r->format.line_end, "\r\n");
        EXPECT_EQ(r->rows, 2u);
        EXPECT_EQ(r->counts[int(Outcome::mobile)], 1u);
        ASSERT_EQ(r->problems.size(), 1u);
        EXPECT_EQ(r->problems[0].line, 4u);
        EXPECT_EQ(r->column, "T\xC3\xA9l\xC3\xA9phone portable");
        const auto j = nlohmann::json::parse(r->to_json());
        EXPECT_EQ(j["encoding"], data == &le ? "utf-16le" : "utf-16be");
        EXPECT_EQ(j["delimiter"], "\t");
    }
}

TEST(PhoneAudit, RowEventsStreamEveryRecordWithItsText) {
    Options o;
    o.lang = Lang::en;
    struct Seen {
        std::uint64_t row, line;
        Outcome outcome;
        std::string input, e164, message, gap, raw, end;
        std::size_t fields;
    };
    std::vector<Seen> seen;
    o.on_row = [&](const RowEvent &e) {
        seen.push_back({e.row, e.line, e.outcome, std::string(e.input), std::string(e.e164), std::string(e.message),
                        std::string(e.gap), std::string(e.raw), std::string(e.line_end), e.fields->size()});
        return true;
    };
    // Windows-1252: the texts come decoded.
    auto r = audit_phones("nom;tel\r\nL\xC9VY;06 12 34 56 78\r\n\r\n\"A;B\";06 12 34 56 78\r\nC;01 23 45 67 89", "tel", o);
    ASSERT_TRUE(r.ok()) << r.status().detail();
    ASSERT_EQ(seen.size(), 4u);
    EXPECT_EQ(seen[0].row, 0u);
    EXPECT_EQ(seen[0].line, 1u);
    EXPECT_EQ(seen[0].raw, "nom;tel");
    EXPECT_EQ(seen[0].end, "\r\n");
    EXPECT_EQ(seen[1].raw, "L\xC3\x89VY;06 12 34 56 78");
    EXPECT_EQ(seen[1].e164, "+33612345678");
    EXPECT_EQ(seen[1].message, "can receive the SMS");
    EXPECT_EQ(seen[2].gap, "\r\n");
    EXPECT_EQ(seen[2].line, 4u);
    EXPECT_EQ(seen[2].raw, "\"A;B\";06 12 34 56 78");
    EXPECT_EQ(seen[2].fields, 2u);
    EXPECT_EQ(seen[2].message, "can receive the SMS; same number as on line 2");
    EXPECT_EQ(seen[3].outcome, Outcome::not_mobile);
    EXPECT_EQ(seen[3].message, "cannot receive the SMS: not a mobile (landline)");
    EXPECT_EQ(seen[3].end, "");
    // Returning false stops the audit.
    o.on_row = [](const RowEvent &e) { return e.row < 1; };
    EXPECT_EQ(audit_phones("tel\n0612345678\n0612345679\n", "tel", o).status().code(), sesame::Code::cancelled);
}

TEST(PhoneAudit, HeaderJsonListsColumnsAndCandidates) {
    auto h = header_json("nom;Tel. portable resp. 1;Tel. portable resp. 2\n1;2;3\n", "portable", {});
    ASSERT_TRUE(h.ok());
    const auto j = nlohmann::json::parse(*h);
    EXPECT_EQ(j["columns"].size(), 3u);
    EXPECT_TRUE(j["column"].is_null());
    EXPECT_EQ(j["match"], "contains");
    EXPECT_EQ(j["candidates"], nlohmann::json::array({"Tel. portable resp. 1", "Tel. portable resp. 2"}));
    const auto k = nlohmann::json::parse(header_json("nom;Portable\n", "mobile", {}).value());
    EXPECT_EQ(k["column"], "Portable");
    EXPECT_EQ(k["index"], 1);
    EXPECT_EQ(k["match"], "synonym");
    EXPECT_EQ(header_json("", "tel", {}).status().code(), sesame::Code::not_found);
}
