// RFC 4226 / RFC 6238 vectors, base32, code generation (uniformity) and typed-code normalization.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/otp/code.hpp"
#include "core/otp/hotp.hpp"

using sesame::Code;
using namespace sesame::otp;

namespace {

std::vector<std::uint8_t> bytes(const std::string &s) { return {s.begin(), s.end()}; }

TEST(Hotp, Rfc4226AppendixDVectors) {
    const auto secret = bytes("12345678901234567890");
    const char *expected[] = {"755224", "287082", "359152", "969429", "338314",
                              "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t c = 0; c < 10; ++c) {
        char out[6];
        ASSERT_TRUE(hotp(secret, c, 6, Hash::sha1, out).ok());
        EXPECT_EQ(std::string(out, 6), expected[c]) << "counter " << c;
    }
}

TEST(Hotp, VerifyLooksAheadAndReturnsTheNextCounter) {
    const auto secret = bytes("12345678901234567890");
    auto r = hotp_verify(secret, 0, 5, 6, Hash::sha1, "969429");  // counter 3
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->ok);
    EXPECT_EQ(r->next_counter, 4u);
    r = hotp_verify(secret, 0, 2, 6, Hash::sha1, "969429");  // beyond the window
    EXPECT_FALSE(r->ok);
    r = hotp_verify(secret, 4, 5, 6, Hash::sha1, "969429");  // behind the counter: replay
    EXPECT_FALSE(r->ok);
    r = hotp_verify(secret, 0, 0, 6, Hash::sha1, "755 224");
    EXPECT_TRUE(r->ok);
    EXPECT_EQ(hotp_verify(secret, 0, 101, 6, Hash::sha1, "755224").status().code(), Code::invalid_argument);
    EXPECT_EQ(hotp_verify({}, 0, 1, 6, Hash::sha1, "755224").status().code(), Code::invalid_argument);
}

// The RFC vectors use keys no longer than a block; this covers the "hash the key first" branch of
// RFC 2104 (keys above 64 bytes for SHA-1 and SHA-256, 128 for SHA-512) against OpenSSL's one-shot HMAC.
TEST(Hotp, MatchesOpenSslHmacForEveryKeyLength) {
    const std::pair<Hash, const EVP_MD *> hashes[] = {
        {Hash::sha1, EVP_sha1()}, {Hash::sha256, EVP_sha256()}, {Hash::sha512, EVP_sha512()}};
    const std::size_t key_sizes[] = {1, 20, 63, 64, 65, 127, 128, 129, 300, kMaxSecretBytes};
    const std::uint64_t counters[] = {0, 1, 37037036, (std::uint64_t{1} << 63) + 5, ~std::uint64_t{0}};
    for (const auto &[hash, md] : hashes) {
        for (std::size_t n : key_sizes) {
            std::vector<std::uint8_t> key(n);
            for (std::size_t i = 0; i < n; ++i) key[i] = static_cast<std::uint8_t>(i * 7 + n);
            for (std::uint64_t c : counters) {
                std::uint8_t msg[8];
                for (int i = 0; i < 8; ++i) msg[i] = static_cast<std::uint8_t>(c >> (56 - 8 * i));
                unsigned char mac[EVP_MAX_MD_SIZE];
                unsigned int len = 0;
                ASSERT_NE(HMAC(md, key.data(), int(n), msg, sizeof msg, mac, &len), nullptr);
                const unsigned off = mac[len - 1] & 0x0F;
                const std::uint32_t bin = (std::uint32_t(mac[off] & 0x7F) << 24) | (std::uint32_t(mac[off + 1]) << 16) |
                                          (std::uint32_t(mac[off + 2]) << 8) | mac[off + 3];
                char want[9];
                std::snprintf(want, sizeof want, "%08u", bin % 100000000u);
                char out[8];
                ASSERT_TRUE(hotp(key, c, 8, hash, out).ok());
                EXPECT_EQ(std::string(out, 8), want)
                    << "hash " << int(hash) << ", key " << n << " bytes, counter " << c;
                auto r = hotp_verify(key, c, 0, 8, hash, want);
                ASSERT_TRUE(r.ok());
                EXPECT_TRUE(r->ok);
            }
        }
    }
}

struct TotpVector {
    std::int64_t t;
    const char *sha1, *sha256, *sha512;
};

TEST(Totp, Rfc6238AppendixBVectors) {
    const auto k1 = bytes("12345678901234567890");
    const auto k256 = bytes("12345678901234567890123456789012");
    const auto k512 = bytes("1234567890123456789012345678901234567890123456789012345678901234");
    const TotpVector v[] = {
        {59, "94287082", "46119246", "90693936"},
        {1111111109, "07081804", "68084774", "25091201"},
        {1111111111, "14050471", "67062674", "99943326"},
        {1234567890, "89005924", "91819424", "93441116"},
        {2000000000, "69279037", "90698825", "38618901"},
        {20000000000, "65353130", "77737706", "47863826"},
    };
    for (const auto &x : v) {
        TotpParams p;
        p.digits = 8;
        char out[8];
        p.hash = Hash::sha1;
        ASSERT_TRUE(totp(k1, x.t * 1000, p, out).ok());
        EXPECT_EQ(std::string(out, 8), x.sha1) << x.t;
        p.hash = Hash::sha256;
        ASSERT_TRUE(totp(k256, x.t * 1000, p, out).ok());
        EXPECT_EQ(std::string(out, 8), x.sha256) << x.t;
        p.hash = Hash::sha512;
        ASSERT_TRUE(totp(k512, x.t * 1000, p, out).ok());
        EXPECT_EQ(std::string(out, 8), x.sha512) << x.t;
        // And each verifies at its time, giving its step.
        p.hash = Hash::sha1;
        auto r = totp_verify(k1, x.t * 1000 + 999, p, -1, x.sha1);
        ASSERT_TRUE(r.ok());
        EXPECT_TRUE(r->ok);
        EXPECT_EQ(r->step, x.t / 30);
    }
}

TEST(Totp, WindowAndLastStepRefuseReplays) {
    const auto k = bytes("12345678901234567890");
    TotpParams p;
    p.digits = 8;
    p.window = 1;
    // "07081804" is step 37037036 (t = 1111111109).
    auto r = totp_verify(k, 1111111109'000 + 30'000, p, -1, "07081804");  // one step later: in window
    EXPECT_TRUE(r->ok);
    EXPECT_EQ(r->step, 37037036);
    r = totp_verify(k, 1111111109'000 + 60'000, p, -1, "07081804");  // two steps: out
    EXPECT_FALSE(r->ok);
    r = totp_verify(k, 1111111109'000, p, 37037036, "07081804");  // already accepted
    EXPECT_FALSE(r->ok);
    r = totp_verify(k, 1111111109'000, p, 37037035, "07081804");
    EXPECT_TRUE(r->ok);
    p.t0_s = 2'000'000'000;
    EXPECT_EQ(totp_verify(k, 1111111109'000, p, -1, "07081804").status().code(), Code::invalid_argument);
    p.t0_s = 0;
    p.step_s = 0;
    EXPECT_EQ(totp_verify(k, 1111111109'000, p, -1, "07081804").status().code(), Code::invalid_argument);
}

// Steps (and counters) 910737 and 910738 share the 6-digit code 911617 under the RFC key (SHA-1),
// found by search. TOTP tries the current step first; HOTP the lowest counter.
TEST(Totp, ACodeOfTwoStepsMatchesTheStepNearestNow) {
    const auto k = bytes("12345678901234567890");
    TotpParams p;
    p.digits = 6;
    p.window = 1;
    auto r = totp_verify(k, 910738LL * 30'000, p, -1, "911617");  // now in step 910738
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->ok);
    EXPECT_EQ(r->step, 910738);
    r = totp_verify(k, 910738LL * 30'000, p, 910738, "911617");  // 910737 is not after last_step
    EXPECT_FALSE(r->ok);
    r = totp_verify(k, 910737LL * 30'000, p, -1, "911617");  // now in step 910737
    EXPECT_TRUE(r->ok);
    EXPECT_EQ(r->step, 910737);
    r = totp_verify(k, 910737LL * 30'000, p, 910737, "911617");  // 910738 is still in the window
    EXPECT_TRUE(r->ok);
    EXPECT_EQ(r->step, 910738);
    auto h = hotp_verify(k, 910737, 1, 6, Hash::sha1, "911617");
    ASSERT_TRUE(h.ok());
    EXPECT_TRUE(h->ok);
    EXPECT_EQ(h->next_counter, 910738u);
    h = hotp_verify(k, 910738, 1, 6, Hash::sha1, "911617");
    EXPECT_TRUE(h->ok);
    EXPECT_EQ(h->next_counter, 910739u);
}

TEST(Base32, Rfc4648VectorsBothWays) {
    const std::pair<std::string, std::string> v[] = {
        {"", ""}, {"f", "MY======"}, {"fo", "MZXQ===="}, {"foo", "MZXW6==="},
        {"foob", "MZXW6YQ="}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI======"},
    };
    for (const auto &[plain, enc] : v) {
        EXPECT_EQ(base32_encode(bytes(plain)), enc);
        auto d = base32_decode(enc);
        ASSERT_TRUE(d.ok()) << enc;
        EXPECT_EQ(std::string(d->view()), plain);
    }
    auto d = base32_decode("mzxw 6ytb-oi");
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(std::string(d->view()), "foobar");
    EXPECT_EQ(base32_decode("MZXW1").status().code(), Code::parse);  // '1' is not base32
    EXPECT_EQ(base32_decode("M").status().code(), Code::parse);      // truncated
    EXPECT_EQ(base32_decode("MZ=X").status().code(), Code::parse);   // data after padding
    EXPECT_EQ(base32_decode("MZ").status().code(), Code::parse);     // non-zero leftover bits
}

TEST(Code, GeneratedCodesAreZeroPaddedDigitsOfTheRightLength) {
    for (int d = kMinDigits; d <= kMaxDigits; ++d) {
        char out[kMaxDigits + 1] = {};
        ASSERT_TRUE(generate_code(d, out).ok());
        for (int i = 0; i < d; ++i) EXPECT_TRUE(out[i] >= '0' && out[i] <= '9');
        EXPECT_EQ(out[d], '\0');
    }
    char out[16];
    EXPECT_EQ(generate_code(5, out).code(), Code::invalid_argument);
    EXPECT_EQ(generate_code(11, out).code(), Code::invalid_argument);
}

// Pearson chi-square against the uniform distribution; returns how many standard deviations the
// statistic is above its mean (df = buckets - 1).
double chi_square_z(const std::vector<long> &counts, long total) {
    const double expected = double(total) / double(counts.size());
    double chi = 0;
    for (long c : counts) chi += (c - expected) * (c - expected) / expected;
    const double df = double(counts.size() - 1);
    return (chi - df) / std::sqrt(2 * df);
}

TEST(Code, UniformByChiSquareOnLowAndHighDigitsAndEveryPosition) {
    constexpr long kDraws = 200'000;
    std::vector<long> low(1000), high(1000);
    std::vector<std::vector<long>> pos(10, std::vector<long>(10));
    for (long i = 0; i < kDraws; ++i) {
        char c[10];
        ASSERT_TRUE(generate_code(10, c).ok());  // two groups: 10^9 then 10^1
        const int hi = (c[0] - '0') * 100 + (c[1] - '0') * 10 + (c[2] - '0');
        const int lo = (c[7] - '0') * 100 + (c[8] - '0') * 10 + (c[9] - '0');
        ++high[hi];
        ++low[lo];
        for (int p = 0; p < 10; ++p) ++pos[p][c[p] - '0'];
    }
    // z < 6: a false alarm has a probability below 1e-8; a biased generator (modulo bias, a
    // constant digit, no zero padding) gives z in the hundreds.
    EXPECT_LT(chi_square_z(low, kDraws), 6.0);
    EXPECT_LT(chi_square_z(high, kDraws), 6.0);
    for (int p = 0; p < 10; ++p) EXPECT_LT(chi_square_z(pos[p], kDraws), 6.0) << "position " << p;
    // The test can fail: a generator that never draws 9 in the first position is caught.
    std::vector<long> biased(10, kDraws / 9);
    biased[9] = 0;
    EXPECT_GT(chi_square_z(biased, kDraws / 9 * 9), 6.0);
}

TEST(TypedCode, SpacesHyphensAndFullwidthDigitsAreAccepted) {
    char out[kMaxDigits];
    EXPECT_TRUE(normalize_typed_code("123456", 6, out));
    EXPECT_EQ(std::string(out, 6), "123456");
    EXPECT_TRUE(normalize_typed_code(" 123 456 ", 6, out));
    EXPECT_TRUE(normalize_typed_code("12-34-56", 6, out));
    EXPECT_TRUE(normalize_typed_code("\xEF\xBC\x91\xEF\xBC\x92" "3456", 6, out));  // １２3456
    EXPECT_EQ(std::string(out, 6), "123456");
    EXPECT_TRUE(normalize_typed_code("123\xC2\xA0" "456", 6, out));  // no-break space
    EXPECT_FALSE(normalize_typed_code("12345", 6, out));
    EXPECT_FALSE(normalize_typed_code("1234567", 6, out));
    EXPECT_FALSE(normalize_typed_code("12345a", 6, out));
    EXPECT_FALSE(normalize_typed_code("12345\xD9\xA6", 6, out));  // Arabic-Indic six: not accepted
    EXPECT_FALSE(normalize_typed_code("123456\xff", 6, out));
    EXPECT_FALSE(normalize_typed_code("\xE0\x80\xB1" "23456", 6, out));  // overlong '1'
    EXPECT_FALSE(normalize_typed_code(std::string("123\0" "456", 7), 6, out));
    EXPECT_FALSE(normalize_typed_code(std::string(65, ' ') + "123456", 6, out));
    EXPECT_FALSE(normalize_typed_code("", 6, out));
}

}  // namespace
