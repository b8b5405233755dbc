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

std::string GivenKey::compact() const {
    std::string s;
    for (const auto &u : units) s += u;
    return s;
}

std::vector<std::string> GivenKey::prefixes() const {
    std::vector<std::string> out;
    std::string run;
    for (const auto &u : units) {
        run += u;
        out.push_back(run);
    }
    return out;
}

GivenKey given_key(const text::NameKey &k) {
    GivenKey g;
    if (!k.valid || k.units.empty()) return g;
    g.valid = true;
    for (const auto &unit : k.units) {
        std::string c;
        for (const auto &t : unit) c += t;
        if (!c.empty()) g.units.push_back(std::move(c));
    }
    if (g.units.empty()) g.valid = false;
    return g;
}

GivenKey given_key(std::string_view name) { return given_key(text::name_key(name)); }

namespace {
// Whether `c` equals the compact of a leading run of `units` (PR membership without allocating).
bool in_prefixes(const std::vector<std::string> &units, std::string_view c) {
    std::size_t pos = 0;
    for (const auto &u : units) {
        if (c.size() < pos + u.size() || c.compare(pos, u.size(), u) != 0) return false;
        pos += u.size();
        if (pos == c.size()) return true;
    }
    return false;
}
}  // namespace

bool given_match_form(const GivenKey &record, const GivenKey &typed) {
    if (!record.valid || !typed.valid) return false;
    return in_prefixes(record.units, typed.compact()) || in_prefixes(typed.units, record.compact());
}

bool given_match_form(std::string_view record, std::string_view typed) {
    return given_match_form(given_key(record), given_key(typed));
}

int given_fc_tier(const GivenKey &record, const GivenKey &fc) {
    if (!record.valid || !fc.valid) return 0;
    if (given_match_form(record, fc)) return 1;
    const auto pr = record.prefixes();
    for (std::size_t i = 0; i < fc.units.size(); ++i) {
        std::string run;
        for (std::size_t j = i; j < fc.units.size(); ++j) {
            run += fc.units[j];
            if (std::find(pr.begin(), pr.end(), run) != pr.end()) return 2;
        }
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
