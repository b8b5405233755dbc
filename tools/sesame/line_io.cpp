#include "line_io.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sesame.h"

namespace cli {

namespace {
constexpr size_t kReadBlock = 64 * 1024;
}

LineReader::LineReader(int fd, bool secret, size_t max_line) : fd_(fd), secret_(secret), max_line_(max_line), buf_(kReadBlock) {}

LineReader::~LineReader() {
    if (secret_) sesame_memzero(buf_.data(), buf_.size());
}

bool LineReader::next(std::string_view &line) {
    if (secret_ && last_len_ != 0) {
        sesame_memzero(buf_.data() + begin_ - last_len_, last_len_);
        last_len_ = 0;
    }
    too_long_ = false;
    for (;;) {
        const char *start = buf_.data() + begin_;
        const void *nl = std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_);
        if (nl != nullptr) {
            const size_t len = static_cast<size_t>(static_cast<const char *>(nl) - start);
            too_long_ = discarding_ || len > max_line_;
            discarding_ = false;
            line = too_long_ ? std::string_view() : std::string_view(start, len);
            begin_ += len + 1;
            scanned_ = 0;
            last_len_ = len + 1;
            return true;
        }
        scanned_ = end_ - begin_;
        if (scanned_ > max_line_) {  // a line above the bound: drop its bytes, look for its end
            if (secret_) sesame_memzero(buf_.data() + begin_, scanned_);
            begin_ = end_;
            scanned_ = 0;
            discarding_ = true;
        }
        if (!read_more()) {
            if (failed_) return false;
            if (discarding_) {  // the last line, above the bound, without '\n'
                discarding_ = false;
                too_long_ = true;
                line = std::string_view();
                last_len_ = end_ - begin_;  // its tail, wiped by the next call (secret)
                begin_ = end_;
                scanned_ = 0;
                return true;
            }
            if (begin_ == end_) return false;
            line = std::string_view(buf_.data() + begin_, end_ - begin_);  // the last line, without '\n'
            last_len_ = end_ - begin_;
            begin_ = end_;
            scanned_ = 0;
            return true;
        }
    }
}

bool LineReader::read_more() {
    if (eof_ || failed_) return false;
    if (begin_ > 0) {  // move the start of the pending line to the front
        const size_t pending = end_ - begin_;
        std::memmove(buf_.data(), buf_.data() + begin_, pending);
        if (secret_) sesame_memzero(buf_.data() + pending, end_ - pending);  // the stale copy
        begin_ = 0;
        end_ = pending;
    }
    if (end_ == buf_.size()) {  // one line fills the buffer: twice the room
        std::vector<char> bigger(2 * buf_.size());
        std::memcpy(bigger.data(), buf_.data(), end_);
        if (secret_) sesame_memzero(buf_.data(), buf_.size());
        buf_.swap(bigger);
    }
    for (;;) {
        const ssize_t n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
        if (n > 0) {
            end_ += static_cast<size_t>(n);
            return true;
        }
        if (n == 0) {
            eof_ = true;
            return false;
        }
        if (errno != EINTR) {
            failed_ = true;
            return false;
        }
    }
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

bool Output::flush() {
    const bool ok = write_all(fd_, buf_.view());
    buf_.clear();
    return ok;
}

}  // namespace cli
