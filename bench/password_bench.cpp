// Password module vs its peers, side by side on the same corpus (bench/README.md, "## password").
//
//   rules:  sesame check_rules  vs  std::regex (one regex per checklist rule, on bytes, as ENT code
//           does)  vs  an ICU implementation of the same semantics (strict u_strFromUTF8, u_charType
//           for Cc/Lu/Lt/Ll/Nd, Normalizer2 NFC, the 25 specials)
//   meter:  sesame estimate  vs  zxcvbn-c ZxcvbnMatch (Debian libzxcvbn-dev)
//   worst:  "A1!" + 125 x "a" (128 code points) for both meters
//
// Every corpus benchmark processes the whole corpus (100,000 generated passwords) per iteration:
// items_per_second is passwords per second, and the ratios in bench/README.md divide them.
#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <pwquality.h>
#include <zxcvbn.h>

#include <array>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/password/meter.hpp"
#include "core/password/policy.hpp"
#include "password_corpus.hpp"

namespace pw = sesame::password;

namespace {


std::string worst_case() {
    std::string s = "A1!";
    s.append(125, 'a');
    return s;
}

// ---- rules -----------------------------------------------------------------------------------------

void BM_Rules_Sesame(benchmark::State &state) {
    const auto &c = password_corpus();
    const pw::Policy &policy = pw::Policy::portal();
    for (auto _ : state) {
        int valid = 0;
        for (const auto &s : c) valid += pw::check_rules(policy, s).valid;
        benchmark::DoNotOptimize(valid);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(c.size()));
}

struct RegexRules {
    std::regex upper{"[A-Z]"}, lower{"[a-z]"}, digit{"[0-9]"},
        special{"(!|\\?|@|#|\\$|\\(|\\)|\\[|\\]|_|\\.|,|;|&|=|\\+|-|%|\\*|<|>|\xC2\xA3|\xC2\xB5|/|:)"},
        length{"^.{8,128}$"};
};

void BM_Rules_StdRegex(benchmark::State &state) {
    const auto &c = password_corpus();
    const RegexRules re;
    for (auto _ : state) {
        int valid = 0;
        for (const auto &s : c) {
            const bool u = std::regex_search(s, re.upper), l = std::regex_search(s, re.lower);
            const bool d = std::regex_search(s, re.digit), sp = std::regex_search(s, re.special);
            const bool len = std::regex_match(s, re.length);
            valid += u && l && d && sp && len;
        }
        benchmark::DoNotOptimize(valid);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(c.size()));
}

// The same semantics as check_rules, on ICU: strict UTF-8, Cc refused, raw caps, NFC, classes.
struct IcuRules {
    const icu::Normalizer2 *nfc = nullptr;
    IcuRules() {
        UErrorCode st = U_ZERO_ERROR;
        nfc = icu::Normalizer2::getNFCInstance(st);
        if (U_FAILURE(st)) nfc = nullptr;
    }
    static bool special(UChar32 c) {
        static const std::u32string_view set = pw::kPortalSpecials;
        return set.find(char32_t(c)) != std::u32string_view::npos;
    }
    bool valid(const std::string &s) const {
        UChar buf[2100];
        int32_t len = 0;
        UErrorCode st = U_ZERO_ERROR;
        if (s.size() > 2048) {  // still validate for the error precedence (as sesame does)
            std::vector<UChar> big(s.size() + 1);
            u_strFromUTF8(big.data(), int32_t(big.size()), &len, s.data(), int32_t(s.size()), &st);
            return false;
        }
        u_strFromUTF8(buf, 2100, &len, s.data(), int32_t(s.size()), &st);
        if (U_FAILURE(st)) return false;  // invalid_utf8
        const icu::UnicodeString raw(false, buf, len);
        int32_t cps = 0;
        for (int32_t i = 0; i < raw.length(); i = raw.moveIndex32(i, 1)) {
            if (u_charType(raw.char32At(i)) == U_CONTROL_CHAR) return false;  // control_char
            ++cps;
        }
        if (cps > 512) return false;
        const icu::UnicodeString n = nfc->normalize(raw, st);
        if (U_FAILURE(st)) return false;
        bool up = false, low = false, dig = false, sp = false;
        int32_t count = 0;
        for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
            const UChar32 c = n.char32At(i);
            switch (u_charType(c)) {
                case U_UPPERCASE_LETTER: case U_TITLECASE_LETTER: up = true; break;
                case U_LOWERCASE_LETTER: low = true; break;
                case U_DECIMAL_DIGIT_NUMBER: dig = true; break;
                default: break;
            }
            sp = sp || special(c);
            ++count;
        }
        return up && low && dig && sp && count >= 8 && count <= 128;
    }
};

void BM_Rules_IcuNfc(benchmark::State &state) {
    const auto &c = password_corpus();
    const IcuRules icu;
    if (icu.nfc == nullptr) {
        state.SkipWithError("ICU NFC unavailable");
        return;
    }
    for (auto _ : state) {
        int valid = 0;
        for (const auto &s : c) valid += icu.valid(s);
        benchmark::DoNotOptimize(valid);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(c.size()));
}

// libpwquality 1.4.5 (Debian libpwquality-dev), configured like the portal's policy: 8 characters,
// one upper, one lower, one digit, one "other" (ucredit/lcredit/dcredit/ocredit = -1). With
// dictcheck=0 it is the rules alone (compare with BM_Rules_Sesame); with dictcheck=1 it adds the
// cracklib dictionary check (FascistCheck, Debian's cracklib-runtime dictionary), its notion of
// "too weak" (compare with BM_Meter_Sesame). It counts bytes and knows ASCII classes only.
pwquality_settings_t *pwquality_portal(bool dictcheck) {
    pwquality_settings_t *p = pwquality_default_settings();
    const char *opts[] = {"minlen=8", "ucredit=-1", "lcredit=-1", "dcredit=-1", "ocredit=-1", "minclass=0",
                          "maxrepeat=0", "maxsequence=0", "gecoscheck=0"};
    for (const char *o : opts) pwquality_set_option(p, o);
    pwquality_set_option(p, dictcheck ? "dictcheck=1" : "dictcheck=0");
    return p;
}

void run_pwquality(benchmark::State &state, bool dictcheck) {
    const auto &c = password_corpus();
    pwquality_settings_t *p = pwquality_portal(dictcheck);
    std::int64_t accepted = 0;
    for (auto _ : state) {
        accepted = 0;
        for (const auto &s : c) {
            void *aux = nullptr;
            const int r = pwquality_check(p, s.c_str(), nullptr, nullptr, &aux);
            accepted += r >= 0;
        }
        benchmark::DoNotOptimize(accepted);
    }
    pwquality_free_settings(p);
    state.counters["accepted"] = double(accepted);
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(c.size()));
}
void BM_Rules_Libpwquality(benchmark::State &state) { run_pwquality(state, false); }
void BM_Dict_LibpwqualityCracklib(benchmark::State &state) { run_pwquality(state, true); }

// ---- meter -----------------------------------------------------------------------------------------

void BM_Meter_Sesame(benchmark::State &state) {
    const auto &c = password_corpus();
    // NFC once outside the timed loop for both meters' inputs? No: the sesame side normalizes as
    // part of the call a caller makes (check = rules + meter), so it is timed here.
    for (auto _ : state) {
        int sum = 0;
        for (const auto &s : c) {
            pw::NfcPassword nfc;
            if (pw::check_rules(pw::Policy::portal(), s, &nfc).error != pw::RuleError::none) continue;
            sum += pw::estimate(nfc.cps.data(), nfc.n, nullptr).score;
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(c.size()));
}

void BM_Meter_ZxcvbnC(benchmark::State &state) {
    const auto &c = password_corpus();
    for (auto _ : state) {
        double sum = 0;
        for (const auto &s : c) sum += ZxcvbnMatch(s.c_str(), nullptr, nullptr);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(c.size()));
}

void BM_MeterWorstCase_Sesame(benchmark::State &state) {
    const std::string s = worst_case();
    pw::NfcPassword nfc;
    (void)pw::check_rules(pw::Policy::portal(), s, &nfc);
    for (auto _ : state) benchmark::DoNotOptimize(pw::estimate(nfc.cps.data(), nfc.n, nullptr).score);
}

void BM_MeterWorstCase_ZxcvbnC(benchmark::State &state) {
    const std::string s = worst_case();
    for (auto _ : state) benchmark::DoNotOptimize(ZxcvbnMatch(s.c_str(), nullptr, nullptr));
}

void BM_RulesWorstCase_Sesame(benchmark::State &state) {
    std::string s = "E\xCC\x81" "1!";
    for (int i = 0; i < 125; ++i) s += "e\xCC\x81";  // 256 code points, NFC slow path to 128
    for (auto _ : state) benchmark::DoNotOptimize(pw::check_rules(pw::Policy::portal(), s).valid);
}

// Warm the shared data (word index, corpus) before any timing.
const bool kWarm = [] {
    (void)password_corpus();
    const std::string s = worst_case();
    pw::NfcPassword nfc;
    (void)pw::check_rules(pw::Policy::portal(), s, &nfc);
    (void)pw::estimate(nfc.cps.data(), nfc.n, nullptr);
    return true;
}();

}  // namespace

BENCHMARK(BM_Rules_Sesame)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Rules_IcuNfc)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Rules_StdRegex)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_Rules_Libpwquality)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_Dict_LibpwqualityCracklib)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Meter_Sesame)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Meter_ZxcvbnC)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_MeterWorstCase_Sesame)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MeterWorstCase_ZxcvbnC)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RulesWorstCase_Sesame)->Unit(benchmark::kMicrosecond);
