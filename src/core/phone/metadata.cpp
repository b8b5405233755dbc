// Numbering metadata: libphonenumber's patterns (the release tools/gen/gen_phone_metadata.py pins)
// compiled ahead of time into one digit DFA per calling code
// (src/core/phone/generated/metadata_tables.inc, tools/gen/gen_phone_metadata.py).
// A lookup walks at most 17 states; no regular expression, no allocation.
#include "core/phone/metadata.hpp"

#include <array>
#include <cstring>

#include "core/phone/generated/metadata_tables.inc"

namespace sesame::phone::detail {

namespace {

namespace g = generated;

constexpr std::size_t kMaxNsn = 17;

constexpr auto kCcIndex = [] {
    std::array<std::int16_t, 1000> a{};
    for (auto &v : a) v = -1;
    for (std::size_t i = 0; i < std::size(g::kCountryCodes); ++i) a[g::kCountryCodes[i].cc] = std::int16_t(i);
    return a;
}();

const g::CountryCode *find_cc(unsigned cc) noexcept {
    if (cc >= 1000 || kCcIndex[cc] < 0) return nullptr;
    return &g::kCountryCodes[kCcIndex[cc]];
}

// Final state of nsn in the DFA of cc (0 = dead).
std::uint16_t walk(const g::CountryCode &c, std::string_view nsn) noexcept {
    if (nsn.size() > kMaxNsn) return 0;
    std::uint16_t s = c.root;
    for (char ch : nsn) {
        s = g::kNext[s][ch - '0'];
        if (s == 0) return 0;
    }
    return s;
}

const g::Label &label_of(const g::CountryCode &c, std::string_view nsn) noexcept {
    return g::kLabels[g::kStateLabel[walk(c, nsn)]];
}

bool general_matches(const g::CountryCode &c, std::string_view nsn) noexcept {
    return (label_of(c, nsn).flags & 2) != 0;
}

// libphonenumber's TestNumberLength(number, main region, UNKNOWN) is IS_POSSIBLE or TOO_LONG.
bool length_allows_stripping(const g::CountryCode &c, std::size_t len) noexcept {
    if (c.possible == 0) return false;                                  // INVALID_LENGTH
    if (len < 32 && (c.local_only >> len) & 1U) return false;            // IS_POSSIBLE_LOCAL_ONLY
    const unsigned min = unsigned(__builtin_ctz(c.possible));
    const unsigned max = 31U - unsigned(__builtin_clz(c.possible));
    if (len < min) return false;                                         // TOO_SHORT
    if (len > max) return true;                                          // TOO_LONG
    return ((c.possible >> len) & 1U) != 0;                              // IS_POSSIBLE / INVALID_LENGTH
}

}  // namespace

const char *metadata_version() noexcept { return g::kMetadataVersion; }
const char *metadata_source() noexcept { return g::kMetadataSource; }

int country_code_length(std::string_view d) noexcept {
    if (d.empty() || d[0] == '0') return 0;
    unsigned v = 0;
    for (std::size_t k = 0; k < 3 && k < d.size(); ++k) {
        v = v * 10 + unsigned(d[k] - '0');
        if (find_cc(v) != nullptr) return int(k + 1);
    }
    return 0;
}

bool lookup(std::uint16_t cc, std::string_view nsn, Meta &out) noexcept {
    out = Meta{};
    const g::CountryCode *c = find_cc(cc);
    if (c == nullptr) return false;
    const g::Label &lab = label_of(*c, nsn);
    out.valid = (lab.flags & 1) != 0;
    out.type = static_cast<Type>(lab.type);
    out.region = g::kRegions[lab.region];
    return true;
}

namespace {

// Bit k set when the prefix DFA rooted at root accepts s[from, k) (s holds at most 31 digits).
std::uint32_t accepts(std::uint16_t root, std::string_view s, std::size_t from) noexcept {
    std::uint32_t mask = g::kPrefixAccept[root] ? (1U << from) : 0U;
    std::uint16_t st = root;
    for (std::size_t k = from; k < s.size(); ++k) {
        st = g::kPrefixNext[st][s[k] - '0'];
        if (st == 0) break;
        if (g::kPrefixAccept[st]) mask |= 1U << (k + 1);
    }
    return mask;
}

int highest(std::uint32_t mask) noexcept { return mask == 0 ? -1 : 31 - __builtin_clz(mask); }

// national_prefix_transform_rule: the first (greediest) [pre][kept][post]($) match at the start
// becomes lit + kept + the rest. Returns false when the rule does not apply.
bool transform(const g::Transform &t, std::string_view nsn, char *buf, std::string_view &out) noexcept {
    std::uint32_t pre = accepts(t.pre, nsn, 0);
    while (pre != 0) {
        const int pl = highest(pre);
        pre &= ~(1U << pl);
        std::uint32_t kept = accepts(t.kept, nsn, std::size_t(pl)) & ~(1U << pl);
        while (kept != 0) {
            const int ke = highest(kept);
            kept &= ~(1U << ke);
            const std::uint32_t post = accepts(t.post, nsn, std::size_t(ke));
            int pe = -1;
            if (t.anchored)
                pe = (post >> nsn.size()) & 1U ? int(nsn.size()) : -1;
            else
                pe = highest(post);
            if (pe < 0) continue;
            std::size_t n = 0;
            for (const char *l = t.lit; *l != '\0'; ++l) buf[n++] = *l;
            for (int k = pl; k < ke; ++k) buf[n++] = nsn[std::size_t(k)];
            for (std::size_t k = std::size_t(pe); k < nsn.size(); ++k) buf[n++] = nsn[k];
            out = std::string_view(buf, n);
            return true;
        }
    }
    return false;
}

}  // namespace

std::string_view strip_national_prefix(std::uint16_t cc, std::string_view nsn, char *buf) noexcept {
    const g::CountryCode *c = find_cc(cc);
    if (c == nullptr || c->prefix_root == 0 || nsn.empty() || nsn.size() > 30) return nsn;
    std::string_view candidate;
    bool found = false;
    for (const g::Transform &t : g::kTransforms) {
        if (t.cc == cc) {
            found = transform(t, nsn, buf, candidate);
            break;
        }
    }
    if (!found) {
        // Longest match of national_prefix_for_parsing at the start.
        const int best = highest(accepts(c->prefix_root, nsn, 0));
        if (best <= 0) return nsn;
        candidate = nsn.substr(std::size_t(best));
    }
    // MaybeStripNationalPrefixAndCarrierCode: keep a viable number viable.
    if (general_matches(*c, nsn) && !general_matches(*c, candidate)) return nsn;
    // ParseHelper: strip only when what remains has a possible length (or is too long).
    if (!length_allows_stripping(*c, candidate.size())) return nsn;
    return candidate;
}

std::size_t format_nsn(std::uint16_t cc, std::string_view nsn, bool national, char *out, std::size_t cap) noexcept {
    std::size_t len = 0;
    auto put = [&](char ch) {
        if (len < cap) out[len++] = ch;
    };
    const g::CountryCode *c = find_cc(cc);
    const std::uint16_t fid = c == nullptr ? 0 : (national ? label_of(*c, nsn).nat_fmt : label_of(*c, nsn).intl_fmt);
    if (fid == 0) {
        for (char ch : nsn) put(ch);
        return len;
    }
    const g::NumberFormat &f = g::kFormats[fid];
    // Greedy split of the (\d{min,max})... groups, as the regex engine does for a full match.
    std::size_t start[9] = {}, size[9] = {};
    std::size_t min_rest = 0;
    for (unsigned k = 0; k < f.groups; ++k) min_rest += f.min[k];
    std::size_t pos = 0;
    for (unsigned k = 0; k < f.groups; ++k) {
        min_rest -= f.min[k];
        const std::size_t remaining = nsn.size() - pos;
        std::size_t take = remaining >= min_rest ? remaining - min_rest : 0;
        if (take > f.max[k]) take = f.max[k];
        start[k + 1] = pos;
        size[k + 1] = take;
        pos += take;
    }
    for (const char *t = f.tmpl; *t != '\0'; ++t) {
        const unsigned char b = static_cast<unsigned char>(*t);
        if (b >= 1 && b <= 9) {
            for (std::size_t k = 0; k < size[b]; ++k) put(nsn[start[b] + k]);
        } else {
            put(*t);
        }
    }
    return len;
}

}  // namespace sesame::phone::detail
