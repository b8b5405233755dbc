// Prints the meter's result for a fixed set of passwords, one line per estimate: score, the bits
// of guesses_log10, feedback. For changes that must not change results (speed work): run it
// before and after, then compare the two files byte for byte.
//
//   ./build-bench/bench/meter_dump > before.txt   (then rebuild with the change)
//   ./build-bench/bench/meter_dump > after.txt && cmp before.txt after.txt
//
// The set: the benchmark corpus (password_corpus.hpp), 40,000 generated mixes of words, digits,
// accents, emoji, l33t and keyboard pieces, and repeated runs up to 131 code points; each
// estimated without and with a context. Bits may differ between compilers (libm calls are the
// same, their inlining and folding are not): compare two builds of one compiler.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/password/meter.hpp"
#include "core/password/policy.hpp"
#include "password_corpus.hpp"

namespace pw = sesame::password;

int main() {
    std::vector<std::string> all = password_corpus();
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
    for (std::size_t len = 1; len <= 130; len += 7) {
        all.push_back(std::string(len, 'a'));
        all.push_back("A1!" + std::string(len, 'a'));
        std::string r;
        for (std::size_t i = 0; i < len; ++i) r += "ab1"[i % 3];
        all.push_back(r);
    }
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
}
