// Fuzzes the strict UTF-8 decoder and the repair routine through the C API.
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
    return 0;
}
