// NFC: the quick path (texts of inert code points are left as they are) and utf8proc's slow path.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/text/nfc.hpp"
#include "core/text/utf8.hpp"

TEST(TextNfc, QuickPathAndUtf8proc) {
    std::string out;
    ASSERT_TRUE(sesame::text::nfc_utf8("caf\u00E9", out));
    EXPECT_EQ(out, "caf\u00E9");
    ASSERT_TRUE(sesame::text::nfc_utf8("cafe\u0301", out));
    EXPECT_EQ(out, "caf\u00E9");
    ASSERT_TRUE(sesame::text::nfc_utf8("\u1100\u1161\u11A8", out));  // Hangul jamo compose
    EXPECT_EQ(out, "\uAC01");
    ASSERT_TRUE(sesame::text::nfc_utf8("a\u0323\u0302", out));       // canonical order then compose
    EXPECT_EQ(out, "\u1EAD");
    ASSERT_TRUE(sesame::text::nfc_utf8("a\u0302\u0323", out));
    EXPECT_EQ(out, "\u1EAD");
    ASSERT_TRUE(sesame::text::nfc_utf8("\u00B5\uFF01", out));        // not NFKC
    EXPECT_EQ(out, "\u00B5\uFF01");
    ASSERT_TRUE(sesame::text::nfc_utf8("\u212B", out));              // Angstrom sign -> Å (singleton)
    EXPECT_EQ(out, "\u00C5");
    EXPECT_FALSE(sesame::text::nfc_utf8("\xFF", out));
    const char32_t latin[] = {U'a', U'\u00E9', U'\u02FF'};
    EXPECT_TRUE(sesame::text::nfc_quick_yes(latin, 3));
    const char32_t mark[] = {U'a', U'\u0301'};
    EXPECT_FALSE(sesame::text::nfc_quick_yes(mark, 2));
    const char32_t emoji[] = {U'S', U'\U0001F600', U'\u20AC', U'\u0628', U'\uAC00', U'7'};  // 😀 € ب 가
    EXPECT_TRUE(sesame::text::nfc_quick_yes(emoji, 6));
    const char32_t jamo[] = {U'\uAC00', U'\u11A8'};  // a syllable and a final jamo compose
    EXPECT_FALSE(sesame::text::nfc_quick_yes(jamo, 2));
    const char32_t ohm[] = {U'\u2126'};  // a singleton: NFC gives Greek omega
    EXPECT_FALSE(sesame::text::nfc_quick_yes(ohm, 1));
}

// Every code point the quick path calls inert is left as it is by utf8proc's NFC, alone and after
// a letter, and is never a later part of the decomposition of a character NFC composes (the
// seconds of compositions are). Over all of Unicode: the quick path may only be conservative.
namespace {
// utf8proc's NFC, without the quick path (and NUL passes through).
std::string nfc_of(const std::string &s) {
    utf8proc_uint8_t *nfc = nullptr;
    const utf8proc_ssize_t m = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                                            &nfc, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::string r = m >= 0 ? std::string(reinterpret_cast<const char *>(nfc), static_cast<std::size_t>(m)) : "<error>";
    std::free(nfc);
    return r;
}
}  // namespace

TEST(TextNfc, InertCodePointsNeverChange) {
    std::size_t inert = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            EXPECT_FALSE(sesame::text::nfc_inert(cp));
            continue;
        }
        utf8proc_int32_t d[32];
        int boundclass = 0;
        const utf8proc_ssize_t r = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), d, 32, UTF8PROC_DECOMPOSE, &boundclass);
        ASSERT_GT(r, 0);
        ASSERT_LE(r, 32);
        std::string alone;
        sesame::text::append_utf8(alone, cp);
        const bool composed = nfc_of(alone) == alone;  // not a composition exclusion nor a singleton
        for (utf8proc_ssize_t k = 1; k < r && composed; ++k)
            ASSERT_FALSE(sesame::text::nfc_inert(static_cast<char32_t>(d[k]))) << std::hex << d[k] << " in the decomposition of " << std::uint32_t(cp);
        if (!sesame::text::nfc_inert(cp)) continue;
        ++inert;
        for (const char *before : {"", "e", "\xE1\x84\x80", "\xEA\xB0\x80"}) {  // nothing, e, Hangul L, Hangul LV
            std::string s = before;
            sesame::text::append_utf8(s, cp);
            EXPECT_EQ(nfc_of(s), s) << std::hex << std::uint32_t(cp);
        }
    }
    EXPECT_GT(inert, 250000u);  // most assigned code points: letters, digits, symbols, emoji
}
