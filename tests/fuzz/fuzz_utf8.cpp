// Fuzzes the strict UTF-8 decoder (forward and backward) and the repair routine through the C API.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/utf8.hpp"
#include "sesame.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view in(reinterpret_cast<const char *>(data), size);
    const bool valid = sesame::text::is_valid_utf8(in);
    const std::ptrdiff_t n = sesame::text::count_code_points(in);
    if (valid != (n >= 0)) __builtin_trap();
    std::string out(size * 3 + 1, '\0');
    size_t len = 0;
    if (sesame_utf8_repair(out.data(), out.size(), &len, reinterpret_cast<const char *>(data), size) != SESAME_OK)
        __builtin_trap();
    const std::string_view repaired(out.data(), len);
    if (!sesame::text::is_valid_utf8(repaired)) __builtin_trap();
    if (valid && repaired != in) __builtin_trap();  // valid input is copied verbatim
    // decode_before (the backward scan) gives the forward decoder's code points in reverse on valid
    // input, and fails at the end of any input whose last code point is ill-formed.
    std::u32string forward;
    for (std::size_t i = 0; i < in.size();) {
        char32_t cp = 0;
        if (!sesame::text::decode_one(in, i, cp)) break;
        forward.push_back(cp);
    }
    std::size_t j = in.size();
    std::size_t k = forward.size();
    char32_t cp = 0;
    while (sesame::text::decode_before(in, j, cp)) {
        if (valid && (k == 0 || forward[--k] != cp)) __builtin_trap();
    }
    if (valid && (j != 0 || k != 0)) __builtin_trap();
    return 0;
}
