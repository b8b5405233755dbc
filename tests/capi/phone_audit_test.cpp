// C ABI of the phone audit (sesame/phone_audit.h), through sesame.h only: the summary's appended
// outside_metadata count and the struct_size convention for callers built before it.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

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

}  // namespace
