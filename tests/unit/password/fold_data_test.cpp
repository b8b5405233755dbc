// src/core/password/generated/fold.tsv holds the meter's fold (password::fold_cp) of the Unicode
// blocks the word lists use; the word-list generator (tools/gen/gen_password_wordlists.py) folds
// the lists through it, so that lists and passwords are folded by one piece of code. This test
// recomputes the file and compares; SESAME_WRITE_FOLD_DATA=1 rewrites it instead.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/password/meter.hpp"
#include "core/text/utf8.hpp"

namespace pw = sesame::password;

namespace {

struct Block {
    char32_t first, last;
    const char *name;
};
constexpr Block kBlocks[] = {
    {0x0080, 0x024F, "Latin-1 Supplement, Latin Extended-A and -B"},
    {0x0250, 0x02FF, "IPA Extensions, Spacing Modifier Letters"},
    {0x0300, 0x036F, "Combining Diacritical Marks"},
    {0x1E00, 0x1EFF, "Latin Extended Additional"},
    {0x2000, 0x20CF, "General Punctuation, Superscripts and Subscripts, Currency Symbols"},
    {0xFB00, 0xFB06, "Latin ligatures"},
};

std::string expected_file() {
    std::ostringstream out;
    out << "# The password meter's fold (password::fold_cp, src/core/password/meter/fold.cpp) of every code\n"
           "# point of the blocks below; the word-list generator folds the lists through this file, ASCII\n"
           "# letters to lowercase. Written and checked by tests/unit/password/fold_data_test.cpp\n"
           "# (SESAME_WRITE_FOLD_DATA=1 rewrites it); a new block goes there.\n";
    for (const Block &b : kBlocks) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "# block %04X-%04X ", unsigned(b.first), unsigned(b.last));
        out << buf << b.name << '\n';
    }
    out << "# code point<TAB>its fold, as code points\n";
    for (const Block &b : kBlocks) {
        for (char32_t cp = b.first; cp <= b.last; ++cp) {
            std::string f;
            pw::fold_cp(cp, f);
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04X\t", unsigned(cp));
            out << buf;
            std::size_t i = 0;
            char32_t c = 0;
            bool first = true;
            while (i < f.size() && sesame::text::decode_one(f, i, c)) {
                std::snprintf(buf, sizeof buf, "%s%04X", first ? "" : " ", unsigned(c));
                out << buf;
                first = false;
            }
            out << '\n';
        }
    }
    return out.str();
}

}  // namespace

TEST(PasswordFoldData, FileMatchesTheMeterFold) {
    const std::string path = std::string(SESAME_SOURCE_DIR) + "/src/core/password/generated/fold.tsv";
    const std::string want = expected_file();
    if (const char *w = std::getenv("SESAME_WRITE_FOLD_DATA"); w != nullptr && *w == '1') {
        std::ofstream(path, std::ios::binary) << want;
        GTEST_SKIP() << "rewrote " << path;
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot open " << path;
    std::ostringstream got;
    got << in.rdbuf();
    EXPECT_TRUE(got.str() == want) << path << " differs from the meter's fold: rewrite it with SESAME_WRITE_FOLD_DATA=1 "
                                   << "./build/tests/sesame_unit_password --gtest_filter=PasswordFoldData.*, then "
                                   << "regenerate the word lists (tools/gen/gen_password_wordlists.py)";
}
