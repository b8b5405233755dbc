#include "core/identity/login_id.hpp"

#include <sodium.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <mutex>

#include "core/common/sodium_init.hpp"
#include "core/text/name_key.hpp"
#include "core/text/utf8.hpp"

namespace sesame::identity {

namespace {

// One prototype per process (creation costs milliseconds), cloned per thread: ICU transliterators
// are not safe for concurrent use.
const icu::Transliterator *prototype() {
    static std::once_flag once;
    static std::unique_ptr<icu::Transliterator> proto;
    std::call_once(once, [] {
        UErrorCode ec = U_ZERO_ERROR;
        proto.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, ec));
        if (U_FAILURE(ec)) proto.reset();
    });
    return proto.get();
}

bool is_after_marker(std::string_view t) { return t == "ep" || t == "epouse" || t == "epse" || t == "veuve" || t == "vve"; }

// Key of `s`, transliterated first when the name is non-Latin (its key is invalid).
text::NameKey latin_key(std::string_view s) {
    text::NameKey k = text::name_key(s);
    if (k.valid || s.empty() || !text::is_valid_utf8(s)) return k;
    const std::string t = transliterate_latin_ascii(s);
    if (t.empty()) return k;
    return text::name_key(t);
}

}  // namespace

std::string transliterate_latin_ascii(std::string_view s) {
    const icu::Transliterator *p = prototype();
    if (p == nullptr || !text::is_valid_utf8(s) || s.size() > 4096) return {};
    thread_local std::unique_ptr<icu::Transliterator> local;
    if (!local) local.reset(p->clone());
    if (!local) return {};
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    local->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

Result<std::string> login_stem(std::string_view family, std::string_view given) {
    const text::NameKey fk = latin_key(family);
    std::string fam;
    if (fk.valid) {
        const auto tokens = fk.tokens();
        std::size_t b = 0, e = tokens.size();
        for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
            if (is_after_marker(tokens[i])) {
                b = i + 1;
                break;
            }
            if (tokens[i] == "nee") {
                e = i;
                break;
            }
        }
        for (std::size_t i = b; i < e && fam.size() < 20; ++i)
            for (char c : tokens[i])
                if (c >= 'a' && c <= 'z' && fam.size() < 20) fam += c;
    }
    if (fam.empty()) return Error(Code::invalid_name, "the family name gives no letter for an identifier");
    std::string stem;
    const text::NameKey gk = latin_key(given);
    if (gk.valid) {
        const auto tokens = gk.tokens();
        if (!tokens.empty()) {
            for (char c : tokens.front()) {
                if (c >= 'a' && c <= 'z') {
                    stem += c;
                    stem += '.';
                    break;
                }
            }
        }
    }
    return stem + fam;
}

Result<std::string> login_id(std::string_view family, std::string_view given, const TakenFn &taken) {
    auto stem = login_stem(family, given);
    if (!stem.ok()) return stem.status();
    Status st = ensure_sodium();
    if (!st.ok()) return st;
    static constexpr std::array<std::uint32_t, 3> kBounds = {100, 1000, 10000};
    for (std::size_t w = 0; w < kBounds.size(); ++w) {
        for (int draw = 0; draw < 20; ++draw) {
            const std::uint32_t n = randombytes_uniform(kBounds[w]);
            std::string digits = std::to_string(n);
            digits.insert(0, (w + 2) - digits.size(), '0');
            std::string candidate = *stem + digits;
            if (taken) {
                auto t = taken(candidate);
                if (!t.ok()) return t.status();
                if (*t) continue;
            }
            return candidate;
        }
    }
    return Error(Code::exhausted, "every identifier suffix drawn was taken");
}

}  // namespace sesame::identity
