#include "cli.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace cli {

int usage_error(std::string_view command, const std::string &msg) {
    std::cerr << "sesame " << command << ": " << msg << "\nTry 'sesame " << command << " --help'.\n";
    return kExitUsage;
}

int usage_error(const Command &cmd, const std::string &msg) { return usage_error(std::string_view(cmd.name), msg); }

bool wants_help(const std::vector<std::string> &args) {
    for (const auto &a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

void read_sized(std::string &out, const std::function<sesame_status(char *, size_t, size_t *)> &fn) {
    out.resize(std::max<size_t>(out.capacity(), 64));
    size_t len = 0;
    sesame_status st = fn(out.data(), out.size(), &len);
    if (st == SESAME_E_BUFFER_TOO_SMALL) {
        out.resize(len + 1);
        st = fn(out.data(), out.size(), &len);
    }
    if (st != SESAME_OK) {
        throw std::runtime_error(std::string(sesame_status_str(st)) + ": " + sesame_last_error_message());
    }
    out.resize(len);
}

std::string read_sized(const std::function<sesame_status(char *, size_t, size_t *)> &fn) {
    std::string out;
    read_sized(out, fn);
    return out;
}

}  // namespace cli
