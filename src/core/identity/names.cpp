#include "core/identity/names.hpp"

#include <algorithm>
#include <array>

namespace sesame::identity {

namespace {

bool is_marker(const std::string &t) {
    static constexpr std::array<std::string_view, 6> kMarkers = {"epouse", "epse", "ep", "nee", "veuve", "vve"};
    return std::find(kMarkers.begin(), kMarkers.end(), t) != kMarkers.end();
}

FamilyAlt make_alt(std::vector<std::string>::const_iterator b, std::vector<std::string>::const_iterator e) {
    FamilyAlt a;
    std::vector<std::string> sorted(b, e);
    for (auto it = b; it != e; ++it) a.compact += *it;
    if (sorted.size() >= 2) {
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (i) a.multiset += ' ';
            a.multiset += sorted[i];
        }
    }
    return a;
}

}  // namespace

std::vector<FamilyAlt> family_alts(const text::NameKey &k) {
    std::vector<FamilyAlt> out;
    if (!k.valid) return out;
    const std::vector<std::string> tokens = k.tokens();
    if (tokens.empty()) return out;
    out.push_back(make_alt(tokens.begin(), tokens.end()));
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
        if (is_marker(tokens[i])) {
            out.push_back(make_alt(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(i)));
            out.push_back(make_alt(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, tokens.end()));
            break;
        }
    }
    return out;
}

std::vector<FamilyAlt> family_alts(std::string_view name) { return family_alts(text::name_key(name)); }

bool family_match(const std::vector<FamilyAlt> &record, const std::vector<FamilyAlt> &typed) {
    for (const auto &a : record) {
        for (const auto &b : typed) {
            if (a.compact == b.compact) return true;
            if (!a.multiset.empty() && a.multiset == b.multiset) return true;
        }
    }
    return false;
}

bool family_match(std::string_view record, std::string_view typed) {
    return family_match(family_alts(record), family_alts(typed));
}

std::vector<std::string> GivenKey::prefixes() const {
    std::vector<std::string> out;
    for (std::size_t k = 1; k <= ends.size(); ++k) out.emplace_back(run(0, k));
    return out;
}

GivenKey given_key(const text::NameKey &k) {
    GivenKey g;
    if (!k.valid || k.units.empty()) return g;
    for (const auto &unit : k.units) {
        const std::size_t before = g.joined.size();
        for (const auto &t : unit) g.joined += t;
        if (g.joined.size() != before) g.ends.push_back(static_cast<std::uint16_t>(g.joined.size()));
    }
    g.valid = !g.ends.empty();
    return g;
}

GivenKey given_key(std::string_view name) { return given_key(text::name_key(name)); }

namespace {
// Whether `c` equals the compact of a leading run of `k`'s units (PR membership).
bool in_prefixes(const GivenKey &k, std::string_view c) {
    for (std::uint16_t e : k.ends)
        if (e == c.size()) return std::string_view(k.joined).substr(0, e) == c;
    return false;
}
}  // namespace

bool given_match_form(const GivenKey &record, const GivenKey &typed) {
    if (!record.valid || !typed.valid) return false;
    return in_prefixes(record, typed.compact()) || in_prefixes(typed, record.compact());
}

bool given_match_form(std::string_view record, std::string_view typed) {
    return given_match_form(given_key(record), given_key(typed));
}

int given_fc_tier(const GivenKey &record, const GivenKey &fc) {
    if (!record.valid || !fc.valid) return 0;
    if (given_match_form(record, fc)) return 1;
    for (std::size_t k = 1; k <= record.unit_count(); ++k) {
        const std::string_view p = record.run(0, k);
        for (std::size_t i = 0; i < fc.unit_count(); ++i)
            for (std::size_t j = i + 1; j <= fc.unit_count(); ++j)
                if (fc.run(i, j) == p) return 2;
    }
    return 0;
}

bool one_edit_apart(std::string_view a, std::string_view b) noexcept {
    if (a == b) return false;
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
    return a.substr(i) == b.substr(i + 1);
}

}  // namespace sesame::identity
