// The C ABI conventions, through sesame.h only.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "sesame.h"

TEST(CapiLibrary, HeaderAndLibraryVersionsAgree) {
    EXPECT_EQ(sesame_version_number(), SESAME_VERSION_NUMBER);
    EXPECT_STREQ(sesame_version_string(), SESAME_VERSION_STRING);
    EXPECT_TRUE(SESAME_VERSION_CHECK(0, 1, 0));
    EXPECT_FALSE(SESAME_VERSION_CHECK(SESAME_VERSION_MAJOR + 1, 0, 0));
}

TEST(CapiLibrary, InitIsIdempotentAndThreadSafe) {
    std::vector<std::thread> threads;
    std::vector<sesame_status> results(8, SESAME_E_INTERNAL);
    for (size_t i = 0; i < results.size(); ++i) threads.emplace_back([&, i] { results[i] = sesame_init(); });
    for (auto &t : threads) t.join();
    for (auto st : results) EXPECT_EQ(st, SESAME_OK);
    EXPECT_EQ(sesame_init(), SESAME_OK);
}

TEST(CapiLibrary, EveryStatusHasAMessageAndAName) {
    for (int code = 0; code >= SESAME_E_LIMIT; --code) {
        auto st = static_cast<sesame_status>(code);
        ASSERT_NE(sesame_status_str(st), nullptr);
        EXPECT_STRNE(sesame_status_str(st), "unknown status") << code;
        EXPECT_STRNE(sesame_status_name(st), "") << code;
    }
    EXPECT_STREQ(sesame_status_str(-9999), "unknown status");
    EXPECT_STREQ(sesame_status_name(42), "");
    EXPECT_STREQ(sesame_status_name(SESAME_E_BUFFER_TOO_SMALL), "SESAME_E_BUFFER_TOO_SMALL");
}

TEST(CapiLibrary, SizeQueryThenFill) {
    size_t len = 0;
    ASSERT_EQ(sesame_build_info(nullptr, 0, &len), SESAME_E_BUFFER_TOO_SMALL);
    ASSERT_GT(len, 10u);
    std::string buf(len + 1, 'x');
    ASSERT_EQ(sesame_build_info(buf.data(), buf.size(), &len), SESAME_OK);
    EXPECT_EQ(buf[len], '\0');
    EXPECT_EQ(std::string(buf.data(), len).rfind("sesame ", 0), 0u);
    EXPECT_NE(std::string(buf.data(), len).find("libsodium"), std::string::npos);
}

TEST(CapiLibrary, ExactCapacityNeedsNoRoomForNul) {
    size_t len = 0;
    ASSERT_EQ(sesame_build_info(nullptr, 0, &len), SESAME_E_BUFFER_TOO_SMALL);
    std::string buf(len, '\0');
    size_t len2 = 0;
    EXPECT_EQ(sesame_build_info(buf.data(), buf.size(), &len2), SESAME_OK);
    EXPECT_EQ(len2, len);
}

TEST(CapiLibrary, ShortBufferReportsRequiredLengthAndDetail) {
    char small[4];
    size_t len = 0;
    EXPECT_EQ(sesame_build_info(small, sizeof small, &len), SESAME_E_BUFFER_TOO_SMALL);
    EXPECT_GT(len, sizeof small);
    EXPECT_NE(std::string(sesame_last_error_message()).find("needs"), std::string::npos);
}

TEST(CapiLibrary, NullArgumentsAreInvalidNotCrashes) {
    size_t len = 0;
    EXPECT_EQ(sesame_build_info(nullptr, 0, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_STRNE(sesame_last_error_message(), "");
    EXPECT_EQ(sesame_build_info(nullptr, 10, &len), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_utf8_repair(nullptr, 0, &len, nullptr, 3), SESAME_E_INVALID_ARGUMENT);
    EXPECT_EQ(sesame_utf8_repair(nullptr, 0, &len, nullptr, 0), SESAME_OK);
    EXPECT_EQ(len, 0u);
    sesame_memzero(nullptr, 16);
}

TEST(CapiLibrary, LastErrorIsThreadLocalAndClearedBySuccess) {
    EXPECT_EQ(sesame_build_info(nullptr, 0, nullptr), SESAME_E_INVALID_ARGUMENT);
    std::string other_thread = "unset";
    std::thread([&] { other_thread = sesame_last_error_message(); }).join();
    EXPECT_EQ(other_thread, "");
    EXPECT_STRNE(sesame_last_error_message(), "");
    size_t len = 0;
    char buf[512];
    EXPECT_EQ(sesame_build_info(buf, sizeof buf, &len), SESAME_OK);
    EXPECT_STREQ(sesame_last_error_message(), "");
}

TEST(CapiLibrary, RepairEchoesInvalidUtf8Safely) {
    const char in[] = "0\xFF" "6";
    char out[16];
    size_t len = 0;
    ASSERT_EQ(sesame_utf8_repair(out, sizeof out, &len, in, 3), SESAME_OK);
    EXPECT_EQ(std::string(out, len), "0\xEF\xBF\xBD" "6");
    // The output may alias nothing, but a NUL inside the input is kept verbatim.
    ASSERT_EQ(sesame_utf8_repair(out, sizeof out, &len, "a\0b", 3), SESAME_OK);
    EXPECT_EQ(std::string(out, len), std::string("a\0b", 3));
}

TEST(CapiLibrary, MemzeroWipes) {
    char code[7] = "123456";
    sesame_memzero(code, sizeof code);
    for (char c : code) EXPECT_EQ(c, 0);
}

// struct_size is trusted only within [sizeof(size_t), SESAME_STRUCT_SIZE_MAX]: a garbage or
// SIZE_MAX size is refused before any byte past the member is read (options and results alike).
TEST(CapiLibrary, StructSizeAboveTheMaximumIsRefused) {
    sesame_otp_options o;
    ASSERT_EQ(sesame_otp_options_init(&o), SESAME_OK);
    o.struct_size = SIZE_MAX;
    const uint8_t key[SESAME_OTP_KEY_BYTES] = {1};
    sesame_otp_service *svc = nullptr;
    EXPECT_EQ(sesame_otp_service_new(&svc, key, sizeof key, 1, &o, nullptr), SESAME_E_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sesame_last_error_message()).find("SESAME_STRUCT_SIZE_MAX"), std::string::npos);
    o.struct_size = SESAME_STRUCT_SIZE_MAX + 1;
    EXPECT_EQ(sesame_otp_service_new(&svc, key, sizeof key, 1, &o, nullptr), SESAME_E_INVALID_ARGUMENT);
    sesame_phone_result r;
    ASSERT_EQ(sesame_phone_result_init(&r), SESAME_OK);
    r.struct_size = SIZE_MAX;
    EXPECT_EQ(sesame_phone_normalize(&r, "0612345678", 10), SESAME_E_INVALID_ARGUMENT);
    sesame_password_result pr;
    ASSERT_EQ(sesame_password_result_init(&pr), SESAME_OK);
    pr.struct_size = SIZE_MAX;
    EXPECT_EQ(sesame_password_check(&pr, nullptr, nullptr, "x", 1, nullptr), SESAME_E_INVALID_ARGUMENT);
    // A newer caller's larger struct (within the maximum) with a zero tail is accepted.
    struct {
        sesame_otp_options o;
        char tail[64];
    } bigger{};
    ASSERT_EQ(sesame_otp_options_init(&bigger.o), SESAME_OK);
    bigger.o.struct_size = sizeof bigger;
    ASSERT_EQ(sesame_otp_service_new(&svc, key, sizeof key, 1, &bigger.o, nullptr), SESAME_OK);
    sesame_otp_service_free(svc);
}
