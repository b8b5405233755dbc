// C ABI of the phone module (sesame/phone.h), through sesame.h only.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "sesame.h"

namespace {

sesame_phone_result norm(const std::string &s) {
    sesame_phone_result r;
    EXPECT_EQ(sesame_phone_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_phone_normalize(&r, s.data(), s.size()), SESAME_OK);
    return r;
}

std::string text(const std::string &s, int32_t field) {
    char buf[SESAME_PHONE_TEXT_SIZE];
    size_t len = 0;
    EXPECT_EQ(sesame_phone_text(buf, sizeof buf, &len, s.data(), s.size(), field), SESAME_OK);
    return std::string(buf, len);
}

TEST(CapiPhone, NormalizeFrenchOverseasAndForeign) {
    sesame_phone_result r = norm("0692 12 34 56");
    EXPECT_EQ(r.struct_size, sizeof r);
    EXPECT_EQ(r.error, SESAME_PHONE_OK);
    EXPECT_EQ(r.country_code, 262);
    EXPECT_EQ(r.type, SESAME_PHONE_TYPE_MOBILE);
    EXPECT_TRUE(r.is_mobile);
    EXPECT_EQ(text("0692 12 34 56", SESAME_PHONE_E164), "+262692123456");
    EXPECT_EQ(text("0692 12 34 56", SESAME_PHONE_REGION), "RE");
    EXPECT_EQ(text("0692 12 34 56", SESAME_PHONE_NATIONAL), "06 92 12 34 56");
    EXPECT_EQ(text("0692 12 34 56", SESAME_PHONE_INTERNATIONAL), "+262 692 12 34 56");
    EXPECT_EQ(text("0692 12 34 56", SESAME_PHONE_MASKED), "+262 6\xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 56");
    r = norm("+44 (0)20 7946 0958");
    EXPECT_EQ(r.error, SESAME_PHONE_OK);
    EXPECT_EQ(r.country_code, 44);
    EXPECT_EQ(r.type, SESAME_PHONE_TYPE_FIXED_LINE);
    EXPECT_FALSE(r.is_mobile);
    EXPECT_EQ(text("+44 (0)20 7946 0958", SESAME_PHONE_NATIONAL), "020 7946 0958");
    EXPECT_EQ(text("+44 (0)20 7946 0958", SESAME_PHONE_REGION), "GB");
}

TEST(CapiPhone, RefusedInputsAreResults) {
    EXPECT_EQ(norm(std::string(251, '1')).error, SESAME_PHONE_TOO_LONG);
    EXPECT_EQ(norm(std::string(250, ' ')).error, SESAME_PHONE_NO_DIGITS);
    EXPECT_EQ(norm("06 12 34 56 7\xC3").error, SESAME_PHONE_INVALID_UTF8);
    EXPECT_EQ(norm("06 12 34 56 78 poste 12").error, SESAME_PHONE_EXTENSION);
    EXPECT_EQ(norm(std::string("06\0" "12345678", 10)).error, SESAME_PHONE_INVALID_CHARACTER);
    EXPECT_EQ(norm("").error, SESAME_PHONE_NO_DIGITS);
    EXPECT_EQ(norm("0612").error, SESAME_PHONE_INVALID_LENGTH);
    EXPECT_EQ(norm("+590 692 12 34 56").error, SESAME_PHONE_INVALID_NUMBER);
    const sesame_phone_result r = norm("abc");
    EXPECT_EQ(r.country_code, 0);
    EXPECT_EQ(r.type, SESAME_PHONE_TYPE_UNKNOWN);
    EXPECT_FALSE(r.is_mobile);
    EXPECT_EQ(text("abc", SESAME_PHONE_E164), "");
    sesame_phone_result n;
    ASSERT_EQ(sesame_phone_result_init(&n), SESAME_OK);
    EXPECT_EQ(sesame_phone_normalize(&n, nullptr, 0), SESAME_OK);  // NULL with 0 is the empty input
    EXPECT_EQ(n.error, SESAME_PHONE_NO_DIGITS);
}

TEST(CapiPhone, BadArguments) {
    sesame_phone_result r;
    ASSERT_EQ(sesame_phone_result_init(&r), SESAME_OK);
    EXPECT_EQ(sesame_phone_result_init(nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_normalize(nullptr, "06", 2), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_normalize(&r, nullptr, 3), SESAME_E_INVALID_ARGUMENT);
    EXPECT_STRNE(sesame_last_error_message(), "");
    sesame_phone_result zero;
    std::memset(&zero, 0, sizeof zero);
    EXPECT_EQ(sesame_phone_normalize(&zero, "0612345678", 10), SESAME_E_INVALID_ARGUMENT);  // struct_size unset
    size_t len = 0;
    char buf[8];
    EXPECT_EQ(sesame_phone_text(buf, sizeof buf, nullptr, "06", 2, SESAME_PHONE_E164), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_text(buf, sizeof buf, &len, nullptr, 2, SESAME_PHONE_E164), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_text(buf, sizeof buf, &len, "06", 2, 5), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_text(buf, sizeof buf, &len, "06", 2, -1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_text(nullptr, 4, &len, "0612345678", 10, SESAME_PHONE_E164), SESAME_E_INVALID_ARGUMENT);
    bool same = true;
    EXPECT_EQ(sesame_phone_same_number(nullptr, "1", 1, "1", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_same_number(&same, nullptr, 1, "1", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_same_number(&same, "1", 1, nullptr, 1), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiPhone, SizeQueryAndShortBuffers) {
    const std::string raw = "06 12 34 56 78";
    size_t len = 0;
    EXPECT_EQ(sesame_phone_text(nullptr, 0, &len, raw.data(), raw.size(), SESAME_PHONE_INTERNATIONAL), SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_EQ(len, std::strlen("+33 6 12 34 56 78"));
    char small[5];
    EXPECT_EQ(sesame_phone_text(small, sizeof small, &len, raw.data(), raw.size(), SESAME_PHONE_MASKED), SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_EQ(len, std::strlen("+33 6 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 78"));
    char exact[12];  // "+33612345678" without room for the NUL: accepted, out_len authoritative
    EXPECT_EQ(sesame_phone_text(exact, sizeof exact, &len, raw.data(), raw.size(), SESAME_PHONE_E164), SESAME_OK);
    EXPECT_EQ(std::string(exact, len), "+33612345678");
    EXPECT_EQ(sesame_phone_text_size(), size_t(SESAME_PHONE_TEXT_SIZE));
    // The longest masked text fits in SESAME_PHONE_TEXT_SIZE.
    const std::string longest = "+49 1512 34567890123";
    char buf[SESAME_PHONE_TEXT_SIZE];
    EXPECT_EQ(sesame_phone_text(buf, sizeof buf, &len, longest.data(), longest.size(), SESAME_PHONE_MASKED), SESAME_OK);
}

TEST(CapiPhone, OlderSmallerStruct) {
    // A caller built against a struct that ended after `error` gets only that field written.
    struct {
        sesame_phone_result r;
        char canary[8];
    } s;
    std::memset(&s, 0x5A, sizeof s);
    s.r.struct_size = offsetof(sesame_phone_result, country_code);
    ASSERT_EQ(sesame_phone_normalize(&s.r, "0612345678", 10), SESAME_OK);
    EXPECT_EQ(s.r.error, SESAME_PHONE_OK);
    int32_t untouched;
    std::memset(&untouched, 0x5A, sizeof untouched);
    EXPECT_EQ(std::memcmp(&s.r.country_code, &untouched, sizeof untouched), 0);
}

TEST(CapiPhone, SameNumberAndNames) {
    bool same = false;
    ASSERT_EQ(sesame_phone_same_number(&same, "06 92 12 34 56", 14, "+262692123456", 13), SESAME_OK);
    EXPECT_TRUE(same);
    ASSERT_EQ(sesame_phone_same_number(&same, "079 123 45 67", 13, "+41 79 123 45 67", 16), SESAME_OK);
    EXPECT_FALSE(same);  // the documented ambiguity: read as French
    ASSERT_EQ(sesame_phone_same_number(&same, "", 0, "", 0), SESAME_OK);
    EXPECT_FALSE(same);
    EXPECT_STREQ(sesame_phone_error_name(SESAME_PHONE_OK), "none");
    EXPECT_STREQ(sesame_phone_error_name(SESAME_PHONE_INVALID_CHARACTER), "invalid_character");
    EXPECT_EQ(sesame_phone_error_name(8), nullptr);
    EXPECT_EQ(sesame_phone_error_name(-1), nullptr);
    EXPECT_STREQ(sesame_phone_type_name(SESAME_PHONE_TYPE_FIXED_LINE_OR_MOBILE), "fixed_line_or_mobile");
    EXPECT_EQ(sesame_phone_type_name(12), nullptr);
}

}  // namespace
