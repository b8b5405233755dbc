// Unit tests of sesame::phone::normalize: every rule of docs/spec/phone.md and every overseas row.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "core/phone/metadata.hpp"
#include "core/phone/overseas.hpp"
#include "core/phone/phone.hpp"

namespace sesame::phone {
namespace {

std::string e164(std::string_view raw) {
    const Parsed p = normalize(raw);
    return p.ok() ? std::string(p.number.e164()) : std::string("error:") + error_name(p.error);
}
Error err(std::string_view raw) { return normalize(raw).error; }

TEST(PhoneRule1, TooLongCheckedOnBytesBeforeUtf8) {
    EXPECT_EQ(err(std::string(251, '6')), Error::too_long);
    EXPECT_EQ(err(std::string(251, '\xFF')), Error::too_long);
    std::string ok = "0612345678" + std::string(240, ' ');
    EXPECT_EQ(ok.size(), 250u);
    EXPECT_EQ(e164(ok), "+33612345678");
}

TEST(PhoneRule1, InvalidUtf8) {
    EXPECT_EQ(err("06 12 34 56 7\xFF"), Error::invalid_utf8);
    EXPECT_EQ(err("\xC0\xB0" "612345678"), Error::invalid_utf8);      // overlong
    EXPECT_EQ(err("06\xED\xA0\x80" "12345678"), Error::invalid_utf8);  // surrogate
    EXPECT_EQ(err("06 12 34 56 78\xE2\x80"), Error::invalid_utf8);     // truncated
    EXPECT_EQ(err("abc\xFF"), Error::invalid_utf8);                     // before invalid_character
}

TEST(PhoneRule2, Extensions) {
    for (const char *s : {"06 12 34 56 78;ext=12", "06 12 34 56 78 ext 12", "06 12 34 56 78 EXT. 12",
                          "06 12 34 56 78 extn 123", "06 12 34 56 78 extension: 1", "01 23 45 67 89 poste 12",
                          "01 23 45 67 89 Poste 123456", "01 23 45 67 89 p. 12", "0123456789 x 12", "0123456789x12",
                          "0123456789 # 12", "0123456789#1", "+44 20 7946 0958 ext=1234 ", "Tél 01 23 45 67 89 poste 12"})
        EXPECT_EQ(err(s), Error::extension) << s;
    // Not extensions: no digit after, more than 6 digits, no digit before, anything after the digits.
    EXPECT_EQ(err("0123456789 x"), Error::invalid_character);
    EXPECT_EQ(err("0123456789 poste 1234567"), Error::invalid_character);
    EXPECT_EQ(err("x 12"), Error::invalid_character);
    EXPECT_EQ(err("# 12"), Error::invalid_character);
    EXPECT_EQ(err("0123456789 poste 12 a"), Error::invalid_character);
    EXPECT_EQ(err("0123456789 p 12"), Error::invalid_character);  // "p" without its dot
    EXPECT_EQ(err("0123456789#"), Error::invalid_character);
}

TEST(PhoneRule3, LeadingSpaceAndTel) {
    EXPECT_EQ(e164("  \t\xE2\x80\x8B" "06 12 34 56 78"), "+33612345678");
    EXPECT_EQ(e164("tel:+33612345678"), "+33612345678");
    EXPECT_EQ(e164("TEL:0612345678"), "+33612345678");
    EXPECT_EQ(e164(" Tel:+33-6-12-34-56-78"), "+33612345678");
    EXPECT_EQ(err("tel: +33612345678"), Error::invalid_character);
    EXPECT_EQ(err("tel:"), Error::invalid_character);
    EXPECT_EQ(err("(tel:0612345678)"), Error::invalid_character);
    EXPECT_EQ(err("tel:tel:0612345678"), Error::invalid_character);
    EXPECT_EQ(e164("tel:\xD9\xA0\xD9\xA6" "12345678"), "+33612345678");  // Arabic-Indic digits after tel:
}

TEST(PhoneRule4, Separators) {
    for (const char *s : {"06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "06/12/34/56/78", "(06) 12 34 56 78",
                          "[06]12345678", "06\xC2\xA0" "12\xC2\xA0" "34\xC2\xA0" "56\xC2\xA0" "78",
                          "06\xE2\x80\xAF" "12\xE2\x80\xAF" "34\xE2\x80\xAF" "56\xE2\x80\xAF" "78",  // U+202F
                          "06\xE2\x80\x89" "12345678", "06\xE3\x80\x80" "12345678", "06\xC2\x85" "12345678",
                          "06\xE2\x80\xA8" "12\xE2\x80\xA9" "345678", "06\xE2\x81\x9F" "12345678",
                          "06\xC2\xAD" "12345678", "06\xD8\x9C" "12345678", "06\xE1\xA0\x8E" "12345678",
                          "06\xE2\x80\x8E" "12345678", "06\xE2\x80\xAA" "12345678", "06\xE2\x81\xA4" "12345678",
                          "06\xE2\x81\xA6" "12345678", "\xEF\xBB\xBF" "0612345678", "06\xE2\x80\x90" "12345678",
                          "06\xE2\x80\x95" "12345678", "06\xE2\x88\x92" "12345678", "06\xEF\xB9\x98" "12345678",
                          "06\xEF\xB9\xA3" "12345678", "\xEF\xBC\x88" "06\xEF\xBC\x89" "12345678",
                          "06\xEF\xBC\x8D" "12\xEF\xBC\x8E" "34\xEF\xBC\x8F" "56\xEF\xBC\xBB" "78\xEF\xBC\xBD",
                          "0\t6\n1\r2\v3\f4 5 6 7 8 ", "0612345678\n", "06 12 34 56 78\r\n"})
        EXPECT_EQ(e164(s), "+33612345678") << s;
}

TEST(PhoneRule4, DigitScripts) {
    EXPECT_EQ(e164("\xEF\xBC\x90\xEF\xBC\x96\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96"
                   "\xEF\xBC\x97\xEF\xBC\x98"),  // fullwidth
              "+33612345678");
    EXPECT_EQ(e164("\xD9\xA0\xD9\xA6\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8"),  // Arabic-Indic
              "+33612345678");
    EXPECT_EQ(e164("\xDB\xB0\xDB\xB6\xDB\xB1\xDB\xB2\xDB\xB3\xDB\xB4\xDB\xB5\xDB\xB6\xDB\xB7\xDB\xB8"),  // Extended
              "+33612345678");
    EXPECT_EQ(e164("\xE0\xA5\xA6\xE0\xA5\xAC" "12345678"), "+33612345678");  // Devanagari
    EXPECT_EQ(e164("\xF0\x9D\x9F\x8E\xF0\x9D\x9F\x94" "12345678"), "+33612345678");  // math bold 0 6
    EXPECT_EQ(e164("\xEF\xBC\x8B" "33 6 12 34 56 78"), "+33612345678");  // fullwidth plus
}

TEST(PhoneRule4, Rejected) {
    for (const char *s : {"O6 12 34 56 78", "Tél : 06 12 34 56 78", "06 12 34 56 78 (maison)", "http://0612345678",
                          "06*12345678", "06,12,34,56,78", "06;12;34;56;78", "06:12:34:56:78", "06~12345678",
                          "06_12345678", "06|12345678", "06\\12345678", "06'12345678", "06\"12345678",
                          "06!12345678", "06?12345678", "06 12 34 56 78 \xF0\x9F\x93\x9E",  // emoji
                          "0\xCC\x81" "612345678",                                          // combining acute
                          "06\xC2\xB2" "12345678",                                          // superscript two
                          "06\xE2\x82\x82" "12345678",                                      // subscript two
                          "06\xE2\x91\xA0" "12345678",                                      // circled one
                          "06\x01" "12345678",
                          "06\x7F" "12345678", "06\xC2\x80" "12345678",  // C1 control
                          "06\xEE\x80\x80" "12345678",                   // private use
                          "06\xEF\xB7\x90" "12345678",                   // noncharacter U+FDD0
                          "++33612345678", "+33+612345678", "33+612345678", "0612345678+", "#0612345678"})
        EXPECT_EQ(err(s), Error::invalid_character) << s;
    EXPECT_EQ(err(std::string_view("06\0" "12345678", 11)), Error::invalid_character);
}

TEST(PhoneRule5, NoDigits) {
    EXPECT_EQ(err(""), Error::no_digits);
    EXPECT_EQ(err("   "), Error::no_digits);
    EXPECT_EQ(err("+"), Error::no_digits);
    EXPECT_EQ(err("( ) - ."), Error::no_digits);
    EXPECT_EQ(err("tel:+"), Error::no_digits);
}

TEST(PhoneRule5, Shapes) {
    EXPECT_EQ(e164("0612345678"), "+33612345678");
    EXPECT_EQ(e164("612345678"), "+33612345678");     // trunk 0 forgotten
    EXPECT_EQ(e164("33612345678"), "+33612345678");
    EXPECT_EQ(e164("330612345678"), "+33612345678");
    EXPECT_EQ(e164("0033612345678"), "+33612345678");
    EXPECT_EQ(e164("00330612345678"), "+33612345678");
    EXPECT_EQ(e164("+33 (0)6 12 34 56 78"), "+33612345678");
    EXPECT_EQ(e164("+33 6 12 34 56 78"), "+33612345678");
    EXPECT_EQ(e164("262692123456"), "+262692123456");
    EXPECT_EQ(e164("590690123456"), "+590690123456");
    EXPECT_EQ(e164("594694123456"), "+594694123456");
    EXPECT_EQ(e164("596696123456"), "+596696123456");
    EXPECT_EQ(e164("508708401234"), "+508708401234");
    EXPECT_EQ(err("262612345678"), Error::invalid_number);  // not in the overseas table
    EXPECT_EQ(err("590692123456"), Error::invalid_number);  // table row of another code
    EXPECT_EQ(err("2620692123456"), Error::invalid_length);
    EXPECT_EQ(err("0012"), Error::invalid_number);
    EXPECT_EQ(err("+0033612345678"), Error::invalid_number);  // 00 not stripped after +
    EXPECT_EQ(err("+0612345678"), Error::invalid_number);
    for (const char *s : {"6", "061234567", "06123456789", "012345678", "3361234567", "336123456789",
                          "3306123456789", "12345678901234567890", "123456789012345678901234567"})
        EXPECT_EQ(err(s), Error::invalid_length) << s;
    EXPECT_EQ(err("0012345678"), Error::invalid_number);  // "00" first: international
}

TEST(PhoneRule6, France) {
    EXPECT_EQ(e164("+33 6 92 12 34 56"), "+262692123456");  // folded to Réunion
    EXPECT_EQ(e164("+33 (0)6 92 12 34 56"), "+262692123456");
    EXPECT_EQ(err("+33 6 12 34 56 7"), Error::invalid_number);
    EXPECT_EQ(err("+33 6 12 34 56 789"), Error::invalid_number);
    EXPECT_EQ(err("+33 00 6 12 34 56 7"), Error::invalid_number);
    EXPECT_EQ(err("+33 1 00 00 00 00 0"), Error::invalid_number);
}

TEST(PhoneRule6, OverseasCodes) {
    EXPECT_EQ(e164("+262 692 12 34 56"), "+262692123456");
    EXPECT_EQ(e164("+262 (0)692 12 34 56"), "+262692123456");
    EXPECT_EQ(e164("+262 639 12 34 56"), "+262639123456");
    EXPECT_EQ(e164("+590 690 12 34 56"), "+590690123456");
    EXPECT_EQ(err("+590 692 12 34 56"), Error::invalid_number);  // RE mobile under +590
    EXPECT_EQ(err("+262 590 12 34 56"), Error::invalid_number);
    EXPECT_EQ(err("+596 709 20 12 34"), Error::invalid_number);
    EXPECT_EQ(err("+269 639 12 34 56"), Error::invalid_number);  // Comoros is not Mayotte
}

struct Row {
    const char *national;
    const char *e164;
    const char *region;
    bool mobile;
};

TEST(PhoneOverseasTable, EveryRow) {
    const Row rows[] = {
        {"0262 12 34 56", "+262262123456", "RE", false}, {"0263 12 34 56", "+262263123456", "RE", false},
        {"0269 12 34 56", "+262269123456", "YT", false}, {"0590 12 34 56", "+590590123456", "GP", false},
        {"0594 12 34 56", "+594594123456", "GF", false}, {"0596 12 34 56", "+596596123456", "MQ", false},
        {"0639 12 34 56", "+262639123456", "YT", true},  {"0690 12 34 56", "+590690123456", "GP", true},
        {"0691 12 34 56", "+590691123456", "GP", true},  {"0692 12 34 56", "+262692123456", "RE", true},
        {"0693 12 34 56", "+262693123456", "RE", true},  {"0694 12 34 56", "+594694123456", "GF", true},
        {"0696 12 34 56", "+596696123456", "MQ", true},  {"0697 12 34 56", "+596697123456", "MQ", true},
    };
    for (const Row &r : rows) {
        const Parsed p = normalize(r.national);
        ASSERT_TRUE(p.ok()) << r.national;
        EXPECT_EQ(p.number.e164(), r.e164) << r.national;
        EXPECT_STREQ(p.number.region, r.region) << r.national;
        EXPECT_EQ(p.number.is_mobile, r.mobile) << r.national;
        EXPECT_EQ(p.number.type, r.mobile ? Type::mobile : Type::fixed_line) << r.national;
        // The same number typed with +33, with its own code, and with 00 + its own code.
        const std::string nsn = std::string(r.e164).substr(std::string(r.e164).size() - 9);
        EXPECT_EQ(e164("+33" + nsn), r.e164);
        EXPECT_EQ(e164(std::string(r.e164)), r.e164);
        EXPECT_EQ(e164("00" + std::string(r.e164).substr(1)), r.e164);
        EXPECT_EQ(e164(nsn), r.e164);  // trunk 0 forgotten
    }
    // 0709x / 0708x blocks, every sub-range and its neighbours.
    struct Block {
        int lo, hi;
        const char *cc, *region;
    };
    const Block blocks[] = {{70900, 70904, "+590", "GP"}, {70910, 70913, "+596", "MQ"}, {70920, 70923, "+262", "RE"},
                            {70930, 70933, "+594", "GF"}, {70935, 70937, "+262", "YT"}, {70840, 70845, "+508", "PM"},
                            {70850, 70856, "+508", "PM"}};
    for (const Block &b : blocks) {
        for (int v = b.lo; v <= b.hi; ++v) {
            const std::string nsn = std::to_string(v) + "1234";
            const Parsed p = normalize("0" + nsn);
            ASSERT_TRUE(p.ok()) << nsn;
            EXPECT_EQ(p.number.e164(), std::string(b.cc) + nsn);
            EXPECT_STREQ(p.number.region, b.region);
            EXPECT_TRUE(p.number.is_mobile);
            EXPECT_EQ(e164(std::string(b.cc) + nsn), std::string(b.cc) + nsn);
            EXPECT_EQ(e164("+33" + nsn), std::string(b.cc) + nsn);
        }
    }
    for (int v : {70905, 70909, 70914, 70924, 70934, 70938, 70939, 70846, 70849, 70857, 70800, 70700, 70000})
        EXPECT_EQ(err("0" + std::to_string(v) + "1234"), Error::invalid_number) << v;
}

TEST(PhoneRule7, MetropolitanTypes) {
    struct Case {
        const char *raw;
        Type type;
        bool mobile;
    };
    const Case cases[] = {
        {"01 23 45 67 89", Type::fixed_line, false},  {"05 12 34 56 78", Type::fixed_line, false},
        {"04 12 34 56 78", Type::fixed_line, false},  {"06 00 00 00 00", Type::mobile, true},
        {"06 38 12 34 56", Type::mobile, true},       {"06 95 12 34 56", Type::mobile, true},
        {"06 98 12 34 56", Type::mobile, true},       {"06 99 12 34 56", Type::mobile, true},
        {"07 30 12 34 56", Type::mobile, true},       {"07 99 12 34 56", Type::mobile, true},
        {"08 00 12 34 56", Type::toll_free, false},   {"08 06 12 34 56", Type::uan, false},
        {"08 10 12 34 56", Type::shared_cost, false}, {"08 91 12 34 56", Type::premium_rate, false},
        {"09 12 34 56 78", Type::voip, false},        {"09 69 12 34 56", Type::voip, false},
    };
    for (const Case &c : cases) {
        const Parsed p = normalize(c.raw);
        ASSERT_TRUE(p.ok()) << c.raw;
        EXPECT_EQ(p.number.type, c.type) << c.raw;
        EXPECT_EQ(p.number.is_mobile, c.mobile) << c.raw;
        EXPECT_EQ(p.number.country_code, 33);
        EXPECT_STREQ(p.number.region, "FR");
    }
    for (const char *s : {"04 01 23 45 67", "07 00 12 34 56", "07 01 12 34 56", "07 10 12 34 56", "07 20 12 34 56",
                          "06 95", "08 70 12 34 56", "06 92 12 34 5"})
        EXPECT_NE(err(s), Error::none) << s;
    EXPECT_EQ(err("07 00 12 34 56"), Error::invalid_number);  // 10-digit 0700 (M2M is 14 digits)
    EXPECT_EQ(err("07 12 34 56 78"), Error::invalid_number);
    EXPECT_EQ(err("08 70 12 34 56"), Error::invalid_number);
}

TEST(PhoneKnownAmbiguity, SwissNationalFormReadAsFrench) {
    EXPECT_EQ(e164("079 123 45 67"), "+33791234567");
    EXPECT_FALSE(same_number("079 123 45 67", "+41 79 123 45 67"));
}

TEST(PhoneSameNumber, Basics) {
    EXPECT_TRUE(same_number("06 12 34 56 78", "+33 6 12 34 56 78"));
    EXPECT_TRUE(same_number("0692 12 34 56", "+262 692 12 34 56"));
    EXPECT_TRUE(same_number("tel:+33612345678", "0033 (0)6.12.34.56.78"));
    EXPECT_FALSE(same_number("06 12 34 56 78", "06 12 34 56 79"));
    EXPECT_FALSE(same_number("abc", "abc"));
    EXPECT_FALSE(same_number("", ""));
}

TEST(PhoneFormats, FrenchPlan) {
    const Parsed p = normalize("0612345678");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(format_national(p.number), "06 12 34 56 78");
    EXPECT_EQ(format_international(p.number), "+33 6 12 34 56 78");
    EXPECT_EQ(format_masked(p.number), "+33 6 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 78");
    const Parsed r = normalize("0692123456");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(format_national(r.number), "06 92 12 34 56");
    EXPECT_EQ(format_international(r.number), "+262 692 12 34 56");
    EXPECT_EQ(format_masked(r.number), "+262 6\xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 56");
    const Parsed t = normalize("0800123456");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(format_national(t.number), "08 00 12 34 56");
    EXPECT_EQ(format_international(t.number), "+33 800 12 34 56");
    char small[5];
    EXPECT_EQ(format_to(p.number, Format::national, small, sizeof small), 14u);
    EXPECT_STREQ(small, "06 1");
}

TEST(PhoneNames, Stable) {
    EXPECT_STREQ(error_name(Error::too_long), "too_long");
    EXPECT_STREQ(error_name(Error::invalid_number), "invalid_number");
    EXPECT_STREQ(type_name(Type::fixed_line_or_mobile), "fixed_line_or_mobile");
    EXPECT_STREQ(type_name(Type::voicemail), "voicemail");
}

TEST(PhoneUnicode, NdTableMatchesUtf8proc) {
    for (char32_t cp = 0; cp < 0x110000; ++cp) {
        const bool nd = utf8proc_category(utf8proc_int32_t(cp)) == UTF8PROC_CATEGORY_ND;
        ASSERT_EQ(detail::digit_value(cp) >= 0, nd) << std::hex << unsigned(cp);
    }
}

}  // namespace
}  // namespace sesame::phone

namespace sesame::phone {
namespace {

struct Foreign {
    const char *raw, *e164, *region;
    Type type;
    const char *national, *international;  // libphonenumber's NATIONAL and INTERNATIONAL formats
};

TEST(PhoneForeign, GeneratedTables) {
    const Foreign cases[] = {
        {"+44 (0)20 7946 0958", "+442079460958", "GB", Type::fixed_line, "020 7946 0958", "+44 20 7946 0958"},
        {"+44 7400 123456", "+447400123456", "GB", Type::mobile, "07400 123456", "+44 7400 123456"},
        {"+1 202 555 0123", "+12025550123", "US", Type::fixed_line_or_mobile, "(202) 555-0123", "+1 202-555-0123"},
        {"+1 242 359 1234", "+12423591234", "BS", Type::mobile, "(242) 359-1234", "+1 242-359-1234"},
        {"0041 79 123 45 67", "+41791234567", "CH", Type::mobile, "079 123 45 67", "+41 79 123 45 67"},
        {"+49 1512 3456789", "+4915123456789", "DE", Type::mobile, "01512 3456789", "+49 1512 3456789"},
        {"+687 75 12 34", "+687751234", "NC", Type::mobile, "75.12.34", "+687 75.12.34"},
        {"+689 87 12 34 56", "+68987123456", "PF", Type::mobile, "87 12 34 56", "+689 87 12 34 56"},
        {"+681 82 12 34", "+681821234", "WF", Type::mobile, "82 12 34", "+681 82 12 34"},
        {"+508 41 23 45", "+508412345", "PM", Type::fixed_line, "041 23 45", "+508 41 23 45"},
        {"+800 1234 5678", "+80012345678", "001", Type::toll_free, "1234 5678", "+800 1234 5678"},
        {"+39 06 1234 5678", "+390612345678", "IT", Type::fixed_line, "06 1234 5678", "+39 06 1234 5678"},
        {"+54 11 15 2345 6789", "+5491123456789", "AR", Type::mobile, "011 15-2345-6789", "+54 9 11 2345-6789"},
        {"+672 10660", "+672310660", "NF", Type::fixed_line, "3 10660", "+672 3 10660"},  // transform rule
        {"+7 912 345 67 89", "+79123456789", "RU", Type::mobile, "8 (912) 345-67-89", "+7 912 345-67-89"},
    };
    for (const Foreign &f : cases) {
        const Parsed p = normalize(f.raw);
        ASSERT_TRUE(p.ok()) << f.raw << " " << error_name(p.error);
        EXPECT_EQ(p.number.e164(), f.e164) << f.raw;
        EXPECT_STREQ(p.number.region, f.region) << f.raw;
        EXPECT_EQ(p.number.type, f.type) << f.raw;
        EXPECT_EQ(p.number.is_mobile, f.type == Type::mobile || f.type == Type::fixed_line_or_mobile) << f.raw;
        EXPECT_TRUE(in_metadata(p.number)) << f.raw;
        char nat[kMaxFormatBytes];
        const std::size_t len = detail::format_nsn(p.number.country_code, p.number.nsn(), true, nat, sizeof nat);
        EXPECT_EQ(std::string(nat, len), f.national) << f.raw;
        EXPECT_EQ(format_international(p.number), f.international) << f.raw;
        // A national form is read as French: none of these reads back, so the international form stands in.
        EXPECT_NE(normalize(f.national).number.e164(), p.number.e164()) << f.raw;
        EXPECT_EQ(format_national(p.number), f.international) << f.raw;
    }
    EXPECT_EQ(normalize("+44 20 7946 095").error, Error::invalid_number);
    EXPECT_EQ(normalize("+999 1234 5678").error, Error::invalid_number);  // unassigned code
    EXPECT_EQ(normalize("+262 976 12 34 56").error, Error::invalid_number);
    EXPECT_EQ(normalize("+1234567890123456789").error, Error::invalid_number);
}

TEST(PhoneForeign, OverseasCodesOutsideTheTable) {
    const Parsed p = normalize("+262 269 61 12 34");  // table row 269 (Mayotte landline)
    ASSERT_TRUE(p.ok());
    EXPECT_STREQ(p.number.region, "YT");
    EXPECT_EQ(format_national(p.number), "02 69 61 12 34");
    EXPECT_EQ(format_international(p.number), "+262 269 61 12 34");
    const Parsed m = normalize("+508 55 12 34");  // Saint-Pierre-et-Miquelon 6-digit plan
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m.number.e164(), "+508551234");
    EXPECT_TRUE(m.number.is_mobile);
    EXPECT_EQ(format_masked(m.number), "+508 5\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2 34");
}

}  // namespace
}  // namespace sesame::phone

namespace sesame::phone {
namespace {

TEST(PhoneForeign, E164IsCanonical) {
    // The E.164 is the fixed point of national-prefix stripping, so that it normalizes to itself
    // (libphonenumber 8.12.57 answered +5214513456764 for "+52 1 1 451 345 6764", which it then parsed as
    // +524513456764; Mexico has had no national prefix since libphonenumber 8.13: that input is now refused).
    EXPECT_EQ(normalize("+52 1 1 451 345 6764").error, Error::invalid_number);
    const Parsed p = normalize("+52 451 345 6764");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.number.e164(), "+524513456764");
    EXPECT_EQ(normalize(p.number.e164()).number.e164(), p.number.e164());
    EXPECT_EQ(normalize("+385 (0)0 21 234 567").error, Error::invalid_number);  // one national prefix only
    EXPECT_EQ(normalize("+49 4234 770859423").number.e164(), "+494234770859423");  // 15 digits
    EXPECT_EQ(normalize("+49 4234 7708594234").error, Error::invalid_number);      // 16: not E.164
}

TEST(PhoneFormats, LongestTextsFit) {
    // 15 digits (the E.164 maximum) under a 3-digit code: every text stays below kMaxFormatBytes.
    Number n;
    const char *e = "+882123456789012";  // not a real number: formats are plain digits
    n.e164_len = std::uint8_t(std::strlen(e));
    std::memcpy(n.e164_buf, e, n.e164_len);
    n.country_code = 882;
    n.cc_digits = 3;
    for (Format f : {Format::national, Format::international, Format::masked}) {
        char buf[kMaxFormatBytes];
        const std::size_t len = format_to(n, f, buf, sizeof buf);
        EXPECT_LT(len, kMaxFormatBytes);
        EXPECT_EQ(std::strlen(buf), len);
    }
}

}  // namespace
}  // namespace sesame::phone

namespace sesame::phone {
namespace {

// Issue 18, point 3: type and is_mobile never disagree; the national form reads back as the same number.
TEST(PhoneIssue18, TypeAndMobilityAgree) {
    // libphonenumber 8.12.57 typed +262 976 2x mobile (it is a 09 "polyvalent" number); Sesame said
    // mobile with is_mobile false. 9.0.40 types it voip, and the rule below would anyway.
    const Parsed p = normalize("+262 976 22 73 99");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.number.type, Type::voip);
    EXPECT_FALSE(p.number.is_mobile);
    // The French plan's 9 rule: a 9 NSN typed mobile or fixed_line_or_mobile by the metadata is voip.
    EXPECT_EQ(detail::plan_type(262, "976227399", Type::mobile), Type::voip);
    EXPECT_EQ(detail::plan_type(33, "912345678", Type::fixed_line_or_mobile), Type::voip);
    EXPECT_EQ(detail::plan_type(590, "912345678", Type::fixed_line), Type::fixed_line);
    EXPECT_EQ(detail::plan_type(262, "692123456", Type::mobile), Type::mobile);
    EXPECT_EQ(detail::plan_type(508, "999912", Type::fixed_line_or_mobile), Type::fixed_line_or_mobile);  // own plan
    EXPECT_EQ(detail::plan_type(41, "912345678", Type::mobile), Type::mobile);
    for (Type t : {Type::mobile, Type::fixed_line_or_mobile}) EXPECT_TRUE(detail::is_mobile_type(t));
    for (Type t : {Type::unknown, Type::fixed_line, Type::voip, Type::toll_free, Type::premium_rate,
                   Type::shared_cost, Type::uan, Type::pager, Type::personal_number, Type::voicemail})
        EXPECT_FALSE(detail::is_mobile_type(t)) << type_name(t);
}

TEST(PhoneIssue18, NationalReadsBack) {
    struct Case {
        const char *raw, *e164, *national;
    };
    const Case cases[] = {
        {"+590 800 01 23 45", "+590800012345", "+590 800 01 23 45"},  // libphonenumber: "0800 01 23 45" (+33...)
        {"+262 976 22 73 99", "+262976227399", "+262 976 22 73 99"},  // libphonenumber: "0976 22 73 99" (+33...)
        {"+262 692 12 34 56", "+262692123456", "06 92 12 34 56"},     // the overseas table: French form
        {"+508 70 84 01 23 4", "+508708401234", "07 08 40 12 34"},
        {"+508 41 23 45", "+508412345", "+508 41 23 45"},             // libphonenumber: "041 23 45" (too short)
        {"01 23 45 67 89", "+33123456789", "01 23 45 67 89"},
        {"+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"},
    };
    for (const Case &c : cases) {
        const Parsed p = normalize(c.raw);
        ASSERT_TRUE(p.ok()) << c.raw;
        EXPECT_EQ(p.number.e164(), c.e164) << c.raw;
        EXPECT_EQ(format_national(p.number), c.national) << c.raw;
        EXPECT_EQ(normalize(format_national(p.number)).number.e164(), c.e164) << c.raw;
    }
}

TEST(PhoneIssue18, TableWinsWhereTheMetadataLags) {
    // 0691 00... is in the overseas table (Guadeloupe mobiles) but not in libphonenumber 9.0.40's ranges:
    // accepted, flagged for the audit. 0690 00... is known to both.
    const Parsed lag = normalize("06 91 00 00 00");
    ASSERT_TRUE(lag.ok());
    EXPECT_EQ(lag.number.e164(), "+590691000000");
    EXPECT_TRUE(lag.number.is_mobile);
    EXPECT_FALSE(in_metadata(lag.number));
    detail::Meta meta;
    ASSERT_TRUE(detail::lookup(590, "691000000", meta));
    EXPECT_FALSE(meta.valid);
    const Parsed known = normalize("+590 690 00 00 00");
    ASSERT_TRUE(known.ok());
    EXPECT_TRUE(in_metadata(known.number));
    EXPECT_TRUE(in_metadata(normalize("06 12 34 56 78").number));
}

TEST(PhoneOverseasData, OneTableEveryRule) {
    // Every 5-digit prefix of a 9-digit NSN: the table, rule 5's 12-digit shape, rule 6 under each code,
    // rule 7.
    for (int p = 10000; p < 100000; ++p) {
        char nsn[10];
        std::snprintf(nsn, sizeof nsn, "%05d1234", p);
        const overseas::PrefixRow *row = overseas::find(nsn);
        const Parsed national = normalize(std::string("0") + nsn);
        if (row == nullptr) {
            if (national.ok()) EXPECT_EQ(national.number.country_code, 33) << nsn;
            continue;
        }
        const overseas::Territory &t = overseas::territory(*row);
        ASSERT_TRUE(national.ok()) << nsn;
        EXPECT_EQ(national.number.country_code, t.cc) << nsn;
        EXPECT_STREQ(national.number.region, t.region) << nsn;
        EXPECT_EQ(national.number.is_mobile, row->mobile) << nsn;
        EXPECT_EQ(national.number.type, row->mobile ? Type::mobile : Type::fixed_line) << nsn;
        EXPECT_EQ(normalize(std::to_string(t.cc) + nsn).number.e164(), national.number.e164()) << nsn;  // rule 5
        for (unsigned cc : {262u, 590u, 594u, 596u, 508u}) {
            const Parsed intl = normalize("+" + std::to_string(cc) + nsn);
            if (cc == t.cc) EXPECT_EQ(intl.number.e164(), national.number.e164()) << nsn;
            else EXPECT_EQ(intl.error, Error::invalid_number) << cc << nsn;
        }
    }
    for (unsigned cc : {262u, 508u, 590u, 594u, 596u, 681u, 687u, 689u}) EXPECT_TRUE(overseas::is_territory_code(cc));
    for (unsigned cc : {33u, 269u, 41u, 999u, 1000u}) EXPECT_FALSE(overseas::is_territory_code(cc));
}

}  // namespace
}  // namespace sesame::phone
