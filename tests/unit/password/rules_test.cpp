// Rule semantics of docs/spec/password.md, one behaviour per test.
#include <gtest/gtest.h>

#include <string>

#include "core/password/policy.hpp"

namespace pw = sesame::password;
using pw::RuleError;

namespace {

pw::RuleResult portal(std::string_view s) { return pw::check_rules(pw::Policy::portal(), s); }

void expect_rules(const pw::RuleResult &r, bool upper, bool lower, bool digit, bool special, bool length) {
    EXPECT_EQ(r.upper, upper);
    EXPECT_EQ(r.lower, lower);
    EXPECT_EQ(r.digit, digit);
    EXPECT_EQ(r.special, special);
    EXPECT_EQ(r.length_ok, length);
}

}  // namespace

TEST(PasswordRules, PortalAcceptsATypicalPassword) {
    const auto r = portal("Soleil2015!");
    EXPECT_EQ(r.error, RuleError::none);
    EXPECT_TRUE(r.valid);
    EXPECT_EQ(r.length, 11);
    expect_rules(r, true, true, true, true, true);
}

TEST(PasswordRules, EachRuleIsReportedSeparately) {
    expect_rules(portal("soleil2015!"), false, true, true, true, true);
    expect_rules(portal("SOLEIL2015!"), true, false, true, true, true);
    expect_rules(portal("Soleilxxxx!"), true, true, false, true, true);
    expect_rules(portal("Soleil20155"), true, true, true, false, true);
    expect_rules(portal("So1!"), true, true, true, true, false);
    EXPECT_FALSE(portal("So1!").valid);
    EXPECT_EQ(portal("So1!").error, RuleError::none);  // too short is a rule, not an error
}

TEST(PasswordRules, TheTwentyFiveSpecialsAndOnlyThem) {
    const std::u32string specials = U"!?@#$()[]_.,;&=+-%*<>\u00A3\u00B5/:";
    ASSERT_EQ(specials.size(), 25u);
    ASSERT_EQ(pw::Policy::portal().specials(), specials);
    for (const char *sp : {"!", "?", "@", "#", "$", "(", ")", "[", "]", "_", ".", ",", ";", "&", "=", "+", "-", "%",
                           "*", "<", ">", "\u00A3", "\u00B5", "/", ":"}) {
        EXPECT_TRUE(portal(std::string("Abcdef1") + sp).special) << sp;
    }
    for (const char *other : {" ", "\u20AC", "~", "^", "{", "}", "'", "\"", "|", "\\", "`", "\u00A7", "\U0001F600",
                              "\uFF01", "\u2026", "\u2019", "\u2212", "\u00A4", "\u00A2"}) {
        const auto r = portal(std::string("Abcdef1") + other);
        EXPECT_FALSE(r.special) << other;
        EXPECT_EQ(r.length, 8) << other;  // allowed, counts toward the length
    }
}

TEST(PasswordRules, PoundIsSpecialButATildeIsNot) {
    // std::regex on bytes takes ã (C3 A3) for £ (C2 A3).
    EXPECT_TRUE(portal("Abcdef1\u00A3").special);
    EXPECT_FALSE(portal("Abcdef1\u00E3").special);
    EXPECT_TRUE(portal("Abcdef1\u00E3").lower);
}

TEST(PasswordRules, MicroSignIsLowerAndSpecialGreekMuIsOnlyLower) {
    const auto micro = portal("ABCDEF1\u00B5");
    EXPECT_TRUE(micro.lower);
    EXPECT_TRUE(micro.special);
    EXPECT_TRUE(micro.valid);
    const auto mu = portal("ABCDEF1\u03BC");
    EXPECT_TRUE(mu.lower);
    EXPECT_FALSE(mu.special);
    EXPECT_FALSE(mu.valid);
}

TEST(PasswordRules, NfdInputIsComposedBeforeCounting) {
    // "Éric" typed as E + U+0301: 5 code points raw, 4 after NFC.
    const auto r = portal("E\u0301ric12!x");
    EXPECT_EQ(r.length, 8);
    EXPECT_TRUE(r.upper);
    const auto nfc = portal("\u00C9ric12!x");
    EXPECT_EQ(nfc.length, 8);
    EXPECT_TRUE(nfc.valid);
    EXPECT_TRUE(r.valid);
}

TEST(PasswordRules, AccentedCapitalsCountAsUppercase) {
    for (const char *up : {"\u00C9", "\u00C0", "\u00C7", "\u0152", "\u0130", "\u01C5" /* Lt */}) {
        EXPECT_TRUE(portal(std::string(up) + "ric12!x").upper) << up;
    }
    EXPECT_TRUE(portal("\u00C9ric12!x").valid);  // rejected as "no uppercase" by typical regexes
}

TEST(PasswordRules, TurkishDottedAndDotlessI) {
    const auto dotted = portal("\u0130stanbul1!");  // İ is Lu
    EXPECT_TRUE(dotted.upper);
    const auto dotless = portal("ISTANBU\u01311!");  // ı is Ll
    EXPECT_TRUE(dotless.lower);
    EXPECT_TRUE(dotless.valid);
    EXPECT_TRUE(portal("\u00DFTRASSE1!").lower);  // ß is Ll
}

TEST(PasswordRules, DigitsOfAnyScript) {
    const auto arabic = portal("Abcdef!\u0663");  // ARABIC-INDIC DIGIT THREE
    EXPECT_TRUE(arabic.digit);
    EXPECT_TRUE(arabic.valid);
    EXPECT_TRUE(portal("Abcdef!\u0967").digit);   // Devanagari
    EXPECT_FALSE(portal("Abcdef!\u00B2").digit);  // superscript two is No, not Nd
    EXPECT_FALSE(portal("Abcdef!\u2163").digit);  // Roman numeral four is Nl
}

TEST(PasswordRules, FullwidthLookAlikesAreNotFolded) {
    // NFC, not NFKC: fullwidth ！ stays itself and is not a special; fullwidth Ａ is still Lu.
    const auto r = portal("\uFF21bcdef1\uFF01");
    EXPECT_FALSE(r.special);
    EXPECT_TRUE(r.upper);
    EXPECT_EQ(r.length, 8);
    EXPECT_TRUE(portal("Abcdef\uFF11!").digit);  // fullwidth digit one is Nd
}

TEST(PasswordRules, NotEqualsBuiltFromEqualsAndCombiningSolidus) {
    // = + U+0338 composes to ≠ (U+2260) under NFC: no special left, one code point less.
    const auto r = portal("Abcdef1=\u0338");
    EXPECT_FALSE(r.special);
    EXPECT_EQ(r.length, 8);
    const auto plain = portal("Abcdef1=");
    EXPECT_TRUE(plain.special);
}

TEST(PasswordRules, KeycapEmojiAreThreeCodePoints) {
    const auto one = portal("Abcdef!1\uFE0F\u20E3");
    EXPECT_TRUE(one.digit);
    EXPECT_EQ(one.length, 10);
    const auto hash = portal("Abcdef12#\uFE0F\u20E3");
    EXPECT_TRUE(hash.special);
    EXPECT_TRUE(hash.valid);
}

TEST(PasswordRules, LengthIsInCodePointsNotBytes) {
    // 7 code points but 14 bytes: too short.
    const auto seven = portal("\u00C9\u00E9\u00E81!\u00E0\u00E7");
    EXPECT_EQ(seven.length, 7);
    EXPECT_FALSE(seven.length_ok);
    EXPECT_FALSE(seven.valid);
    // 8 code points, 4-byte emoji included.
    const auto eight = portal("\u00C9\u00E9\u00E81!\u00E0\u00E7\U0001F600");
    EXPECT_EQ(eight.length, 8);
    EXPECT_TRUE(eight.length_ok);
    EXPECT_TRUE(eight.valid);
}

TEST(PasswordRules, MaximumIs128AfterNfc) {
    std::string s = "A1!";
    s.append(125, 'a');
    auto r = portal(s);
    EXPECT_EQ(r.length, 128);
    EXPECT_TRUE(r.valid);
    s.push_back('a');
    r = portal(s);
    EXPECT_EQ(r.error, RuleError::too_long);
    EXPECT_EQ(r.length, 129);       // the NFC count is reported
    EXPECT_TRUE(r.upper);           // rules are evaluated
    EXPECT_FALSE(r.length_ok);
    EXPECT_FALSE(r.valid);
}

TEST(PasswordRules, NfdThatComposesTo128IsAccepted) {
    // 128 x (e + U+0301) = 256 code points raw, 128 after NFC.
    std::string s = "E\u0301" "1!";
    for (int i = 0; i < 125; ++i) s += "e\u0301";
    auto r = portal(s);
    EXPECT_EQ(r.error, RuleError::none);
    EXPECT_EQ(r.length, 128);
    EXPECT_TRUE(r.valid);
    s += "e\u0301";
    r = portal(s);
    EXPECT_EQ(r.error, RuleError::too_long);
    EXPECT_EQ(r.length, 129);
}

TEST(PasswordRules, RawCapsBeforeNfc) {
    std::string s(512, 'a');
    auto r = portal(s);
    EXPECT_EQ(r.error, RuleError::too_long);
    EXPECT_EQ(r.length, 512);  // within the raw caps: NFC count
    s.push_back('a');
    r = portal(s);
    EXPECT_EQ(r.error, RuleError::too_long);
    EXPECT_EQ(r.length, -1);  // raw cap: length null, every rule false
    EXPECT_FALSE(r.lower);
    // 2,048 bytes is fine for the byte cap, 2,049 is not (683 x 3-byte + ...).
    std::string bytes;
    for (int i = 0; i < 512; ++i) bytes += "\U0001F600";  // 512 code points, 2,048 bytes
    EXPECT_EQ(portal(bytes).length, 512);
    bytes += "a";  // 513 code points, 2,049 bytes
    EXPECT_EQ(portal(bytes).length, -1);
    std::string over = std::string(2049, 'a');
    EXPECT_EQ(portal(over).length, -1);
    // A 30 KB input does not crash (std::regex overflows its stack on it).
    EXPECT_EQ(portal(std::string(30000, 'x')).error, RuleError::too_long);
}

TEST(PasswordRules, ControlCharactersAreRefused) {
    for (const std::string &s : {std::string("Abcdef1!\t"), std::string("Abcdef1!\n"), std::string("Abcdef1!\r"),
                                 std::string("Abc\0def1!", 9), std::string("Abcdef1!\x7F"), std::string("Abcdef1!\u0085"),
                                 std::string("Abcdef1!\u009F"), std::string("\x1B" "Abcdef1!")}) {
        const auto r = portal(s);
        EXPECT_EQ(r.error, RuleError::control_char);
        EXPECT_EQ(r.length, -1);
        EXPECT_FALSE(r.valid);
        EXPECT_FALSE(r.upper || r.lower || r.digit || r.special || r.length_ok);
    }
    // Format characters (Cf) are not Cc: allowed.
    EXPECT_EQ(portal("Abcdef1!\u200D").error, RuleError::none);
}

TEST(PasswordRules, IllFormedUtf8OfEveryKind) {
    const std::string cases[] = {
        "Abcdef1!\xC0\xAF",              // overlong 2-byte
        "Abcdef1!\xE0\x80\xAF",          // overlong 3-byte
        "Abcdef1!\xF0\x80\x80\xAF",      // overlong 4-byte
        "Abcdef1!\xED\xA0\x80",          // surrogate D800
        "Abcdef1!\xED\xBF\xBF",          // surrogate DFFF
        "Abcdef1!\xF4\x90\x80\x80",      // > U+10FFFF
        "Abcdef1!\xF5\x80\x80\x80",      // F5 lead
        "Abcdef1!\xC3",                  // truncated at the end
        "Abcdef1!\xE2\x82",              // truncated 3-byte
        "Abc\xE2\x82" "def1!",           // truncated in the middle
        "Abcdef1!\x80",                  // stray continuation
        "\xBF" "Abcdef1!",               // stray continuation first
        "Abcdef1!\xFF",                  // invalid byte
        "Abcdef1!\xFE",
        "Abcdef1!\xC1\xBF",              // C1 lead
    };
    for (const auto &s : cases) {
        const auto r = portal(s);
        EXPECT_EQ(r.error, RuleError::invalid_utf8) << testing::PrintToString(s);
        EXPECT_EQ(r.length, -1);
        EXPECT_FALSE(r.valid);
    }
}

TEST(PasswordRules, ErrorPrecedence) {
    // invalid_utf8 beats control_char beats too_long, wherever they are.
    std::string s = std::string(3000, 'a') + "\t" + "\xFF";
    EXPECT_EQ(portal(s).error, RuleError::invalid_utf8);
    s = std::string(3000, 'a') + "\t";
    EXPECT_EQ(portal(s).error, RuleError::control_char);
    s = "\t" + std::string(3000, 'a') + "\xC3";
    EXPECT_EQ(portal(s).error, RuleError::invalid_utf8);
}

TEST(PasswordRules, EmptyPassword) {
    const auto r = portal("");
    EXPECT_EQ(r.error, RuleError::none);
    EXPECT_EQ(r.length, 0);
    EXPECT_FALSE(r.valid);
}

TEST(PasswordPolicy, Cnil2022Alternatives) {
    const auto p = pw::Policy::preset("cnil2022");
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(pw::check_rules(*p, "Abcdefghij1!").valid);        // 12, four classes
    EXPECT_FALSE(pw::check_rules(*p, "Abcdefghi1!").valid);        // 11
    EXPECT_TRUE(pw::check_rules(*p, "Abcdefghijklm1").valid);      // 14 without special
    EXPECT_FALSE(pw::check_rules(*p, "Abcdefghijkl1").valid);      // 13 without special
    EXPECT_EQ(pw::check_rules(*p, "Abcdefghijklm1").alternative, 1);
    EXPECT_EQ(pw::check_rules(*p, "Abcdefghij1!").alternative, 0);
}

TEST(PasswordPolicy, UnknownPresetIsNotFound) {
    const auto p = pw::Policy::preset("nist");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), sesame::Code::not_found);
    EXPECT_TRUE(pw::Policy::preset("portal").ok());
}

TEST(PasswordPolicy, PolicyAsJson) {
    auto p = pw::Policy::from_json(R"({"alternatives": [{"min_length": 10, "classes": ["upper", "digit"]},
                                        {"min_length": 16, "min_classes": 2}], "max_length": 64,
                                        "specials": "!?", "forbid_other": true})");
    ASSERT_TRUE(p.ok()) << p.status().detail();
    EXPECT_TRUE(pw::check_rules(*p, "ABCDEFGHI1").valid);
    EXPECT_FALSE(pw::check_rules(*p, "ABCDEFGHIJ").valid);
    EXPECT_TRUE(pw::check_rules(*p, "abcdefghijklmnopq!").valid);   // alternative 2: 2 of 4
    EXPECT_FALSE(pw::check_rules(*p, "ABCDEFGHI1 ").valid);          // space forbidden
    EXPECT_FALSE(pw::check_rules(*p, "ABCDEFGHI1 ").allowed);
    EXPECT_TRUE(pw::check_rules(*p, "ABCDEFGHI1 ").has_allowed_rule);
    EXPECT_FALSE(pw::check_rules(*p, "ABCDEFGHI1@").special);        // @ not in this set
    EXPECT_EQ(pw::check_rules(*p, std::string(65, 'A')).error, RuleError::too_long);
    // round trip
    auto q = pw::Policy::from_json(p->to_json());
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q->to_json(), p->to_json());
}

TEST(PasswordPolicy, BadPoliciesAreRefused) {
    EXPECT_EQ(pw::Policy::from_json("{").status().code(), sesame::Code::parse);
    EXPECT_EQ(pw::Policy::from_json("[]").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Policy::from_json(R"({"max_length": 129})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Policy::from_json(R"({"alternatives": []})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Policy::from_json(R"({"alternatives": [{"classes": ["emoji"]}]})").status().code(),
              sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Policy::from_json(R"({"bogus": 1})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Policy::from_json(R"({"specials": "a\tb"})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Policy::from_json(R"({"min_score": 5})").status().code(), sesame::Code::invalid_argument);
}

TEST(PasswordRules, LabelsStateTheirFigureFromThePolicy) {
    const pw::Policy &portal = pw::Policy::portal();
    EXPECT_EQ(pw::rule_label(portal, pw::Rule::upper, 0, pw::Lang::fr), "Au moins une lettre majuscule");
    EXPECT_EQ(pw::rule_label(portal, pw::Rule::digit, 0, pw::Lang::en), "At least one digit");
    EXPECT_EQ(pw::rule_label(portal, pw::Rule::length, 0, pw::Lang::fr), "Au moins 8 caractères (128 au maximum)");
    EXPECT_EQ(pw::rule_label(portal, pw::Rule::special, -1, pw::Lang::fr),
              "Au moins un caractère spécial parmi ! ? @ # $ ( ) [ ] _ . , ; & = + - % * < > \u00A3 \u00B5 / :");
    // A custom policy gets its own figures; each alternative its own length.
    auto custom = pw::Policy::from_json(R"({"alternatives": [{"min_length": 12, "classes": ["upper", "lower", "digit",
        "special"]}, {"min_length": 14, "classes": ["upper", "lower", "digit"]}], "max_length": 64, "specials": "!?\u20AC"})");
    ASSERT_TRUE(custom.ok());
    EXPECT_EQ(pw::rule_label(*custom, pw::Rule::length, 1, pw::Lang::en),
              "At least 14 characters, or 12 with a special character (64 at most)");
    EXPECT_EQ(pw::rule_label(*custom, pw::Rule::length, 9, pw::Lang::en),
              "At least 12 characters, or 14 without a special character (64 at most)");
    EXPECT_EQ(pw::rule_label(*custom, pw::Rule::special, 0, pw::Lang::en),
              "At least one special character among ! ? \u20AC (optional from 14 characters)");
    EXPECT_EQ(pw::rule_label(*custom, pw::Rule::special, 1, pw::Lang::en),
              "At least one special character among ! ? \u20AC (optional from 14 characters)");
    EXPECT_EQ(pw::rule_label(*custom, pw::Rule::digit, 1, pw::Lang::en), "At least one digit");
    for (int r = 0; r <= 5; ++r) {
        EXPECT_NE(pw::rule_label(portal, pw::Rule(r), 0, pw::Lang::fr), "");
        EXPECT_NE(pw::rule_label(portal, pw::Rule(r), 0, pw::Lang::en), "");
    }
}

// With several alternatives every line tells the whole truth: a class that one alternative does
// without says from which length, the length line lists each way, an "N of 4" count is stated.
TEST(PasswordRules, LabelsOfSeveralAlternativesSayWhatEachNeeds) {
    auto cnil = pw::Policy::preset("cnil2022");
    ASSERT_TRUE(cnil.ok());
    EXPECT_EQ(pw::rule_label(*cnil, pw::Rule::length, 0, pw::Lang::fr),
              "Au moins 12 caractères, ou 14 sans caractère spécial (128 au maximum)");
    EXPECT_EQ(pw::rule_label(*cnil, pw::Rule::length, 1, pw::Lang::fr),
              "Au moins 14 caractères, ou 12 avec un caractère spécial (128 au maximum)");
    EXPECT_EQ(pw::rule_label(*cnil, pw::Rule::special, -1, pw::Lang::fr),
              "Au moins un caractère spécial parmi ! ? @ # $ ( ) [ ] _ . , ; & = + - % * < > \u00A3 \u00B5 / : "
              "(facultatif à partir de 14 caractères)");
    EXPECT_EQ(pw::rule_label(*cnil, pw::Rule::upper, 1, pw::Lang::fr), "Au moins une lettre majuscule");

    // Two classes dropped, one swapped: named in the checklist's order, joined as French joins them.
    auto mixed = pw::Policy::from_json(R"({"alternatives": [{"min_length": 10, "classes": ["upper", "lower", "digit",
        "special"]}, {"min_length": 16, "classes": ["lower"]},
        {"min_length": 12, "classes": ["upper", "lower", "special"]}]})");
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(pw::rule_label(*mixed, pw::Rule::length, 0, pw::Lang::fr),
              "Au moins 10 caractères, ou 16 sans majuscule ni chiffre ni caractère spécial, ou 12 sans chiffre "
              "(128 au maximum)");
    EXPECT_EQ(pw::rule_label(*mixed, pw::Rule::length, 2, pw::Lang::en),
              "At least 12 characters, or 10 with a digit, or 16 without an uppercase letter or a special character "
              "(128 at most)");
    EXPECT_EQ(pw::rule_label(*mixed, pw::Rule::digit, 0, pw::Lang::fr),
              "Au moins un chiffre (facultatif à partir de 12 caractères)");
    EXPECT_EQ(pw::rule_label(*mixed, pw::Rule::lower, 0, pw::Lang::fr), "Au moins une lettre minuscule");

    auto three_of_four = pw::Policy::from_json(R"({"alternatives": [{"min_length": 10, "classes": [], "min_classes": 3}]})");
    ASSERT_TRUE(three_of_four.ok());
    EXPECT_EQ(pw::rule_label(*three_of_four, pw::Rule::upper, 0, pw::Lang::fr),
              "Au moins une lettre majuscule (au moins 3 types de caractères sur 4)");
    EXPECT_EQ(pw::rule_label(*three_of_four, pw::Rule::digit, 0, pw::Lang::en),
              "At least one digit (at least 3 of the 4 kinds of character)");
    EXPECT_EQ(pw::rule_label(*three_of_four, pw::Rule::length, 0, pw::Lang::fr), "Au moins 10 caractères (128 au maximum)");
    // A class that no length makes necessary is optional, and says so.
    auto letters = pw::Policy::from_json(R"({"alternatives": [{"min_length": 12, "classes": ["lower"]}]})");
    ASSERT_TRUE(letters.ok());
    EXPECT_EQ(pw::rule_label(*letters, pw::Rule::digit, 0, pw::Lang::fr), "Au moins un chiffre (facultatif)");
    EXPECT_EQ(pw::rule_label(*letters, pw::Rule::special, 0, pw::Lang::en),
              "At least one special character among ! ? @ # $ ( ) [ ] _ . , ; & = + - % * < > \u00A3 \u00B5 / : (optional)");
    EXPECT_EQ(pw::rule_label(*letters, pw::Rule::lower, 0, pw::Lang::en), "At least one lowercase letter");
}

TEST(PasswordRules, CharactersOutsideThePolicyAreNamed) {
    const pw::Policy &portal = pw::Policy::portal();
    pw::RuleResult r = pw::check_rules(portal, "Soleil2015\u20AC");
    EXPECT_FALSE(r.special);
    ASSERT_EQ(r.unaccepted_n, 1);
    EXPECT_EQ(r.unaccepted[0], U'\u20AC');
    EXPECT_EQ(pw::unaccepted_message(portal, r, pw::Lang::fr),
              "\u20AC n\u2019est pas un caract\u00E8re sp\u00E9cial accept\u00E9 ; caract\u00E8res sp\u00E9ciaux "
              "accept\u00E9s : ! ? @ # $ ( ) [ ] _ . , ; & = + - % * < > \u00A3 \u00B5 / :");
    r = pw::check_rules(portal, "So leil~2015~^");
    ASSERT_EQ(r.unaccepted_n, 3);
    EXPECT_EQ(r.unaccepted_count, 3u);
    EXPECT_EQ(pw::unaccepted_message(portal, r, pw::Lang::en).substr(0, 58),
              "the space, ~ and ^ are not accepted special characters; ac");
    // Allowed and a special is present: nothing to say (the portal allows other characters).
    r = pw::check_rules(portal, "Soleil2015\u20AC!");
    EXPECT_EQ(r.unaccepted_n, 1);
    EXPECT_EQ(pw::unaccepted_message(portal, r, pw::Lang::fr), "");
    // A policy that forbids them says so, whatever the special rule.
    auto strict = pw::Policy::from_json(R"({"forbid_other": true})");
    ASSERT_TRUE(strict.ok());
    r = pw::check_rules(*strict, "Soleil2015\u20AC!");
    EXPECT_EQ(pw::unaccepted_message(*strict, r, pw::Lang::fr).substr(0, 28), "\u20AC n\u2019est pas autoris\u00E9 ; ");
    // Ten distinct ones: eight listed, all counted; a combining accent after a letter is no stranger.
    r = pw::check_rules(portal, "Ab1~^{}|`\u00A7\u20AC\u00B0\u00A8~~e\u0301");
    EXPECT_EQ(r.unaccepted_n, pw::kMaxUnaccepted);
    EXPECT_EQ(r.unaccepted_count, 10u);
    EXPECT_NE(pw::unaccepted_message(portal, r, pw::Lang::en).find("..."), std::string::npos);
    r.wipe_unaccepted();
    EXPECT_EQ(r.unaccepted_n, 0);
    EXPECT_EQ(r.unaccepted[0], U'\0');
    EXPECT_EQ(pw::check_rules(portal, "Lucas2014!").unaccepted_n, 0);
}

TEST(PasswordConfirm, ComparesNfcForms) {
    EXPECT_TRUE(pw::confirm("\u00C9ric12!x", "E\u0301ric12!x"));
    EXPECT_FALSE(pw::confirm("\u00C9ric12!x", "Eric12!x"));
    EXPECT_FALSE(pw::confirm("abc", "abcd"));
    EXPECT_FALSE(pw::confirm("ab\tc", "ab\tc"));     // not acceptable passwords
    EXPECT_FALSE(pw::confirm("\xFF", "\xFF"));
    EXPECT_TRUE(pw::confirm("", ""));
    EXPECT_FALSE(pw::confirm("\u00B5", "\u03BC"));   // micro sign is not Greek mu
}
