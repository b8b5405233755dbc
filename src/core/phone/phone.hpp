// Phone numbers: E.164 normalization with the French overseas plan (spec: docs/spec/phone.md).
//
// This is the interface other modules use (otp canonicalizes its subject with it, identity
// indexes guardians by it). The parser is allocation-free: a Number holds its E.164 inline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/limits.hpp"

namespace sesame::phone {

// The seven refusal reasons of the spec, in the order the rules check them (first failing wins).
enum class Error : std::uint8_t {
    none = 0,
    too_long,           // more than 250 bytes
    invalid_utf8,
    extension,          // ;ext=, poste, x 12, # 12...
    invalid_character,  // letters, *, #, a second +, tel: not followed by + or a digit...
    no_digits,          // also empty or blank input
    invalid_length,     // no shape of rule 5 matches
    invalid_number,     // decided once a country code is known or assumed
};

enum class Type : std::uint8_t {
    unknown = 0,
    mobile,
    fixed_line,
    fixed_line_or_mobile,
    voip,
    toll_free,
    premium_rate,
    shared_cost,
    uan,
    pager,
    personal_number,
    voicemail,
};

// Stable lowercase names ("too_long", "fixed_line"...), as in the spec and the CLI.
const char *error_name(Error e) noexcept;
const char *type_name(Type t) noexcept;

inline constexpr std::size_t kMaxInputBytes = limits::kPhoneMaxInputBytes;
inline constexpr std::size_t kMaxE164Bytes = 16;  // '+' and at most 15 digits

// An accepted number. Regular value type, no heap.
struct Number {
    char e164_buf[kMaxE164Bytes + 1] = {};  // "+262692123456", NUL-terminated
    std::uint8_t e164_len = 0;
    std::uint16_t country_code = 0;        // 33, 262, 44...
    std::uint8_t cc_digits = 0;            // number of digits of the country code
    char region[4] = {};                   // "FR", "RE", "GB", "001" (non-geographic)
    Type type = Type::unknown;
    bool is_mobile = false;                // can receive the activation SMS (type mobile or fixed_line_or_mobile)

    std::string_view e164() const noexcept { return {e164_buf, e164_len}; }
    // National significant number: the digits after the country code.
    std::string_view nsn() const noexcept { return e164().substr(1 + cc_digits); }
};

struct Parsed {
    Error error = Error::none;
    Number number;  // meaningful only when error == Error::none
    bool ok() const noexcept { return error == Error::none; }
};

// Normalizes what a person typed (default country France, overseas folded). Never throws,
// never allocates; cost linear in the input length (inputs above 250 bytes are refused at once).
Parsed normalize(std::string_view raw) noexcept;

// False for a number accepted only by the overseas table of the spec: a range ARCEP assigned to a
// territory that libphonenumber's metadata does not know (yet). True for every other accepted number
// (the metadata validated it). The phone audit reports the false ones to the school.
bool in_metadata(const Number &n) noexcept;

// True iff both inputs normalize and give the same E.164; an invalid side gives false.
bool same_number(std::string_view a, std::string_view b) noexcept;

// Formats (spec "Precise behaviour"): national "06 92 12 34 56" for the French plan (libphonenumber's
// NATIONAL format otherwise, or the international form where that would not normalize back to the
// same number: normalize(format_national(n)) gives n's E.164 for every accepted n),
// international "+262 692 12 34 56", masked "+262 6•• •• •• 56" (the international format with every
// NSN digit but the first and the last two replaced by U+2022 BULLET, 3 bytes in UTF-8).
std::string format_national(const Number &n);
std::string format_international(const Number &n);
std::string format_masked(const Number &n);

enum class Format : std::uint8_t { national, international, masked };

// Longest formatted text in bytes (the masked format of a 17-digit NSN is far below it).
inline constexpr std::size_t kMaxFormatBytes = 80;

// Allocation-free formatting: writes at most cap-1 bytes and a NUL into out (when cap > 0) and
// returns the full length of the formatted text (never above kMaxFormatBytes).
std::size_t format_to(const Number &n, Format f, char *out, std::size_t cap) noexcept;

}  // namespace sesame::phone
