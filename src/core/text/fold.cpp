#include "core/text/fold.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/text/utf8.hpp"

namespace sesame::text {

const char *letter_fold(char32_t c) noexcept {
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

int fold_code_point(char32_t cp, char32_t *out) noexcept {
    if (cp < 0x80) {
        out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        return 1;
    }
    // utf8proc folds (full case folding, C+F), then decomposes (NFKD) every result recursively,
    // which also covers the spec's second NFKD pass (İ -> i + U+0307). Canonical reordering is
    // irrelevant: every mark is deleted.
    constexpr auto kOptions = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    std::array<utf8proc_int32_t, kMaxFoldCodePoints> buf{};
    int last_boundclass = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf.data(),
                                                       static_cast<utf8proc_ssize_t>(buf.size()), kOptions, &last_boundclass);
    if (n < 0 || n > static_cast<utf8proc_ssize_t>(buf.size())) return -1;
    int len = 0;
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
        const auto c = static_cast<char32_t>(buf[static_cast<std::size_t>(k)]);
        if (c >= 0x80) {
            const utf8proc_property_t *p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
            if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_ME) continue;  // step 3
            if (const char *m = letter_fold(c)) {                                                      // step 5
                for (; *m != '\0' && len < int(kMaxFoldCodePoints); ++m) out[len++] = static_cast<char32_t>(*m);
                continue;
            }
        }
        if (len < int(kMaxFoldCodePoints)) out[len++] = c;
    }
    return len;
}

namespace {

void append_fold_computed(char32_t cp, std::string &out) {
    std::array<char32_t, kMaxFoldCodePoints> f{};
    const int n = fold_code_point(cp, f.data());
    if (n < 0) {
        append_utf8(out, cp);
        return;
    }
    for (int k = 0; k < n; ++k) append_utf8(out, f[static_cast<std::size_t>(k)]);
}

// The folds of the blocks passwords use beyond ASCII, computed once: Latin-1, Latin Extended-A
// and -B (é, ç, œ...), General Punctuation and Currency Symbols (’, …, €). utf8proc's
// decomposition costs about 100 ns a call, a table read a few.
struct FoldCache {
    struct Entry {
        std::uint8_t len;  // 0: longer than bytes, or folds to nothing: computed on each call
        char bytes[7];
    };
    static constexpr char32_t kLatinEnd = 0x250, kPunctBegin = 0x2000, kPunctEnd = 0x2100;
    std::array<Entry, kLatinEnd> latin{};  // [0, 0x80) unused: ASCII folds inline
    std::array<Entry, kPunctEnd - kPunctBegin> punct{};
    FoldCache() {
        auto fill = [](Entry &e, char32_t cp) {
            std::string f;
            append_fold_computed(cp, f);
            if (f.size() > sizeof e.bytes) return;
            e.len = static_cast<std::uint8_t>(f.size());
            std::copy(f.begin(), f.end(), e.bytes);
        };
        for (char32_t cp = 0x80; cp < kLatinEnd; ++cp) fill(latin[cp], cp);
        for (char32_t cp = kPunctBegin; cp < kPunctEnd; ++cp) fill(punct[cp - kPunctBegin], cp);
    }
    // The fold of a non-ASCII cp, or an empty view when the cache does not hold it.
    std::string_view find(char32_t cp) const noexcept {
        const Entry *e = cp < kLatinEnd ? &latin[cp] : (cp >= kPunctBegin && cp < kPunctEnd ? &punct[cp - kPunctBegin] : nullptr);
        return e == nullptr ? std::string_view() : std::string_view(e->bytes, e->len);
    }
    static const FoldCache &get() {
        static const FoldCache t;
        return t;
    }
};

}  // namespace

std::string_view cached_fold(char32_t cp) noexcept { return FoldCache::get().find(cp); }

void append_fold(char32_t cp, std::string &out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        return;
    }
    const std::string_view f = FoldCache::get().find(cp);
    if (!f.empty()) {
        out += f;
        return;
    }
    append_fold_computed(cp, out);
}

}  // namespace sesame::text
