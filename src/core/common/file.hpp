// Reading files named by callers. Only regular files are read: a FIFO would block for ever, a
// device such as /dev/zero would never end, a directory is not a document. Opening never blocks
// (O_NONBLOCK), and the size is checked against the caller's bound before a byte is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/status.hpp"

namespace sesame {

// A regular file opened for reading, closed on destruction; map() gives its bytes (read-only,
// private mapping, unmapped with the object). `what` names the file in error details ("the
// directory file"); no path ever goes into a detail (it may name a person).
class RegularFile {
public:
    // Code::io ("cannot open", "not a regular file"), Code::limit (larger than max_bytes).
    static Result<RegularFile> open(const std::string &path, std::uint64_t max_bytes, std::string_view limit_name,
                                    std::string_view what);
    RegularFile(RegularFile &&other) noexcept;
    RegularFile &operator=(RegularFile &&) = delete;
    RegularFile(const RegularFile &) = delete;
    ~RegularFile();

    std::uint64_t size() const noexcept { return size_; }
    // The whole content, read into memory (at most the bound, even if the file grows meanwhile).
    Result<std::string> read_all();
    // The whole content mapped (an empty view for an empty file), valid while the object lives:
    // for large inputs scanned once. A file truncated by another process while mapped would
    // fault on access, so callers that cannot rule that out use read_all().
    Result<std::string_view> map();

private:
    RegularFile(int fd, std::uint64_t size, std::uint64_t max_bytes, std::string_view limit_name, std::string_view what)
        : fd_(fd), size_(size), max_bytes_(max_bytes), limit_name_(limit_name), what_(what) {}
    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::uint64_t max_bytes_ = 0;
    void *map_ = nullptr;
    std::string limit_name_, what_;
};

}  // namespace sesame
