// The CLI's line bound (docs/limits.md: a line above 1 MiB gets an error line, the run goes on,
// memory stays bounded) and its text helpers (display width, re-encoding for `phone audit --csv`).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "line_io.hpp"
#include "text_out.hpp"

namespace {

struct Line {
    std::string text;
    bool too_long;
    bool operator==(const Line &o) const { return text == o.text && too_long == o.too_long; }
};

std::vector<Line> read_bounded(const std::string &bytes, size_t max, bool secret) {
    FILE *f = std::tmpfile();
    EXPECT_NE(f, nullptr);
    EXPECT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
    std::fflush(f);
    std::rewind(f);
    std::vector<Line> lines;
    {
        cli::LineReader in(fileno(f), secret, max);
        std::string_view line;
        while (in.next(line)) lines.push_back({std::string(line), in.too_long()});
    }
    std::fclose(f);
    return lines;
}

TEST(CliLineBound, LongerLinesAreReportedAndSkipped) {
    for (bool secret : {false, true}) {
        using V = std::vector<Line>;
        EXPECT_EQ(read_bounded("abc\nabcd\nab", 3, secret), (V{{"abc", false}, {"", true}, {"ab", false}}));
        EXPECT_EQ(read_bounded("abcd", 3, secret), (V{{"", true}}));
        // Longer than the read block (64 KiB): dropped as it comes, the next lines are whole.
        const std::string big(300000, 'x');
        EXPECT_EQ(read_bounded(big + "\nok\n" + big, 100000, secret), (V{{"", true}, {"ok", false}, {"", true}}));
        EXPECT_EQ(read_bounded(std::string(100000, 'y') + "\n", 100000, secret), (V{{std::string(100000, 'y'), false}}));
        EXPECT_EQ(read_bounded(std::string(100001, 'y') + "\n", 100000, secret), (V{{"", true}}));
    }
}

// 64 MiB without a newline through a pipe: one too_long line, and the reader never holds more
// than about twice the bound (it would need 64 MiB otherwise).
TEST(CliLineBound, AHugeLineFromAPipeKeepsMemoryBounded) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    std::thread writer([fd = fds[1]] {
        const std::string block(1 << 16, '[');
        for (int i = 0; i < 1024; ++i)
            if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size())) break;
        (void)::write(fd, "\n]\n", 3);
        ::close(fd);
    });
    std::vector<Line> lines;
    {
        cli::LineReader in(fds[0], false, size_t{1} << 20);
        std::string_view line;
        while (in.next(line)) lines.push_back({std::string(line), in.too_long()});
    }
    writer.join();
    ::close(fds[0]);
    EXPECT_EQ(lines, (std::vector<Line>{{"", true}, {"]", false}}));
}

TEST(CliText, DisplayWidthCountsWhatATerminalShows) {
    EXPECT_EQ(cli::display_width("abc"), 3u);
    EXPECT_EQ(cli::display_width("Hélène"), 6u);       // precomposed
    EXPECT_EQ(cli::display_width("He\xCC\x81le\xCC\x80ne"), 6u);  // combining accents
    EXPECT_EQ(cli::display_width("電話"), 4u);            // wide
    EXPECT_EQ(cli::display_width("\xFF" "a"), 2u);       // an invalid byte shows as one U+FFFD
    EXPECT_EQ(cli::display_width("\xED\xA0\x80"), 3u);   // a surrogate is three invalid bytes
    EXPECT_EQ(cli::display_width("\xE2\x80\x8B" "a"), 1u);  // U+200B zero width space
    EXPECT_EQ(cli::display_width("ＴＥＬ"), 6u);           // fullwidth Latin
    EXPECT_EQ(cli::pad("é", 3), "é  ");
    EXPECT_EQ(cli::cut("Téléphone", 5), "Télé…");
    EXPECT_EQ(cli::cut("Tél", 5), "Tél");
}

TEST(CliText, EncodesForTheExportsEncoding) {
    std::string out;
    cli::encode("é€’x\xFF", cli::TextEncoding::windows1252, out);
    EXPECT_EQ(out, "\xE9\x80\x92x?");
    out.clear();
    cli::encode("é😀", cli::TextEncoding::utf16le, out);
    EXPECT_EQ(out, std::string("\xE9\x00\x3D\xD8\x00\xDE", 6));
    out.clear();
    cli::encode("\xEF\xBB\xBF" "a", cli::TextEncoding::utf16be, out);
    EXPECT_EQ(out, std::string("\xFE\xFF\x00" "a", 4));
    out.clear();
    cli::encode("\xFF", cli::TextEncoding::utf8, out);
    EXPECT_EQ(out, "\xFF");  // UTF-8 bytes are copied as they are
    EXPECT_EQ(cli::csv_cell("a ; b", ';'), "\"a ; b\"");
    EXPECT_EQ(cli::csv_cell("a, b", ';'), "a, b");
    EXPECT_EQ(cli::csv_cell("a\nb", ';'), "\"a\nb\"");
    EXPECT_EQ(cli::csv_cell("a, \"b\"", ','), "\"a, \"\"b\"\"\"");
}

}  // namespace
