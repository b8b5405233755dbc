// Argon2id hashing over NFC (libsodium's minimum accepted here = interactive limits), the rehash
// policy and the bound on the cost a stored hash may name.
#include <gtest/gtest.h>

#include <sodium.h>

#include <string>

#include "core/common/limits.hpp"
#include "core/password/hash.hpp"

namespace pw = sesame::password;

namespace {

// `h` with its "m=..,t=..,p=.." parameters replaced (the salt and hash are kept).
std::string with_params(const std::string &h, const std::string &params) {
    const auto m = h.find("$m=");
    const auto end = h.find('$', m + 1);
    return h.substr(0, m + 1) + params + h.substr(end);
}

}  // namespace

TEST(PasswordHash, HashVerifyAndNfcVsNfd) {
    const auto limits = pw::interactive_limits();
    const auto h = pw::hash("\u00C9ric-\u00B5-2014!", limits);
    ASSERT_TRUE(h.ok()) << h.status().detail();
    EXPECT_EQ(h->rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u);
    EXPECT_LT(h->size(), pw::kHashMaxBytes);
    EXPECT_TRUE(*pw::verify(*h, "\u00C9ric-\u00B5-2014!"));
    EXPECT_TRUE(*pw::verify(*h, "E\u0301ric-\u00B5-2014!"));   // NFD keyboard
    EXPECT_FALSE(*pw::verify(*h, "Eric-\u00B5-2014!"));
    EXPECT_FALSE(*pw::verify(*h, "\u00C9ric-\u03BC-2014!"));   // Greek mu is another password
    EXPECT_FALSE(pw::needs_rehash(*h, limits));
    EXPECT_TRUE(pw::needs_rehash(*h, {limits.ops_limit + 1, limits.mem_limit}));
    EXPECT_TRUE(pw::needs_rehash(*h, {limits.ops_limit, limits.mem_limit * 2}));
}

TEST(PasswordHash, TheEmptyPasswordHashesAndVerifies) {
    // The rules refuse it, but hashing is not the rules: it must work without undefined behaviour.
    const auto h = pw::hash("", pw::interactive_limits());
    ASSERT_TRUE(h.ok()) << h.status().detail();
    EXPECT_TRUE(*pw::verify(*h, ""));
    EXPECT_FALSE(*pw::verify(*h, "x"));
}

TEST(PasswordHash, AnythingButTodaysArgon2idNeedsARehash) {
    const auto limits = pw::interactive_limits();
    ASSERT_EQ(sodium_init() < 0, false);
    // An Argon2i hash imported from elsewhere (PHP's PASSWORD_ARGON2I): verifies, must be upgraded.
    char argon2i[crypto_pwhash_argon2i_STRBYTES];
    ASSERT_EQ(crypto_pwhash_argon2i_str(argon2i, "Lucas2014!", 10, crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE),
              0);
    EXPECT_TRUE(*pw::verify(argon2i, "Lucas2014!"));
    EXPECT_TRUE(pw::needs_rehash(argon2i, {crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE}));
    // Same memory and passes, more lanes (python argon2-cffi's default is p=4): rehash.
    const auto h = pw::hash("Lucas2014!", limits);
    ASSERT_TRUE(h.ok());
    EXPECT_TRUE(pw::needs_rehash(with_params(*h, "m=65536,t=2,p=4"), limits));
    EXPECT_TRUE(pw::needs_rehash(with_params(*h, "m=65536,t=2,p=1x"), limits));
    EXPECT_TRUE(pw::needs_rehash("$argon2id$v=16$m=65536,t=2,p=1$c2FsdA$aGFzaA", limits));
    EXPECT_FALSE(pw::needs_rehash(with_params(*h, "m=65536,t=2,p=1"), limits));
}

TEST(PasswordHash, AStoredCostAboveTheLimitsIsRefusedWithoutRunningIt) {
    const auto h = pw::hash("Lucas2014!", pw::interactive_limits());
    ASSERT_TRUE(h.ok());
    for (const std::string params : {"m=1048576,t=2,p=1", "m=65536,t=4294967295,p=1", "m=65536,t=5,p=1",
                                     "m=65536,t=2,p=17", "m=262145,t=2,p=1"}) {
        const auto v = pw::verify(with_params(*h, params), "Lucas2014!");
        ASSERT_FALSE(v.ok()) << params;
        EXPECT_EQ(v.status().code(), sesame::Code::limit) << params;
        EXPECT_NE(v.status().detail().find("SESAME_PASSWORD_HASH_MAX"), std::string::npos);
        EXPECT_EQ(v.status().detail().find("Lucas"), std::string::npos);
    }
    // At the limits: run (and, the parameters being changed, simply do not match).
    const auto at = pw::verify(with_params(*h, "m=65536,t=4,p=1"), "Lucas2014!");
    ASSERT_TRUE(at.ok());
    EXPECT_FALSE(*at);
}

TEST(PasswordHash, MalformedInputs) {
    const auto limits = pw::interactive_limits();
    EXPECT_EQ(pw::hash("\xFF", limits).status().code(), sesame::Code::invalid_utf8);
    EXPECT_EQ(pw::hash("a\tb", limits).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash(std::string(600, 'a'), limits).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash("x", {1, limits.mem_limit}).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash("x", {limits.ops_limit, 8192}).status().code(), sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash("x", {sesame::limits::kHashMaxOps + 1, limits.mem_limit}).status().code(),
              sesame::Code::invalid_argument);
    EXPECT_EQ(pw::hash("x", {limits.ops_limit, (sesame::limits::kHashMaxMemKib + 1) * 1024}).status().code(),
              sesame::Code::invalid_argument);
    EXPECT_FALSE(*pw::verify("", "x"));
    EXPECT_FALSE(*pw::verify("not a hash", "x"));
    EXPECT_FALSE(*pw::verify(std::string("$argon2id$\0", 11), "x"));
    EXPECT_FALSE(*pw::verify(std::string(300, '$'), "x"));
    EXPECT_FALSE(*pw::verify("$argon2id$v=19$m=99999999999,t=2,p=1$c2FsdA$aGFzaA", "x"));  // 11 digits: malformed
    EXPECT_TRUE(pw::needs_rehash("not a hash", limits));
    EXPECT_TRUE(pw::needs_rehash("", limits));
}
