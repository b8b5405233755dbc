// The French overseas territories and the NSN prefix table of docs/spec/phone.md ("Facts", "NSN
// prefix table for the overseas territories"), as data: every rule that needs a territory, a code or
// a prefix reads it here (phone normalization rules 5-7, the formats, the phone audit, the tests).
//
// The table wins where it applies, even where libphonenumber's metadata lags: prefixes ARCEP assigned
// to a territory are accepted by prefix (refusing a parent's real number costs more than a typo, which
// the comparison with the school's record catches). A number accepted that way that the metadata does
// not know is flagged (phone::in_metadata) so that the phone audit can tell the school.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sesame::phone::overseas {

// How a territory's numbers relate to the French plan.
enum class Plan : std::uint8_t {
    shared,       // a DROM: its 9-digit NSNs are France's 10-digit plan (0 + NSN); 09 numbers are never mobile
    own_and_708,  // Saint-Pierre-et-Miquelon: its own 6-digit plan, plus mobiles in the French 708 block
    own,          // its own plan only, reachable in international form only (NC, PF, WF)
};

struct Territory {
    std::uint16_t cc;  // ITU calling code
    char region[3];    // ISO 3166 alpha-2 ("GP" also covers Saint-Barthélemy and Saint-Martin)
    Plan plan;
};

// Every French overseas territory with a calling code of its own (Mayotte's pre-2007 +269 is the
// Comoros: not here).
inline constexpr Territory kTerritories[] = {
    {262, "RE", Plan::shared}, {262, "YT", Plan::shared}, {590, "GP", Plan::shared},
    {594, "GF", Plan::shared}, {596, "MQ", Plan::shared}, {508, "PM", Plan::own_and_708},
    {681, "WF", Plan::own},    {687, "NC", Plan::own},    {689, "PF", Plan::own},
};
enum TerritoryIndex : std::uint8_t { RE, YT, GP, GF, MQ, PM, WF, NC, PF };

// One row of the spec's table: the NSN prefixes first..last (same length, 3 or 5 digits), the
// territory that ARCEP assigned them to, and whether they are mobiles.
struct PrefixRow {
    const char *first;
    const char *last;
    TerritoryIndex territory;
    bool mobile;
};

inline constexpr PrefixRow kPrefixes[] = {
    {"262", "263", RE, false},    {"269", "269", YT, false},    {"590", "590", GP, false},
    {"594", "594", GF, false},    {"596", "596", MQ, false},    {"639", "639", YT, true},
    {"690", "691", GP, true},     {"692", "693", RE, true},     {"694", "694", GF, true},
    {"696", "697", MQ, true},     {"70900", "70904", GP, true}, {"70910", "70913", MQ, true},
    {"70920", "70923", RE, true}, {"70930", "70933", GF, true}, {"70935", "70937", YT, true},
    {"70840", "70845", PM, true}, {"70850", "70856", PM, true},
};

// ---- lookups (the index is built at compile time from the rows above) ------------------------------

namespace detail {

constexpr std::size_t length(const char *s) {
    std::size_t n = 0;
    while (s[n] != '\0') ++n;
    return n;
}
constexpr int value(const char *s, std::size_t n) {
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[k] - '0');
    return v;
}

// First level: by the NSN's first 3 digits, 0 = no row, k = row k - 1, kDeeper + j = sub-table j
// (by digits 4-5). Longest prefix wins: a 5-digit row overrides the 3-digit row it falls in.
inline constexpr std::uint8_t kDeeper = 0x80;
struct Index {
    std::array<std::uint8_t, 1000> by3{};
    std::array<std::array<std::uint8_t, 100>, 4> by5{};
};

constexpr Index build_index() {
    Index ix;
    std::size_t subs = 0;
    for (std::size_t pass = 0; pass < 2; ++pass) {  // 3-digit rows, then 5-digit rows
        for (std::size_t r = 0; r < std::size(kPrefixes); ++r) {
            const PrefixRow &row = kPrefixes[r];
            const std::size_t n = length(row.first);
            if (n != length(row.last) || (n != 3 && n != 5)) throw "prefix rows have 3 or 5 digits";
            if ((n == 3) != (pass == 0)) continue;
            const int lo = value(row.first, n), hi = value(row.last, n);
            if (lo > hi) throw "first > last";
            for (int p = lo; p <= hi; ++p) {
                const int p3 = n == 3 ? p : p / 100;
                if (n == 3) {
                    if (ix.by3[std::size_t(p3)] != 0) throw "overlapping rows";
                    ix.by3[std::size_t(p3)] = std::uint8_t(r + 1);
                    continue;
                }
                std::uint8_t &slot = ix.by3[std::size_t(p3)];
                if ((slot & kDeeper) == 0) {
                    if (subs == ix.by5.size()) throw "more sub-tables than Index::by5 holds";
                    for (auto &e : ix.by5[subs]) e = slot;  // the 3-digit row, if any, outside the 5-digit rows
                    slot = std::uint8_t(kDeeper | subs++);
                }
                std::uint8_t &deep = ix.by5[slot & ~kDeeper][std::size_t(p % 100)];
                if (deep != 0 && length(kPrefixes[deep - 1u].first) == 5) throw "overlapping rows";
                deep = std::uint8_t(r + 1);
            }
        }
    }
    return ix;
}

inline constexpr Index kIndex = build_index();

}  // namespace detail

// The row of a 9-digit NSN (ASCII digits), or nullptr (find_index: its index in kPrefixes, or -1):
// the longest prefix of the table.
constexpr int find_index(std::string_view nsn) noexcept {
    if (nsn.size() != 9) return -1;
    const int p3 = (nsn[0] - '0') * 100 + (nsn[1] - '0') * 10 + (nsn[2] - '0');
    std::uint8_t e = detail::kIndex.by3[std::size_t(p3)];
    if (e & detail::kDeeper)
        e = detail::kIndex.by5[e & ~detail::kDeeper][std::size_t((nsn[3] - '0') * 10 + (nsn[4] - '0'))];
    return int(e) - 1;
}
constexpr const PrefixRow *find(std::string_view nsn) noexcept {
    const int k = find_index(nsn);
    return k < 0 ? nullptr : &kPrefixes[k];
}

constexpr const Territory &territory(const PrefixRow &row) noexcept {
    return kTerritories[row.territory];
}

namespace detail {

inline constexpr std::uint8_t kHasPrefixRows = 1, kSharesFrenchPlan = 2, kTerritoryCode = 4;

constexpr std::array<std::uint8_t, 1000> build_code_flags() {
    std::array<std::uint8_t, 1000> f{};
    f[33] = kSharesFrenchPlan;
    for (const Territory &t : kTerritories) {
        f[t.cc] |= kTerritoryCode;
        if (t.plan == Plan::shared) f[t.cc] |= kSharesFrenchPlan;
    }
    for (const PrefixRow &row : kPrefixes) f[kTerritories[row.territory].cc] |= kHasPrefixRows;
    return f;
}

inline constexpr std::array<std::uint8_t, 1000> kCodeFlags = build_code_flags();

constexpr bool flag(unsigned cc, std::uint8_t f) noexcept {
    return cc < 1000 && (kCodeFlags[cc] & f) != 0;
}

}  // namespace detail

// True when some row belongs to a territory of this code (262, 590, 594, 596, 508): the codes under
// which rules 5 and 6 look the NSN up in the table.
constexpr bool has_prefix_rows(unsigned cc) noexcept {
    return detail::flag(cc, detail::kHasPrefixRows);
}

// True for +33 and the codes of the territories that share the French plan (rule 6: an NSN starting
// with 9 is a "polyvalent" 09 number there, never a mobile). +508 is not one: its own plan is not
// France's, only its 708 block is.
constexpr bool shares_french_plan(unsigned cc) noexcept {
    return detail::flag(cc, detail::kSharesFrenchPlan);
}

// True for the calling code of any French overseas territory (the phone audit's `overseas` count).
constexpr bool is_territory_code(unsigned cc) noexcept {
    return detail::flag(cc, detail::kTerritoryCode);
}

// Compile-time checks against the spec's lists.
static_assert(has_prefix_rows(262) && has_prefix_rows(590) && has_prefix_rows(594) && has_prefix_rows(596) &&
              has_prefix_rows(508) && !has_prefix_rows(33) && !has_prefix_rows(687));
static_assert(shares_french_plan(33) && shares_french_plan(262) && shares_french_plan(596) && !shares_french_plan(508));
static_assert(kPrefixes[find_index("692123456")].territory == RE &&
              kPrefixes[find_index("709351234")].territory == YT && find_index("709341234") < 0 &&
              kPrefixes[find_index("708561234")].territory == PM && find_index("708571234") < 0 &&
              find_index("612345678") < 0);

}  // namespace sesame::phone::overseas
