// Differential test against libphonenumber on the very metadata the tables were generated from.
//
// tests/data/phone/differential.tsv holds ~34,000 typed numbers with libphonenumber's answers
// (Parse(raw, "FR"), IsValidNumber, E164, GetNumberType, GetRegionCodeForNumber, NATIONAL,
// INTERNATIONAL), computed by libphonenumber's own JavaScript from the pinned npm package at generation
// time (tools/gen/gen_phone_metadata.py writes the tables and this corpus in one run, and ctest
// Data.PhoneMetadataReproducible checks both). Committed answers rather than a peer run here: the test
// needs neither node nor the package nor the network, and the reference cannot drift from the tables
// (Debian's libphonenumber-dev stays at 8.12.57 while the tables follow the newest metadata).
//
// Sesame must agree (validity, E.164, type, region, NATIONAL and INTERNATIONAL formats) everywhere
// except the deliberate differences of the spec, listed below (enum Deliberate) and counted; any other
// disagreement fails the test. Then round trips: every accepted sample's E.164, international and
// national forms normalize back to its E.164.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/phone/metadata.hpp"
#include "core/phone/overseas.hpp"
#include "core/phone/phone.hpp"

namespace sesame::phone {
namespace {

struct Reference {
    bool valid = false;
    std::string e164, region, national, international;
    Type type = Type::unknown;
};

struct Sample {
    std::string raw;
    int cc = 0;       // the calling code the corpus meant
    std::string nsn;  // the national significant number the corpus meant
    bool national;    // typed in French national form ("0" + NSN, no code)
    bool trunk;       // a national prefix was typed after the code
    Reference ref;    // libphonenumber's answer
};

Type type_from_name(const std::string &name) {
    for (int t = 0; t <= int(Type::voicemail); ++t)
        if (name == type_name(Type(t))) return Type(t);
    ADD_FAILURE() << "unknown type " << name;
    return Type::unknown;
}

std::vector<std::string> split(const std::string &line) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        f.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) return f;
        start = tab + 1;
    }
}

struct Corpus {
    std::string header;
    std::vector<Sample> samples;
};

const Corpus &corpus() {
    static const Corpus c = [] {
        Corpus out;
        std::ifstream in(SESAME_SOURCE_DIR "/tests/data/phone/differential.tsv");
        EXPECT_TRUE(in) << "tests/data/phone/differential.tsv is missing (tools/gen/gen_phone_metadata.py)";
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("#", 0) == 0) {
                out.header += line + "\n";
                continue;
            }
            const std::vector<std::string> f = split(line);
            if (f.size() != 6 && f.size() != 10) {
                ADD_FAILURE() << "bad corpus line: " << line;
                continue;
            }
            Sample s{f[0], std::stoi(f[1]), f[2], f[3] == "N", f[4] == "T", {}};
            if (f.size() == 10) {
                s.ref = {true, f[5], f[7], f[8], f[9], type_from_name(f[6])};
            }
            out.samples.push_back(std::move(s));
        }
        return out;
    }();
    return c;
}

// The deliberate differences (spec docs/spec/phone.md), each with the rule that makes it.
enum class Deliberate {
    overseas_folded,           // rule 7: a French NSN of the overseas table gets its territory's code
    m2m_70_refused,            // rule 7: 70... is refused as a 10-digit number
    french_national_format,    // "0X XX XX XX XX" for every French-plan number (libphonenumber: "0 800 ...")
    overseas_table_by_prefix,  // rule 6: table numbers accepted by prefix under their own code (type from the table)
    overseas_wrong_code,       // rule 6: a table NSN under another overseas code is refused
    nine_never_mobile,         // rule 6: an NSN starting with 9 under +33/+262/+590/+594/+596 is never mobile
    overseas_trunk_0,          // rule 6: +33/+262/... drop one trunk 0 only before 10 digits
    e164_max_15_digits,        // ITU-T E.164: at most 15 digits (libphonenumber accepts some 16-17-digit ones)
    canonical_e164,            // the E.164 is the fixed point of national-prefix stripping (libphonenumber's
                               // own E.164 would re-parse to ours)
    national_reads_back,       // libphonenumber's NATIONAL form would be read as another number (typed
                               // national forms are French): the international form stands in for it
};
const char *name(Deliberate d) {
    switch (d) {
        case Deliberate::overseas_folded:
            return "overseas_folded";
        case Deliberate::m2m_70_refused:
            return "m2m_70_refused";
        case Deliberate::french_national_format:
            return "french_national_format";
        case Deliberate::overseas_table_by_prefix:
            return "overseas_table_by_prefix";
        case Deliberate::overseas_wrong_code:
            return "overseas_wrong_code";
        case Deliberate::nine_never_mobile:
            return "nine_never_mobile";
        case Deliberate::overseas_trunk_0:
            return "overseas_trunk_0";
        case Deliberate::canonical_e164:
            return "canonical_e164";
        case Deliberate::e164_max_15_digits:
            return "e164_max_15_digits";
        case Deliberate::national_reads_back:
            return "national_reads_back";
    }
    return "?";
}

bool in_overseas_table(std::string_view nsn) {
    return overseas::find(nsn) != nullptr;
}

bool french_code(int cc) {
    return cc == 33 || overseas::has_prefix_rows(unsigned(cc));
}

const Reference *reference_of(const std::string &raw) {
    static const std::map<std::string, const Reference *> index = [] {
        std::map<std::string, const Reference *> m;
        for (const Sample &s : corpus().samples) m.emplace(s.raw, &s.ref);
        return m;
    }();
    const auto it = index.find(raw);
    return it == index.end() ? nullptr : it->second;
}

// Why Sesame may disagree with libphonenumber on this sample, or nothing when it must agree.
std::optional<Deliberate> deliberate(const Sample &s, const Parsed &mine, const std::string &why) {
    const Reference &ref = s.ref;
    // The NSN as Sesame sees it after the code (one trunk 0 dropped before 10 digits).
    const std::string &nsn = s.nsn;
    if (s.trunk && french_code(s.cc) && nsn.size() != 9) return Deliberate::overseas_trunk_0;
    if ((s.national || s.cc == 33) && nsn.size() == 9) {
        if (in_overseas_table(nsn)) return Deliberate::overseas_folded;
        if (nsn[0] == '7' && nsn[1] == '0') return Deliberate::m2m_70_refused;
    }
    if (french_code(s.cc) && s.cc != 33 && !s.national && in_overseas_table(nsn))
        return mine.ok() ? Deliberate::overseas_table_by_prefix : Deliberate::overseas_wrong_code;
    if (mine.ok() && ref.valid && overseas::shares_french_plan(unsigned(s.cc)) && nsn[0] == '9' &&
        mine.number.type == Type::voip && !mine.number.is_mobile &&
        (ref.type == Type::mobile || ref.type == Type::fixed_line_or_mobile))
        return Deliberate::nine_never_mobile;
    if (!mine.ok() && ref.valid && ref.e164.size() > 16) return Deliberate::e164_max_15_digits;
    if (mine.ok() && ref.valid && ref.e164 != mine.number.e164()) {
        const Reference *again = reference_of(ref.e164);
        const Parsed p = normalize(ref.e164);
        if ((again != nullptr && again->e164 == mine.number.e164()) ||
            (p.ok() && p.number.e164() == mine.number.e164()))
            return Deliberate::canonical_e164;
    }
    if (why == "national" && mine.ok()) {
        const Parsed back = normalize(ref.national);
        if ((!back.ok() || back.number.e164() != mine.number.e164()) &&
            format_national(mine.number) == format_international(mine.number))
            return Deliberate::national_reads_back;
    }
    return std::nullopt;
}

TEST(PhoneDifferential, CorpusFollowsTheTables) {
    // The answers come from the same package and release as the compiled tables.
    const std::string &h = corpus().header;
    EXPECT_NE(h.find(std::string("libphonenumber ") + detail::metadata_version() + "'s answers"), std::string::npos)
        << h << " vs tables of " << detail::metadata_version();
    EXPECT_NE(h.find(detail::metadata_source()), std::string::npos) << h << " vs " << detail::metadata_source();
}

TEST(PhoneDifferential, AgreesWithLibphonenumberExceptDeliberateDifferences) {
    const std::vector<Sample> &samples = corpus().samples;
    ASSERT_GT(samples.size(), 20000u);
    std::map<std::string, int> deliberate_counts;
    int agreed = 0, valid = 0, failures = 0;
    for (const Sample &s : samples) {
        const Parsed mine = normalize(s.raw);
        const Reference &ref = s.ref;
        if (mine.ok() && ref.valid && mine.number.e164() == ref.e164) ++valid;
        std::string why;
        if (mine.ok() != ref.valid) {
            why = "validity";
        } else if (mine.ok()) {
            const Number &n = mine.number;
            const bool french_form = n.country_code == 33 || s.national;
            if (n.e164() != ref.e164)
                why = "e164";
            else if (n.type != ref.type)
                why = "type";
            else if (ref.region != n.region)
                why = "region";
            else if (format_international(n) != ref.international)
                why = "international";
            else if (format_national(n) != ref.national && !french_form)
                why = "national";
            else if (format_national(n) != ref.national)
                deliberate_counts[name(Deliberate::french_national_format)]++;
        }
        if (why.empty()) {
            ++agreed;
            continue;
        }
        if (const std::optional<Deliberate> d = deliberate(s, mine, why)) {
            deliberate_counts[name(*d)]++;
            continue;
        }
        if (++failures <= 40)
            ADD_FAILURE() << why << " differs on \"" << s.raw << "\": sesame "
                          << (mine.ok() ? std::string(mine.number.e164()) + " " + type_name(mine.number.type) + " " +
                                              mine.number.region + " [" + format_national(mine.number) + "] [" +
                                              format_international(mine.number) + "]"
                                        : std::string(error_name(mine.error)))
                          << " / libphonenumber "
                          << (ref.valid ? ref.e164 + " " + type_name(ref.type) + " " + ref.region + " [" +
                                              ref.national + "] [" + ref.international + "]"
                                        : std::string("invalid"));
    }
    EXPECT_EQ(failures, 0);
    std::string summary;
    for (const auto &[k, v] : deliberate_counts) summary += " " + k + "=" + std::to_string(v);
    std::printf(
        "differential (libphonenumber %s): %zu samples, %d agree, %d valid on both sides with the same E.164, "
        "deliberate differences:%s\n",
        detail::metadata_version(), samples.size(), agreed, valid, summary.c_str());
    EXPECT_GT(valid, 10000);
}

TEST(PhoneRoundTrip, FormatThenNormalizeGivesTheSameE164) {
    int checked = 0;
    for (const Sample &s : corpus().samples) {
        const Parsed p = normalize(s.raw);
        if (!p.ok()) continue;
        const std::string e = std::string(p.number.e164());
        EXPECT_EQ(normalize(e).number.e164(), e) << s.raw;
        EXPECT_EQ(normalize(format_international(p.number)).number.e164(), e) << format_international(p.number);
        EXPECT_EQ(normalize(format_national(p.number)).number.e164(), e)
            << s.raw << " -> " << format_national(p.number);
        ++checked;
    }
    EXPECT_GT(checked, 10000);
}

}  // namespace
}  // namespace sesame::phone
