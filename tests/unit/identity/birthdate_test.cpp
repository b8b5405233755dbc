// Typed birth dates: shapes, every error, leap years, future, age flags (reference 2026-09-01).
#include <gtest/gtest.h>

#include "core/identity/birthdate.hpp"

using namespace sesame::identity;

namespace {
const Date kToday{2026, 9, 1};
ParsedDate P(std::string_view s, Date today = kToday) { return parse_birthdate(s, today); }
const char *E(std::string_view s, Date today = kToday) { return date_error_name(P(s, today).error); }
}  // namespace

TEST(BirthDate, AcceptedShapes) {
    for (const char *s : {"12 03 2014", "12/03/2014", "12.03.2014", "12-03-2014", "12032014", "2014-03-12",
                          "2014/3/12", " 12 / 03 / 2014 ", "12 - 03 . 2014", "12//03//2014", "\u00a012 03 2014\u3000",
                          "１２/０３/２０１４", "12／03／2014", "2014 03 12", "12 3 2014"}) {
        const auto p = P(s);
        EXPECT_TRUE(p.ok()) << s << " -> " << date_error_name(p.error);
        EXPECT_EQ(p.date, (Date{2014, 3, 12})) << s;
    }
    EXPECT_EQ(P("2/1/2015").date, (Date{2015, 1, 2}));  // day first: 2 January
    EXPECT_EQ(P("02/01/2015").date, (Date{2015, 1, 2}));
}

TEST(BirthDate, Errors) {
    EXPECT_STREQ(E(""), "empty");
    EXPECT_STREQ(E("   "), "empty");
    EXPECT_STREQ(E("\t"), "empty");
    for (const char *s : {"12 mars 2014", "12/03/2014 10:00", "12/03/2014/", "/12/03/2014", "12,03,2014", "12/03/214",
                          "12/03/02014", "12\t03\t2014", "20140312x", "2014-03-12T00:00", "123/03/2014", "12/003/2014",
                          "2014-003-12", "2014/03/012", "١٢/٠٣/٢٠١٤", "12/03", "1/2/3/2014", "2014031", "201403121",
                          "12 03 2014 1", "\xff\xfe", "12\xc3", "12−03−2014"}) {
        EXPECT_STREQ(E(s), "format") << s;
    }
    EXPECT_STREQ(E("12/03/14"), "two_digit_year");
    EXPECT_STREQ(E("120314"), "two_digit_year");
    EXPECT_STREQ(E("12/03/1899"), "year_range");
    EXPECT_STREQ(E("12/03/0000"), "year_range");
    EXPECT_STREQ(E("07/21/2013"), "month_range");  // US order
    EXPECT_STREQ(E("12/00/2014"), "month_range");
    EXPECT_STREQ(E("12/13/1800"), "year_range");   // year is checked first
    for (const char *s : {"31/04/2014", "31/06/2014", "31/09/2014", "31/11/2014", "30/02/2016", "00/01/2014", "32/01/2014"})
        EXPECT_STREQ(E(s), "day_range") << s;
    EXPECT_STREQ(E("32/13/2014"), "month_range");  // month before day
    EXPECT_STREQ(E("29/02/2015"), "not_leap");
    EXPECT_STREQ(E("29/02/1900"), "not_leap");
    EXPECT_STREQ(E("29/02/2100", Date{2200, 1, 1}), "not_leap");
    EXPECT_STREQ(E("02/09/2026"), "future");
    EXPECT_STREQ(E("01/01/2100"), "future");
    EXPECT_TRUE(P("01/09/2026").ok());  // today itself
}

TEST(BirthDate, LeapYears) {
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_TRUE(is_leap_year(2016));
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_FALSE(is_leap_year(2100));
    EXPECT_FALSE(is_leap_year(2023));
    EXPECT_TRUE(P("29/02/2000").ok());
    EXPECT_TRUE(P("29/02/2016").ok());
    EXPECT_TRUE(P("29022024").ok());
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2023, 2), 28);
}

TEST(BirthDate, AgeFlagBoundaries) {
    EXPECT_TRUE(P("01/09/2000").flags & kAgeOver25);   // 26 today
    EXPECT_FALSE(P("02/09/2000").flags & kAgeOver25);  // 25 until tomorrow
    EXPECT_FALSE(P("01/09/2001").flags & kAgeOver25);  // 25
    EXPECT_TRUE(P("02/09/2024").flags & kAgeUnder2);   // 1
    EXPECT_FALSE(P("01/09/2024").flags & kAgeUnder2);  // 2 today
    EXPECT_TRUE(P("01/09/2026").flags & kAgeUnder2);   // 0
    EXPECT_EQ(P("12/03/2014").flags, 0u);
}

TEST(BirthDate, TwentyNinthOfFebruaryAgesOnFirstOfMarch) {
    const Date born{2020, 2, 29};
    EXPECT_EQ(completed_age(born, Date{2021, 2, 28}), 0);
    EXPECT_EQ(completed_age(born, Date{2021, 3, 1}), 1);
    EXPECT_EQ(completed_age(born, Date{2024, 2, 28}), 3);
    EXPECT_EQ(completed_age(born, Date{2024, 2, 29}), 4);
    // Flags follow: under 2 until 1 March 2022.
    EXPECT_TRUE(P("29/02/2020", Date{2022, 2, 28}).flags & kAgeUnder2);
    EXPECT_FALSE(P("29/02/2020", Date{2022, 3, 1}).flags & kAgeUnder2);
}

TEST(BirthDate, IsoForRecords) {
    Date d;
    EXPECT_TRUE(parse_iso_date("2016-02-29", d));
    EXPECT_EQ(d, (Date{2016, 2, 29}));
    EXPECT_FALSE(parse_iso_date("2015-02-29", d));
    EXPECT_FALSE(parse_iso_date("2015-2-28", d));
    EXPECT_FALSE(parse_iso_date("28/02/2015", d));
    EXPECT_FALSE(parse_iso_date("1899-12-31", d));
    EXPECT_FALSE(parse_iso_date("", d));
}

TEST(BirthDate, HugeInputIsAFormatError) {
    EXPECT_STREQ(E(std::string(100000, '1')), "format");
}
