// Phone normalization: Sesame vs libphonenumber (Debian's 8.12.57), side by side on the same inputs.
//
// Sesame: normalize() gives the E.164, the type and the region in one call.
// libphonenumber: Parse(raw, "FR") + IsValidNumber + GetNumberType + Format(E164), the minimum to get
// the same answers (the reference). Inputs: a realistic mix of French, overseas and foreign
// numbers in many typings (bench/phone_mix.hpp); then growing input lengths to show the cost is linear.
//
// Build and run:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSESAME_BUILD_BENCHMARKS=ON -DSESAME_BUILD_TESTS=OFF
//   cmake --build build-bench --target phone_bench && ./build-bench/bench/phone_bench
#include <benchmark/benchmark.h>
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstring>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/phone/phone.hpp"
#include "phone_mix.hpp"

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil &lpn() {
    static const PhoneNumberUtil *u = [] {
        PhoneNumberUtil *p = PhoneNumberUtil::GetInstance();
        p->SetLogger(new i18n::phonenumbers::NullLogger());
        return p;
    }();
    return *u;
}

const std::vector<std::string> &inputs() {
    static const std::vector<std::string> v = sesame_bench::phone_mix();
    return v;
}

void BM_Sesame_Normalize(benchmark::State &state) {
    const auto &in = inputs();
    std::size_t i = 0, valid = 0;
    for (auto _ : state) {
        const sesame::phone::Parsed p = sesame::phone::normalize(in[i]);
        benchmark::DoNotOptimize(p.number.e164_buf);
        benchmark::DoNotOptimize(p.number.type);
        benchmark::DoNotOptimize(p.number.region);
        valid += p.ok() ? 1 : 0;
        if (++i == in.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["valid_share"] = double(valid) / double(state.iterations());
}
BENCHMARK(BM_Sesame_Normalize);

void BM_Libphonenumber_Parse_Valid_Type_E164(benchmark::State &state) {
    const auto &in = inputs();
    std::size_t i = 0, valid = 0;
    std::string e164;
    for (auto _ : state) {
        PhoneNumber pn;
        if (lpn().Parse(in[i], "FR", &pn) == PhoneNumberUtil::NO_PARSING_ERROR && lpn().IsValidNumber(pn)) {
            benchmark::DoNotOptimize(lpn().GetNumberType(pn));
            lpn().Format(pn, PhoneNumberUtil::E164, &e164);
            benchmark::DoNotOptimize(e164.data());
            ++valid;
        }
        if (++i == in.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["valid_share"] = double(valid) / double(state.iterations());
}
BENCHMARK(BM_Libphonenumber_Parse_Valid_Type_E164);

// The same mobile padded with separators to N bytes (N up to the 250-byte limit).
std::string padded(std::size_t n) {
    std::string s = "06 12 34 56 78";
    while (s.size() + 2 <= n) s = " " + s + " ";
    while (s.size() < n) s += " ";
    return s;
}

void BM_Sesame_Length(benchmark::State &state) {
    const std::string s = padded(std::size_t(state.range(0)));
    for (auto _ : state) {
        const sesame::phone::Parsed p = sesame::phone::normalize(s);
        benchmark::DoNotOptimize(p.number.e164_buf);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(s.size()));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Sesame_Length)->Arg(16)->Arg(32)->Arg(64)->Arg(128)->Arg(250)->Complexity(benchmark::oN);

void BM_Libphonenumber_Length(benchmark::State &state) {
    const std::string s = padded(std::size_t(state.range(0)));
    std::string e164;
    for (auto _ : state) {
        PhoneNumber pn;
        if (lpn().Parse(s, "FR", &pn) == PhoneNumberUtil::NO_PARSING_ERROR && lpn().IsValidNumber(pn)) {
            benchmark::DoNotOptimize(lpn().GetNumberType(pn));
            lpn().Format(pn, PhoneNumberUtil::E164, &e164);
        }
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(s.size()));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Libphonenumber_Length)->Arg(16)->Arg(32)->Arg(64)->Arg(128)->Arg(250)->Arg(1000)->Arg(4000)->Complexity();

// Separators and digits of growing length (refused as invalid_length once there are too many digits):
// the cost is linear up to the 250-byte cap; longer inputs are refused at once (too_long).
void BM_Sesame_Junk(benchmark::State &state) {
    std::string s;
    while (s.size() < std::size_t(state.range(0))) s += "06 12-34.56/78 ";
    s.resize(std::size_t(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(sesame::phone::normalize(s).error);
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Sesame_Junk)->Arg(16)->Arg(32)->Arg(64)->Arg(128)->Arg(250)->Complexity(benchmark::oN);

}  // namespace
