// C ABI of the phone audit (sesame/phone_audit.h), through sesame.h only: the summary's appended
// outside_metadata count and the struct_size convention for callers built before it.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "sesame.h"

namespace {

sesame_phone_audit *audit(const std::string &csv) {
    sesame_phone_audit *a = nullptr;
    EXPECT_EQ(sesame_phone_audit_buffer(&a, csv.data(), csv.size(), "tel", 3, nullptr), SESAME_OK);
    return a;
}

TEST(CapiPhoneAudit, SummaryCountsRowsOutsideTheMetadata) {
    sesame_phone_audit *a = audit("tel\n06 91 00 00 00\n0690 00 00 00\n0263 50 12 34\n06 12 34 56 78\nx\n");
    ASSERT_NE(a, nullptr);
    sesame_phone_audit_summary s{};
    s.struct_size = sizeof s;
    ASSERT_EQ(sesame_phone_audit_summary_get(&s, a), SESAME_OK);
    EXPECT_EQ(s.rows, 5u);
    EXPECT_EQ(s.mobile, 3u);
    EXPECT_EQ(s.overseas, 2u);
    EXPECT_EQ(s.outside_metadata, 2u);  // 06 91 00 00 00 and 0263 50 12 34: overseas table only
    EXPECT_EQ(s.problems, 2u);
    // A caller built before outside_metadata was appended: the field after its struct is untouched.
    sesame_phone_audit_summary old{};
    old.struct_size = offsetof(sesame_phone_audit_summary, outside_metadata);
    old.outside_metadata = 12345;
    ASSERT_EQ(sesame_phone_audit_summary_get(&old, a), SESAME_OK);
    EXPECT_EQ(old.problems, 2u);
    EXPECT_EQ(old.outside_metadata, 12345u);
    std::size_t len = 0;
    ASSERT_EQ(sesame_phone_audit_json(nullptr, 0, &len, a), SESAME_E_BUFFER_TOO_SMALL);
    std::string json(len + 1, '\0');
    ASSERT_EQ(sesame_phone_audit_json(json.data(), json.size(), &len, a), SESAME_OK);
    json.resize(len);
    EXPECT_NE(json.find("\"outside_metadata\":[{\"row\":1,\"e164\":\"+590691000000\",\"outcome\":\"mobile\""),
              std::string::npos)
        << json;
    sesame_phone_audit_free(a);
}

// Issue 19: the row callback streams every record (header first) with what a per-row report
// and an annotated copy of the export need; nothing of it is kept by the audit.
struct Seen {
    uint64_t row, line;
    int32_t outcome, error, type;
    std::string input, e164, message, raw, gap, end;
    std::vector<std::string> fields;
    size_t column;
    int32_t encoding, delimiter;
    bool bom;
    uint64_t same_as_line;
};

int32_t collect(const sesame_phone_audit_row *r, void *payload) {
    auto *seen = static_cast<std::vector<Seen> *>(payload);
    Seen s{r->row, r->line, r->outcome, r->error, r->type, std::string(r->input, r->input_len),
           std::string(r->e164, r->e164_len), std::string(r->message, r->message_len), std::string(r->raw, r->raw_len),
           std::string(r->gap, r->gap_len), std::string(r->line_end, r->line_end_len), {}, r->column, r->encoding,
           r->delimiter, r->bom, r->same_as_line};
    for (size_t i = 0; i < r->field_count; ++i) s.fields.emplace_back(r->fields[i], r->field_lens[i]);
    seen->push_back(std::move(s));
    return r->struct_size == sizeof *r ? 0 : 1;
}

TEST(CapiPhoneAudit, RowCallbackStreamsEveryRecord) {
    // UTF-16LE with a BOM, TABs and CRLF (Excel's "Texte Unicode"), a blank line.
    const std::u16string text = u"Nom\tT\u00e9l. portable\r\nL\u00c9VY\t06 12 34 56 78\r\n\r\nB\t01 23 45 67 89\r\nC\t+33612345678";
    std::string csv = "\xFF\xFE";
    for (char16_t u : text) {
        csv += static_cast<char>(u & 0xFF);
        csv += static_cast<char>(u >> 8);
    }
    std::vector<Seen> seen;
    sesame_phone_audit_options o;
    ASSERT_EQ(sesame_phone_audit_options_init(&o), SESAME_OK);
    EXPECT_EQ(o.lang, SESAME_PASSWORD_LANG_FR);
    EXPECT_EQ(o.row, nullptr);
    o.row = collect;
    o.row_payload = &seen;
    sesame_phone_audit *a = nullptr;
    ASSERT_EQ(sesame_phone_audit_buffer(&a, csv.data(), csv.size(), "portable", 8, &o), SESAME_OK) << sesame_last_error_message();
    ASSERT_EQ(seen.size(), 4u);
    EXPECT_EQ(seen[0].row, 0u);
    EXPECT_EQ(seen[0].line, 1u);
    EXPECT_EQ(seen[0].outcome, -1);
    EXPECT_EQ(seen[0].fields, (std::vector<std::string>{"Nom", "T\xC3\xA9l. portable"}));
    EXPECT_EQ(seen[0].column, 1u);
    EXPECT_EQ(seen[0].encoding, SESAME_CSV_ENCODING_UTF16LE);
    EXPECT_EQ(seen[0].delimiter, '\t');
    EXPECT_TRUE(seen[0].bom);
    EXPECT_EQ(seen[1].outcome, SESAME_PHONE_AUDIT_MOBILE);
    EXPECT_EQ(seen[1].type, SESAME_PHONE_TYPE_MOBILE);
    EXPECT_EQ(seen[1].e164, "+33612345678");
    EXPECT_EQ(seen[1].raw, "L\xC3\x89VY\t06 12 34 56 78");
    EXPECT_EQ(seen[1].end, "\r\n");
    EXPECT_EQ(seen[1].message, "peut recevoir le SMS");
    EXPECT_EQ(seen[2].line, 4u);
    EXPECT_EQ(seen[2].gap, "\r\n");
    EXPECT_EQ(seen[2].outcome, SESAME_PHONE_AUDIT_NOT_MOBILE);
    EXPECT_EQ(seen[2].type, SESAME_PHONE_TYPE_FIXED_LINE);
    EXPECT_EQ(seen[3].row, 3u);
    EXPECT_EQ(seen[3].line, 5u);
    EXPECT_EQ(seen[3].same_as_line, 2u);
    EXPECT_EQ(seen[3].message, "peut recevoir le SMS ; même numéro qu’à la ligne 2");
    EXPECT_EQ(seen[3].end, "");
    std::size_t len = 0;
    ASSERT_EQ(sesame_phone_audit_json(nullptr, 0, &len, a), SESAME_E_BUFFER_TOO_SMALL);
    std::string json(len + 1, '\0');
    ASSERT_EQ(sesame_phone_audit_json(json.data(), json.size(), &len, a), SESAME_OK);
    json.resize(len);
    EXPECT_NE(json.find("\"problems\":[{\"row\":2,\"input\":\"01 23 45 67 89\",\"outcome\":\"not_mobile\",\"error\":null,"
                        "\"type\":\"fixed_line\",\"line\":4,\"message\":"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find("\"encoding\":\"utf-16le\",\"delimiter\":\"\\t\",\"bom\":true,\"line_end\":\"crlf\","
                        "\"column\":\"Tél. portable\",\"column_index\":1,\"column_match\":\"synonym\""),
              std::string::npos)
        << json;
    sesame_phone_audit_free(a);

    // English messages; a non-zero return stops the audit.
    seen.clear();
    o.lang = SESAME_PASSWORD_LANG_EN;
    o.row = [](const sesame_phone_audit_row *r, void *p) -> int32_t {
        static_cast<std::vector<Seen> *>(p)->push_back(Seen{r->row, r->line, r->outcome, 0, 0, "", "",
                                                            std::string(r->message, r->message_len), "", "", "", {}, 0, 0, 0, false, 0});
        return r->row >= 1 ? 1 : 0;
    };
    EXPECT_EQ(sesame_phone_audit_buffer(&a, "tel\n01 23 45 67 89\n0612345678\n", 30, "tel", 3, &o), SESAME_E_CANCELLED);
    EXPECT_EQ(a, nullptr);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[1].message, "cannot receive the SMS: not a mobile (landline)");
    o.lang = 7;
    EXPECT_EQ(sesame_phone_audit_buffer(&a, "tel\n", 4, "tel", 3, &o), SESAME_E_INVALID_ARGUMENT);
}

// A caller built before lang and row were appended: its options struct is shorter and still works.
TEST(CapiPhoneAudit, OptionsFromBeforeTheRowCallback) {
    sesame_phone_audit_options o;
    ASSERT_EQ(sesame_phone_audit_options_init(&o), SESAME_OK);
    o.struct_size = offsetof(sesame_phone_audit_options, lang);
    o.delimiter = '\t';
    sesame_phone_audit *a = nullptr;
    const std::string csv = "nom\ttel\nA\t0612345678\n";
    ASSERT_EQ(sesame_phone_audit_buffer(&a, csv.data(), csv.size(), "tel", 3, &o), SESAME_OK);
    sesame_phone_audit_summary s{};
    s.struct_size = sizeof s;
    ASSERT_EQ(sesame_phone_audit_summary_get(&s, a), SESAME_OK);
    EXPECT_EQ(s.mobile, 1u);
    sesame_phone_audit_free(a);
}

std::string columns_buffer(const std::string &csv, const std::string &column) {
    std::size_t len = 0;
    EXPECT_EQ(sesame_phone_audit_columns_buffer(nullptr, 0, &len, csv.data(), csv.size(), column.data(), column.size(), nullptr),
              SESAME_E_BUFFER_TOO_SMALL);
    std::string out(len, '\0');
    EXPECT_EQ(sesame_phone_audit_columns_buffer(out.data(), out.size(), &len, csv.data(), csv.size(), column.data(), column.size(),
                                                nullptr),
              SESAME_OK);
    return out;
}

TEST(CapiPhoneAudit, ColumnsListTheHeaderAndTheCandidates) {
    const std::string csv = "Nom;Tél. portable resp. 1;Tél. portable resp. 2\nA;0612345678;0698765432\n";
    EXPECT_EQ(columns_buffer(csv, "portable"),
              "{\"columns\":[\"Nom\",\"Tél. portable resp. 1\",\"Tél. portable resp. 2\"],\"column\":null,\"index\":null,"
              "\"match\":\"contains\",\"candidates\":[\"Tél. portable resp. 1\",\"Tél. portable resp. 2\"],\"encoding\":\"utf-8\","
              "\"delimiter\":\";\",\"bom\":false,\"line_end\":\"lf\"}");
    EXPECT_NE(columns_buffer(csv, "TEL PORTABLE RESP 2").find("\"column\":\"Tél. portable resp. 2\",\"index\":2,\"match\":\"folded\""),
              std::string::npos);
    EXPECT_NE(columns_buffer(csv, "").find("\"column\":null,\"index\":null,\"match\":null,\"candidates\":[]"), std::string::npos);
    // The audit's error says the same in words.
    sesame_phone_audit *a = nullptr;
    ASSERT_EQ(sesame_phone_audit_buffer(&a, csv.data(), csv.size(), "mobile", 6, nullptr), SESAME_E_NOT_FOUND);
    EXPECT_NE(std::string(sesame_last_error_message()).find("\"Tél. portable resp. 1\", \"Tél. portable resp. 2\""), std::string::npos);
    ASSERT_EQ(sesame_phone_audit_buffer(&a, csv.data(), csv.size(), "courriel", 8, nullptr), SESAME_E_NOT_FOUND);
    EXPECT_NE(std::string(sesame_last_error_message()).find("the columns are: \"Nom\", "), std::string::npos);

    // From a file: the header only, the file rules of the audit.
    const std::string path = testing::TempDir() + "sesame_capi_columns.csv";
    FILE *f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("\xEF\xBB\xBFnom,GSM\r\nA,0612345678\r\n", f);
    std::fclose(f);
    char out[512];
    std::size_t len = 0;
    ASSERT_EQ(sesame_phone_audit_columns_file(out, sizeof out, &len, path.data(), path.size(), "portable", 8, nullptr), SESAME_OK);
    EXPECT_EQ(std::string(out, len), "{\"columns\":[\"nom\",\"GSM\"],\"column\":\"GSM\",\"index\":1,\"match\":\"synonym\","
                                     "\"candidates\":[\"GSM\"],\"encoding\":\"utf-8\",\"delimiter\":\",\",\"bom\":true,\"line_end\":\"crlf\"}");
    std::remove(path.c_str());
    EXPECT_EQ(sesame_phone_audit_columns_file(out, sizeof out, &len, path.data(), path.size(), "tel", 3, nullptr), SESAME_E_IO);
    EXPECT_EQ(sesame_phone_audit_columns_file(out, sizeof out, &len, "/dev/zero", 9, "tel", 3, nullptr), SESAME_E_IO);
    EXPECT_EQ(sesame_phone_audit_columns_buffer(out, sizeof out, &len, "", 0, "tel", 3, nullptr), SESAME_E_NOT_FOUND);
    EXPECT_EQ(sesame_phone_audit_columns_buffer(out, sizeof out, &len, nullptr, 3, "tel", 3, nullptr), SESAME_E_INVALID_ARGUMENT);
}

}  // namespace
