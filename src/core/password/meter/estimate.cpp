// The estimate: fold the password, find the patterns, take the cheapest decomposition, score it.
#include <algorithm>

#include "core/password/meter/decompose.hpp"
#include "core/password/meter/matchers.hpp"

namespace sesame::password {

namespace meter {

Guesses analyse(const char32_t *cps, std::size_t n, const Context *ctx, const MeterOptions &opts, int depth) {
    if (n == 0) return {};
    Analysis a(cps, n, ctx, opts, depth);
    a.folded.build(cps, n);
    a.matches.start(n, a.folded.P, a.folded.S);
    // The order breaks ties between decompositions of equal cost (decompose.cpp).
    match_dictionary(a);
    match_context(a);
    match_keyboard(a);
    match_sequences(a);
    if (depth == 0) match_repeats(a);
    match_dates(a);
    const Decomposition d = decompose(a.matches, n, a.folded.P, a.folded.S);
    return {d.log10, d.feedback};
}

}  // namespace meter

Strength estimate(const char32_t *cps, std::size_t n, const Context *ctx, const MeterOptions &opts) {
    n = std::min(n, kMaxMeterCodePoints);
    const meter::Guesses g = meter::analyse(cps, n, ctx, opts, 0);
    Strength s;
    s.guesses_log10 = g.log10;
    s.score = score_from_log10(s.guesses_log10);
    s.feedback = s.score <= meter::kMaxScoreWithFeedback ? g.feedback : 0;
    return s;
}

}  // namespace sesame::password
