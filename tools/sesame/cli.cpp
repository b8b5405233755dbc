#include "cli.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace cli {

int usage_error(const Command &cmd, const std::string &msg) {
    std::cerr << "sesame " << cmd.name << ": " << msg << "\nTry 'sesame " << cmd.name << " --help'.\n";
    return kExitUsage;
}

int io_error(const Command &cmd, const std::string &msg) {
    std::cerr << "sesame " << cmd.name << ": " << msg << '\n';
    return kExitIo;
}

std::string position_text(std::size_t position) { return "argument " + std::to_string(position); }

int bad_value(const Args &args, const Parsed::Value &v, const std::string &must) {
    return usage_error(args.cmd, "the value of " + v.name + " (" + position_text(v.value_position) + ") " + must);
}

bool wants_help(const std::vector<std::string> &args) {
    for (const auto &a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

const Parsed::Value *Parsed::get(std::string_view name) const {
    const Value *r = nullptr;
    for (const auto &v : values)
        if (v.name == name) r = &v;
    return r;
}

namespace {

std::string option_list(const Command &cmd) {
    std::string s;
    for (const auto &o : cmd.options) s += std::string(s.empty() ? "" : ", ") + o.name;
    return s.empty() ? "none" : s;
}

}  // namespace

int parse(const Args &args, Parsed &out) {
    const Command &cmd = args.cmd;
    for (std::size_t i = 0; i < args.words.size(); ++i) {
        const std::string &w = args.words[i];
        const std::size_t at = args.position(i);
        if (w.size() > 1 && w[0] == '-') {
            // An option: its name alone is compared, "--opt=value" split first.
            const auto eq = w.rfind("--", 0) == 0 ? w.find('=') : std::string::npos;
            const std::string name = w.substr(0, eq);
            const auto known = std::find_if(cmd.options.begin(), cmd.options.end(), [&](const Option &o) { return name == o.name; });
            if (known == cmd.options.end())
                return usage_error(cmd, position_text(at) + " is not an option of '" + cmd.name + "' (its options: " +
                                            option_list(cmd) + ")");
            if (!known->takes_value) {
                if (eq != std::string::npos) return usage_error(cmd, "option " + name + " (" + position_text(at) + ") takes no value");
                out.values.push_back({name, "", at, at});
            } else if (eq != std::string::npos) {
                out.values.push_back({name, w.substr(eq + 1), at, at});
            } else {
                if (i + 1 >= args.words.size()) return usage_error(cmd, "option " + name + " (" + position_text(at) + ") needs a value");
                ++i;
                out.values.push_back({name, args.words[i], at, args.position(i)});
            }
            continue;
        }
        if (static_cast<int>(out.positionals.size()) >= cmd.positionals) {
            return usage_error(cmd, position_text(at) + (cmd.positionals == 0 ? " is not an option of '" + std::string(cmd.name) +
                                                                                     "' (its options: " + option_list(cmd) + ")"
                                                                               : " is one operand too many"));
        }
        out.positionals.push_back(w);
        out.positional_positions.push_back(at);
    }
    return -1;
}

bool read_regular_file(const std::string &path, std::uint64_t max_bytes, const char *limit_name, const char *what,
                       std::string &out, std::string &error) {
    out.clear();
    if (path.find('\0') != std::string::npos) {
        error = std::string("the name of ") + what + " holds a NUL byte";
        return false;
    }
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait for one.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        error = std::string("cannot open ") + what + ": " + std::strerror(errno);
        return false;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        error = std::string("cannot read ") + what + ": " + std::strerror(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = std::string(what) + " is not a regular file";
        return false;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes) {
        error = std::string(what) + " is " + std::to_string(size) + " bytes, above " + limit_name + " (" +
                std::to_string(max_bytes) + ")";
        return false;
    }
    out.resize(static_cast<std::size_t>(size));
    std::size_t got = 0;
    for (;;) {
        if (got == out.size()) {
            if (got > max_bytes) break;
            out.resize(got + 4096);  // it may have grown since fstat: read on, within the bound
        }
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::string("cannot read ") + what + ": " + std::strerror(errno);
            return false;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > max_bytes) {
        error = std::string(what) + " grew above " + limit_name + " (" + std::to_string(max_bytes) + ") while read";
        return false;
    }
    out.resize(got);
    return true;
}

void throw_status(sesame_status st) {
    throw std::runtime_error(std::string(sesame_status_str(st)) + ": " + sesame_last_error_message());
}

}  // namespace cli
