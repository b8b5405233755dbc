#include "core/text/nfc.hpp"

#include <utf8proc.h>

#include "core/common/secret_bytes.hpp"
#include "core/text/utf8.hpp"

namespace sesame::text {

namespace {

// Scratch vector that is wiped before it is released (it may hold a password).
template <typename T>
struct WipedVector {
    std::vector<T> v;
    ~WipedVector() { secure_wipe(v.data(), v.capacity() * sizeof(T)); }
};

void grow_wiped(std::vector<utf8proc_int32_t> &v, std::size_t n) {
    std::vector<utf8proc_int32_t> bigger(n);
    std::copy(v.begin(), v.end(), bigger.begin());
    secure_wipe(v.data(), v.capacity() * sizeof(utf8proc_int32_t));
    v.swap(bigger);
}

}  // namespace

bool nfc_inert_above_limit(char32_t cp) noexcept {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    // Hangul vowel and final jamo compose with the syllable before them, by an algorithm rather
    // than through utf8proc's composition table; utf8proc also takes U+11A7 (the "no final" index,
    // not a final jamo) into an LV syllable, dropping it.
    if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A7 && cp <= 0x11C2)) return false;
    const utf8proc_property_t *p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    // comb_index: UINT16_MAX for a code point no composition uses, below 0x8000 for one that only
    // starts compositions (what follows it is checked on its own), from 0x8000 for a second.
    const bool second = p->comb_index != UINT16_MAX && p->comb_index >= 0x8000;
    return p->combining_class == 0 && p->decomp_seqindex == UINT16_MAX && !second;
}

bool nfc_quick_yes(const char32_t *cps, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i)
        if (!nfc_inert(cps[i])) return false;
    return true;
}

bool nfc_utf32(const char32_t *cps, std::size_t n, std::vector<char32_t> &out) {
    out.clear();
    if (nfc_quick_yes(cps, n)) {
        out.assign(cps, cps + n);
        return true;
    }
    WipedVector<utf8proc_int32_t> buf;
    buf.v.resize(n * 4 + 8);
    std::size_t len = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t cp = cps[i];
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        if (cp < 0xC0 && len < buf.v.size()) {  // no canonical decomposition below U+00C0
            buf.v[len++] = static_cast<utf8proc_int32_t>(cp);
            continue;
        }
        for (;;) {
            int last_boundclass = 0;
            const utf8proc_ssize_t r = utf8proc_decompose_char(
                static_cast<utf8proc_int32_t>(cp), buf.v.data() + len,
                static_cast<utf8proc_ssize_t>(buf.v.size() - len), UTF8PROC_DECOMPOSE, &last_boundclass);
            if (r < 0) return false;
            if (static_cast<std::size_t>(r) <= buf.v.size() - len) {
                len += static_cast<std::size_t>(r);
                break;
            }
            grow_wiped(buf.v, buf.v.size() * 2 + static_cast<std::size_t>(r));
        }
    }
    // Canonical ordering: stable insertion sort of each run of non-starters by combining class.
    for (std::size_t i = 1; i < len; ++i) {
        if (buf.v[i] < static_cast<utf8proc_int32_t>(kNfcQuickLimit)) continue;  // a starter
        const auto cc = utf8proc_get_property(buf.v[i])->combining_class;
        if (cc == 0) continue;
        std::size_t j = i;
        const utf8proc_int32_t v = buf.v[i];
        while (j > 0) {
            const auto pc = utf8proc_get_property(buf.v[j - 1])->combining_class;
            if (pc == 0 || pc <= cc) break;
            buf.v[j] = buf.v[j - 1];
            --j;
        }
        buf.v[j] = v;
    }
    const utf8proc_ssize_t m =
        utf8proc_normalize_utf32(buf.v.data(), static_cast<utf8proc_ssize_t>(len), static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (m < 0) return false;
    out.resize(static_cast<std::size_t>(m));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char32_t>(buf.v[i]);
    secure_wipe(buf.v.data(), len * sizeof(utf8proc_int32_t));
    return true;
}

bool nfc_utf8(std::string_view s, std::string &out) {
    out.clear();
    WipedVector<char32_t> cps;
    cps.v.reserve(s.size());
    std::size_t i = 0;
    char32_t cp = 0;
    bool quick = true;
    while (i < s.size()) {
        if (!decode_one(s, i, cp)) {
            return false;
        }
        quick = quick && nfc_inert(cp);
        cps.v.push_back(cp);
    }
    if (quick) {
        out.assign(s.data(), s.size());
        return true;
    }
    WipedVector<char32_t> nfc;
    if (!nfc_utf32(cps.v.data(), cps.v.size(), nfc.v)) return false;
    out.reserve(nfc.v.size() * 4);
    for (char32_t c : nfc.v) append_utf8(out, c);
    return true;
}

}  // namespace sesame::text
