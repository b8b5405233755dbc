// The cheapest decomposition of the password into patterns and bruteforce segments.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/password/meter/analysis.hpp"

namespace sesame::password::meter {

struct Decomposition {
    double log10 = 0;            // log10 of its guesses
    std::uint32_t feedback = 0;  // the feedback bits of the patterns it takes
};

// Over the n code points, with the matches found and the decoration runs [0, P) and [S, n).
// Writes each match's `lowered` bits.
Decomposition decompose(Matches &matches, std::size_t n, std::size_t P, std::size_t S);

}  // namespace sesame::password::meter
