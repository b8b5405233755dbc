// Login identifiers: shape, markers, transliteration, taken set, widening, exhaustion.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/identity/login_id.hpp"

using namespace sesame::identity;

TEST(LoginId, Stems) {
    EXPECT_EQ(*login_stem("LEFÈVRE", "Hélène"), "h.lefevre");
    EXPECT_EQ(*login_stem("DURAND EP. LEROY", "Marie-Claire"), "m.leroy");
    EXPECT_EQ(*login_stem("MARTIN VVE DUBOIS", "Anne"), "a.dubois");
    EXPECT_EQ(*login_stem("LEROY NÉE DURAND", "Anne"), "a.leroy");
    EXPECT_EQ(*login_stem("D'ALEMBERT", "Jean-Pierre"), "j.dalembert");
    EXPECT_EQ(*login_stem("DE LA FONTAINE-SAINT-EXUPÉRY-MONTMORENCY", "Zoé"), "z.delafontainesaintexu");  // 20 letters
    EXPECT_EQ(*login_stem("DUPONT2", "Jean"), "j.dupont");
    EXPECT_EQ(*login_stem("DUPONT", ""), "dupont");
    EXPECT_EQ(*login_stem("ИВАНОВ", "Ольга"), "o.ivanov");
    EXPECT_EQ(*login_stem("MÜLLER", "Ørjan"), "o.muller");
    EXPECT_EQ(login_stem("", "Jean").status().code(), sesame::Code::invalid_name);
    EXPECT_EQ(login_stem("1234", "Jean").status().code(), sesame::Code::invalid_name);
    EXPECT_EQ(login_stem("😀", "Jean").status().code(), sesame::Code::invalid_name);
}

TEST(LoginId, ShapeAndRandomSuffix) {
    const std::regex shape("^[a-z][a-z0-9.]*$");
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto id = login_id("LEFEVRE", "Hélène", nullptr);
        ASSERT_TRUE(id.ok());
        EXPECT_TRUE(std::regex_match(*id, std::regex("^h\\.lefevre[0-9]{2}$"))) << *id;
        EXPECT_TRUE(std::regex_match(*id, shape));
        seen.insert(*id);
    }
    EXPECT_GT(seen.size(), 50u);  // 100 suffixes, 200 draws
    auto iv = login_id("ИВАНОВ", "Ольга", nullptr);
    ASSERT_TRUE(iv.ok());
    EXPECT_TRUE(std::regex_match(*iv, std::regex("^o\\.ivanov[0-9]{2}$"))) << *iv;
}

TEST(LoginId, TakenSetAndWidening) {
    int calls = 0;
    // Every 2-digit suffix taken: widen to 3 digits after 20 draws.
    auto r = login_id("LEFEVRE", "Hélène", [&](std::string_view s) -> sesame::Result<bool> {
        ++calls;
        return s.size() == std::string("h.lefevre00").size();
    });
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(std::regex_match(*r, std::regex("^h\\.lefevre[0-9]{3}$"))) << *r;
    EXPECT_EQ(calls, 21);
    // 2 and 3 digits taken: 4 digits.
    r = login_id("LEFEVRE", "Hélène", [&](std::string_view s) -> sesame::Result<bool> { return s.size() < 13; });
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(std::regex_match(*r, std::regex("^h\\.lefevre[0-9]{4}$"))) << *r;
    // Everything taken: exhausted after 60 draws.
    calls = 0;
    r = login_id("LEFEVRE", "Hélène", [&](std::string_view) -> sesame::Result<bool> {
        ++calls;
        return true;
    });
    EXPECT_EQ(r.status().code(), sesame::Code::exhausted);
    EXPECT_EQ(calls, 60);
    // A callback error aborts.
    r = login_id("LEFEVRE", "Hélène", [&](std::string_view) -> sesame::Result<bool> {
        return sesame::Error(sesame::Code::cancelled, "stop");
    });
    EXPECT_EQ(r.status().code(), sesame::Code::cancelled);
}
