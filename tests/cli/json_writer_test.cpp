// The CLI's streaming JSON writer and line I/O (tools/sesame/json_writer.hpp, line_io.hpp). The CLI's
// JSON was nlohmann::ordered_json's dump(-1, ' ', false, replace) before the writer: every test
// compares the writer's bytes with that dump of the same values.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "json_writer.hpp"
#include "line_io.hpp"
#include "sesame.h"

namespace {

using ojson = nlohmann::ordered_json;

std::string dump(const ojson &j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string written_string(std::string_view s) {
    cli::Buffer out;
    cli::JsonWriter w(out);
    w.string(s);
    return std::string(out.view());
}

std::string written_number(double v) {
    cli::Buffer out;
    cli::JsonWriter w(out);
    w.number(v);
    return std::string(out.view());
}

std::string library_repair(std::string_view s) {
    std::string out(3 * s.size() + 1, '\0');
    size_t len = 0;
    EXPECT_EQ(sesame_utf8_repair(out.data(), out.size(), &len, s.data(), s.size()), SESAME_OK);
    out.resize(len);
    return out;
}

TEST(CliJsonWriter, EscapesEveryAsciiByteAsNlohmann) {
    for (int c = 0; c < 0x80; ++c) {
        const std::string s = std::string("a") + static_cast<char>(c) + "b";
        EXPECT_EQ(written_string(s), dump(ojson(s))) << "byte " << c;
    }
    EXPECT_EQ(written_string("\"\\/\b\f\n\r\t\x01\x1f\x7f"), R"("\"\\/\b\f\n\r\t\u0001\u001f)"
                                                             "\x7f\"");
    EXPECT_EQ(written_string(std::string("\0x", 2)), R"("\u0000x")");
    EXPECT_EQ(written_string(""), R"("")");
}

// Every byte that needs an escape, at every position of strings long enough for the 8-byte scan,
// among bytes that do not (ASCII, DEL, UTF-8) and next to other escapes.
TEST(CliJsonWriter, EscapesAtEveryPositionOfLongStrings) {
    const std::string fillers[] = {"abcdefgh", "\x7f\x7f\x7f\x7f", "\xc3\xa9\xe2\x80\xa2\xf0\x9f\x98\x80", " !#$%&'()*+,-./[]^_`{|}~"};
    for (const std::string &filler : fillers) {
        std::string base;
        while (base.size() < 40) base += filler;
        for (int c : {0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, int{'"'}, int{'\\'}}) {
            for (size_t pos = 0; pos <= base.size(); ++pos) {
                if (pos < base.size() && (static_cast<unsigned char>(base[pos]) & 0xC0) == 0x80) continue;  // inside a character
                std::string s = base;
                s.insert(pos, 1, static_cast<char>(c));
                EXPECT_EQ(written_string(s), dump(ojson(s))) << "byte " << c << " at " << pos;
                s.insert(pos, 1, '"');
                EXPECT_EQ(written_string(s), dump(ojson(s))) << "byte " << c << " after a quote at " << pos;
            }
        }
        EXPECT_EQ(written_string(base), "\"" + base + "\"");
    }
}

TEST(CliJsonWriter, PassesUtf8Through) {
    for (const char *s : {"Hélène", "+33 6 •• •• •• 78", "ИВАНОВ", "😀", "\u2028\u2029", "\uFEFF", "\U0010FFFF"}) {
        EXPECT_EQ(written_string(s), dump(ojson(s))) << s;
        EXPECT_EQ(written_string(s), std::string("\"") + s + "\"");
    }
}

TEST(CliJsonWriter, RepairsUntrustedBytesAsTheLibrary) {
    std::mt19937 rng(15);
    static constexpr char kBytes[] = "az\"\\\t\x01\x7f\xc3\xa9\xe2\x80\xa2\xff\xed\xa0\xf0\x9f\x98\x80";
    const std::string alphabet(kBytes, sizeof kBytes - 1);
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        const int n = static_cast<int>(rng() % 12);
        for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
        const std::string repaired = library_repair(s);
        cli::Buffer out;
        cli::JsonWriter w(out);
        const bool valid = w.repaired_string(s);
        EXPECT_EQ(valid, repaired == s);
        EXPECT_EQ(out.view(), dump(ojson(repaired)));
        std::string copy;
        EXPECT_EQ(cli::utf8_repair(s, copy), valid);
        EXPECT_EQ(copy, repaired);
    }
    cli::Buffer out;
    cli::JsonWriter w(out);
    EXPECT_FALSE(w.repaired_string("06\xff"));
    EXPECT_EQ(out.view(), "\"06\xEF\xBF\xBD\"");  // U+FFFD
}

TEST(CliJsonWriter, NestsObjectsAndArraysInOrder) {
    cli::Buffer out;
    cli::JsonWriter w(out);
    w.begin_object();
    w.field("z", "last key first");
    w.field("ok", true);
    w.key("rules");
    w.begin_object();
    w.field("upper", false);
    w.field("n", int32_t{-3});
    w.end_object();
    w.key("empty_array");
    w.begin_array();
    w.end_array();
    w.key("empty_object");
    w.begin_object();
    w.end_object();
    w.key("matrix");
    w.begin_array();
    for (int i = 0; i < 3; ++i) {
        w.begin_array();
        for (int k = 0; k <= i; ++k) w.integer(i * 10 + k);
        w.end_array();
    }
    w.begin_object();
    w.end_object();
    w.null();
    w.end_array();
    w.null_field("nothing");
    w.key("decision");
    w.raw(R"({"status":"activated","pupils":["P01"]})");
    w.end_object();
    w.end_line();
    w.begin_array();
    w.end_array();
    w.end_line();

    ojson j;
    j["z"] = "last key first";
    j["ok"] = true;
    j["rules"]["upper"] = false;
    j["rules"]["n"] = -3;
    j["empty_array"] = ojson::array();
    j["empty_object"] = ojson::object();
    j["matrix"] = {{0}, {10, 11}, {20, 21, 22}, ojson::object(), nullptr};
    j["nothing"] = nullptr;
    j["decision"] = ojson::parse(R"({"status":"activated","pupils":["P01"]})");
    EXPECT_EQ(out.view(), dump(j) + "\n[]\n");
}

TEST(CliJsonWriter, IntegersAndBooleans) {
    for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{7}, int64_t{262}, std::numeric_limits<int64_t>::min(),
                      std::numeric_limits<int64_t>::max()}) {
        cli::Buffer out;
        cli::JsonWriter w(out);
        w.integer(v);
        EXPECT_EQ(out.view(), dump(ojson(v)));
    }
    cli::Buffer out;
    cli::JsonWriter w(out);
    w.begin_array();
    w.boolean(true);
    w.boolean(false);
    w.null();
    w.end_array();
    EXPECT_EQ(out.view(), "[true,false,null]");
}

// guesses_log10 is ((milli + 5) / 10) / 100.0: every value of 0.00..2000.00 (the meter's log10
// stays far below: 128 code points of bruteforce are about 260).
TEST(CliJsonWriter, TwoDecimalDoublesAsNlohmann) {
    for (int32_t centi = 0; centi <= 200000; ++centi) {
        const double v = centi / 100.0;
        ASSERT_EQ(written_number(v), dump(ojson(v))) << centi;
    }
    EXPECT_EQ(written_number(12.0), "12.0");
    EXPECT_EQ(written_number(12.5), "12.5");
    EXPECT_EQ(written_number(0.07), "0.07");
}

TEST(CliJsonWriter, DoublesAsNlohmann) {
    const double specials[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1e-4, 1.5e-4, 9.99e-5, 1e-5, 1e14, 999999999999999.0, 1e15,
                               1e16, 123456789012345678.0, 1e21, 1e100, 1e-300, 5e-324, 2.2250738585072014e-308,
                               std::numeric_limits<double>::max(), 0.30000000000000004, 1.0 / 3, 2.0 / 3, 100.0 / 7};
    for (double v : specials) EXPECT_EQ(written_number(v), dump(ojson(v))) << v;
    EXPECT_EQ(written_number(std::nan("")), "null");
    EXPECT_EQ(written_number(std::numeric_limits<double>::infinity()), "null");
    // Random doubles over the whole range, and decimals with few digits in the common range.
    std::mt19937_64 rng(15);
    for (int i = 0; i < 200000; ++i) {
        uint64_t bits = rng();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) continue;
        ASSERT_EQ(written_number(v), dump(ojson(v))) << v;
        const double d = static_cast<double>(static_cast<int64_t>(rng() % 20000000) - 10000000) / 1000.0;
        ASSERT_EQ(written_number(d), dump(ojson(d))) << d;
    }
}

TEST(CliBuffer, GrowsAndTruncates) {
    for (size_t capacity : {size_t{0}, size_t{1}, size_t{7}, size_t{4096}}) {
        cli::Buffer buf(capacity);
        cli::JsonWriter w(buf);
        std::string want;
        for (int i = 0; i < 3000; ++i) {
            const std::string s(static_cast<size_t>(i % 97), static_cast<char>('a' + i % 26));
            w.begin_array();
            w.string(s);
            w.integer(i);
            w.end_array();
            w.end_line();
            want += dump(ojson::array({s, i})) + "\n";
        }
        EXPECT_EQ(buf.view(), want);
        buf.truncate(5);
        EXPECT_EQ(buf.view(), want.substr(0, 5));
        buf.clear();
        EXPECT_EQ(buf.size(), 0u);
    }
}

// LineReader on a file: '\n' splits, '\r' stays, a last line without '\n' counts, lines longer
// than the read block are whole.
std::vector<std::string> read_lines(const std::string &bytes, bool secret, bool *failed = nullptr) {
    FILE *f = std::tmpfile();
    EXPECT_NE(f, nullptr);
    EXPECT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
    std::fflush(f);
    std::rewind(f);
    std::vector<std::string> lines;
    {
        cli::LineReader in(fileno(f), secret);
        std::string_view line;
        while (in.next(line)) lines.emplace_back(line);
        if (failed != nullptr) *failed = in.failed();
    }
    std::fclose(f);
    return lines;
}

TEST(CliLineReader, SplitsOnNewlineOnly) {
    for (bool secret : {false, true}) {
        using V = std::vector<std::string>;
        EXPECT_EQ(read_lines("", secret), V{});
        EXPECT_EQ(read_lines("\n", secret), V{""});
        EXPECT_EQ(read_lines("a", secret), V{"a"});
        EXPECT_EQ(read_lines("a\n", secret), V{"a"});
        EXPECT_EQ(read_lines("a\r\nb\r\n\r\n\nc", secret), (V{"a\r", "b\r", "\r", "", "c"}));
        EXPECT_EQ(read_lines(std::string("\0\n\0", 3), secret), (V{std::string(1, '\0'), std::string(1, '\0')}));
    }
}

TEST(CliLineReader, LongLinesAndBlockEdges) {
    for (size_t n : {size_t{65535}, size_t{65536}, size_t{65537}, size_t{200000}}) {
        const std::string big(n, 'x');
        const auto lines = read_lines("a\n" + big + "\n" + big + "y\nb", n % 2 == 0);
        ASSERT_EQ(lines.size(), 4u);
        EXPECT_EQ(lines[0], "a");
        EXPECT_EQ(lines[1], big);
        EXPECT_EQ(lines[2], big + "y");
        EXPECT_EQ(lines[3], "b");
    }
    // Many short lines across several read blocks, in order.
    std::string bytes;
    std::vector<std::string> want;
    for (int i = 0; i < 50000; ++i) {
        want.push_back(std::to_string(i * 7919));
        bytes += want.back() + "\n";
    }
    EXPECT_EQ(read_lines(bytes, false), want);
    EXPECT_EQ(read_lines(bytes, true), want);
}

TEST(CliLineReader, ReportsReadErrors) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    ::close(fds[0]);
    cli::LineReader in(fds[1], false);  // the write end: read(2) fails with EBADF
    std::string_view line;
    EXPECT_FALSE(in.next(line));
    EXPECT_TRUE(in.failed());
    ::close(fds[1]);
}

TEST(CliOutput, WritesEverythingInOrder) {
    FILE *f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    std::string want;
    {
        cli::Output out(fileno(f));
        for (int i = 0; i < 100000; ++i) {
            const std::string s = std::to_string(i) + "\n";
            out.buffer().append(s);
            want += s;
            ASSERT_TRUE(out.write_if_full());
        }
        ASSERT_TRUE(out.flush());
    }
    std::rewind(f);
    std::string got(want.size() + 1, '\0');
    got.resize(std::fread(got.data(), 1, got.size(), f));
    std::fclose(f);
    EXPECT_EQ(got, want);
}

}  // namespace
