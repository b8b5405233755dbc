// Canonical composition (NFC, Unicode 15 through utf8proc 2.8) with a fast path for the common case.
//
// A text made only of "inert" code points is already in NFC: starters that never compose with what
// precedes them and that NFC leaves as they are. Every code point below U+0300 (ASCII, Latin-1,
// Latin Extended-A/B, IPA, spacing modifiers) is one, checked with one comparison; above, utf8proc's
// properties decide (emoji, most scripts' letters and digits are inert; combining marks,
// characters with a decomposition and Hangul vowel and final jamo are not). Only other texts go
// through utf8proc's normalization. Intermediate buffers are wiped, so the functions are safe on
// secrets (the caller wipes its own output).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sesame::text {

// Code points below this value can never change under NFC, whatever surrounds them.
inline constexpr char32_t kNfcQuickLimit = 0x300;

// True when cp is a starter (combining class 0) without a decomposition that can never be the
// second of a canonical composition: it is left as it is by NFC whatever surrounds it, and it
// changes nothing before it. A scalar value is expected (decoded UTF-8).
bool nfc_inert_above_limit(char32_t cp) noexcept;
inline bool nfc_inert(char32_t cp) noexcept { return cp < kNfcQuickLimit || nfc_inert_above_limit(cp); }

// True when every code point is inert (then the text is in NFC as it is).
bool nfc_quick_yes(const char32_t *cps, std::size_t n) noexcept;

// NFC of the scalar values cps[0..n) into out (replaced). Returns false when a value is not a
// Unicode scalar value (surrogate or > U+10FFFF); out is then empty. Scratch memory is wiped.
bool nfc_utf32(const char32_t *cps, std::size_t n, std::vector<char32_t> &out);

// NFC of UTF-8 text into out (replaced). Returns false when s is ill-formed (out is then empty).
bool nfc_utf8(std::string_view s, std::string &out);

}  // namespace sesame::text
