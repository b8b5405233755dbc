// Canonical composition (NFC, Unicode 15 through utf8proc 2.8) with a fast path for the common case.
//
// Every code point below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers) is a
// starter that never composes with what precedes it and has no canonical decomposition that NFC
// would change, so a text made only of them is already in NFC: the quick check is one comparison
// per code point, and only other texts go through utf8proc. Intermediate buffers are wiped, so the
// functions are safe on secrets (the caller wipes its own output).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sesame::text {

// Code points below this value can never change under NFC, whatever surrounds them.
inline constexpr char32_t kNfcQuickLimit = 0x300;

// True when every code point is below kNfcQuickLimit (then the text is in NFC as it is).
bool nfc_quick_yes(const char32_t *cps, std::size_t n) noexcept;

// NFC of the scalar values cps[0..n) into out (replaced). Returns false when a value is not a
// Unicode scalar value (surrogate or > U+10FFFF); out is then empty. Scratch memory is wiped.
bool nfc_utf32(const char32_t *cps, std::size_t n, std::vector<char32_t> &out);

// NFC of UTF-8 text into out (replaced). Returns false when s is ill-formed (out is then empty).
bool nfc_utf8(std::string_view s, std::string &out);

}  // namespace sesame::text
