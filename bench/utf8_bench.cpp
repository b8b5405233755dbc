// UTF-8 validation: Sesame's strict decoder against utf8proc's iterate loop on the same inputs.
#include <benchmark/benchmark.h>
#include <utf8proc.h>

#include <string>
#include <vector>

#include "core/text/utf8.hpp"

namespace {

std::vector<std::string> corpus() {
    return {"06 12 34 56 78", "Hélène LEFÈVRE", "Soleil2015!", "+262 692 12 34 56", "Jean-Pierre Marie",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "µ£€ÉÀÇŒßı"};
}

void BM_Sesame_IsValidUtf8(benchmark::State &state) {
    const auto inputs = corpus();
    for (auto _ : state)
        for (const auto &s : inputs) benchmark::DoNotOptimize(sesame::text::is_valid_utf8(s));
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
}
BENCHMARK(BM_Sesame_IsValidUtf8);

void BM_Utf8proc_Iterate(benchmark::State &state) {
    const auto inputs = corpus();
    for (auto _ : state) {
        for (const auto &s : inputs) {
            const auto *p = reinterpret_cast<const utf8proc_uint8_t *>(s.data());
            utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size());
            utf8proc_int32_t cp = 0;
            bool ok = true;
            while (n > 0) {
                utf8proc_ssize_t k = utf8proc_iterate(p, n, &cp);
                if (k < 0) {
                    ok = false;
                    break;
                }
                p += k;
                n -= k;
            }
            benchmark::DoNotOptimize(ok);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
}
BENCHMARK(BM_Utf8proc_Iterate);

}  // namespace
