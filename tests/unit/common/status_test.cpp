#include <gtest/gtest.h>

#include <string>

#include "core/common/secret_bytes.hpp"
#include "core/common/status.hpp"

using sesame::Code;
using sesame::Result;
using sesame::SecretBytes;
using sesame::Status;

TEST(Status, DefaultIsOkAndErrorKeepsCodeAndDetail) {
    EXPECT_TRUE(Status().ok());
    Status st = sesame::Error(Code::invalid_argument, "ttl_s out of range");
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(st.code(), Code::invalid_argument);
    EXPECT_EQ(st.detail(), "ttl_s out of range");
}

TEST(Result, HoldsValueOrStatus) {
    Result<int> good(42);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 42);
    EXPECT_TRUE(good.status().ok());
    Result<int> bad(sesame::Error(Code::parse, "line 3"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), Code::parse);
}

TEST(Result, OkStatusWithoutValueBecomesInternalError) {
    Result<std::string> r{Status::Ok()};
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::internal);
}

TEST(SecretBytes, ComparesInConstantTimeAndByLength) {
    SecretBytes a(std::string_view("123456"));
    SecretBytes b(std::string_view("123456"));
    SecretBytes c(std::string_view("123457"));
    SecretBytes d(std::string_view("12345"));
    EXPECT_TRUE(a.equals(b.span()));
    EXPECT_FALSE(a.equals(c.span()));
    EXPECT_FALSE(a.equals(d.span()));
}

TEST(SecretBytes, MoveLeavesSourceEmptyAndWipeClears) {
    SecretBytes a(std::string_view("secret"));
    SecretBytes b(std::move(a));
    EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
    EXPECT_EQ(b.view(), "secret");
    b.append("!!", 2);
    EXPECT_EQ(b.view(), "secret!!");
    b.resize(3);
    EXPECT_EQ(b.view(), "sec");
    b.wipe();
    EXPECT_TRUE(b.empty());
}

TEST(SecretBytes, WipeZeroesTheBytesInPlace) {
    char buf[8] = {'p', 'a', 's', 's', 'w', 'o', 'r', 'd'};
    sesame::secure_wipe(buf, sizeof buf);
    for (char ch : buf) EXPECT_EQ(ch, 0);
    sesame::secure_wipe(nullptr, 10);  // no-op, no crash
}
