// Canonical name keys: docs/spec/identity.md, "Canonical key", steps 1-9 (with the decisions of
// "Precise behaviour": a separator run containing a unit separator is a unit boundary; step 3
// deletes Mn and Me only; ignorables are utf8proc's `ignorable` property plus U+00B7). Steps 2-5
// are the letter fold (core/text/fold.hpp), shared with the password meter.
#include "core/text/name_key.hpp"

#include <utf8proc.h>

#include <array>

#include "core/common/limits.hpp"
#include "core/text/fold.hpp"
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

// Steps 6-7 for one code point of a fold (steps 2-5 are text::fold_code_point's). Returns false
// on an unmappable character (the key becomes invalid).
bool emit(Builder &b, char32_t c) {
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            b.letter(static_cast<char>(c));
            return true;
        }
        if (is_unit_sep(c)) return b.separator(true), true;
        if (is_token_sep(c)) return b.separator(false), true;
        return false;
    }
    if (c == 0x00B7 || utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->ignorable) return true;  // step 6
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
    std::array<char32_t, kMaxFoldCodePoints> folded{};
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
        const int n = fold_code_point(cp, folded.data());  // steps 2-5
        if (n < 0) {
            if (!refused()) return NameKey{};
            continue;
        }
        for (int k = 0; k < n; ++k)
            if (!emit(b, folded[static_cast<std::size_t>(k)]) && !refused()) return NameKey{};
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
