// Not a benchmark: normalizes phone_bench's input mix N times (default 10), for instruction counts
// that do not depend on the machine's load:
//   valgrind --tool=callgrind --toggle-collect='sesame::phone::normalize*' build-bench/bench/phone_count 10
// then divide "Collected" by 10,000 (instructions per normalize).
#include <cstdio>
#include <cstdlib>

#include "core/phone/phone.hpp"
#include "phone_mix.hpp"

int main(int argc, char **argv) {
    const auto in = sesame_bench::phone_mix();
    const int passes = argc > 1 ? std::atoi(argv[1]) : 10;
    std::size_t valid = 0;
    for (int k = 0; k < passes; ++k)
        for (const auto &s : in) valid += sesame::phone::normalize(s).ok() ? 1 : 0;
    std::printf("%zu valid of %zu\n", valid, in.size() * std::size_t(passes));
}
