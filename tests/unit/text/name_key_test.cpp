#include <gtest/gtest.h>
#include <utf8proc.h>

#include <string>

#include "core/text/name_key.hpp"

using sesame::text::name_key;

namespace {
std::string text(std::string_view s) {
    auto k = name_key(s);
    return k.valid ? k.text() : "<invalid>";
}
std::string compact(std::string_view s) { return name_key(s).compact(); }
}  // namespace

TEST(NameKey, UsesUnicode15Tables) { EXPECT_STREQ(utf8proc_unicode_version(), "15.0.0"); }

TEST(NameKey, RemovesAccentsAndFoldsCase) {
    EXPECT_EQ(text("Hélène LEFÈVRE"), "helene|lefevre");
    EXPECT_EQ(text("MÜLLER"), text("Muller"));
    EXPECT_EQ(text("Nguyễn Thị Hương"), "nguyen|thi|huong");  // Vietnamese stacked marks
    EXPECT_EQ(text("ÇA"), "ca");
}

TEST(NameKey, FullCaseFoldingAndCompatibility) {
    EXPECT_EQ(text("STRAẞE"), "strasse");
    EXPECT_EQ(text("Straße"), "strasse");
    EXPECT_EQ(text("İsmail"), "ismail");                 // dot of İ deleted
    EXPECT_EQ(text("ıIı"), "iii");                       // dotless i mapped, never Turkic folding
    EXPECT_EQ(text("\xEF\xBC\xA4\xEF\xBC\xB5\xEF\xBC\xB0\xEF\xBC\xAF\xEF\xBC\xAE\xEF\xBC\xB4"), "dupont");  // fullwidth
    EXPECT_EQ(text("\xEF\xAC\x81lippe"), "filippe");     // ﬁ ligature
    EXPECT_EQ(text("\xC4\xB2sselmeer"), "ijsselmeer");   // Ĳ
    EXPECT_EQ(text("\xC7\x85"), "dz");                   // ǅ
    EXPECT_EQ(text("Co\xC5\x80la"), "colla");            // ŀ = l + middle dot
    EXPECT_EQ(text("\xF0\x9D\x90\x8C\xF0\x9D\x90\x80\xF0\x9D\x90\x91\xF0\x9D\x90\x93\xF0\x9D\x90\x88\xF0\x9D\x90\x8D"), "martin");  // math bold
}

TEST(NameKey, LetterTable) {
    EXPECT_EQ(text("Œdipe"), "oedipe");
    EXPECT_EQ(text("Lætitia"), "laetitia");
    EXPECT_EQ(text("SØRENSEN"), text("SORENSEN"));
    EXPECT_EQ(text("Łukasz"), "lukasz");
    EXPECT_EQ(text("Đorđe"), "dorde");
    EXPECT_EQ(text("Þór"), "thor");
    EXPECT_EQ(text("Ŋ"), "ng");
    EXPECT_EQ(text("Ɗiallo"), "diallo");
    EXPECT_EQ(text("Ɓa"), "ba");
    EXPECT_EQ(text("Ƙ Ƴ Ɛ Ɔ Ħ Ŧ"), "k|y|e|o|h|t");
}

TEST(NameKey, IgnorablesAndMiddleDotAreDeleted) {
    EXPECT_EQ(text("Col\xC2\xB7la"), "colla");                      // Catalan l·l
    EXPECT_EQ(text("DU\xC2\xADPONT"), "dupont");                    // soft hyphen
    EXPECT_EQ(text("DU\xE2\x80\x8B" "PONT"), "dupont");             // ZWSP
    EXPECT_EQ(text("\xE2\x80\x8F" "DUPONT\xE2\x80\x8E"), "dupont");  // RLM, LRM
    EXPECT_EQ(text("DUPONT\xEF\xB8\x8F"), "dupont");                // variation selector
}

TEST(NameKey, SeparatorsMakeTokensAndUnits) {
    EXPECT_EQ(text("Jean-Pierre Marie"), "jean pierre|marie");
    EXPECT_EQ(compact("Jean-Pierre Marie"), "jeanpierremarie");
    EXPECT_EQ(text("D'ALEMBERT"), "d alembert");
    EXPECT_EQ(text("D\xE2\x80\x99" "ALEMBERT"), "d alembert");     // ’
    EXPECT_EQ(text("MARTIN--DURAND"), "martin durand");
    EXPECT_EQ(text("FONTAINE (DE LA)"), "fontaine|de|la");
    EXPECT_EQ(text("  Anne ,  Claire  "), "anne|claire");
    EXPECT_EQ(text("Anne - Claire"), "anne|claire");                // run with a space = unit boundary
    EXPECT_EQ(text("A\xC2\xA0" "B"), "a|b");                        // NBSP
    EXPECT_EQ(text("A\xE2\x80\xAF" "B"), "a|b");                    // narrow NBSP
    EXPECT_EQ(text("O\xCA\xBC" "Neil"), "o neil");                  // modifier apostrophe
}

TEST(NameKey, SaintAbbreviations) {
    EXPECT_EQ(text("ST MARTIN"), "saint|martin");
    EXPECT_EQ(text("Ste-Marie"), "sainte marie");
    EXPECT_EQ(text("STMARTIN"), "stmartin");
}

TEST(NameKey, InvalidKeys) {
    EXPECT_FALSE(name_key("").valid);
    EXPECT_FALSE(name_key(" - ' ").valid);
    EXPECT_FALSE(name_key("ИВАНОВ").valid);                      // Cyrillic refused, not transliterated
    EXPECT_FALSE(name_key("DUP\xD0\x9ENT").valid);               // Cyrillic О homoglyph
    EXPECT_FALSE(name_key("Ωmega").valid);
    EXPECT_FALSE(name_key("DUPONT \xF0\x9F\x98\x80").valid);     // emoji
    EXPECT_FALSE(name_key("DUPONT*").valid);
    EXPECT_FALSE(name_key("DU\xFFPONT").valid);                  // invalid UTF-8
    EXPECT_FALSE(name_key(std::string("DU\0PONT", 7)).valid);    // NUL is a control, not a letter
    EXPECT_TRUE(name_key(std::string(100, 'a')).valid);
    EXPECT_FALSE(name_key(std::string(101, 'a')).valid);         // more than 100 code points
    EXPECT_TRUE(name_key("Bernard 2").valid);                    // digits are tokens
    auto k = name_key("ИВАНОВ");
    EXPECT_TRUE(k.units.empty());
    EXPECT_EQ(k.compact(), "");
}

// The lenient fold of column headers (issue 19): the same folding, symbols separate words.
TEST(LabelKey, FoldsCaseAccentsSpacingAndPunctuation) {
    using sesame::text::label_key;
    EXPECT_EQ(label_key("Tél. portable"), "tel portable");
    EXPECT_EQ(label_key("  TÉLÉPHONE   Mobile "), "telephone mobile");
    EXPECT_EQ(label_key("N° de portable"), "n de portable");
    EXPECT_EQ(label_key("Tel#Portable (resp. 1)"), "tel portable resp 1");
    EXPECT_EQ(label_key("Телефон mobile"), "mobile");  // another script separates, as a symbol does
    EXPECT_EQ(label_key("\xFF" "tel"), "tel");          // an invalid byte too
    EXPECT_EQ(label_key("°°°"), "");
    EXPECT_EQ(label_key(std::string(500, 'a')), std::string(500, 'a'));  // no length bound
}
