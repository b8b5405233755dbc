// The bounds checked before any parsing or reading: JSON size and depth, regular files.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "core/common/file.hpp"
#include "core/common/json_bounds.hpp"
#include "core/common/limits.hpp"

using sesame::Code;

TEST(JsonBounds, SizeThenDepthOutsideStrings) {
    const sesame::JsonBound b{"the doc", 64, "SOME_LIMIT"};
    EXPECT_TRUE(sesame::check_json_bounds("{}", b).ok());
    const auto big = sesame::check_json_bounds(std::string(65, ' '), b);
    EXPECT_EQ(big.code(), Code::limit);
    EXPECT_EQ(big.detail(), "the doc is 65 bytes, above SOME_LIMIT (64)");
    const sesame::JsonBound wide{"the doc", 1 << 20, "SOME_LIMIT"};
    const int max = sesame::limits::kJsonMaxDepth;
    EXPECT_TRUE(sesame::check_json_bounds(std::string(max, '[') + std::string(max, ']'), wide).ok());
    const auto deep = sesame::check_json_bounds(std::string(max + 1, '{'), wide);
    EXPECT_EQ(deep.code(), Code::limit);
    EXPECT_NE(deep.detail().find("at byte " + std::to_string(max)), std::string::npos);
    // Siblings do not add up; brackets in strings, escaped quotes included, are text.
    std::string siblings;
    for (int i = 0; i < 1000; ++i) siblings += "[[]]";
    EXPECT_TRUE(sesame::check_json_bounds("[" + siblings + "]", wide).ok());
    EXPECT_TRUE(sesame::check_json_bounds(R"(["\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["])", wide).ok());
    EXPECT_TRUE(sesame::check_json_bounds("not json ]]]]", wide).ok());  // the parser's to refuse
    // A NUL byte, in a string or not: the parser would stop there and read another document.
    const auto nul = sesame::check_json_bounds(std::string("{\"a\": 1}\0{\"b\": 2}", 17), wide);
    EXPECT_EQ(nul.code(), Code::parse);
    EXPECT_EQ(nul.detail(), "the doc holds a NUL byte at byte 8: not JSON");
    EXPECT_EQ(sesame::check_json_bounds(std::string("[\"a\0b\"]", 7), wide).code(), Code::parse);
}

TEST(RegularFile, OnlyRegularFilesWithinTheirBound) {
    for (const char *p : {"/dev/zero", "/dev/null", "/tmp"}) {
        auto f = sesame::RegularFile::open(p, 100, "X", "the file");
        ASSERT_FALSE(f.ok()) << p;
        EXPECT_EQ(f.status().code(), Code::io);
        EXPECT_EQ(f.status().detail(), "the file is not a regular file");
    }
    const std::string fifo = "/tmp/sesame-unit-fifo-" + std::to_string(::getpid());
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(sesame::RegularFile::open(fifo, 100, "X", "the file").status().code(), Code::io);  // no writer: no wait
    ::unlink(fifo.c_str());
    const std::string path = "/tmp/sesame-unit-file-" + std::to_string(::getpid());
    std::ofstream(path) << "0123456789";
    auto small = sesame::RegularFile::open(path, 9, "THE_LIMIT", "the file");
    EXPECT_EQ(small.status().code(), Code::limit);
    EXPECT_EQ(small.status().detail(), "the file is 10 bytes, above THE_LIMIT (9)");
    auto ok = sesame::RegularFile::open(path, 10, "THE_LIMIT", "the file");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(*ok->read_all(), "0123456789");
    auto mapped = sesame::RegularFile::open(path, 10, "THE_LIMIT", "the file");
    ASSERT_TRUE(mapped.ok());
    EXPECT_EQ(*mapped->map(), "0123456789");
    EXPECT_EQ(sesame::RegularFile::open("/nonexistent/x", 10, "X", "the file").status().code(), Code::io);
    EXPECT_EQ(sesame::RegularFile::open(std::string("a\0b", 3), 10, "X", "the file").status().code(), Code::invalid_argument);
    ::unlink(path.c_str());
}
