// Phone normalization (spec: docs/spec/phone.md). One pass over at most 250 bytes, no heap.
#include "core/phone/phone.hpp"

#include <algorithm>
#include <cstring>

#include "core/phone/metadata.hpp"
#include "core/phone/overseas.hpp"
#include "core/phone/generated/unicode_digits.inc"
#include "core/text/utf8.hpp"

namespace sesame::phone {

const char *error_name(Error e) noexcept {
    switch (e) {
        case Error::none: return "none";
        case Error::too_long: return "too_long";
        case Error::invalid_utf8: return "invalid_utf8";
        case Error::extension: return "extension";
        case Error::invalid_character: return "invalid_character";
        case Error::no_digits: return "no_digits";
        case Error::invalid_length: return "invalid_length";
        case Error::invalid_number: return "invalid_number";
    }
    return "unknown";
}

const char *type_name(Type t) noexcept {
    switch (t) {
        case Type::unknown: return "unknown";
        case Type::mobile: return "mobile";
        case Type::fixed_line: return "fixed_line";
        case Type::fixed_line_or_mobile: return "fixed_line_or_mobile";
        case Type::voip: return "voip";
        case Type::toll_free: return "toll_free";
        case Type::premium_rate: return "premium_rate";
        case Type::shared_cost: return "shared_cost";
        case Type::uan: return "uan";
        case Type::pager: return "pager";
        case Type::personal_number: return "personal_number";
        case Type::voicemail: return "voicemail";
    }
    return "unknown";
}

namespace detail {

int digit_value(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') ? int(cp - '0') : -1;
    const auto *b = std::begin(generated::kNdZeros);
    const auto *e = std::end(generated::kNdZeros);
    const auto *it = std::upper_bound(b, e, cp);
    if (it == b) return -1;
    const char32_t zero = *(it - 1);
    return cp - zero < 10 ? int(cp - zero) : -1;
}

CharClass classify(char32_t cp) noexcept {
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9') return CharClass::digit;
        switch (cp) {
            case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': return CharClass::space;
            case '-': case '.': case '/': case '(': case ')': case '[': case ']': return CharClass::punct;
            case '+': return CharClass::plus;
            default: return CharClass::other;
        }
    }
    switch (cp) {
        // Unicode White_Space
        case 0x0085: case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
        case 0x3000:
            return CharClass::space;
        // invisible format characters
        case 0x00AD: case 0x061C: case 0x180E: case 0xFEFF:
            return CharClass::invisible;
        // dashes, minus, small/fullwidth punctuation
        case 0x2212: case 0xFE58: case 0xFE63: case 0xFF08: case 0xFF09: case 0xFF0D: case 0xFF0E:
        case 0xFF0F: case 0xFF3B: case 0xFF3D:
            return CharClass::punct;
        case 0xFF0B: return CharClass::plus;
        default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return CharClass::space;
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
        (cp >= 0x2066 && cp <= 0x2069))
        return CharClass::invisible;
    if (cp >= 0x2010 && cp <= 0x2015) return CharClass::punct;
    return digit_value(cp) >= 0 ? CharClass::digit : CharClass::other;
}

// An NSN starting with 9 under +33 or a code that shares the French plan is a "polyvalent" 09 number
// (box, VoIP; rule 6), never a mobile: where the metadata types it mobile or fixed_line_or_mobile it
// is typed voip, so that type and is_mobile never disagree.
Type plan_type(unsigned cc, std::string_view nsn, Type metadata_type) noexcept {
    if (!nsn.empty() && nsn[0] == '9' && overseas::shares_french_plan(cc) && is_mobile_type(metadata_type))
        return Type::voip;
    return metadata_type;
}

}  // namespace detail

namespace {

using detail::CharClass;

// The input is checked once with text::is_valid_utf8 (rule 1); later scans decode it with the same
// strict decoder (text::decode_one / decode_before), which cannot fail on it.
inline char32_t next_cp(std::string_view s, std::size_t &i) noexcept {
    char32_t cp = 0;
    if (!text::decode_one(s, i, cp)) ++i;  // unreachable on checked input; never loops
    return cp;
}

inline char32_t prev_cp(std::string_view s, std::size_t &i) noexcept {
    char32_t cp = 0;
    if (!text::decode_before(s, i, cp)) --i;  // unreachable on checked input (i > 0 at every call)
    return cp;
}

inline bool is_separator(CharClass c) noexcept {
    return c == CharClass::space || c == CharClass::invisible || c == CharClass::punct;
}

inline char lower(unsigned char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c); }

// True when the ASCII word w (lowercase) ends exactly at p[end) (case-insensitive).
bool ends_with_word(const unsigned char *p, std::size_t end, const char *w) noexcept {
    const std::size_t n = std::strlen(w);
    if (end < n) return false;
    for (std::size_t k = 0; k < n; ++k)
        if (lower(p[end - n + k]) != w[k]) return false;
    return true;
}

// Rule 2: marker, then separators / ':' / '=', then 1-6 digits (separators allowed between them),
// then only separators to the end; at least one digit before the marker.
bool has_extension(std::string_view s) noexcept {
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    std::size_t i = n;
    int digits = 0;
    // Tail: digits and separators.
    while (i > 0) {
        std::size_t j = i;
        const CharClass c = detail::classify(prev_cp(s, j));
        if (c == CharClass::digit) {
            if (++digits > 6) return false;
        } else if (!is_separator(c)) {
            break;
        }
        i = j;
    }
    if (digits == 0 || i == 0) return false;
    // Separators, ':' and '=' between the marker and the digits.
    std::size_t after_marker = i;
    while (after_marker > 0) {
        std::size_t j = after_marker;
        const char32_t cp = prev_cp(s, j);
        if (cp != ':' && cp != '=' && !is_separator(detail::classify(cp))) break;
        after_marker = j;
    }
    // The digits must start after all the ':' and '=' (the loop above stops at the first other char,
    // and the first loop stopped at a non-separator, so any ':'/'=' lie before the digits).
    std::size_t marker_start = after_marker;
    static constexpr const char *kWords[] = {"extension", "extn", "ext", "poste", "x", "#"};
    bool found = false;
    for (const char *w : kWords) {
        if (ends_with_word(p, after_marker, w)) {
            marker_start = after_marker - std::strlen(w);
            found = true;
            break;
        }
    }
    if (!found && after_marker < n && p[after_marker] == '.' && ends_with_word(p, after_marker, "p")) {
        marker_start = after_marker - 1;
        found = true;
    }
    if (!found) return false;
    // At least one digit before the marker.
    for (std::size_t k = 0; k < marker_start;) {
        if (detail::classify(next_cp(s, k)) == CharClass::digit) return true;
    }
    return false;
}

// ---- the French plan ----------------------------------------------------------------------------

// Requires digits(cc) + nsn.size() <= 15 (checked by the callers).
void set_e164(Number &n, unsigned cc, std::string_view nsn) noexcept {
    char *o = n.e164_buf;
    *o++ = '+';
    char ccs[4];
    int k = 0;
    unsigned v = cc;
    do {
        ccs[k++] = char('0' + v % 10);
        v /= 10;
    } while (v != 0);
    n.cc_digits = std::uint8_t(k);
    while (k > 0) *o++ = ccs[--k];
    std::memcpy(o, nsn.data(), nsn.size());
    o += nsn.size();
    *o = '\0';
    n.e164_len = std::uint8_t(o - n.e164_buf);
    n.country_code = std::uint16_t(cc);
}

void set_region(Number &n, const char *r) noexcept {
    std::size_t k = 0;
    for (; k < 3 && r[k] != '\0'; ++k) n.region[k] = r[k];
    for (; k < 4; ++k) n.region[k] = '\0';
}

void set_type(Number &n, unsigned cc, std::string_view nsn, Type t) noexcept {
    n.type = detail::plan_type(cc, nsn, t);
    n.is_mobile = detail::is_mobile_type(n.type);
}

// A number of the overseas table, accepted by its prefix (the table wins over the metadata, which may
// lag behind ARCEP's assignments: in_metadata() tells whether the metadata knows it too).
Parsed accept_overseas(const overseas::PrefixRow &row, std::string_view nsn) noexcept {
    const overseas::Territory &t = overseas::territory(row);
    Parsed r;
    set_e164(r.number, t.cc, nsn);
    set_region(r.number, t.region);
    set_type(r.number, t.cc, nsn, row.mobile ? Type::mobile : Type::fixed_line);
    return r;
}

bool french_plan(const Number &n) noexcept;

Parsed reject(Error e) noexcept {
    Parsed r;
    r.error = e;
    return r;
}

// Rule 7: a 9-digit French NSN.
Parsed french(std::string_view nsn) noexcept {
    if (nsn.size() != 9) return reject(Error::invalid_number);
    if (const overseas::PrefixRow *row = overseas::find(nsn)) return accept_overseas(*row, nsn);
    if (nsn[0] == '7' && nsn[1] == '0') return reject(Error::invalid_number);
    detail::Meta meta;
    if (!detail::lookup(33, nsn, meta) || !meta.valid) return reject(Error::invalid_number);
    Parsed r;
    set_e164(r.number, 33, nsn);
    set_region(r.number, "FR");
    set_type(r.number, 33, nsn, meta.type);
    return r;
}

// Rule 6: D starts with a country code.
Parsed international(std::string_view d) noexcept {
    const int cc_len = detail::country_code_length(d);
    if (cc_len == 0) return reject(Error::invalid_number);
    unsigned cc = 0;
    for (int k = 0; k < cc_len; ++k) cc = cc * 10 + unsigned(d[std::size_t(k)] - '0');
    const std::string_view typed = d.substr(std::size_t(cc_len));
    std::string_view rest = typed;
    if (cc == 33 || overseas::has_prefix_rows(cc)) {
        if (rest.size() == 10 && rest[0] == '0') rest.remove_prefix(1);
        if (cc == 33) return rest.size() == 9 ? french(rest) : reject(Error::invalid_number);
        if (const overseas::PrefixRow *row = overseas::find(rest)) {
            if (overseas::territory(*row).cc != cc) return reject(Error::invalid_number);
            return accept_overseas(*row, rest);
        }
    }
    // Everything else follows libphonenumber, national prefix stripping included.
    // libphonenumber strips once and decides validity on that (Z). Its E.164 may itself strip again
    // ("+52 1 1 ..." in Mexico), so the E.164 returned is the fixed point Y of the stripping when Y is
    // valid too: normalize(e164) == e164 always holds.
    char stripped[3][detail::kStripBuffer];
    rest = detail::strip_national_prefix(std::uint16_t(cc), typed, stripped[2]);
    if (rest.empty() || rest.size() > 17) return reject(Error::invalid_number);
    detail::Meta meta;
    if (!detail::lookup(std::uint16_t(cc), rest, meta) || !meta.valid) return reject(Error::invalid_number);
    std::string_view fixed = rest;
    for (int round = 0; round < 4 && rest != typed; ++round) {
        const std::string_view next = detail::strip_national_prefix(std::uint16_t(cc), fixed, stripped[round & 1]);
        if (next == fixed) break;
        fixed = next;
    }
    if (fixed != rest && !fixed.empty()) {
        detail::Meta again;
        if (detail::lookup(std::uint16_t(cc), fixed, again) && again.valid) {
            rest = fixed;
            meta = again;
        }
    }
    // E.164 numbers have at most 15 digits (ITU-T E.164 §6); libphonenumber's metadata allows a few
    // longer national numbers (Germany, Austria): refused here, the E.164 buffer holds 15 digits.
    if (std::size_t(cc_len) + rest.size() > kMaxE164Bytes - 1) return reject(Error::invalid_number);
    Parsed r;
    set_e164(r.number, cc, rest);
    set_region(r.number, meta.region);
    set_type(r.number, cc, rest, meta.type);
    return r;
}

constexpr std::size_t kMaxDigits = 24;  // more digits than any shape of rule 5 accepts

}  // namespace

Parsed normalize(std::string_view raw) noexcept {
    const auto *p = reinterpret_cast<const unsigned char *>(raw.data());
    const std::size_t n = raw.size();
    // Rule 1.
    if (n > kMaxInputBytes) return reject(Error::too_long);
    if (!text::is_valid_utf8(raw)) return reject(Error::invalid_utf8);
    // Rule 2.
    if (has_extension(raw)) return reject(Error::extension);
    // Rule 3: leading white space and invisible characters, then an optional "tel:".
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i;
        const CharClass c = detail::classify(next_cp(raw, j));
        if (c != CharClass::space && c != CharClass::invisible) break;
        i = j;
    }
    if (n - i >= 4 && lower(p[i]) == 't' && lower(p[i + 1]) == 'e' && lower(p[i + 2]) == 'l' && p[i + 3] == ':') {
        std::size_t j = i + 4;
        if (j >= n) return reject(Error::invalid_character);
        const CharClass c = detail::classify(next_cp(raw, j));
        if (c != CharClass::plus && c != CharClass::digit) return reject(Error::invalid_character);
        i += 4;
    }
    // Rule 4.
    char digits[kMaxDigits];
    std::size_t nd = 0;
    bool plus = false;
    while (i < n) {
        const unsigned char b = p[i];
        if (b >= '0' && b <= '9') {  // fast path
            if (nd < kMaxDigits) digits[nd] = char(b);
            ++nd;
            ++i;
            continue;
        }
        const char32_t cp = next_cp(raw, i);
        switch (detail::classify(cp)) {
            case CharClass::digit:
                if (nd < kMaxDigits) digits[nd] = char('0' + detail::digit_value(cp));
                ++nd;
                break;
            case CharClass::plus:
                if (plus || nd > 0) return reject(Error::invalid_character);
                plus = true;
                break;
            case CharClass::space:
            case CharClass::invisible:
            case CharClass::punct:
                break;
            case CharClass::other:
                return reject(Error::invalid_character);
        }
    }
    // Rule 5.
    if (nd == 0) return reject(Error::no_digits);
    if (nd > kMaxDigits) return reject(plus || (digits[0] == '0' && digits[1] == '0') ? Error::invalid_number
                                                                                      : Error::invalid_length);
    const std::string_view d(digits, nd);
    if (plus) return international(d);
    if (nd >= 2 && d[0] == '0' && d[1] == '0') return international(d.substr(2));
    if (nd == 10 && d[0] == '0' && d[1] != '0') return french(d.substr(1));
    if (nd == 9 && d[0] != '0') return french(d);
    if (nd == 11 && d[0] == '3' && d[1] == '3' && d[2] != '0') return french(d.substr(2));
    if (nd == 12 && d[0] == '3' && d[1] == '3' && d[2] == '0') return french(d.substr(3));
    if (nd == 12 && d[3] != '0') {
        const unsigned cc3 = unsigned(d[0] - '0') * 100 + unsigned(d[1] - '0') * 10 + unsigned(d[2] - '0');
        if (overseas::has_prefix_rows(cc3)) {
            if (overseas::find(d.substr(3)) == nullptr) return reject(Error::invalid_number);
            return international(d);
        }
    }
    return reject(Error::invalid_length);
}

bool in_metadata(const Number &n) noexcept {
    if (!french_plan(n) || n.country_code == 33) return true;  // accepted by the metadata itself
    detail::Meta meta;
    return detail::lookup(n.country_code, n.nsn(), meta) && meta.valid;
}

bool same_number(std::string_view a, std::string_view b) noexcept {
    const Parsed x = normalize(a);
    if (!x.ok()) return false;
    const Parsed y = normalize(b);
    return y.ok() && x.number.e164() == y.number.e164();
}

// ---- formats ------------------------------------------------------------------------------------

namespace {

// The French plan: +33 and the overseas table's numbers under their own code. Their national form
// "0X XX XX XX XX" reads back as the same number (rules 5 and 7).
bool french_plan(const Number &n) noexcept {
    if (n.country_code == 33) return true;
    if (!overseas::has_prefix_rows(n.country_code)) return false;
    const overseas::PrefixRow *row = overseas::find(n.nsn());
    return row != nullptr && overseas::territory(*row).cc == n.country_code;
}

}  // namespace

std::size_t format_to(const Number &n, Format f, char *out, std::size_t cap) noexcept {
    char buf[kMaxFormatBytes];
    std::size_t len = 0;
    auto put = [&](char c) {
        if (len < sizeof buf) buf[len++] = c;
    };
    const std::string_view nsn = n.nsn();
    if (f == Format::national) {
        if (french_plan(n)) {
            put('0');
            for (std::size_t k = 0; k < nsn.size(); ++k) {
                if (k == 1 || k == 3 || k == 5 || k == 7) put(' ');
                put(nsn[k]);
            }
        } else {
            // libphonenumber's NATIONAL format, where it reads back as the same number. Typed national
            // forms are read as French, so it rarely does ("0800 01 23 45" for +590 800 01 23 45 is
            // +33 800 01 23 45): then the international form stands in for it.
            len = detail::format_nsn(n.country_code, nsn, true, buf, sizeof buf);
            const Parsed back = normalize(std::string_view(buf, len));
            if (!back.ok() || back.number.e164() != n.e164()) {
                len = 0;
                f = Format::international;
            }
        }
    }
    if (f != Format::national) {
        const std::string_view cc = n.e164().substr(0, 1 + n.cc_digits);
        for (char c : cc) put(c);
        put(' ');
        char grouped[kMaxFormatBytes];
        std::size_t glen = detail::format_nsn(n.country_code, nsn, false, grouped, sizeof grouped);
        if (glen == nsn.size() && french_plan(n)) {
            // No INTERNATIONAL format of the territory covers this table number: group it 3 2 2 2.
            glen = 0;
            for (std::size_t k = 0; k < nsn.size(); ++k) {
                if (k == 3 || k == 5 || k == 7) grouped[glen++] = ' ';
                grouped[glen++] = nsn[k];
            }
        }
        if (f == Format::international) {
            for (std::size_t k = 0; k < glen; ++k) put(grouped[k]);
        } else {
            // Masked: every NSN digit but the first and the last two becomes U+2022 (counted on the
            // digits the international format shows, which may omit a leading digit of the NSN).
            std::size_t shown = 0;
            for (std::size_t k = 0; k < glen; ++k) shown += (grouped[k] >= '0' && grouped[k] <= '9') ? 1 : 0;
            std::size_t seen = 0;
            for (std::size_t k = 0; k < glen; ++k) {
                const char c = grouped[k];
                if (c >= '0' && c <= '9') {
                    if (seen == 0 || seen + 2 >= shown) {
                        put(c);
                    } else {
                        put('\xE2');
                        put('\x80');
                        put('\xA2');
                    }
                    ++seen;
                } else {
                    put(c);
                }
            }
        }
    }
    const std::size_t w = std::min(len, cap == 0 ? 0 : cap - 1);
    if (cap > 0) {
        std::memcpy(out, buf, w);
        out[w] = '\0';
    }
    return len;
}

std::string format_national(const Number &n) {
    char buf[kMaxFormatBytes];
    const std::size_t len = format_to(n, Format::national, buf, sizeof buf);
    return std::string(buf, std::min(len, sizeof buf - 1));
}

std::string format_international(const Number &n) {
    char buf[kMaxFormatBytes];
    const std::size_t len = format_to(n, Format::international, buf, sizeof buf);
    return std::string(buf, std::min(len, sizeof buf - 1));
}

std::string format_masked(const Number &n) {
    char buf[kMaxFormatBytes];
    const std::size_t len = format_to(n, Format::masked, buf, sizeof buf);
    return std::string(buf, std::min(len, sizeof buf - 1));
}

}  // namespace sesame::phone
