#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text/utf8.hpp"

using sesame::text::count_code_points;
using sesame::text::is_valid_utf8;
using sesame::text::repair_utf8;

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Hélène LEFÈVRE"));
    EXPECT_TRUE(is_valid_utf8("\xC2\xB5\xC2\xA3"));              // µ £
    EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));                  // U+FFFF (noncharacter, well-formed)
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));              // U+10FFFF
    EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));          // NUL is well-formed UTF-8
    EXPECT_TRUE(is_valid_utf8("abcdefghijklmnopqrstuvwxyz0123456789"));
}

TEST(Utf8, RejectsEveryKindOfIllFormedSequence) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
    EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong 4-byte
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));  // F5 lead
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated at end
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated 3-byte
    EXPECT_FALSE(is_valid_utf8("\x80"));              // stray continuation
    EXPECT_FALSE(is_valid_utf8("abcdefgh\xFF"));      // after the ASCII fast path
    EXPECT_FALSE(is_valid_utf8("\xC3(" ));            // bad continuation
}

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(count_code_points("Éric"), 4);
    EXPECT_EQ(count_code_points("\xC2\xB5"), 1);
    EXPECT_EQ(count_code_points("\xF0\x9F\x98\x80"), 1);
    EXPECT_EQ(count_code_points("\xC3"), -1);
}

TEST(Utf8, RepairReplacesMaximalSubpartsWithFffd) {
    EXPECT_EQ(repair_utf8("ok"), "ok");
    EXPECT_EQ(repair_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    // E2 82 is a truncated 3-byte sequence: one U+FFFD, then 'x'.
    EXPECT_EQ(repair_utf8("\xE2\x82x"), "\xEF\xBF\xBDx");
    // Surrogate ED A0 80: ED alone is a maximal subpart, then A0 and 80 are each one.
    EXPECT_EQ(repair_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_TRUE(is_valid_utf8(repair_utf8("\xC0\xAF\xF4\x90\x80\x80")));
}

TEST(Utf8, DecodeBeforeWalksBackwardStrictly) {
    // A backward scan over "a", U+00B5, U+20AC, U+1F600 gives the code points in reverse, each once.
    const std::string s = "a\xC2\xB5\xE2\x82\xAC\xF0\x9F\x98\x80";
    std::size_t i = s.size();
    char32_t cp = 0;
    std::vector<char32_t> seen;
    while (sesame::text::decode_before(s, i, cp)) seen.push_back(cp);
    EXPECT_EQ(i, 0u);
    EXPECT_EQ(seen, (std::vector<char32_t>{0x1F600, 0x20AC, 0xB5, U'a'}));
    // Ill-formed tails are refused and leave i where it was.
    for (const char *bad : {"a\x80", "a\xC2", "\xE2\x82", "\x80\x80\x80\x80\x80", "\xED\xA0\x80", "\xC0\xAF"}) {
        const std::string b = bad;
        std::size_t j = b.size();
        EXPECT_FALSE(sesame::text::decode_before(b, j, cp)) << b;
        EXPECT_EQ(j, b.size());
    }
    std::size_t zero = 0;
    EXPECT_FALSE(sesame::text::decode_before("abc", zero, cp));
}
