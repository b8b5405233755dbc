// Text for people and for spreadsheets: display width of UTF-8 (aligned tables), and UTF-8
// re-encoded to the encoding of an export (the annotated copy of `phone audit --csv`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sesame/phone_audit.h"

namespace cli {

// Columns a terminal gives s: a code point is 1, a combining mark or a zero-width one 0, an East
// Asian wide or fullwidth one 2; an invalid byte counts 1 (it shows as U+FFFD).
std::size_t display_width(std::string_view s);
// s padded with spaces to `width` display columns (nothing added when it is wider).
std::string pad(std::string_view s, std::size_t width);
// s cut to at most `width` display columns, "…" ending a cut text.
std::string cut(std::string_view s, std::size_t width);

// The encodings of an export, by their sesame_csv_encoding value (a row's `encoding` casts to it).
enum class TextEncoding : int32_t {
    utf8 = SESAME_CSV_ENCODING_UTF8,
    windows1252 = SESAME_CSV_ENCODING_WINDOWS_1252,
    utf16le = SESAME_CSV_ENCODING_UTF16LE,
    utf16be = SESAME_CSV_ENCODING_UTF16BE,
};

// Appends UTF-8 text `s` to `out` in `e`: UTF-8 bytes are copied as they are; a character that
// Windows-1252 lacks becomes '?'; invalid UTF-8 becomes U+FFFD in UTF-16 ('?' in Windows-1252).
void encode(std::string_view s, TextEncoding e, std::string &out);

// A CSV cell: as it is, or quoted ("" inside) when it holds the delimiter, a quote or a line break.
std::string csv_cell(std::string_view s, char delimiter);
// The same, appended to `out` (no string of its own).
void append_csv_cell(std::string &out, std::string_view s, char delimiter);

}  // namespace cli
