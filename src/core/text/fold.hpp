// The letter fold: one code point to what matching compares (docs/spec/identity.md, "Canonical
// key", steps 2-5): compatibility decomposition (NFKD), full case folding, combining marks (Mn,
// Me) deleted, then the letters without a decomposition mapped by one table (letter_fold: œ -> oe,
// ø -> o, ł -> l, ħ -> h...). Everything that compares letters uses it, so they never disagree:
// name keys (name_key.cpp, then their own steps 6-9: ignorables, separators, validity), the
// password meter (core/password/meter/fold.cpp, the password against the word lists and the
// context), and the word-list generator (through generated/fold.tsv, the meter's fold written out
// and checked by PasswordFoldData).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sesame::text {

// The most code points one code point folds to (U+FDFA: 18).
inline constexpr std::size_t kMaxFoldCodePoints = 32;

// Writes the fold of cp to out (at least kMaxFoldCodePoints), returns how many code points, or -1
// when utf8proc refuses cp (not a scalar value). An ASCII letter folds to its lowercase, any other
// ASCII character to itself; a mark to nothing.
int fold_code_point(char32_t cp, char32_t *out) noexcept;

// Appends the fold of cp to out as UTF-8 (cp itself when refused). The blocks passwords use
// beyond ASCII (Latin-1, Latin Extended-A and -B, General Punctuation, Currency Symbols) come
// from a table built once.
void append_fold(char32_t cp, std::string &out);

// The cached fold of a non-ASCII cp as UTF-8, or an empty view when the cache does not hold it
// (outside its blocks, longer than 7 bytes, or empty): append_fold's table read, for hot loops.
std::string_view cached_fold(char32_t cp) noexcept;

// Step 5: the letters without a decomposition, as they stand after case folding; nullptr for
// any other code point.
const char *letter_fold(char32_t c) noexcept;

}  // namespace sesame::text
