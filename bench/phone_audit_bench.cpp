// Phone audit of a generated 1,000,000-row guardians export (issue 8: "handles a 1,000,000-row
// file in seconds with bounded memory"). The file is written to a temporary path once, then
// audited through the memory-mapped path, as the CLI does.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "core/audit/phone_audit.hpp"

namespace {

const std::string &generated_file(int rows) {
    static std::string path;
    static int made = 0;
    if (made == rows) return path;
    path = "/tmp/sesame_bench_audit_" + std::to_string(rows) + ".csv";
    std::ofstream f(path, std::ios::binary);
    std::mt19937_64 rng(42);
    f << "\xEF\xBB\xBF" "Nom;Prénom;Téléphone portable;Courriel\r\n";
    const char *typings[] = {"06 %02d %02d %02d %02d", "07%02d%02d%02d%02d", "+33 6 %02d %02d %02d %02d",
                             "0692 %02d %02d %02d", "01 %02d %02d %02d %02d", "+44 7700 9%02d%02d%02d", "",
                             "06.%02d.%02d.%02d.%02d", "0033 7 %02d %02d %02d %02d", "n/c"};
    char buf[64];
    for (int i = 0; i < rows; ++i) {
        // A realistic export: about 80 % mobiles in various typings, the rest landlines, foreign,
        // empty and junk cells.
        const unsigned mobile_typings[] = {0, 1, 2, 3, 7, 8};
        const auto r = rng() % 30;
        const auto pick = r < 10 ? r : mobile_typings[r % 6];
        std::snprintf(buf, sizeof buf, typings[pick], int(rng() % 100), int(rng() % 100), int(rng() % 100), int(rng() % 100));
        f << "NOM" << i << ";Prénom;\"" << buf << "\";x" << i << "@example.org\r\n";
    }
    made = rows;
    return path;
}

long max_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

void BM_PhoneAudit_File(benchmark::State &state) {
    const int rows = static_cast<int>(state.range(0));
    const std::string &path = generated_file(rows);
    const long rss_before = max_rss_kb();
    std::uint64_t problems = 0;
    for (auto _ : state) {
        auto r = sesame::audit::audit_phones_file(path, "Téléphone portable", {});
        if (!r.ok()) {
            state.SkipWithError(r.status().detail().c_str());
            return;
        }
        problems = r->problems.size();
        benchmark::DoNotOptimize(r->rows);
    }
    state.counters["rows_per_s"] = benchmark::Counter(double(rows), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["problems"] = double(problems);
    state.counters["max_rss_growth_MB"] = double(max_rss_kb() - rss_before) / 1024.0;
}
BENCHMARK(BM_PhoneAudit_File)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
