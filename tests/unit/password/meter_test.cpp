// The strength meter: French-aware patterns, context, bounded cost (timing lives in bench/).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/password/password.hpp"
#include "core/password/wordlists.hpp"
#include "sesame/limits.h"

namespace pw = sesame::password;

namespace {

pw::Strength meter(std::string_view s, const pw::Context *ctx = nullptr) {
    pw::NfcPassword nfc;
    const auto r = pw::check_rules(pw::Policy::portal(), s, &nfc);
    EXPECT_EQ(r.error, pw::RuleError::none);
    return pw::estimate(nfc.cps.data(), nfc.n, ctx);
}

}  // namespace

TEST(PasswordMeter, LabelsAndThresholds) {
    EXPECT_STREQ(pw::score_label(0, pw::Lang::fr), "très faible");
    EXPECT_STREQ(pw::score_label(1, pw::Lang::fr), "faible");
    EXPECT_STREQ(pw::score_label(2, pw::Lang::fr), "moyen");
    EXPECT_STREQ(pw::score_label(3, pw::Lang::fr), "fort");
    EXPECT_STREQ(pw::score_label(4, pw::Lang::fr), "très fort");
    EXPECT_STREQ(pw::score_label(0, pw::Lang::en), "very weak");
    EXPECT_STREQ(pw::score_label(2, pw::Lang::en), "fair");
    EXPECT_STREQ(pw::score_label(4, pw::Lang::en), "very strong");
    EXPECT_STREQ(pw::score_label(5, pw::Lang::en), "");
    EXPECT_EQ(pw::score_from_log10(2.99), 0);
    EXPECT_EQ(pw::score_from_log10(3), 1);
    EXPECT_EQ(pw::score_from_log10(5.99), 1);
    EXPECT_EQ(pw::score_from_log10(6), 2);
    EXPECT_EQ(pw::score_from_log10(8), 3);
    EXPECT_EQ(pw::score_from_log10(10), 4);
}

TEST(PasswordMeter, AzertyIsACommonPassword) {
    const auto s = meter("azerty");
    EXPECT_LE(s.score, 1);
    EXPECT_TRUE(s.feedback & pw::kFbCommonPassword);
}

TEST(PasswordMeter, AzertyNumberRowIsAKeyboardWalk) {
    // zxcvbn-c gives this 99 bits; on a French keyboard it is the unshifted number row.
    const auto s = meter("&\u00E9\"'(-\u00E8_\u00E7\u00E0");
    EXPECT_LE(s.score, 1);
    EXPECT_TRUE(s.feedback & pw::kFbKeyboardWalk);
    EXPECT_LE(meter("azertyuiop").score, 1);
    EXPECT_LE(meter("qsdfghjklm").score, 1);
    EXPECT_LE(meter("qwertyuiop").score, 1);
    EXPECT_LE(meter("wxcvbn,;:!").score, 1);
}

TEST(PasswordMeter, WordYearSymbolScoresLow) {
    const auto s = meter("Soleil2015!");
    EXPECT_LE(s.score, 1);
    EXPECT_TRUE(s.feedback & pw::kFbDictionaryWord);
    EXPECT_TRUE(s.feedback & pw::kFbDate);
    EXPECT_LE(meter("Chocolat2020!").score, 1);
    EXPECT_LE(meter("Bonjour123!").score, 1);
    EXPECT_LE(meter("P@ssw0rd").score, 1);  // l33t
    EXPECT_LE(meter("M0tdep@sse").score, 2);
}

TEST(PasswordMeter, FrenchWordsWithOrWithoutAccents) {
    EXPECT_LE(meter("\u00E9t\u00E9").score, 1);
    EXPECT_LE(meter("ete").score, 1);
    EXPECT_LE(meter("Fran\u00E7ois").score, 1);
    EXPECT_TRUE(meter("Dupont").feedback & pw::kFbName);  // family name (the swapped upstream list)
}

TEST(PasswordMeter, PupilContextDrivesTheScoreDown) {
    pw::Context ctx;
    ctx.add_name("Lucas");
    ctx.add_name("Hélène LEFÈVRE-DUPRÉ");
    ASSERT_TRUE(ctx.add_date("2014-03-12"));
    const auto with = meter("Lucas2014!", &ctx);
    EXPECT_LE(with.score, 1);
    EXPECT_TRUE(with.feedback & pw::kFbContext);
    // A family name from the context lowers a password that the dictionaries alone rate higher.
    const auto without = meter("Lefevreduprek9", nullptr);
    const auto with_name = meter("Lefevreduprek9", &ctx);
    EXPECT_LT(with_name.guesses_log10, without.guesses_log10);
    EXPECT_TRUE(with_name.feedback & pw::kFbContext);
    // Dates count as DDMMYYYY and DDMM too.
    EXPECT_LT(meter("Zorglub12032014", &ctx).guesses_log10, meter("Zorglub12032014").guesses_log10 - 2);
    EXPECT_LT(meter("Xk1203!Wq", &ctx).guesses_log10, meter("Xk1203!Wq").guesses_log10);
}

TEST(PasswordMeter, PhoneAndLoginContext) {
    pw::Context ctx;
    ctx.add_phone("06 12 34 56 78");
    ctx.add_login("h.lefevre42");
    const auto s = meter("Wq0612345678!", &ctx);
    EXPECT_TRUE(s.feedback & pw::kFbContext);
    EXPECT_LT(s.guesses_log10, meter("Wq0612345678!").guesses_log10);
    EXPECT_LT(meter("Xy612345678", &ctx).guesses_log10, meter("Xy612345678").guesses_log10);  // NSN
    EXPECT_TRUE(meter("H.lefevre42!", &ctx).feedback & pw::kFbContext);
}

TEST(PasswordMeter, ContextFromJson) {
    auto c = pw::Context::from_json(
        R"({"names": ["Lucas", "Jean-Pierre Martin"], "dates": ["2014-03-12"], "phones": ["+33 6 12 34 56 78"], "login": "jp.martin"})");
    ASSERT_TRUE(c.ok()) << c.status().detail();
    EXPECT_FALSE(c->empty());
    EXPECT_EQ(pw::Context::from_json("{").status().code(), sesame::Code::parse);
    EXPECT_EQ(pw::Context::from_json(R"({"dates": ["2014-02-30"]})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Context::from_json(R"({"dates": ["12/03/2014"]})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Context::from_json(R"({"names": "Lucas"})").status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::Context::from_json(R"({"pets": ["Rex"]})").status().code(), sesame::Code::invalid_argument);
    // an unknown field is refused even when null; a known one may be null
    EXPECT_EQ(pw::Context::from_json(R"({"nickname": null})").status().code(), sesame::Code::invalid_argument);
    EXPECT_TRUE(pw::Context::from_json(R"({"login": null, "names": null})").ok());
    // bounds: size, depth, NUL byte (limits.h)
    std::string big = R"({"names": [")" + std::string(SESAME_CONTEXT_MAX_BYTES, 'a') + R"("]})";
    EXPECT_EQ(pw::Context::from_json(big).status().code(), sesame::Code::limit);
    std::string deep = R"({"names": )" + std::string(SESAME_JSON_MAX_DEPTH, '[') + std::string(SESAME_JSON_MAX_DEPTH, ']') + "}";
    EXPECT_EQ(pw::Context::from_json(deep).status().code(), sesame::Code::limit);
    EXPECT_EQ(pw::Context::from_json(std::string_view("{\"login\": \"a\0b\"}", 16)).status().code(), sesame::Code::parse);
    // details never carry the values
    EXPECT_EQ(pw::Context::from_json(R"({"dates": ["1985-13-01"]})").status().detail().find("1985"), std::string::npos);
}

TEST(PasswordMeter, RandomSixteenCharactersScoreFour) {
    std::mt19937 rng(20261128);
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!?@#$()[]_.,;&=+-%*<>/:";
    for (int k = 0; k < 200; ++k) {
        std::string s;
        for (int i = 0; i < 16; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
        const auto m = meter(s);
        EXPECT_EQ(m.score, 4) << s << " " << m.guesses_log10;
        EXPECT_EQ(m.feedback, 0u);
    }
}

TEST(PasswordMeter, RepeatsSequencesAndDates) {
    EXPECT_TRUE(meter("aaaaaaaaaa").feedback & pw::kFbRepeat);
    EXPECT_TRUE(meter("abcabcabcabc").feedback & pw::kFbRepeat);
    EXPECT_LE(meter("abcabcabcabc").score, 1);
    EXPECT_TRUE(meter("abcdefghij").feedback & pw::kFbSequence);
    EXPECT_TRUE(meter("98765432").feedback & (pw::kFbSequence | pw::kFbCommonPassword));
    EXPECT_TRUE(meter("12/03/2014").feedback & pw::kFbDate);
    EXPECT_LE(meter("12/03/2014").score, 1);
    EXPECT_TRUE(meter("Zq120314").feedback & pw::kFbDate);
}

TEST(PasswordMeter, LongPassphraseIsStrong) {
    EXPECT_EQ(meter("cheval agrafe batterie correcte").score, 4);
}

TEST(PasswordMeter, WorstCaseInputIsHandled) {
    std::string s = "A1!";
    s.append(125, 'a');
    const auto m = meter(s);
    EXPECT_LE(m.score, 2);
    EXPECT_TRUE(m.feedback & pw::kFbRepeat);
    // Only the first 128 code points count.
    const char32_t many[300] = {};
    EXPECT_GE(pw::estimate(many, 300, nullptr).score, 0);
    EXPECT_EQ(pw::estimate(many, 0, nullptr).score, 0);
}

TEST(PasswordMeter, FeedbackCodesAndMessages) {
    const std::uint32_t bits[] = {pw::kFbCommonPassword, pw::kFbDictionaryWord, pw::kFbName, pw::kFbKeyboardWalk,
                                  pw::kFbSequence, pw::kFbRepeat, pw::kFbDate, pw::kFbContext};
    const char *codes[] = {"common_password", "dictionary_word", "name", "keyboard_walk",
                           "sequence", "repeat", "date", "context"};
    for (int i = 0; i < 8; ++i) {
        EXPECT_STREQ(pw::feedback_code(bits[i]), codes[i]);
        EXPECT_STRNE(pw::feedback_message(bits[i], pw::Lang::fr), "");
        EXPECT_STRNE(pw::feedback_message(bits[i], pw::Lang::en), "");
    }
    EXPECT_STREQ(pw::feedback_code(3), "");
}

TEST(PasswordMeter, EmbeddedData) {
    const auto &w = pw::data::Words::get();
    EXPECT_GT(w.size(), 100000u);
    int found = 0;
    w.prefixes("azerty", [&](std::size_t len, pw::data::Words::Hit e) {
        if (len == 6) {
            ++found;
            EXPECT_EQ(e.dict, pw::data::Dict::passwords);
        }
    });
    EXPECT_EQ(found, 1);
    // The upstream firstnames/lastnames swap is undone: "lucas" is a first name.
    w.prefixes("lucas", [&](std::size_t len, pw::data::Words::Hit e) {
        if (len == 5 && e.dict == pw::data::Dict::firstnames) ++found;
    });
    EXPECT_EQ(found, 2);
    EXPECT_GE(pw::data::graphs().size(), 3u);
    EXPECT_STREQ(pw::data::graphs()[1].name, "azerty");
}

// A walk reports the words that are prefixes of its string, whatever the string's length (the
// first two bytes come from one table read, the walk reads the terminator), and returns how many
// bytes decided them: any string with those first bytes gives the same words.
TEST(PasswordMeter, WordWalksReadOnlyTheBytesThatDecide) {
    const auto &w = pw::data::Words::get();
    using Hits = std::vector<std::pair<std::size_t, pw::data::Dict>>;
    auto walk = [&](const std::string &s, std::size_t *decided = nullptr) {
        Hits hits;
        const std::size_t d = w.prefixes(s, [&](std::size_t len, pw::data::Words::Hit h) { hits.emplace_back(len, h.dict); });
        EXPECT_LE(d, s.size()) << s;
        if (decided != nullptr) *decided = d;
        return hits;
    };
    for (const std::string s : {"azertyuiop", "motdepasse2024", "soleil", "qx", "a", "", "~abc", "e\xcc\x81"}) {
        std::size_t decided = 0;
        const Hits all = walk(s, &decided);
        for (std::size_t len = 0; len <= s.size(); ++len) {
            Hits shorter;
            for (const auto &h : all)
                if (h.first <= len) shorter.push_back(h);
            EXPECT_EQ(walk(s.substr(0, len)), shorter) << s << " cut at " << len;
        }
        EXPECT_EQ(walk(s.substr(0, decided) + "~~"), all) << s;
    }
    EXPECT_TRUE(walk("").empty());
    EXPECT_TRUE(walk("~abc").empty());  // no word holds '~'
    std::size_t decided = 0;
    const Hits row = walk("azertyuiop", &decided);
    EXPECT_NE(std::find(row.begin(), row.end(), std::make_pair(std::size_t(6), pw::data::Dict::passwords)), row.end());
    ASSERT_FALSE(row.empty());
    EXPECT_EQ(row.back().first, 10u);  // the whole row is a word too
    EXPECT_EQ(decided, 10u);
}

// Folding as identity keys do: the common blocks come from a table built once, the others are
// computed on each call; both must give these.
TEST(PasswordMeter, FoldsInsideAndOutsideTheTable) {
    const std::pair<char32_t, const char *> cases[] = {
        {U'A', "a"}, {U'É', "e"}, {U'Ç', "c"}, {U'Œ', "oe"}, {U'ß', "ss"}, {U'þ', "th"}, {U'ı', "i"},
        {U'İ', "i"},                   // I + dot above, mark stripped
        {U'µ', "\xCE\xBC"},           // the micro sign folds to Greek mu (μ)
        {U'½', "1\xE2\x81\x84" "2"},  // compatibility: 1 ⁄ 2, 5 bytes
        {0x024F, "\xC9\x8F"},         // last code point of the Latin table
        {0x0250, "\xC9\x90"},         // first one after it: computed
        {0x2000, " "},                 // en quad: a space
        {0x2026, "..."},               // ellipsis
        {0x2019, "\xE2\x80\x99"},     // ’ stays itself
        {0x20AC, "\xE2\x82\xAC"},     // €
        {0x2122, "tm"},                // ™, computed: past the punctuation table
        {0x1E9E, "ss"},                // capital sharp s, computed
        {0xFF21, "a"},                 // fullwidth A, computed
    };
    for (const auto &[cp, want] : cases) {
        std::string got;
        pw::fold_cp(cp, got);
        EXPECT_EQ(got, want) << "U+" << std::hex << std::uint32_t(cp);
    }
    // Appends, does not replace.
    std::string two = "x";
    pw::fold_cp(U'Œ', two);
    EXPECT_EQ(two, "xoe");
}

TEST(PasswordCheck, StrengthOnlyWithoutErrorAndMinScorePolicy) {
    const auto r = pw::check(pw::Policy::portal(), "ab\tc", nullptr, {});
    EXPECT_FALSE(r.has_strength);
    const auto ok = pw::check(pw::Policy::portal(), "Soleil2015!", nullptr, {});
    EXPECT_TRUE(ok.has_strength);
    EXPECT_TRUE(ok.valid);  // the portal preset sets no minimum score
    auto strict = pw::Policy::from_json(R"({"min_score": 3})");
    ASSERT_TRUE(strict.ok());
    pw::CheckOptions no_meter;
    no_meter.strength = false;
    const auto weak = pw::check(*strict, "Soleil2015!", nullptr, no_meter);
    EXPECT_TRUE(weak.has_strength);  // forced by the policy
    EXPECT_FALSE(weak.valid);
    EXPECT_TRUE(pw::check(*strict, "k3#Lp9!xQw2@Rt7$", nullptr, no_meter).valid);
}
