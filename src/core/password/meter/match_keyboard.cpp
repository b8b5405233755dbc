// Keyboard walks: runs of three keys or more where each key neighbours the one before on the
// QWERTY, AZERTY or keypad graph (azerty, &é"'(, 7894). A walk costs the walks of its length
// with as few changes of direction, from any key, times its shifted-key variations
// (scoring.hpp, log_keyboard_walk).
#include <bit>

#include "core/password/meter/matchers.hpp"
#include "core/password/wordlists.hpp"

namespace sesame::password::meter {

namespace {

// The first position at or after from whose bit is `set`, the set's size in bits when none.
std::size_t first_bit(const Bits &bits, std::size_t from, bool set) {
    for (std::size_t w = from / 64; w < bits.size(); ++w) {
        std::uint64_t x = set ? bits[w] : ~bits[w];
        if (w == from / 64) x &= ~std::uint64_t(0) << (from % 64);
        if (x != 0) return w * 64 + static_cast<std::size_t>(std::countr_zero(x));
    }
    return bits.size() * 64;
}

}  // namespace

void match_keyboard(Analysis &a) {
    const std::size_t n = a.n;
    const char32_t *cps = a.cps;
    if (n < 3) return;
    std::array<std::uint32_t, kMaxMeterCodePoints> moves;  // [k]: the moves from k - 1 to k, byte g for graph g
    // The moves first, for every graph at once, without branching on them.
    const unsigned walks = data::Moves::get().steps(cps, n, moves.data());
    if (walks == 0) return;
    const auto &graphs = data::graphs();
    for (std::size_t gi = 0; gi < graphs.size(); ++gi) {
        if ((walks >> gi & 1) == 0) continue;
        const data::Graph &g = graphs[gi];
        // Bit k: a move into key k on this graph. A walk is a run of two moves or more: the runs
        // are found with bit operations, not a branch per key.
        Bits moved{};
        for (std::size_t k = 1; k < n; ++k) moved[k / 64] |= std::uint64_t(static_cast<std::uint8_t>(moves[k] >> (8 * gi)) != 0) << (k % 64);
        for (std::size_t b0 = first_bit(moved, 1, true); b0 < n;) {
            const std::size_t b = std::min(first_bit(moved, b0, false), n);  // moves b0..b-1: keys b0-1..b-1
            if (b - b0 >= 2) {
                int last_dir = -1, turns = 0;
                // Is the first key shifted? (it appears as the second member of some slot)
                unsigned shifted = !g.keypad && g.is_shifted(cps[b0 - 1]) ? 1 : 0;
                for (std::size_t k = b0; k < b; ++k) {
                    const auto step = static_cast<std::uint8_t>(moves[k] >> (8 * gi));
                    if ((step & data::Graph::kShiftedStep) && !g.keypad) ++shifted;
                    const int dir = step & ~data::Graph::kShiftedStep;
                    turns += last_dir != dir;
                    last_dir = dir;
                }
                a.matches.add(b0 - 1, b - 1, log_keyboard_walk(gi, b - b0 + 1, unsigned(turns), shifted), kFbKeyboardWalk);
            }
            b0 = first_bit(moved, b, true);
        }
    }
}

}  // namespace sesame::password::meter
