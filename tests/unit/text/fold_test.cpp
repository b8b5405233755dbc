// The letter fold (spec identity.md, "Canonical key", steps 2-5), shared by name keys.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "core/text/fold.hpp"
#include "core/text/utf8.hpp"

namespace {
std::string fold(char32_t cp) {
    std::string s;
    sesame::text::append_fold(cp, s);
    return s;
}
std::string fold_computed(char32_t cp) {
    char32_t out[sesame::text::kMaxFoldCodePoints];
    const int n = sesame::text::fold_code_point(cp, out);
    std::string s;
    for (int k = 0; k < n; ++k) sesame::text::append_utf8(s, out[k]);
    return s;
}
}  // namespace

TEST(TextFold, SpecSteps2To5) {
    const std::pair<char32_t, const char *> cases[] = {
        {U'A', "a"}, {U'é', "e"}, {U'É', "e"}, {U'Ç', "c"}, {U'ß', "ss"}, {0x1E9E, "ss"}, {U'İ', "i"},
        {0xFF21, "a"}, {0xFB01, "fi"}, {0x0132, "ij"}, {0x01C5, "dz"}, {0x2122, "tm"}, {0x0301, ""},
        {U'€', "\xE2\x82\xAC"}, {U'µ', "\xCE\xBC"}, {U'-', "-"}, {U'7', "7"},
    };
    for (const auto &[cp, want] : cases) EXPECT_EQ(fold(cp), want) << "U+" << std::hex << std::uint32_t(cp);
}

// Step 5's table, lowercase and capital (the capital is case folded first), and a letter whose
// decomposition holds one (ǿ = ø + acute).
TEST(TextFold, LetterTable) {
    const std::pair<const char *, const char *> cases[] = {
        {"œŒ", "oeoe"}, {"æÆ", "aeae"}, {"øØ", "oo"}, {"łŁ", "ll"}, {"đĐ", "dd"}, {"ðÐ", "dd"}, {"þÞ", "thth"},
        {"ı", "i"}, {"ħĦ", "hh"}, {"ŧŦ", "tt"}, {"ŋŊ", "ngng"}, {"ɖƉ", "dd"}, {"ɗƊ", "dd"}, {"ɓƁ", "bb"},
        {"ƙƘ", "kk"}, {"ƴƳ", "yy"}, {"ɛƐ", "ee"}, {"ɔƆ", "oo"}, {"ǿǾ", "oo"}, {"ǽ", "ae"},
    };
    for (const auto &[in, want] : cases) {
        std::string got;
        std::size_t i = 0;
        char32_t cp = 0;
        const std::string_view s(in);
        while (i < s.size() && sesame::text::decode_one(s, i, cp)) sesame::text::append_fold(cp, got);
        EXPECT_EQ(got, want) << in;
    }
}

// The cached blocks give what the computation gives.
TEST(TextFold, CacheMatchesTheComputation) {
    for (char32_t cp = 0; cp < 0x3000; ++cp) {
        if (cp >= 0xD800) break;
        EXPECT_EQ(fold(cp), fold_computed(cp)) << "U+" << std::hex << std::uint32_t(cp);
    }
    EXPECT_EQ(sesame::text::fold_code_point(0x110000, nullptr), -1);
}
