// Internal interface of the phone module: character classes and the numbering metadata tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/phone/phone.hpp"

namespace sesame::phone::detail {

enum class CharClass : std::uint8_t { digit, plus, space, invisible, punct, other };

// Value 0-9 of a Unicode Nd code point (any script), -1 otherwise.
int digit_value(char32_t cp) noexcept;
// Class of a code point under rule 4 of the spec (space = White_Space, invisible = format chars).
CharClass classify(char32_t cp) noexcept;

// One rule for every accepted number: it can receive the SMS iff its type is mobile or
// fixed_line_or_mobile (so a number typed mobile is mobile, and one that is mobile is typed so).
constexpr bool is_mobile_type(Type t) noexcept { return t == Type::mobile || t == Type::fixed_line_or_mobile; }

// The type of an accepted NSN under cc given the metadata's (or the overseas table's) type: an NSN
// starting with 9 under +33/+262/+590/+594/+596 (the French plan's 09 "polyvalent" numbers) typed
// mobile or fixed_line_or_mobile is typed voip (spec rule 6: never mobile).
Type plan_type(unsigned cc, std::string_view nsn, Type metadata_type) noexcept;

// What the metadata says about an NSN under a country calling code.
struct Meta {
    bool valid = false;
    Type type = Type::unknown;
    const char *region = "";  // "GB", "001"...
};

// The libphonenumber release whose metadata the tables were generated from ("9.0.40"), and the
// pinned package it came from ("npm google-libphonenumber 3.2.47"; tools/gen/gen_phone_metadata.py).
const char *metadata_version() noexcept;
const char *metadata_source() noexcept;

// Number of leading digits of d (1-3) that form an assigned country calling code, 0 if none.
int country_code_length(std::string_view d) noexcept;

// Validity, type and region of nsn under cc; false when cc is unknown.
bool lookup(std::uint16_t cc, std::string_view nsn, Meta &out) noexcept;

// nsn with a national prefix typed after the country code removed (or transformed), as
// libphonenumber does; the result points into nsn or into buf (which needs kStripBuffer bytes).
inline constexpr std::size_t kStripBuffer = 40;
std::string_view strip_national_prefix(std::uint16_t cc, std::string_view nsn, char *buf) noexcept;

// Writes nsn grouped by libphonenumber's NATIONAL (national = true) or INTERNATIONAL format of cc
// into out (no NUL); returns the length (at most cap).
std::size_t format_nsn(std::uint16_t cc, std::string_view nsn, bool national, char *out, std::size_t cap) noexcept;

}  // namespace sesame::phone::detail
