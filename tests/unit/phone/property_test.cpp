// Properties of every accepted number, over a large generated sample (every calling code, random and
// mutated national numbers in several typings, the whole French plan) and the differential corpus
// (tests/data/phone/differential.tsv):
//   normalize(e164) == e164, normalize(international) == e164, normalize(national) == e164,
//   type == mobile => is_mobile, is_mobile => type in {mobile, fixed_line_or_mobile}.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/phone/metadata.hpp"
#include "core/phone/phone.hpp"

namespace sesame::phone {
namespace {

struct Tally {
    int accepted = 0, failures = 0;
};

void check(const std::string &raw, Tally &t) {
    const Parsed p = normalize(raw);
    if (!p.ok()) return;
    ++t.accepted;
    const Number &n = p.number;
    const std::string e164(n.e164());
    const std::string national = format_national(n), international = format_international(n);
    auto fail = [&](const char *what) {
        if (++t.failures <= 30)
            ADD_FAILURE() << what << " for \"" << raw << "\": " << e164 << " " << type_name(n.type)
                          << (n.is_mobile ? " mobile" : " not mobile") << " [" << national << "] [" << international
                          << "]";
    };
    if (normalize(e164).number.e164() != e164) fail("normalize(e164) != e164");
    if (normalize(international).number.e164() != e164) fail("normalize(international) != e164");
    if (normalize(national).number.e164() != e164) fail("normalize(national) != e164");
    if (n.type == Type::mobile && !n.is_mobile) fail("type mobile but not is_mobile");
    if (n.is_mobile && n.type != Type::mobile && n.type != Type::fixed_line_or_mobile) fail("is_mobile but type");
}

std::vector<std::pair<std::string, std::string>> corpus_raw_cc_nsn() {  // (raw, "cc nsn")
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(SESAME_SOURCE_DIR "/tests/data/phone/differential.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
        out.emplace_back(line.substr(0, a), line.substr(a + 1, b - a - 1) + " " + line.substr(b + 1, c - b - 1));
    }
    return out;
}

TEST(PhoneProperties, DifferentialCorpus) {
    Tally t;
    const auto corpus = corpus_raw_cc_nsn();
    ASSERT_GT(corpus.size(), 20000u);
    for (const auto &[raw, ccnsn] : corpus) check(raw, t);
    EXPECT_EQ(t.failures, 0);
    EXPECT_GT(t.accepted, 10000);
}

TEST(PhoneProperties, LargeGeneratedSample) {
    std::mt19937_64 rng(18);
    auto digits = [&](std::size_t n) {
        std::string s;
        for (std::size_t k = 0; k < n; ++k) s += char('0' + rng() % 10);
        return s;
    };
    auto typings = [&](const std::string &cc, const std::string &nsn) {
        return std::vector<std::string>{"+" + cc + nsn, "00" + cc + " " + nsn, "+" + cc + " (0)" + nsn};
    };
    Tally t;
    int inputs = 0;
    // Every assigned calling code, random national numbers of 4 to 14 digits.
    for (unsigned cc = 1; cc < 1000; ++cc) {
        const std::string ccs = std::to_string(cc);
        if (detail::country_code_length(ccs) != int(ccs.size())) continue;
        for (int k = 0; k < 300; ++k) {
            const std::string nsn = digits(4 + rng() % 11);
            for (const std::string &raw : typings(ccs, nsn)) {
                check(raw, t);
                ++inputs;
            }
        }
    }
    // The corpus's numbers with their last 1 to 6 digits redrawn (valid ranges of every region).
    for (const auto &[raw, ccnsn] : corpus_raw_cc_nsn()) {
        const std::string cc = ccnsn.substr(0, ccnsn.find(' ')), nsn0 = ccnsn.substr(ccnsn.find(' ') + 1);
        for (int k = 0; k < 4; ++k) {
            std::string nsn = nsn0;
            const std::size_t redraw = std::min<std::size_t>(nsn.size(), 1 + rng() % 6);
            for (std::size_t i = nsn.size() - redraw; i < nsn.size(); ++i) nsn[i] = char('0' + rng() % 10);
            check("+" + cc + " " + nsn, t);
            if (cc == "33" || nsn.size() == 9) check("0" + nsn, t);
            inputs += 2;
        }
    }
    // The French plan: every 4-digit national prefix, random ends.
    for (int p = 0; p < 10000; ++p) {
        char head[5];
        std::snprintf(head, sizeof head, "%04d", p);
        for (int k = 0; k < 5; ++k) {
            check("0" + std::string(head + 1) + digits(6), t);
            ++inputs;
        }
    }
    std::printf("properties: %d inputs, %d accepted\n", inputs, t.accepted);
    EXPECT_EQ(t.failures, 0);
    EXPECT_GT(t.accepted, 50000);
}

}  // namespace
}  // namespace sesame::phone
