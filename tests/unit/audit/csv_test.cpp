#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/audit/csv.hpp"

using namespace sesame::audit;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view data, CsvFormat f) {
    CsvReader r(data, f);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> fields;
    while (r.next(fields)) out.push_back(fields);
    EXPECT_TRUE(r.status().ok()) << r.status().detail();
    return out;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST(Csv, DetectsDelimiterFromTheHeaderLine) {
    EXPECT_EQ(detect_format("nom;prenom;tel\na,b;c;d\n").delimiter, ';');
    EXPECT_EQ(detect_format("nom,prenom,tel\na;b,c,d\n").delimiter, ',');
    EXPECT_EQ(detect_format("\"a;b\",c\n").delimiter, ',');  // inside quotes does not count
    EXPECT_EQ(detect_format("tel\n").delimiter, ',');
}

TEST(Csv, DetectsEncodingOnTheWholeFile) {
    EXPECT_EQ(detect_format("nom\nH\xC3\xA9l\xC3\xA8ne\n").encoding, Encoding::utf8);
    EXPECT_EQ(detect_format("nom\nH\xE9l\xE8ne\n").encoding, Encoding::windows1252);
    auto f = detect_format("\xEF\xBB\xBFnom\n");
    EXPECT_TRUE(f.bom);
    EXPECT_EQ(f.encoding, Encoding::utf8);
}

TEST(Csv, QuotesEscapesAndLineBreaksInsideQuotes) {
    CsvFormat f;
    EXPECT_EQ(read_all("a,\"b,c\",\"d\"\"e\"\n", f), (Rows{{"a", "b,c", "d\"e"}}));
    EXPECT_EQ(read_all("\"multi\nline\",x\ny,z", f), (Rows{{"multi\nline", "x"}, {"y", "z"}}));
    EXPECT_EQ(read_all("a,,\n,b,\n", f), (Rows{{"a", "", ""}, {"", "b", ""}}));
}

TEST(Csv, LineEndsAndBlankLines) {
    CsvFormat f;
    EXPECT_EQ(read_all("a\r\nb\r\n\r\nc", f), (Rows{{"a"}, {"b"}, {"c"}}));
    EXPECT_EQ(read_all("a\rb\n", f), (Rows{{"a"}, {"b"}}));
    EXPECT_EQ(read_all("", f), Rows{});
    EXPECT_EQ(read_all("\n\n", f), Rows{});
}

TEST(Csv, BomIsSkipped) {
    CsvFormat f = detect_format("\xEF\xBB\xBFtel\n1\n");
    EXPECT_EQ(read_all("\xEF\xBB\xBFtel\n1\n", f), (Rows{{"tel"}, {"1"}}));
}

TEST(Csv, Windows1252IsDecodedToUtf8) {
    CsvFormat f;
    f.encoding = Encoding::windows1252;
    f.delimiter = ';';
    EXPECT_EQ(read_all("L\xC9" "FEVRE;H\xE9l\xE8ne;\x80\x9C\x81\n", f),
              (Rows{{"L\xC3\x89" "FEVRE", "H\xC3\xA9l\xC3\xA8ne", "\xE2\x82\xAC\xC5\x93\xEF\xBF\xBD"}}));
}

TEST(Csv, UnterminatedQuoteIsAParseErrorWithTheLine) {
    CsvReader r("a\nb\n\"open,\nstill", CsvFormat{});
    std::vector<std::string> fields;
    EXPECT_TRUE(r.next(fields));
    EXPECT_TRUE(r.next(fields));
    EXPECT_FALSE(r.next(fields));
    EXPECT_EQ(r.status().code(), sesame::Code::parse);
    EXPECT_NE(r.status().detail().find("line 3"), std::string::npos);
}

TEST(Csv, RecordLineCountsLineBreaksInQuotes) {
    CsvReader r("h\n\"a\nb\"\nc\n", CsvFormat{});
    std::vector<std::string> fields;
    ASSERT_TRUE(r.next(fields));
    ASSERT_TRUE(r.next(fields));
    EXPECT_EQ(r.line(), 2u);
    ASSERT_TRUE(r.next(fields));
    EXPECT_EQ(r.line(), 4u);
}

TEST(Csv, SheetRowCountsBlankLinesAndMultiLineRecordsOnce) {
    CsvReader r("\nh\n\"a\nb\"\r\n\r\n\nc\rd", CsvFormat{});
    std::vector<std::string> fields;
    std::vector<std::uint64_t> rows;
    while (r.next(fields)) rows.push_back(r.sheet_row());
    EXPECT_EQ(rows, (std::vector<std::uint64_t>{2, 3, 6, 7}));
}

TEST(Csv, RecordTextGapAndLineEnd) {
    CsvReader r("h\r\n\r\n\"x\ny\",z\r\nlast", CsvFormat{});
    std::vector<std::string> fields;
    ASSERT_TRUE(r.next(fields));
    EXPECT_EQ(r.raw(), "h");
    EXPECT_EQ(r.line_end(), "\r\n");
    ASSERT_TRUE(r.next(fields));
    EXPECT_EQ(r.gap(), "\r\n");
    EXPECT_EQ(r.raw(), "\"x\ny\",z");
    ASSERT_TRUE(r.next(fields));
    EXPECT_EQ(r.gap(), "");
    EXPECT_EQ(r.raw(), "last");
    EXPECT_EQ(r.line_end(), "");
}

TEST(Csv, TabDelimiterLineEndAndUtf16Detection) {
    EXPECT_EQ(detect_format("nom\ttel\tmail,x\n").delimiter, '\t');
    EXPECT_EQ(detect_format("a;b\r\n").line_end, "\r\n");
    EXPECT_EQ(detect_format("a;b\rc").line_end, "\r");
    EXPECT_EQ(detect_format("\xFF\xFEn\0").encoding, Encoding::utf16le);
    EXPECT_EQ(detect_format("\xFE\xFF\0n").encoding, Encoding::utf16be);
    std::string out;
    utf16_to_utf8(std::string_view("A\0\xE9\0\x3D\xD8\x00\xDE\x00\xD8" "B\0x", 13), false, out);
    EXPECT_EQ(out, "A\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD" "B\xEF\xBF\xBD");  // é, U+1F600, lone surrogate, B, odd byte
}
