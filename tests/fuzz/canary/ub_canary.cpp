// Not a fuzz target: a canary for scripts/fuzz.sh. On the input "UB!" it overflows a signed int,
// which UBSan reports; built with the fuzz preset's flags (-fsanitize=undefined
// -fno-sanitize-recover=all) the report must stop the run with a failure, as it would in any target.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 3 && std::memcmp(data, "UB!", 3) == 0) {
        volatile int x = INT_MAX - 1;
        int y = x;
        y += data[0];  // signed overflow: undefined behaviour
        return y == 0;
    }
    return 0;
}
