// Canonical name keys: docs/spec/identity.md, "Canonical key", steps 1-9 (with the decisions of
// "Precise behaviour": a separator run containing a unit separator is a unit boundary; step 3
// deletes Mn and Me only; ignorables are utf8proc's `ignorable` property plus U+00B7).
#include "core/text/name_key.hpp"

#include <utf8proc.h>

#include <array>

#include "core/common/limits.hpp"
#include "core/text/utf8.hpp"

namespace sesame::text {

namespace {

constexpr std::size_t kMaxNameCodePoints = limits::kNameMaxCodePoints;

enum class Kind : std::uint8_t { drop, token_char, token_sep, unit_sep, invalid };

bool is_white_space(char32_t c) noexcept {  // Unicode White_Space
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_unit_sep(char32_t c) noexcept {
    return is_white_space(c) || c == ',' || c == ';' || c == '/' || c == '(' || c == ')';
}

bool is_token_sep(char32_t c) noexcept {
    switch (c) {
        case '-': case '\'': case '`': case '.': case '_':
        case 0x2212: case 0x2032: case 0x02B9:
            return true;
        default:
            return (c >= 0x2010 && c <= 0x2015) || (c >= 0x2018 && c <= 0x201B) || (c >= 0x02BB && c <= 0x02BF);
    }
}

// Step 5: letters without a decomposition (after case folding). Returns nullptr when unmapped.
const char *letter_map(char32_t c) noexcept {
    switch (c) {
        case 0x0153: return "oe";  // œ
        case 0x00E6: return "ae";  // æ
        case 0x00F8: return "o";   // ø
        case 0x0142: return "l";   // ł
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // ı
        case 0x0127: return "h";   // ħ
        case 0x0167: return "t";   // ŧ
        case 0x014B: return "ng";  // ŋ
        case 0x0256: return "d";   // ɖ
        case 0x0257: return "d";   // ɗ
        case 0x0253: return "b";   // ɓ
        case 0x0199: return "k";   // ƙ
        case 0x01B4: return "y";   // ƴ
        case 0x025B: return "e";   // ɛ
        case 0x0254: return "o";   // ɔ
        default: return nullptr;
    }
}

class Builder {
public:
    explicit Builder(NameKey &key) : key_(key) {}

    void separator(bool unit) noexcept {
        in_sep_ = true;
        unit_sep_ |= unit;
    }

    void letters(const char *s) {
        for (; *s != '\0'; ++s) letter(*s);
    }

    void letter(char c) {
        if (in_sep_ || !started_) {
            flush_token();
            if (unit_sep_ && !unit_.empty()) {
                key_.units.push_back(std::move(unit_));
                unit_.clear();
            }
            in_sep_ = false;
            unit_sep_ = false;
            started_ = true;
        }
        token_.push_back(c);
    }

    void finish() {
        flush_token();
        if (!unit_.empty()) key_.units.push_back(std::move(unit_));
    }

private:
    void flush_token() {
        if (token_.empty()) return;
        if (token_ == "st") token_ = "saint";        // step 8
        else if (token_ == "ste") token_ = "sainte";
        unit_.push_back(std::move(token_));
        token_.clear();
    }

    NameKey &key_;
    std::vector<std::string> unit_;
    std::string token_;
    bool in_sep_ = false, unit_sep_ = false, started_ = false;
};

// Steps 3-7 for one code point that is already decomposed and folded. Returns false on an
// unmappable character (the key becomes invalid).
bool emit(Builder &b, char32_t c) {
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            b.letter(static_cast<char>(c));
            return true;
        }
        if (c >= 'A' && c <= 'Z') {  // folded already; kept for robustness
            b.letter(static_cast<char>(c - 'A' + 'a'));
            return true;
        }
        if (is_unit_sep(c)) return b.separator(true), true;
        if (is_token_sep(c)) return b.separator(false), true;
        return false;
    }
    const utf8proc_property_t *p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
    if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_ME) return true;  // step 3
    if (c == 0x00B7 || p->ignorable) return true;                                                  // step 6
    if (const char *m = letter_map(c)) return b.letters(m), true;                                  // step 5
    if (is_unit_sep(c)) return b.separator(true), true;
    if (is_token_sep(c)) return b.separator(false), true;
    return false;  // step 9: non-Latin scripts, symbols, emoji, unmapped letters
}

}  // namespace

std::vector<std::string> NameKey::tokens() const {
    std::vector<std::string> out;
    for (const auto &u : units) out.insert(out.end(), u.begin(), u.end());
    return out;
}

std::string NameKey::compact() const {
    std::string out;
    for (const auto &u : units)
        for (const auto &t : u) out += t;
    return out;
}

std::string NameKey::text() const {
    std::string out;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i != 0) out += '|';
        for (std::size_t j = 0; j < units[i].size(); ++j) {
            if (j != 0) out += ' ';
            out += units[i][j];
        }
    }
    return out;
}

namespace {

// Steps 1-9 over s. strict: the spec's name key (at most 100 code points, any character it cannot
// map makes the key invalid). Otherwise the lenient fold of label_key(): no length bound, and a
// character the key refuses (a symbol, another script, an invalid byte) separates units.
NameKey fold(std::string_view s, bool strict) {
    NameKey key;
    Builder b(key);
    std::size_t i = 0, count = 0;
    char32_t cp = 0;
    // Steps 2 and 4 at once, code point by code point: utf8proc folds (full case folding, C+F),
    // then decomposes (NFKD) every result recursively, which also covers the spec's second
    // NFKD pass (İ -> i + U+0307). Canonical reordering is irrelevant: every mark is deleted.
    constexpr auto kOptions = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    std::array<utf8proc_int32_t, 32> buf{};
    auto refused = [&] {
        if (strict) return false;
        b.separator(true);
        return true;
    };
    while (i < s.size()) {
        if (strict && ++count > kMaxNameCodePoints) return NameKey{};  // step 1
        if (!decode_one(s, i, cp)) {
            if (!refused()) return NameKey{};
            ++i;
            continue;
        }
        if (cp < 0x80) {
            if (!emit(b, cp) && !refused()) return NameKey{};
            continue;
        }
        int last_boundclass = 0;
        const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf.data(),
                                                           static_cast<utf8proc_ssize_t>(buf.size()), kOptions,
                                                           &last_boundclass);
        if (n < 0 || n > static_cast<utf8proc_ssize_t>(buf.size())) {
            if (!refused()) return NameKey{};
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < n; ++k)
            if (!emit(b, static_cast<char32_t>(buf[static_cast<std::size_t>(k)])) && !refused()) return NameKey{};
    }
    b.finish();
    key.valid = !key.units.empty();  // step 9: at least one token
    if (!key.valid) key.units.clear();
    return key;
}

}  // namespace

NameKey name_key(std::string_view s) { return fold(s, true); }

std::string label_key(std::string_view s) {
    const NameKey k = fold(s, false);
    std::string out;
    for (const auto &u : k.units)
        for (const auto &t : u) {
            if (!out.empty()) out += ' ';
            out += t;
        }
    return out;
}

}  // namespace sesame::text
