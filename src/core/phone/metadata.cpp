// Numbering metadata. This first version knows the French plan only (FR metadata of
// libphonenumber 8.12.57, transcribed); foreign numbers are refused until the generated tables land.
#include "core/phone/metadata.hpp"

#include <cstring>

namespace sesame::phone::detail {

namespace {
bool in(char c, char lo, char hi) noexcept { return c >= lo && c <= hi; }
}  // namespace

int country_code_length(std::string_view d) noexcept {
    if (d.size() >= 2 && d.substr(0, 2) == "33") return 2;
    if (d.size() >= 3) {
        const std::string_view c = d.substr(0, 3);
        if (c == "262" || c == "590" || c == "594" || c == "596" || c == "508") return 3;
    }
    return 0;
}

bool lookup(std::uint16_t cc, std::string_view nsn, Meta &out) noexcept {
    out = Meta{};
    if (cc != 33) return false;
    out.region = "FR";
    if (nsn.size() != 9 || !in(nsn[0], '1', '9')) return true;
    const char a = nsn[0], b = nsn[1], c = nsn[2];
    Type t = Type::unknown;
    if (a == '8') {
        if ((b == '3' && c == '6' && ((nsn[3] == '0' && (in(nsn[4], '0', '3') || in(nsn[4], '6', '9'))) ||
                                      in(nsn[3], '1', '9'))) ||
            (b == '1' && in(c, '2', '9')) || (b == '2' && (in(c, '2', '4') || in(c, '7', '9'))) ||
            (b == '3' && (in(c, '0', '5') || in(c, '7', '9'))) || b == '5' || b == '6' || b == '9' ||
            (b == '8' && (in(c, '0', '3') || in(c, '5', '9'))))
            t = Type::premium_rate;
        else if (b == '0' && in(c, '0', '5'))
            t = Type::toll_free;
        else if ((b == '1' && in(c, '0', '1')) || (b == '2' && (c == '0' || c == '1' || c == '5' || c == '6')) ||
                 (b == '4' && (c == '0' || c == '2')) || (b == '8' && c == '4'))
            t = Type::shared_cost;
        else if (b == '0' && in(c, '6', '9'))
            t = Type::uan;
    } else if (a == '9') {
        t = Type::voip;
    } else if (in(a, '1', '3') || a == '5' || (a == '4' && in(b, '1', '9'))) {
        t = Type::fixed_line;
    } else if ((a == '6' && ((in(b, '0', '2') || in(b, '4', '8')) || (b == '3' && in(c, '0', '8')) ||
                             (b == '9' && (c == '5' || c == '8' || c == '9')))) ||
               (a == '7' && ((b == '0' && c == '0') || in(b, '3', '9')))) {
        t = Type::mobile;
    }
    out.type = t;
    out.valid = t != Type::unknown;
    return true;
}

std::string_view strip_national_prefix(std::uint16_t, std::string_view nsn) noexcept { return nsn; }

std::size_t format_nsn(std::uint16_t, std::string_view nsn, bool, char *out, std::size_t cap) noexcept {
    const std::size_t n = nsn.size() < cap ? nsn.size() : cap;
    std::memcpy(out, nsn.data(), n);
    return n;
}

}  // namespace sesame::phone::detail
