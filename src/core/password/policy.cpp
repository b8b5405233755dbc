#include "core/password/policy.hpp"

#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <cstdio>

#include "core/common/json_bounds.hpp"
#include "core/common/secret_bytes.hpp"
#include "core/text/nfc.hpp"
#include "core/text/utf8.hpp"

namespace sesame::password {

namespace {

constexpr bool is_control(char32_t cp) noexcept { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Classes of U+0000..U+00FF (Unicode 15): A-Z, À-Ö, Ø-Þ are Lu; a-z, µ, ß-ö, ø-ÿ are Ll;
// ª and º are Lo; 0-9 are Nd.
struct Latin1Table {
    std::uint8_t bits[256] = {};
    constexpr Latin1Table() {
        for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kUpper | kLetter;
        for (int c = 'a'; c <= 'z'; ++c) bits[c] = kLower | kLetter;
        for (int c = '0'; c <= '9'; ++c) bits[c] = kDigit;
        bits[0xAA] = kLetter;
        bits[0xBA] = kLetter;
        bits[0xB5] = kLower | kLetter;
        for (int c = 0xC0; c <= 0xDE; ++c)
            if (c != 0xD7) bits[c] = kUpper | kLetter;
        for (int c = 0xDF; c <= 0xFF; ++c)
            if (c != 0xF7) bits[c] = kLower | kLetter;
    }
};
constexpr Latin1Table kLatin1;

// The class bits are four: a count without std::popcount (a libgcc call on baseline x86-64).
int count_classes(std::uint32_t c) noexcept {
    return int(c & 1u) + int(c >> 1 & 1u) + int(c >> 2 & 1u) + int(c >> 3 & 1u);
}
static_assert(kAllClasses == 15);

struct Scan {
    RuleError error = RuleError::none;
    std::size_t count = 0;  // code points
    bool quick = true;      // every code point NFC-inert: NFC leaves the text as it is
    bool latin = true;      // every code point below U+0300 (no combining mark)
};

// Strict decoding: stores up to kRawMaxCodePoints code points; keeps validating past the caps so
// that invalid_utf8 takes precedence over control_char, and both over too_long.
Scan scan(std::string_view pw, NfcPassword &buf) noexcept {
    Scan r;
    bool control = false, latin = true, quick = true;
    std::size_t count = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(pw.data());
    const std::size_t n = pw.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        char32_t cp = b;
        if (b < 0x80) {  // ASCII: below U+0300, in NFC whatever surrounds it
            ++i;
        } else {
            if (!text::decode_one(pw, i, cp)) {
                buf.n = std::min(count, kRawMaxCodePoints);  // what was stored gets wiped
                r.error = RuleError::invalid_utf8;
                return r;
            }
            const bool below = cp < text::kNfcQuickLimit;
            latin &= below;
            quick &= below || text::nfc_inert_above_limit(cp);
        }
        control |= is_control(cp);
        if (count < kRawMaxCodePoints) buf.cps[count] = cp;
        ++count;
    }
    buf.n = std::min(count, kRawMaxCodePoints);
    r.count = count;
    r.latin = latin;
    r.quick = quick;
    if (control) r.error = RuleError::control_char;
    else if (n > kRawMaxBytes || count > kRawMaxCodePoints) r.error = RuleError::too_long;
    return r;
}

// NFC in place (slow path only).
void to_nfc(NfcPassword &buf) {
    std::vector<char32_t> out;
    out.reserve(buf.n * 4 + 8);
    const bool ok = text::nfc_utf32(buf.cps.data(), buf.n, out);
    secure_wipe(buf.cps.data(), buf.n * sizeof(char32_t));
    buf.n = 0;
    if (ok) {
        // NFC never lengthens text by more than 3x, but stay inside the buffer whatever happens.
        buf.n = std::min(out.size(), buf.cps.size());
        std::copy_n(out.begin(), buf.n, buf.cps.begin());
    }
    secure_wipe(out.data(), out.capacity() * sizeof(char32_t));
}

const char *kRuleNames[] = {"upper", "lower", "digit", "special", "length", "allowed"};

}  // namespace

std::uint32_t unicode_classes(char32_t cp) noexcept {
    if (cp < 256) return kLatin1.bits[cp];
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT: return kUpper | kLetter;
        case UTF8PROC_CATEGORY_LL: return kLower | kLetter;
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: return kLetter;
        case UTF8PROC_CATEGORY_ND: return kDigit;
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME: return kMark;
        default: return 0;
    }
}

std::uint32_t Policy::other_classes(char32_t cp) const noexcept {
    std::uint32_t c = unicode_classes(cp);
    for (char32_t s : other_)
        if (s == cp) c |= kSpecial;
    return c;
}

NfcPassword::~NfcPassword() { secure_wipe(cps.data(), n * sizeof(char32_t)); }

const char *error_name(RuleError e) noexcept {
    switch (e) {
        case RuleError::none: return "";
        case RuleError::invalid_utf8: return "invalid_utf8";
        case RuleError::control_char: return "control_char";
        case RuleError::too_long: return "too_long";
    }
    return "";
}

const char *rule_name(Rule r) noexcept {
    const auto i = static_cast<std::size_t>(r);
    return i < std::size(kRuleNames) ? kRuleNames[i] : "";
}

void RuleResult::wipe_unaccepted() noexcept {
    secure_wipe(unaccepted.data(), sizeof unaccepted);
    unaccepted_n = 0;
}

namespace {

// The policy's specials as a parent reads them: "! ? @ # $ ( ) [ ] _ . , ; & = + - % * < > £ µ / :".
std::string specials_text(const Policy &policy) {
    std::string out;
    for (char32_t c : policy.specials()) {
        if (!out.empty()) out += ' ';
        text::append_utf8(out, c);
    }
    return out;
}

// One character named for a sentence, appended to out: itself, or words for what cannot be seen.
// Appended in place: the name comes from the password, so no temporary string is left unwiped.
void append_character_name(std::string &out, char32_t c, Lang lang) {
    const bool fr = lang == Lang::fr;
    if (c == U' ') {
        out += fr ? "l’espace" : "the space";
        return;
    }
    if (c == 0x00A0 || c == 0x202F || c == 0x2007) {
        out += fr ? "l’espace insécable" : "the non-breaking space";
        return;
    }
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    const bool space = cat == UTF8PROC_CATEGORY_ZS;
    const bool invisible = cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CN ||
                           cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME || cat == UTF8PROC_CATEGORY_MC;
    if (!space && !invisible) {
        text::append_utf8(out, c);
        return;
    }
    out += space ? (fr ? "l’espace " : "the space ") : (fr ? "le caractère invisible " : "the invisible character ");
    char hex[16];
    const int n = std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
    out.append(hex, static_cast<std::size_t>(n));
    secure_wipe(hex, sizeof hex);
}

// The classes of a set named for a length label, in the checklist's order: "sans chiffre ni caractère
// spécial", "with a digit and a special character".
std::string classes_phrase(std::uint32_t classes, bool with, Lang lang) {
    static constexpr std::uint32_t kBits[] = {kUpper, kLower, kDigit, kSpecial};
    static constexpr const char *kFrWith[] = {"une lettre majuscule", "une lettre minuscule", "un chiffre", "un caractère spécial"};
    static constexpr const char *kFrWithout[] = {"majuscule", "minuscule", "chiffre", "caractère spécial"};
    static constexpr const char *kEn[] = {"an uppercase letter", "a lowercase letter", "a digit", "a special character"};
    const bool fr = lang == Lang::fr;
    std::string out = fr ? (with ? "avec " : "sans ") : (with ? "with " : "without ");
    bool first = true;
    for (std::size_t i = 0; i < std::size(kBits); ++i) {
        if ((classes & kBits[i]) == 0) continue;
        if (!first) out += fr ? (with ? " et " : " ni ") : (with ? " and " : " or ");
        out += fr ? (with ? kFrWith[i] : kFrWithout[i]) : kEn[i];
        first = false;
    }
    return out;
}

// The length line of one alternative, then how the others differ from it: "Au moins 12
// caractères, ou 14 sans caractère spécial (128 au maximum)". A parent sees every way to a valid
// password on the one line that has figures.
std::string length_label(const Policy &policy, const Alternative &alt, Lang lang) {
    const bool fr = lang == Lang::fr;
    std::string out = (fr ? "Au moins " : "At least ") + std::to_string(alt.min_length) + (fr ? " caractères" : " characters");
    for (const Alternative &other : policy.alternatives()) {
        const std::uint32_t dropped = alt.required & ~other.required, added = other.required & ~alt.required;
        if (&other == &alt || (dropped == 0 && added == 0)) continue;
        out += (fr ? ", ou " : ", or ") + std::to_string(other.min_length) + ' ';
        if (added != 0) out += classes_phrase(added, true, lang);
        if (added != 0 && dropped != 0) out += fr ? " et " : " and ";
        if (dropped != 0) out += classes_phrase(dropped, false, lang);
    }
    const std::string max = std::to_string(policy.max_length());
    return out + (fr ? " (" + max + " au maximum)" : " (" + max + " at most)");
}

// What qualifies a class line when not every alternative requires that class: "(facultatif à partir
// de 14 caractères)", or the alternative's "N of 4" count; "" when the class is always required.
std::string class_condition(const Policy &policy, const Alternative &alt, std::uint32_t bit, Lang lang) {
    const bool fr = lang == Lang::fr;
    if ((alt.required & bit) == 0 && alt.min_classes > 0) {
        const std::string n = std::to_string(alt.min_classes);
        return fr ? " (au moins " + n + " types de caractères sur 4)" : " (at least " + n + " of the 4 kinds of character)";
    }
    std::uint32_t waived_from = 0;  // the shortest length at which an alternative does without the class
    std::uint32_t shortest = policy.max_length();
    bool waived = false;
    for (const Alternative &a : policy.alternatives()) {
        shortest = std::min(shortest, a.min_length);
        if ((a.required & bit) != 0 || (waived && a.min_length >= waived_from)) continue;
        waived_from = a.min_length;
        waived = true;
    }
    if (!waived) return "";
    if (waived_from <= shortest) return fr ? " (facultatif)" : " (optional)";  // no valid length needs it
    const std::string from = std::to_string(waived_from);
    return fr ? " (facultatif à partir de " + from + " caractères)" : " (optional from " + from + " characters)";
}

}  // namespace

std::string rule_label(const Policy &policy, Rule rule, std::int32_t alternative, Lang lang) {
    const bool fr = lang == Lang::fr;
    const auto &alts = policy.alternatives();
    const Alternative &alt =
        alternative >= 0 && static_cast<std::size_t>(alternative) < alts.size() ? alts[static_cast<std::size_t>(alternative)]
                                                                                : alts.front();
    switch (rule) {
        case Rule::upper:
            return (fr ? "Au moins une lettre majuscule" : "At least one uppercase letter") +
                   class_condition(policy, alt, kUpper, lang);
        case Rule::lower:
            return (fr ? "Au moins une lettre minuscule" : "At least one lowercase letter") +
                   class_condition(policy, alt, kLower, lang);
        case Rule::digit:
            return (fr ? "Au moins un chiffre" : "At least one digit") + class_condition(policy, alt, kDigit, lang);
        case Rule::special:
            return (fr ? "Au moins un caractère spécial parmi " : "At least one special character among ") +
                   specials_text(policy) + class_condition(policy, alt, kSpecial, lang);
        case Rule::length: return length_label(policy, alt, lang);
        case Rule::allowed:
            return fr ? "Uniquement des lettres, des chiffres et les caractères spéciaux acceptés"
                      : "Only letters, digits and the accepted special characters";
    }
    return "";
}

// Room for the longest message: 8 names of at most ~40 bytes and their separators, the sentence,
// and kMaxSpecials specials of at most 4 bytes and a space each.
constexpr std::size_t kUnacceptedMessageReserve = kMaxUnaccepted * 48 + 160 + kMaxSpecials * 5;

std::string unaccepted_message(const Policy &policy, const RuleResult &r, Lang lang) {
    const bool forbidden = policy.forbid_other();
    if (r.error == RuleError::invalid_utf8 || r.error == RuleError::control_char || r.unaccepted_n == 0 ||
        (!forbidden && r.special))
        return "";
    const bool fr = lang == Lang::fr;
    // The characters named are part of the password: the message is built in one buffer, reserved
    // so that it does not move (no copy left behind), and the caller wipes it.
    std::string out;
    out.reserve(kUnacceptedMessageReserve);
    for (std::size_t i = 0; i < r.unaccepted_n; ++i) {
        if (i != 0) out += i + 1 == r.unaccepted_n && r.unaccepted_count == r.unaccepted_n ? (fr ? " et " : " and ") : ", ";
        append_character_name(out, r.unaccepted[i], lang);
    }
    if (r.unaccepted_count > r.unaccepted_n) out += fr ? "…" : "...";
    const bool one = r.unaccepted_count == 1;
    if (fr) {
        out += forbidden ? (one ? " n’est pas autorisé" : " ne sont pas autorisés")
                         : (one ? " n’est pas un caractère spécial accepté" : " ne sont pas des caractères spéciaux acceptés");
        out += forbidden ? " ; utilisez des lettres, des chiffres ou ces caractères spéciaux : "
                         : " ; caractères spéciaux acceptés : ";
    } else {
        out += forbidden ? (one ? " is not allowed" : " are not allowed")
                         : (one ? " is not an accepted special character" : " are not accepted special characters");
        out += forbidden ? "; use letters, digits or these special characters: " : "; accepted special characters: ";
    }
    out += specials_text(policy);
    return out;
}

Result<Policy> Policy::make(std::vector<Alternative> alternatives, std::uint32_t max_length,
                            std::u32string_view specials, bool forbid_other, std::int32_t min_score) {
    if (alternatives.empty() || alternatives.size() > kMaxAlternatives)
        return Error(Code::invalid_argument, "policy: 1 to 8 alternatives");
    if (max_length < 1 || max_length > kMaxLengthLimit)
        return Error(Code::invalid_argument, "policy: max_length must be within 1..128");
    if (min_score < -1 || min_score > 4) return Error(Code::invalid_argument, "policy: min_score must be -1..4");
    if (specials.size() > kMaxSpecials) return Error(Code::invalid_argument, "policy: at most 256 specials");
    for (const auto &a : alternatives) {
        if (a.min_length < 1 || a.min_length > max_length)
            return Error(Code::invalid_argument, "policy: min_length must be within 1..max_length");
        if ((a.required & ~kAllClasses) != 0) return Error(Code::invalid_argument, "policy: unknown class bit");
        if (a.min_classes > 4) return Error(Code::invalid_argument, "policy: min_classes must be within 0..4");
    }
    Policy p;
    std::copy(std::begin(kLatin1.bits), std::end(kLatin1.bits), p.latin_.begin());
    for (char32_t cp : specials) {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || is_control(cp))
            return Error(Code::invalid_argument, "policy: specials must be printable code points");
        if (p.is_special(cp)) continue;
        p.specials_.push_back(cp);
        if (cp < 256) p.latin_[cp] = static_cast<std::uint8_t>(p.latin_[cp] | kSpecial);
        else p.other_.push_back(cp);
    }
    p.alternatives_ = std::move(alternatives);
    p.max_length_ = max_length;
    p.forbid_other_ = forbid_other;
    p.min_score_ = min_score;
    return p;
}

const Policy &Policy::portal() {
    static const Policy p = Policy::make({Alternative{8, kAllClasses, 0}}, kMaxLengthLimit, kPortalSpecials, false, -1).value();
    return p;
}

Result<Policy> Policy::preset(std::string_view name) {
    if (name == "portal") return portal();
    if (name == "cnil2022")
        return make({Alternative{12, kAllClasses, 0}, Alternative{14, kUpper | kLower | kDigit, 0}}, kMaxLengthLimit,
                    kPortalSpecials, false, -1);
    return Error(Code::not_found, "unknown password policy preset (known: portal, cnil2022)");
}

namespace {
std::uint32_t class_bit(const std::string &s) {
    if (s == "upper") return kUpper;
    if (s == "lower") return kLower;
    if (s == "digit") return kDigit;
    if (s == "special") return kSpecial;
    return 0;
}
}  // namespace

Result<Policy> Policy::from_json(std::string_view text) {
    using nlohmann::json;
    if (Status st = check_json_bounds(text, kPolicyBound); !st.ok())
        return st;
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return Error(Code::parse, "policy: not valid JSON");
    if (!j.is_object()) return Error(Code::invalid_argument, "policy: a JSON object is expected");
    const Policy &base = portal();
    std::vector<Alternative> alts = base.alternatives();
    std::uint32_t max_length = base.max_length();
    std::u32string specials = base.specials();
    bool forbid = base.forbid_other();
    std::int32_t min_score = -1;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string &k = it.key();
        const json &v = it.value();
        if (k == "alternatives") {
            if (!v.is_array()) return Error(Code::invalid_argument, "policy: alternatives must be an array");
            alts.clear();
            for (const auto &a : v) {
                if (!a.is_object()) return Error(Code::invalid_argument, "policy: each alternative is an object");
                Alternative alt{8, 0, 0};
                for (auto f = a.begin(); f != a.end(); ++f) {
                    if (f.key() == "min_length" && f.value().is_number_unsigned()) {
                        alt.min_length = static_cast<std::uint32_t>(std::min<std::uint64_t>(f.value().get<std::uint64_t>(), 1u << 20));
                    } else if (f.key() == "min_classes" && f.value().is_number_unsigned()) {
                        alt.min_classes = static_cast<std::uint32_t>(std::min<std::uint64_t>(f.value().get<std::uint64_t>(), 99));
                    } else if (f.key() == "classes" && f.value().is_array()) {
                        for (const auto &c : f.value()) {
                            const std::uint32_t bit = c.is_string() ? class_bit(c.get<std::string>()) : 0;
                            if (bit == 0) return Error(Code::invalid_argument, "policy: classes are upper, lower, digit, special");
                            alt.required |= bit;
                        }
                    } else {
                        return Error(Code::invalid_argument, "policy: unknown or mistyped alternative field '" + f.key() + "'");
                    }
                }
                alts.push_back(alt);
                if (alts.size() > kMaxAlternatives) return Error(Code::invalid_argument, "policy: 1 to 8 alternatives");
            }
        } else if (k == "max_length" && v.is_number_unsigned()) {
            max_length = static_cast<std::uint32_t>(std::min<std::uint64_t>(v.get<std::uint64_t>(), 1u << 20));
        } else if (k == "specials" && v.is_string()) {
            const std::string s = v.get<std::string>();
            specials.clear();
            std::size_t i = 0;
            char32_t cp = 0;
            while (i < s.size()) {
                if (!text::decode_one(s, i, cp)) return Error(Code::invalid_argument, "policy: specials is not UTF-8");
                specials.push_back(cp);
            }
        } else if (k == "forbid_other" && v.is_boolean()) {
            forbid = v.get<bool>();
        } else if (k == "min_score" && (v.is_null() || v.is_number_integer())) {
            min_score = v.is_null() ? -1 : static_cast<std::int32_t>(std::clamp<std::int64_t>(v.get<std::int64_t>(), -99, 99));
        } else {
            return Error(Code::invalid_argument, "policy: unknown or mistyped field '" + k.substr(0, 40) + "'");
        }
    }
    return make(std::move(alts), max_length, specials, forbid, min_score);
}

std::string Policy::to_json() const {
    nlohmann::ordered_json j;
    auto alts = nlohmann::ordered_json::array();
    for (const auto &a : alternatives_) {
        nlohmann::ordered_json o;
        o["min_length"] = a.min_length;
        auto cls = nlohmann::ordered_json::array();
        for (std::uint32_t b = 0; b < 4; ++b)
            if (a.required & (1u << b)) cls.push_back(kRuleNames[b]);
        o["classes"] = cls;
        o["min_classes"] = a.min_classes;
        alts.push_back(o);
    }
    j["alternatives"] = alts;
    j["max_length"] = max_length_;
    std::string sp;
    for (char32_t c : specials_) text::append_utf8(sp, c);
    j["specials"] = sp;
    j["forbid_other"] = forbid_other_;
    j["min_score"] = min_score_ < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(min_score_);
    return j.dump();
}

RuleError normalize(std::string_view password, NfcPassword &out) {
    const Scan s = scan(password, out);
    if (s.error != RuleError::none) return s.error;
    if (!s.quick) to_nfc(out);
    return RuleError::none;
}

RuleResult check_rules(const Policy &policy, std::string_view password, NfcPassword *nfc_out) {
    RuleResult r;
    NfcPassword local;
    NfcPassword &buf = nfc_out != nullptr ? *nfc_out : local;
    const Scan s = scan(password, buf);
    r.has_allowed_rule = policy.forbid_other();
    if (s.error != RuleError::none) {
        r.error = s.error;
        r.allowed = false;
        return r;
    }
    if (!s.quick) to_nfc(buf);
    // Allowed: a letter, digit or special, or a combining mark left after NFC with its letter.
    // Below U+0300 there is no combining mark.
    std::uint32_t present = 0;
    bool allowed = true;
    if (s.latin) {
        for (std::size_t i = 0; i < buf.n; ++i) {
            const std::uint32_t c = policy.classes(buf.cps[i]);
            present |= c;
            allowed &= (c & (kLetter | kDigit | kSpecial)) != 0;
        }
    } else {
        bool prev_letter = false;
        for (std::size_t i = 0; i < buf.n; ++i) {
            const std::uint32_t c = policy.classes(buf.cps[i]);
            present |= c;
            const bool base = (c & (kLetter | kDigit | kSpecial)) != 0;
            const bool mark_ok = (c & kMark) != 0 && prev_letter;
            allowed &= base | mark_ok;
            prev_letter = base ? (c & kLetter) != 0 : mark_ok;
        }
    }
    if (!allowed) {  // rare: name the characters that are no letter, digit or special (one more pass)
        bool prev_letter = false;
        for (std::size_t i = 0; i < buf.n; ++i) {
            const char32_t cp = buf.cps[i];
            const std::uint32_t c = policy.classes(cp);
            const bool base = (c & (kLetter | kDigit | kSpecial)) != 0;
            const bool mark_ok = (c & kMark) != 0 && prev_letter;
            prev_letter = base ? (c & kLetter) != 0 : mark_ok;
            if (base || mark_ok) continue;
            const auto seen = r.unaccepted.begin() + r.unaccepted_n;
            if (std::find(r.unaccepted.begin(), seen, cp) != seen) continue;
            bool counted = false;  // beyond the reported ones, count distinct values only
            for (std::size_t j = 0; j < i && !counted && r.unaccepted_n == kMaxUnaccepted; ++j) counted = buf.cps[j] == cp;
            if (counted) continue;
            ++r.unaccepted_count;
            if (r.unaccepted_n < kMaxUnaccepted) r.unaccepted[r.unaccepted_n++] = cp;
        }
    }
    const auto len = static_cast<std::uint32_t>(buf.n);
    r.length = static_cast<std::int32_t>(len);
    r.classes = present & kAllClasses;
    r.upper = present & kUpper;
    r.lower = present & kLower;
    r.digit = present & kDigit;
    r.special = present & kSpecial;
    r.allowed = allowed || !policy.forbid_other();
    const bool too_long = len > policy.max_length();
    if (too_long) r.error = RuleError::too_long;
    // The first alternative fully met, else the one with the fewest failing items.
    int best = -1, best_fail = 1 << 30;
    for (std::size_t a = 0; a < policy.alternatives().size(); ++a) {
        const Alternative &alt = policy.alternatives()[a];
        int fail = (len < alt.min_length || too_long) ? 1 : 0;
        fail += count_classes(alt.required & ~r.classes);
        const int have = count_classes(r.classes);
        if (alt.min_classes > static_cast<std::uint32_t>(have)) fail += static_cast<int>(alt.min_classes) - have;
        if (fail < best_fail) {
            best_fail = fail;
            best = static_cast<int>(a);
        }
        if (fail == 0) break;
    }
    r.alternative = best;
    const Alternative &alt = policy.alternatives()[static_cast<std::size_t>(best)];
    r.length_ok = len >= alt.min_length && !too_long;
    r.valid = best_fail == 0 && r.allowed;
    return r;
}

bool confirm(std::string_view a, std::string_view b) {
    NfcPassword na, nb;
    const bool ok_a = normalize(a, na) == RuleError::none;
    const bool ok_b = normalize(b, nb) == RuleError::none;
    const std::size_t common = std::min(na.n, nb.n);
    const bool same = constant_time_equal(
        {reinterpret_cast<const std::uint8_t *>(na.cps.data()), common * sizeof(char32_t)},
        {reinterpret_cast<const std::uint8_t *>(nb.cps.data()), common * sizeof(char32_t)});
    return ok_a && ok_b && na.n == nb.n && same;
}

}  // namespace sesame::password
