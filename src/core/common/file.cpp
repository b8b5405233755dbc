#include "core/common/file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/common/limits.hpp"

namespace sesame {

Result<RegularFile> RegularFile::open(const std::string &path, std::uint64_t max_bytes, std::string_view limit_name,
                                      std::string_view what) {
    if (path.find('\0') != std::string::npos) return Error(Code::invalid_argument, std::string(what) + ": the path holds a NUL byte");
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait for one.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return Error(Code::io, "cannot open " + std::string(what) + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        return Error(Code::io, "cannot read " + std::string(what) + ": " + std::strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error(Code::io, std::string(what) + " is not a regular file");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        return limits::above_limit(what, size, limit_name, max_bytes);
    }
    return RegularFile(fd, size, max_bytes, limit_name, what);
}

RegularFile::RegularFile(RegularFile &&other) noexcept
    : fd_(other.fd_),
      size_(other.size_),
      max_bytes_(other.max_bytes_),
      map_(other.map_),
      limit_name_(std::move(other.limit_name_)),
      what_(std::move(other.what_)) {
    other.fd_ = -1;
    other.map_ = nullptr;
}

RegularFile::~RegularFile() {
    if (map_ != nullptr) ::munmap(map_, static_cast<std::size_t>(size_));
    if (fd_ >= 0) ::close(fd_);
}

Result<std::string> RegularFile::read_all() {
    std::string out;
    out.resize(static_cast<std::size_t>(size_));
    std::size_t got = 0;
    for (;;) {
        if (got == out.size()) {
            if (got > max_bytes_) break;
            out.resize(got + 4096);  // the file may have grown since fstat: read on, within the bound
        }
        const ssize_t n = ::read(fd_, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error(Code::io, "cannot read " + what_ + ": " + std::strerror(errno));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > max_bytes_)
        return Error(Code::limit, what_ + " grew above " + limit_name_ + " (" + std::to_string(max_bytes_) + ") while read");
    out.resize(got);
    return out;
}

Result<std::string_view> RegularFile::map() {
    if (size_ == 0) return std::string_view();
    if (size_ > SIZE_MAX) return Error(Code::limit, what_ + " does not fit in memory");
    if (map_ == nullptr) {
        void *p = ::mmap(nullptr, static_cast<std::size_t>(size_), PROT_READ, MAP_PRIVATE, fd_, 0);
        if (p == MAP_FAILED) return Error(Code::io, "cannot map " + what_ + ": " + std::strerror(errno));
        ::madvise(p, static_cast<std::size_t>(size_), MADV_SEQUENTIAL);
        map_ = p;
    }
    return std::string_view(static_cast<const char *>(map_), static_cast<std::size_t>(size_));
}

}  // namespace sesame
