// The meter's results do not move: every line of tests/data/password/meter_golden.tsv (a few
// thousand passwords under fixed setups, written by bench/meter_dump --golden) is estimated again
// and compared exactly: the rule error, or the score, the bits of guesses_log10 and the feedback.
// A deliberate change of the model rewrites the file with meter_dump --golden; its diff then
// shows which passwords moved.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/password/meter.hpp"
#include "core/password/policy.hpp"

namespace pw = sesame::password;

namespace {

std::vector<std::string> split_tabs(const std::string &line) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == '\t') out.emplace_back();
        else out.back().push_back(c);
    }
    return out;
}

// The inverse of meter_dump's escape(): \xHH is one byte, every other byte stands for itself.
bool unescape(std::string_view s, std::string &out) {
    out.clear();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out.push_back(s[i]);
            continue;
        }
        if (i + 4 > s.size() || s[i + 1] != 'x') return false;
        const std::string hex(s.substr(i + 2, 2));
        char *end = nullptr;
        const long b = std::strtol(hex.c_str(), &end, 16);
        if (hex.size() != 2 || end != hex.c_str() + 2) return false;
        out.push_back(static_cast<char>(b));
        i += 3;
    }
    return true;
}

std::string feedback_names(std::uint32_t fb) {
    std::string out;
    for (std::uint32_t bit = 1; bit <= pw::kFbAll; bit <<= 1) {
        if ((fb & bit) == 0) continue;
        if (!out.empty()) out += ',';
        out += pw::feedback_code(bit);
    }
    return out.empty() ? "-" : out;
}

struct GoldenSetup {
    std::int32_t year = pw::kDefaultReferenceYear;
    bool has_context = false;
    pw::Context context;
};

}  // namespace

TEST(PasswordMeterGolden, EveryCommittedResultIsReproduced) {
    const std::string path = std::string(SESAME_SOURCE_DIR) + "/tests/data/password/meter_golden.tsv";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot open " << path;
    std::map<std::string, GoldenSetup> setups;
    std::string line, input;
    std::size_t lines = 0, estimates = 0, errors = 0, mismatches = 0, with_feedback = 0;
    while (std::getline(in, line)) {
        if (line.rfind("#setup\t", 0) == 0) {
            const auto f = split_tabs(line);
            ASSERT_EQ(f.size(), 4u) << line;
            GoldenSetup s;
            s.year = std::atoi(f[2].c_str());
            if (f[3] != "-") {
                auto c = pw::Context::from_json(f[3]);
                ASSERT_TRUE(c.ok()) << line;
                s.context = std::move(*c);
                s.has_context = true;
            }
            setups[f[1]] = std::move(s);
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        const auto f = split_tabs(line);
        ASSERT_EQ(f.size(), 6u) << "malformed line " << line;
        ASSERT_TRUE(unescape(f[0], input)) << "malformed input " << f[0];
        const auto st = setups.find(f[1]);
        ASSERT_NE(st, setups.end()) << "unknown setup " << f[1];
        ++lines;
        pw::NfcPassword nfc;
        const pw::RuleResult r = pw::check_rules(pw::Policy::portal(), input, &nfc);
        std::string got;
        if (r.error != pw::RuleError::none) {
            ++errors;
            got = std::string("error:") + pw::error_name(r.error) + "\t-\t-\t-";
        } else {
            ++estimates;
            pw::MeterOptions o;
            o.reference_year = st->second.year;
            const pw::Strength m = pw::estimate(nfc.cps.data(), nfc.n, st->second.has_context ? &st->second.context : nullptr, o);
            std::uint64_t bits = 0;
            std::memcpy(&bits, &m.guesses_log10, sizeof bits);
            char buf[64];
            std::snprintf(buf, sizeof buf, "%d\t%016llx\t%.17g\t", m.score, static_cast<unsigned long long>(bits), m.guesses_log10);
            got = buf + feedback_names(m.feedback);
            with_feedback += m.feedback != 0;
        }
        const std::string want = f[2] + '\t' + f[3] + '\t' + f[4] + '\t' + f[5];
        if (got != want) {
            ++mismatches;
            if (mismatches <= 20) ADD_FAILURE() << f[0] << " (" << f[1] << ")\n  want " << want << "\n  got  " << got;
        }
    }
    EXPECT_EQ(mismatches, 0u) << "of " << lines << " lines";
    // The file must not have lost its body: thousands of estimates, most with feedback, and errors.
    EXPECT_GE(lines, 9000u);
    EXPECT_GE(estimates, 8000u);
    EXPECT_GE(with_feedback, 2000u);
    EXPECT_GE(errors, 30u);
    EXPECT_EQ(setups.size(), 3u);
}
