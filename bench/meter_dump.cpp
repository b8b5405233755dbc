// The meter's results over fixed sets of passwords: what tells that a change which must not move
// them (speed work, a refactoring) did not. Two outputs:
//
//   ./build-bench/bench/meter_dump --golden > tests/data/password/meter_golden.tsv
//       The golden file that ctest compares with (tests/unit/password/meter_golden_test.cpp): a
//       deterministic sample of the benchmark corpus and of the generated mixes below, the long
//       repeated runs, and French cases written by hand (AZERTY walks, accented words and names,
//       dates, l33t, context words, letters the folds treat differently, long and invalid inputs),
//       each estimated under fixed setups (no context; a fixed family context; reference year
//       2000). Rewrite it only for a deliberate change of the model, and read the diff.
//
//   ./build-bench/bench/meter_dump > before.txt        (then rebuild with the change)
//   ./build-bench/bench/meter_dump > after.txt && cmp before.txt after.txt
//       The sweep: one line per estimate (score, the bits of guesses_log10, feedback) over the
//       whole benchmark corpus, 40,000 generated mixes of words, digits, accents, emoji, l33t and
//       keyboard pieces, and repeated runs up to 130 code points, each without and with a context
//       (269,862 estimates): forty times the golden file's inputs, for speed work.
//
//   valgrind --tool=callgrind --toggle-collect='*estimate_corpus*' ./build-bench/bench/meter_dump --corpus
//       The instructions one pass over the benchmark corpus takes (what BM_Meter_Sesame times:
//       rules, NFC and the estimate, no context), after a warm-up pass: a count that does not
//       depend on the machine's load, to compare two builds.
//
//   ./build-bench/bench/meter_dump --time 20
//       The fastest of 20 passes over the corpus, per password (wall clock): run two builds in
//       turns on a loaded machine and compare the minima.
//
// Bits may differ between compilers and C libraries (libm calls are the same, their inlining and
// folding are not): the golden file holds those of GCC 12 and glibc 2.36 on x86-64 (Debian 12).
#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/password/meter.hpp"
#include "core/password/policy.hpp"
#include "core/text/utf8.hpp"
#include "password_corpus.hpp"

namespace pw = sesame::password;

namespace {

std::vector<std::string> generated_mixes() {
    std::vector<std::string> all;
    std::mt19937 rng(7);
    const char *pieces[] = {"a", "e", "1", "9", "!", "@", "é", "è", "ç", "à", "Z", "Q", "w", "x", "0", "2",
                            "3", "4", "$", "(", "|", "œ", "ß", "µ", "£", "2015", "1987", "azer", "qsdf", "lucas",
                            "emma", "dupont", "soleil", "pass", "123", "abc", "zyx", " ", "-", "€", "😀", "İ",
                            "ı", "Ⅻ", "５"};
    for (int k = 0; k < 40000; ++k) {
        std::string s;
        const unsigned m = 1 + rng() % 12;
        for (unsigned q = 0; q < m; ++q) s += pieces[rng() % std::size(pieces)];
        all.push_back(s);
    }
    return all;
}

std::vector<std::string> repeated_runs() {
    std::vector<std::string> all;
    for (std::size_t len = 1; len <= 130; len += 7) {
        all.push_back(std::string(len, 'a'));
        all.push_back("A1!" + std::string(len, 'a'));
        std::string r;
        for (std::size_t i = 0; i < len; ++i) r += "ab1"[i % 3];
        all.push_back(r);
    }
    return all;
}

std::string times(std::string_view s, std::size_t n) {
    std::string r;
    for (std::size_t i = 0; i < n; ++i) r += s;
    return r;
}

// French cases, written by hand. Grouped by what they exercise; every one is estimated under
// every setup.
std::vector<std::string> french_cases() {
    std::vector<std::string> c = {
        // AZERTY (and QWERTY, keypad) walks
        "azerty", "Azerty123", "azertyuiop", "AZERTYUIOP", "qsdfghjklm", "wxcvbn", "wxcvbn,;:!", "&é\"'(-è_çà",
        "&é\"'(-è_çà)=", "1234567890°+", "aqwzsx", "azsxdc", "poiuytreza", "mlkjhgfdsq", "nbvcxw", "azer1234",
        "zqsd", "ZQSDzqsd", "aze!rty", "²&é\"'", "AZERTY!!", "azertY", "AzErTy", "qwerty", "Qwerty123!", "qwertz",
        "1qaz2wsx", "!QAZ2wsx", "zaqxsw", "789456123", "7894561230", "147258369", "159357", "/*-+", "852456",
        "0147852369", "azerty2024!", "Azertyuiop1!", "ytreza", "&é\"'(", "AZE&é\"", "okm;lp", "^$*ù", "ù*$^",
        // accented words
        "été", "Été2020!", "ete", "éléphant", "Éléphant", "E\xCC\x81le\xCC\x81phant", "cœur", "Cœur", "coeur",
        "Œuvre", "œuvre", "Ægir", "sœur", "garçon", "Garçon!", "françois", "François1987", "Hélène", "hélène",
        "HÉLÈNE", "noël", "Noël2025", "naïve", "maïs", "où", "à", "ça", "déjà", "fenêtre", "forêt",
        "crème brûlée", "Besançon", "Mâcon", "Saint-Étienne", "l'école", "L'École!", "ÉCOLE", "école2024",
        "Ecole2024!", "bibliothèque", "Château", "pâtisserie", "Noël!2014", "Fête", "coïncidence", "aïeul",
        // letters the folds treat differently (name keys, the meter, the word-list generator)
        "Straße", "STRASSE", "ẞ", "Ørsted", "Łódź", "Đorđe", "ðorð", "þorn", "ıstanbul", "İstanbul", "ħelo",
        "Ħamrun", "ŧest", "ŋoma", "ɖoe", "ɗan", "ɓaba", "ƙasa", "ƴa", "ɛkuɛ", "ɔkɔ", "Ɛkuɛ2014", "Ɔkɔ!",
        "ǿrsted", "Ǿrsted", "ﬁnance", "ﬂeur", "ｓｏｌｅｉｌ", "Ⅻ", "½", "µ", "£", "€uro", "soleil…", "l’école",
        "sol\xC2\xAD" "eil", "so\xE2\x80\x8Bleil", "sol\xE0\xA4\x83" "eil", "crème\xCC\x81", "Ĳssel", "ĳs", "ǅemal",
        "Ŀlum", "ſoleil", "Dupont\xC2\xB7Martin", "Ɓaaba", "ƊAN", "Ŋoma", "Ŧest", "Đ", "Ł", "Ø", "Æ", "Œ",
        // scripts and symbols
        "soleil😀", "😀😀😀😀", "ελληνικά", "пароль", "Пароль123", "كلمة", "密码123", "비밀번호", "पासवर्ड",
        "Ⓢⓞⓛⓔⓘⓛ", "𝐬𝐨𝐥𝐞𝐢𝐥", "™", "©2024", "→←", "♥♥♥",
        // names
        "lucas", "Lucas2014", "emma", "Emma2015!", "dupont", "Dupont75", "martin", "Martin1980", "Jean-Pierre",
        "jeanpierre", "Marie-Claire", "lefèvre", "Lefevre", "nathalie", "Nathalie1968", "mohamed", "Mohamed93",
        "kevin", "Kévin", "léa", "chloé", "jérôme", "françoise", "benoît", "inès", "zoé", "N'Diaye", "ndiaye",
        "Nguyen", "Moreau", "Girard1977", "Rousseau!", "Fontaine", "Lambert", "Bernard", "Petit2010",
        // French words and phrases
        "motdepasse", "MotDePasse", "Motdepasse1!", "bonjour", "Bonjour123!", "soleil", "Soleil2015!", "chocolat",
        "papillon", "doudou", "nounours", "chaton", "loulou", "marseille", "Paris75", "paris2024", "jetaime",
        "jet'aime", "Jetaime!", "je t'aime", "famille", "vacances", "printemps", "liberté", "Liberté1789",
        "bienvenue", "coucou", "salut", "ordinateur", "mot de passe", "cheval agrafe batterie correcte",
        "correct horse battery staple", "Allez l'OM!", "ilovepsg", "toulouse31", "bretagne29", "Bisous<3",
        "jesuisla", "quoi de neuf", "Mamanjetaime", "papa1234", "princesse", "Chouchou!", "tonton",
        // l33t
        "P@ssw0rd", "p@ssword", "M0tdep@sse", "S0l31l", "b0nj0ur", "ch0c0l@t", "4zerty", "@zerty", "Pa$$w0rd!",
        "1ov3", "|ucas", "$oleil", "5oleil", "3l3ph4nt", "m@rseille13", "P4p1ll0n", "4m0ur", "Fr@nc3",
        // dates and years
        "12/03/2014", "12.03.14", "12-03-2014", "120314", "12032014", "20140312", "2014", "1987", "19870312",
        "1987-11-02", "02111987", "021187", "Né le 12/3/1987", "31/12/1999", "01/01/2000", "29/02/2016", "1/1/1",
        "3112", "0101", "07/14", "14 juillet 1789", "1789", "2050", "2099", "1899", "Zq120314", "Soleil1987!",
        "2026", "2025!", "11/11/1918", "1er mai 2020", "08/05/1945", "25122000", "2000-01-01", "99999999",
        "13/13/2013", "00/00/0000", "2014_03_12", "12 03 2014", "12\\03\\2014",
        // sequences and repeats
        "abcdef", "abcdefghij", "azertyazerty", "123123", "aaaaaaaa", "AAAAAAA", "abcabcabcabc", "zyxwvu",
        "987654321", "13579", "2468", "acegik", "aaaaaaaaaa1!", "Ab1!Ab1!Ab1!", "hahahaha", "lolololol",
        "😀😀😀", "ééééé", "abcdé", "αβγδε", "0123456789", "9876543210", "xyzxyzxyz", "soleilsoleil",
        // context words (the family setup names them)
        "Lucas2014!", "lucasdupont", "Dupont2014", "EmmaLefevre", "emma.lefevre", "Lefèvre1987", "0612345678",
        "612345678", "06 12 34 56 78", "+33612345678", "lucas.dupont", "LucasDupont!", "l.dupont42", "Xk1203!Wq",
        "12032014Lucas", "Zorglub12032014", "dupont0612", "luc4s2014", "Emma1102", "02111987", "871102",
        "Jean-PierreNDiaye", "jpndiaye", "N'Diaye2014", "ndiaye0612", "Ld12032014!", "14031987",
        // random and strong
        "k3#Lp9!xQw2@Rt7$", "Tr0ub4dor&3", "xQ9#mK2$vL", "Zx8!pQ2#", "vG7$eR4!kL1@", "éZ9!çP2#àQ", "W3rt?Lm8_Kp",
        // short and degenerate
        "", "a", "A", "1", "!", " ", "  ", "é", "aa", "ab", "abc", "😀", "\xC2\xA0", "a b", "-", "..",
        // invalid: ill-formed UTF-8, control characters
        "\xFF", "Caf\xE9", "abc\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "ab\tc", "ab\nc", "\x7F",
        std::string("a\0b", 3), "\xC2\x85", "Soleil\r\n", "\xE2\x82", "\x80" "abc",
    };
    // Long inputs: the meter reads the first 128 code points of the NFC form; the raw caps are
    // 512 code points and 2,048 bytes.
    c.push_back("A1!" + std::string(125, 'a'));
    c.push_back("A1!" + std::string(126, 'a'));
    c.push_back(std::string(127, 'x') + "password");
    c.push_back(times("Soleil2015!", 12));
    c.push_back(times("cheval agrafe batterie correcte ", 5));
    c.push_back(times("azerty", 30));
    c.push_back(times("é", 128));
    c.push_back(times("é", 129));
    c.push_back(times("é", 512));
    c.push_back(times("é", 513));
    c.push_back(std::string(512, 'a'));
    c.push_back(std::string(513, 'a'));
    c.push_back(times("e\xCC\x81", 256));  // 512 code points raw, 256 after NFC
    c.push_back(times("e\xCC\x81", 257));  // 514 raw: refused before NFC
    c.push_back(times("😀", 512));         // 2,048 bytes
    c.push_back(times("😀", 512) + "a");   // 2,049 bytes
    c.push_back(times("Ab1!", 32));
    c.push_back(times("Ab1!", 33));
    {
        std::mt19937 rng(2026);
        const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!?@#$()[]_.,;&=+-%*<>/:";
        for (std::size_t len : {64, 128, 200, 512}) {
            std::string s;
            for (std::size_t k = 0; k < len; ++k) s.push_back(alphabet[rng() % alphabet.size()]);
            c.push_back(s);
        }
    }
    return c;
}

struct Setup {
    const char *name;
    std::int32_t year;
    const char *context;  // JSON, or "" for none
};

constexpr Setup kSetups[] = {
    {"none", pw::kDefaultReferenceYear, ""},
    {"family", pw::kDefaultReferenceYear,
     R"({"names":["Lucas Dupont","Emma Lefèvre","Jean-Pierre N'Diaye"],"dates":["2014-03-12","1987-11-02"],)"
     R"("phones":["06 12 34 56 78"],"login":"lucas.dupont"})"},
    {"y2000", 2000, ""},
};

// The input as one TSV field: printable characters as they are; backslash, controls, format
// characters, separators other than the space, lone marks and (when the input is not valid UTF-8)
// every byte above 0x7F as \xHH.
std::string escape(std::string_view s) {
    std::string out;
    auto hex = [&](unsigned char b) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", b);
        out += buf;
    };
    if (!sesame::text::is_valid_utf8(s)) {
        for (unsigned char b : s) {
            if (b < 0x20 || b >= 0x7F || b == '\\') hex(b);
            else out.push_back(char(b));
        }
        return out;
    }
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t at = i;
        char32_t cp = 0;
        sesame::text::decode_one(s, i, cp);
        const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
        const bool plain = cp == ' ' || (cp > 0x20 && cp < 0x7F && cp != '\\') ||
                           (cp >= 0x80 && cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_CF &&
                            cat != UTF8PROC_CATEGORY_ZS && cat != UTF8PROC_CATEGORY_ZL && cat != UTF8PROC_CATEGORY_ZP &&
                            cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC && cat != UTF8PROC_CATEGORY_ME &&
                            cat != UTF8PROC_CATEGORY_CO && cat != UTF8PROC_CATEGORY_CN);
        if (plain) out.append(s.substr(at, i - at));
        else
            for (std::size_t k = at; k < i; ++k) hex(static_cast<unsigned char>(s[k]));
    }
    return out;
}

std::string feedback_names(std::uint32_t fb) {
    std::string out;
    for (std::uint32_t bit = 1; bit != 0 && bit <= pw::kFbAll; bit <<= 1) {
        if ((fb & bit) == 0) continue;
        if (!out.empty()) out += ',';
        out += pw::feedback_code(bit);
    }
    return out.empty() ? "-" : out;
}

int golden() {
    std::vector<std::string> inputs;
    std::set<std::string> seen;
    auto take = [&](const std::string &s) {
        if (seen.insert(s).second) inputs.push_back(s);
    };
    std::size_t from_corpus = 0, from_mixes = 0;
    const auto &corpus = password_corpus();
    for (std::size_t k = 0; k < corpus.size(); k += 50) from_corpus += seen.count(corpus[k]) == 0, take(corpus[k]);
    const auto mixes = generated_mixes();
    for (std::size_t k = 0; k < mixes.size(); k += 40) from_mixes += seen.count(mixes[k]) == 0, take(mixes[k]);
    for (const auto &s : repeated_runs()) take(s);
    for (const auto &s : french_cases()) take(s);

    std::vector<pw::Context> contexts;
    for (const Setup &st : kSetups) {
        if (*st.context == '\0') {
            contexts.emplace_back();
            continue;
        }
        auto c = pw::Context::from_json(st.context);
        if (!c.ok()) return 1;
        contexts.push_back(std::move(*c));
    }
    std::printf(
        "# The strength meter's golden results: tests/unit/password/meter_golden_test.cpp estimates every\n"
        "# line again and compares. Written by bench/meter_dump --golden (the inputs and how they were\n"
        "# chosen are there): %zu inputs, %zu of them sampled from the benchmark corpus, %zu from the\n"
        "# generated mixes, the rest long repeated runs and French cases written by hand.\n"
        "# input: the password's bytes; backslash, controls, invalid UTF-8 and invisible characters as \\xHH.\n"
        "# result: the portal policy's rule error, or score, the bits of guesses_log10 (hex), guesses_log10\n"
        "# (decimal, for reading) and the feedback codes.\n",
        inputs.size(), from_corpus, from_mixes);
    for (const Setup &st : kSetups)
        std::printf("#setup\t%s\t%d\t%s\n", st.name, static_cast<int>(st.year), *st.context ? st.context : "-");
    std::printf("#input\tsetup\tscore\tguesses_log10_bits\tguesses_log10\tfeedback\n");
    std::size_t lines = 0;
    for (const auto &s : inputs) {
        pw::NfcPassword nfc;
        const pw::RuleResult r = pw::check_rules(pw::Policy::portal(), s, &nfc);
        for (std::size_t k = 0; k < std::size(kSetups); ++k) {
            const Setup &st = kSetups[k];
            ++lines;
            if (r.error != pw::RuleError::none) {
                std::printf("%s\t%s\terror:%s\t-\t-\t-\n", escape(s).c_str(), st.name, pw::error_name(r.error));
                continue;
            }
            pw::MeterOptions o;
            o.reference_year = st.year;
            const pw::Context *ctx = *st.context ? &contexts[k] : nullptr;
            const pw::Strength m = pw::estimate(nfc.cps.data(), nfc.n, ctx, o);
            std::uint64_t bits = 0;
            std::memcpy(&bits, &m.guesses_log10, sizeof bits);
            std::printf("%s\t%s\t%d\t%016llx\t%.17g\t%s\n", escape(s).c_str(), st.name, m.score,
                        static_cast<unsigned long long>(bits), m.guesses_log10, feedback_names(m.feedback).c_str());
        }
    }
    std::fprintf(stderr, "%zu inputs, %zu lines\n", inputs.size(), lines);
    return 0;
}

int sweep() {
    std::vector<std::string> all = password_corpus();
    for (auto &s : generated_mixes()) all.push_back(std::move(s));
    for (auto &s : repeated_runs()) all.push_back(std::move(s));
    const auto ctx = pw::Context::from_json(
        R"({"names":["Lucas Dupont","Emma Lefèvre"],"dates":["2014-03-12","1987-11-02"],)"
        R"("phones":["06 12 34 56 78"],"login":"lucas.dupont"})");
    if (!ctx.ok()) return 1;
    std::size_t lines = 0;
    for (const auto &s : all) {
        pw::NfcPassword nfc;
        if (pw::check_rules(pw::Policy::portal(), s, &nfc).error != pw::RuleError::none) continue;
        for (const pw::Context *c : {static_cast<const pw::Context *>(nullptr), &*ctx}) {
            const pw::Strength st = pw::estimate(nfc.cps.data(), nfc.n, c);
            std::uint64_t bits = 0;
            std::memcpy(&bits, &st.guesses_log10, sizeof bits);
            std::printf("%d %016llx %u\n", st.score, static_cast<unsigned long long>(bits), st.feedback);
            ++lines;
        }
    }
    std::fprintf(stderr, "%zu estimates\n", lines);
    return 0;
}

// One pass over the corpus, as BM_Meter_Sesame does.
[[gnu::always_inline]] inline int one_pass(const std::vector<std::string> &c) {
    int sum = 0;
    for (const auto &s : c) {
        pw::NfcPassword nfc;
        if (pw::check_rules(pw::Policy::portal(), s, &nfc).error != pw::RuleError::none) continue;
        sum += pw::estimate(nfc.cps.data(), nfc.n, nullptr).score;
    }
    return sum;
}

// Two copies, neither inlined nor merged (noipa), so that callgrind counts the second alone.
[[gnu::noipa]] int warm_up(const std::vector<std::string> &c) { return one_pass(c); }
[[gnu::noipa]] int estimate_corpus(const std::vector<std::string> &c) { return one_pass(c); }

// The fastest of `passes` timed passes over the corpus (after a warm-up): less sensitive to a
// loaded machine than a mean, for comparing two builds run in turns.
int timed(int passes) {
    const auto &c = password_corpus();
    int sum = warm_up(c);
    double best = 1e300;
    for (int p = 0; p < passes; ++p) {
        const auto t0 = std::chrono::steady_clock::now();
        sum += estimate_corpus(c);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::min(best, s);
    }
    std::printf("min of %d passes: %.1f ns per password (%d)\n", passes, best * 1e9 / double(c.size()), sum);
    return 0;
}

int corpus() {
    const auto &c = password_corpus();
    const int warm = warm_up(c);  // builds the word index and the tables
    const int sum = estimate_corpus(c);
    std::printf("%zu passwords, score sum %d (warm-up %d)\n", c.size(), sum, warm);
    return 0;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc == 2 && std::strcmp(argv[1], "--golden") == 0) return golden();
    if (argc == 2 && std::strcmp(argv[1], "--corpus") == 0) return corpus();
    if (argc == 3 && std::strcmp(argv[1], "--time") == 0) return timed(std::atoi(argv[2]));
    if (argc == 1) return sweep();
    std::fprintf(stderr, "usage: meter_dump [--golden | --corpus | --time PASSES]\n");
    return 2;
}
