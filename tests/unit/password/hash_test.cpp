// Argon2id hashing over NFC (libsodium's minimum accepted here = interactive limits).
#include <gtest/gtest.h>

#include "core/password/hash.hpp"

namespace pw = sesame::password;

TEST(PasswordHash, HashVerifyAndNfcVsNfd) {
    const auto limits = pw::interactive_limits();
    const auto h = pw::hash("\u00C9ric-\u00B5-2014!", limits);
    ASSERT_TRUE(h.ok()) << h.status().detail();
    EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
    EXPECT_LT(h->size(), pw::kHashMaxBytes);
    EXPECT_TRUE(pw::verify(*h, "\u00C9ric-\u00B5-2014!"));
    EXPECT_TRUE(pw::verify(*h, "E\u0301ric-\u00B5-2014!"));   // NFD keyboard
    EXPECT_FALSE(pw::verify(*h, "Eric-\u00B5-2014!"));
    EXPECT_FALSE(pw::verify(*h, "\u00C9ric-\u03BC-2014!"));   // Greek mu is another password
    EXPECT_FALSE(pw::needs_rehash(*h, limits));
    EXPECT_TRUE(pw::needs_rehash(*h, {limits.ops_limit + 1, limits.mem_limit}));
}

TEST(PasswordHash, MalformedInputs) {
    const auto limits = pw::interactive_limits();
    EXPECT_EQ(pw::hash("\xFF", limits).status().code(), sesame::Code::invalid_utf8);
    EXPECT_EQ(pw::hash("a\tb", limits).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash(std::string(600, 'a'), limits).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash("x", {1, limits.mem_limit}).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash("x", {limits.ops_limit, 8192}).status().code(), sesame::Code::invalid_argument);
    EXPECT_FALSE(pw::verify("", "x"));
    EXPECT_FALSE(pw::verify("not a hash", "x"));
    EXPECT_FALSE(pw::verify(std::string("$argon2id$\0", 11), "x"));
    EXPECT_FALSE(pw::verify(std::string(300, '$'), "x"));
    EXPECT_TRUE(pw::needs_rehash("not a hash", limits));
    EXPECT_TRUE(pw::needs_rehash("", limits));
}
