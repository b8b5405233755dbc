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

TEST(CapiPhone, NormalizeFrenchOverseasAndForeign) {
    sesame_phone_result r = norm("0692 12 34 56");
    EXPECT_EQ(r.struct_size, sizeof r);
    EXPECT_EQ(r.error, SESAME_PHONE_OK);
    EXPECT_EQ(r.country_code, 262);
    EXPECT_EQ(r.type, SESAME_PHONE_TYPE_MOBILE);
    EXPECT_TRUE(r.is_mobile);
    EXPECT_STREQ(r.e164, "+262692123456");
    EXPECT_STREQ(r.region, "RE");
    EXPECT_STREQ(r.national, "06 92 12 34 56");
    EXPECT_STREQ(r.international, "+262 692 12 34 56");
    EXPECT_STREQ(r.masked, "+262 6\xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 56");
    r = norm("+44 (0)20 7946 0958");
    EXPECT_EQ(r.error, SESAME_PHONE_OK);
    EXPECT_EQ(r.country_code, 44);
    EXPECT_EQ(r.type, SESAME_PHONE_TYPE_FIXED_LINE);
    EXPECT_FALSE(r.is_mobile);
    EXPECT_STREQ(r.national, "+44 20 7946 0958");  // "020 7946 0958" would be read as French: not the same number
    EXPECT_STREQ(r.region, "GB");
    EXPECT_STREQ(r.e164, "+442079460958");
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
    for (const char *t : {r.e164, r.region, r.national, r.international, r.masked}) EXPECT_STREQ(t, "");
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
    bool same = true;
    EXPECT_EQ(sesame_phone_same_number(nullptr, "1", 1, "1", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_same_number(&same, nullptr, 1, "1", 1), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_phone_same_number(&same, "1", 1, nullptr, 1), SESAME_E_INVALID_ARGUMENT);
}

TEST(CapiPhone, TheLongestTextsFitTheirFixedSizes) {
    // 15 digits, the E.164 maximum, and the longest masked form (3 bytes per bullet).
    const sesame_phone_result r = norm("+91 1861 123 456 789");  // an Indian premium-rate number
    ASSERT_EQ(r.error, SESAME_PHONE_OK);
    EXPECT_LT(std::strlen(r.e164), sizeof r.e164);
    EXPECT_EQ(std::strlen(r.e164), 1 + 15u);
    EXPECT_LT(std::strlen(r.masked), sizeof r.masked);
    EXPECT_EQ(sizeof r.e164, size_t(SESAME_PHONE_E164_SIZE));
    EXPECT_EQ(sizeof r.masked, size_t(SESAME_PHONE_FORMAT_SIZE));
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
    EXPECT_STREQ(sesame_phone_error_name(SESAME_PHONE_OK), "");
    EXPECT_STREQ(sesame_phone_error_name(SESAME_PHONE_INVALID_CHARACTER), "invalid_character");
    EXPECT_STREQ(sesame_phone_error_name(8), "");
    EXPECT_STREQ(sesame_phone_error_name(-1), "");
    EXPECT_STREQ(sesame_phone_type_name(SESAME_PHONE_TYPE_FIXED_LINE_OR_MOBILE), "fixed_line_or_mobile");
    EXPECT_STREQ(sesame_phone_type_name(12), "");
}

}  // namespace
