// Line input and buffered output of the CLI's batch commands, on file descriptors (no iostreams,
// no stdio locks): stdin read in large blocks and split on '\n' only, stdout written in large blocks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json_writer.hpp"  // Buffer

namespace cli {

// A file descriptor's bytes as lines. A line is what precedes a '\n' (the '\n' removed, a '\r'
// kept), and the bytes after the last '\n', if any: an empty input has no line, "a\nb" has two.
// A line longer than max_line bytes is not kept: its bytes are dropped as they come (memory stays
// about twice max_line whatever the input) and next() hands out an empty line with too_long() set.
class LineReader {
public:
    // secret: every line's bytes are wiped (sesame_memzero) once the caller asks for the next one,
    // and the whole buffer when the reader is destroyed (passwords).
    explicit LineReader(int fd, bool secret = false, size_t max_line = SIZE_MAX);
    ~LineReader();
    LineReader(const LineReader &) = delete;
    LineReader &operator=(const LineReader &) = delete;

    // The next line, valid until the next call; false at the end of the input or on a read error.
    bool next(std::string_view &line);
    // Whether the input ended on a read error (not at its end).
    bool failed() const { return failed_; }
    // Whether the line next() handed out last was longer than max_line (then it is empty).
    bool too_long() const { return too_long_; }

private:
    bool read_more();  // false at the end of the input or on an error

    int fd_;
    bool secret_;
    size_t max_line_;
    bool eof_ = false, failed_ = false;
    bool discarding_ = false, too_long_ = false;  // dropping the rest of a line above max_line_
    std::vector<char> buf_;
    size_t begin_ = 0, end_ = 0;  // the bytes not yet handed out
    size_t scanned_ = 0;          // bytes from begin_ known to hold no '\n'
    size_t last_len_ = 0;         // secret: bytes of the last line handed out (its '\n' included),
                                  // which end at begin_
};

// Writes all of `bytes` to fd (short writes and EINTR retried); false on a write error.
bool write_all(int fd, std::string_view bytes);

// Bytes for a file descriptor, gathered in a buffer and written out in large blocks.
class Output {
public:
    static constexpr size_t kBlock = 64 * 1024;  // what write_if_full() waits for

    explicit Output(int fd) : fd_(fd), buf_(kBlock + 4096) {}
    Output(const Output &) = delete;
    Output &operator=(const Output &) = delete;

    Buffer &buffer() { return buf_; }
    // Writes the buffer out once it holds a block; false on a write error.
    bool write_if_full() { return buf_.size() < kBlock || flush(); }
    // Writes everything out; false on a write error (the bytes are dropped either way).
    bool flush();

private:
    int fd_;
    Buffer buf_;
};

}  // namespace cli
