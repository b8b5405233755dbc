// Family and given name matching on top of canonical name keys (spec: identity.md, "Matching").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/name_key.hpp"

namespace sesame::identity {

// One alternative of a family name: the tokens, their concatenation and their sorted multiset.
struct FamilyAlt {
    std::string compact;     // "delafontaine"
    std::string multiset;    // sorted tokens joined by ' ' ("de fontaine la"), empty when < 2 tokens
};

// alts(k) of a valid key: the whole name, plus the parts left and right of the first marker token
// (epouse, epse, ep, nee, veuve, vve) strictly inside. Empty for an invalid key.
std::vector<FamilyAlt> family_alts(const text::NameKey &k);
std::vector<FamilyAlt> family_alts(std::string_view name);

// Whether a typed family name matches one of the record's candidates (usage and birth names).
bool family_match(const std::vector<FamilyAlt> &record, const std::vector<FamilyAlt> &typed);
bool family_match(std::string_view record, std::string_view typed);

// A given name reduced to its units' compacts ("Jean-Pierre Marie" -> ["jeanpierre", "marie"]),
// kept as one joined string plus the end offset of each unit (comparisons without allocating).
struct GivenKey {
    bool valid = false;
    std::string joined;                  // "jeanpierremarie" = compact
    std::vector<std::uint16_t> ends;     // {10, 15}

    std::size_t unit_count() const noexcept { return ends.size(); }
    std::string_view compact() const noexcept { return joined; }
    // Compact of units [i, j) (a contiguous run).
    std::string_view run(std::size_t i, std::size_t j) const noexcept {
        const std::size_t b = i == 0 ? 0 : ends[i - 1];
        return std::string_view(joined).substr(b, ends[j - 1] - b);
    }
    // PR(k): compacts of the leading runs of units.
    std::vector<std::string> prefixes() const;
};
GivenKey given_key(const text::NameKey &k);
GivenKey given_key(std::string_view name);

// Form rule: compact(typed) in PR(record) or compact(record) in PR(typed).
bool given_match_form(const GivenKey &record, const GivenKey &typed);
bool given_match_form(std::string_view record, std::string_view typed);

// FranceConnect tiers: 1 = form rule with typed = FC given names, 2 = an element of PR(record)
// equals the compact of a contiguous run of FC units, 0 = no match.
int given_fc_tier(const GivenKey &record, const GivenKey &fc);

// True when two valid compacts are one edit apart (for the log-only near-miss flag).
bool one_edit_apart(std::string_view a, std::string_view b) noexcept;

}  // namespace sesame::identity
