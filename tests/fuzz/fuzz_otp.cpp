// libFuzzer target for the OTP parsers: typed-code normalization (all digit counts), base32
// decoding (with an encode round trip), and a full verify through the service on fuzzed input.
//   ./build-fuzz/fuzz/fuzz_otp -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "core/otp/code.hpp"
#include "core/otp/hotp.hpp"
#include "core/otp/service.hpp"

using namespace sesame::otp;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char *>(data), size);

    for (int digits = kMinDigits; digits <= kMaxDigits; ++digits) {
        char out[kMaxDigits];
        if (normalize_typed_code(in, digits, out)) {
            for (int i = 0; i < digits; ++i)
                if (out[i] < '0' || out[i] > '9') std::abort();  // only ASCII digits come out
        }
    }

    auto decoded = base32_decode(in);
    if (decoded.ok()) {
        // Canonical input decodes to bytes that encode back to the same letters (modulo case,
        // separators and padding).
        const std::string enc = base32_encode(decoded->span());
        auto again = base32_decode(enc);
        if (!again.ok() || again->size() != decoded->size() ||
            std::memcmp(again->data(), decoded->data(), decoded->size()) != 0)
            std::abort();
        if (!decoded->empty()) {
            TotpParams p;
            auto r = totp_verify(decoded->span(), 59'000, p, -1, in.substr(0, 16));
            (void)r;
        }
    }

    // The whole verify path on fuzzed phone / purpose / code: never crashes, never ok by chance.
    static Service svc = [] {
        std::uint8_t key[32] = {7};
        auto s = Service::create({key, 32}, 1, ServiceOptions{}, {}, {}, nullptr);
        if (!s.ok()) std::abort();
        return std::move(s).value();
    }();
    const std::size_t a = size / 3, b = 2 * size / 3;
    auto v = svc.verify(in.substr(0, a), in.substr(a, b - a), in.substr(b), 1'750'000'000'000);
    if (v.ok() && v->verdict == Verdict::ok) std::abort();  // nothing was issued
    return 0;
}
