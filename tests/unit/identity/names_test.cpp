// Family and given name rules of the identity spec, positive and negative.
#include <gtest/gtest.h>

#include "core/identity/names.hpp"

using namespace sesame::identity;

namespace {
struct Pair {
    const char *record;
    const char *typed;
};
}  // namespace

TEST(FamilyMatch, SeparatorsAccentsAndLettersIgnored) {
    const Pair ok[] = {
        {"D'ALEMBERT", "DALEMBERT"},       {"D'ALEMBERT", "d alembert"},     {"D’ALEMBERT", "D'Alembert"},
        {"LE GALL", "LEGALL"},             {"MARTIN--DURAND", "MARTIN DURAND"}, {"MÜLLER", "MULLER"},
        {"SØRENSEN", "SORENSEN"},          {"LEFÈVRE", "lefevre"},           {"ŁUKASZEWSKI", "LUKASZEWSKI"},
        {"DUPONT", "  dupont  "},          {"ŒUVRARD", "OEUVRARD"},          {"STRAẞE", "STRASSE"},
        {"ST MARTIN", "SAINT-MARTIN"},     {"Ｄｕｐｏｎｔ", "DUPONT"},
    };
    for (const auto &p : ok) EXPECT_TRUE(family_match(p.record, p.typed)) << p.record << " / " << p.typed;
}

TEST(FamilyMatch, ReorderedDoubleNamesAndParticles) {
    EXPECT_TRUE(family_match("DURAND MARTIN", "MARTIN DURAND"));
    EXPECT_TRUE(family_match("FONTAINE (DE LA)", "DE LA FONTAINE"));
    // Glued and reordered at once: neither the compact nor the multiset is equal.
    EXPECT_FALSE(family_match("FONTAINE (DE LA)", "DELAFONTAINE"));
    EXPECT_TRUE(family_match("FONTAINE (DE LA)", "FONTAINEDELA"));
    EXPECT_TRUE(family_match("DE LA FONTAINE", "FONTAINE (DE LA)"));
}

TEST(FamilyMatch, MarkersGiveBothHalves) {
    EXPECT_TRUE(family_match("DURAND EP. LEROY", "LEROY"));
    EXPECT_TRUE(family_match("DURAND EP. LEROY", "DURAND"));
    EXPECT_TRUE(family_match("DURAND EP. LEROY", "durand épouse leroy"));
    EXPECT_TRUE(family_match("LEROY NÉE DURAND", "DURAND"));
    EXPECT_TRUE(family_match("DURAND", "LEROY née DURAND"));  // typed side has alternatives too
    EXPECT_TRUE(family_match("MARTIN VVE DUBOIS", "DUBOIS"));
    // A marker at an end is not a marker.
    EXPECT_FALSE(family_match("NEE DURAND", "DURAND"));
    EXPECT_FALSE(family_match("DURAND EP", "DURAND"));
}

TEST(FamilyMatch, StrictNegatives) {
    const Pair ko[] = {
        {"DUPONT", "DUPOND"},          {"MARTIN", "MARTINE"},         {"DE GAULLE", "GAULLE"},
        {"LE GALL", "GALL"},           {"D'ARTAGNAN", "ARTAGNAN"},    {"DU BOIS", "DE BOIS"},
        {"MACDONALD", "MCDONALD"},     {"MARTIN DURAND", "MARTIN"},   {"SAINT MARTIN", "SAINTE MARTIN"},
        {"SAINT MARTIN", "STMARTIN"},  {"DUPONT", "MME DUPONT"},      {"DUPONT", "DUPONT2"},
        {"DUPONT", "DUP*"},            {"DUPONT", "DUPОNT"} /* Cyrillic O */, {"MULLER", "MUELLER"},
        {"SORENSEN", "SOERENSEN"},     {"", ""},                      {"ИВАНОВ", "ИВАНОВ"},
    };
    for (const auto &p : ko) EXPECT_FALSE(family_match(p.record, p.typed)) << p.record << " / " << p.typed;
}

TEST(FamilyMatch, OneHalfOnlyWhenRecordedAsCandidate) {
    // Record usage MARTIN-DURAND, birth MARTIN: MARTIN matches through the birth name.
    auto rec = family_alts("MARTIN-DURAND");
    EXPECT_FALSE(family_match(rec, family_alts("MARTIN")));
    for (auto &a : family_alts("MARTIN")) rec.push_back(a);
    EXPECT_TRUE(family_match(rec, family_alts("MARTIN")));
    // Combination not recorded: usage DUPONT and birth MARTIN, typed DUPONT MARTIN.
    auto rec2 = family_alts("DUPONT");
    for (auto &a : family_alts("MARTIN")) rec2.push_back(a);
    EXPECT_FALSE(family_match(rec2, family_alts("DUPONT MARTIN")));
}

TEST(FamilyMatch, MultisetNeedsTwoTokens) {
    // A single-token record never matches by multiset (only by compact).
    EXPECT_FALSE(family_match("DURAND", "DURAND DURAND"));
    EXPECT_TRUE(family_match("DURAND DURAND", "DURAND-DURAND"));
    EXPECT_FALSE(family_match("DURAND DURAND MARTIN", "DURAND MARTIN MARTIN"));  // multisets, not sets
}

TEST(GivenMatch, FormRule) {
    const Pair ok[] = {
        {"Jean-Pierre", "JEAN PIERRE"}, {"Jean-Pierre", "JEANPIERRE"}, {"Jean Pierre Marie", "Jean"},
        {"Jean Pierre Marie", "jean pierre"}, {"Jean", "Jean Pierre Marie"}, {"Hélène", "HELENE"},
        {"Jean-Pierre Marie", "Jean-Pierre"}, {"Anne, Marie", "anne"},
    };
    for (const auto &p : ok) EXPECT_TRUE(given_match_form(p.record, p.typed)) << p.record << " / " << p.typed;
    const Pair ko[] = {
        {"Michel", "Michèle"}, {"Michèle", "Michel"}, {"Jean-Pierre", "Jean"}, {"Marie-Claire", "Claire"},
        {"Thi Huong", "Huong"}, {"Jean Pierre Marie", "Pierre"}, {"Jean", "Jeanne"}, {"", ""},
        {"Jean", "Jean2"}, {"Ольга", "Ольга"}, {"Martin", "Martine"},
    };
    for (const auto &p : ko) EXPECT_FALSE(given_match_form(p.record, p.typed)) << p.record << " / " << p.typed;
}

TEST(GivenMatch, FranceConnectTiers) {
    auto tier = [](const char *r, const char *f) { return given_fc_tier(given_key(r), given_key(f)); };
    EXPECT_EQ(tier("Hélène", "Hélène Marie"), 1);
    EXPECT_EQ(tier("Jean-Pierre", "Jean-Pierre Marie"), 1);
    EXPECT_EQ(tier("Jean Pierre", "Jean Pierre Marie"), 1);
    EXPECT_EQ(tier("Nathalie", "Anne Nathalie"), 2);
    EXPECT_EQ(tier("Claire", "Anne Claire"), 2);
    EXPECT_EQ(tier("Marie Louise", "Anne Marie Louise"), 2);  // a contiguous run of FC units
    EXPECT_EQ(tier("Marie Louise", "Anne Marie Paule Louise"), 2);  // "marie" is in PR(record)
    EXPECT_EQ(tier("Marie-Louise", "Anne Marie Paule Louise"), 0);
    EXPECT_EQ(tier("Paule", "Anne Marie"), 0);
    EXPECT_EQ(tier("Claire", "Marie-Claire"), 0);  // a hyphen joins one name
    EXPECT_EQ(tier("Nathalie", "Anne Natalie"), 0);
    EXPECT_EQ(tier("", "Anne"), 0);
}

TEST(NearMiss, OneEdit) {
    EXPECT_TRUE(one_edit_apart("dupont", "dupond"));
    EXPECT_TRUE(one_edit_apart("martin", "martine"));
    EXPECT_TRUE(one_edit_apart("michele", "michel"));
    EXPECT_FALSE(one_edit_apart("dupont", "dupont"));
    EXPECT_FALSE(one_edit_apart("dupont", "durand"));
    EXPECT_FALSE(one_edit_apart("ab", "abcd"));
}
