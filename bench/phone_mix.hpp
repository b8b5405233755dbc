// The phone benchmarks' input mix (bench/phone_bench.cpp, bench/phone_count.cpp): 1,000 numbers,
// 80 % French (metropolitan and overseas) in eight typings, 20 % foreign. Deterministic.
#pragma once

#include <cstring>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace sesame_bench {

// 60% French mobiles and landlines, 20% overseas, 20% foreign; each in one of many typings.
inline std::vector<std::string> phone_mix() {
    std::mt19937 rng(42);
    auto digits = [&](int n) {
        std::string s;
        for (int k = 0; k < n; ++k) s += char('0' + rng() % 10);
        return s;
    };
    auto pairs = [](const std::string &d, const char *sep) {
        std::string s;
        for (std::size_t k = 0; k < d.size(); ++k) {
            if (k > 0 && k % 2 == 0) s += sep;
            s += d[k];
        }
        return s;
    };
    const char *fr_prefixes[] = {"06", "07", "01", "02", "03", "04", "05", "09", "0692", "0690", "0696", "0262", "0590"};
    const char *foreign[] = {"+44 20 7946 0958", "+44 7400 123456", "+1 202-555-0123", "+41 79 123 45 67",
                             "+49 1512 3456789", "+32 470 12 34 56", "+34 612 34 56 78", "+39 347 123 4567",
                             "+212 6 12 34 56 78", "+213 5 51 23 45 67", "0044 (0)20 7946 0958", "+351 912 345 678",
                             "+90 532 123 45 67", "+216 20 123 456", "+1 514 555 0199", "+687 75 12 34"};
    std::vector<std::string> out;
    for (int i = 0; i < 1000; ++i) {
        const unsigned pick = rng() % 10;
        if (pick < 8) {
            const char *p = fr_prefixes[pick < 6 ? rng() % 8 : 8 + rng() % 5];
            std::string national = std::string(p) + digits(int(10 - std::strlen(p)));
            const std::string nsn = national.substr(1);
            switch (rng() % 8) {
                case 0: out.push_back(national); break;
                case 1: out.push_back(pairs(national, " ")); break;
                case 2: out.push_back(pairs(national, ".")); break;
                case 3: out.push_back("+33 " + nsn.substr(0, 1) + " " + pairs(nsn.substr(1), " ")); break;
                case 4: out.push_back("+33 (0)" + pairs(national.substr(1), " ")); break;
                case 5: out.push_back("0033" + nsn); break;
                case 6: out.push_back(pairs(national, "\xE2\x80\xAF")); break;  // narrow no-break space
                default: out.push_back(pairs(national, "-")); break;
            }
        } else {
            out.push_back(foreign[rng() % std::size(foreign)]);
        }
    }
    return out;
}

}  // namespace sesame_bench
