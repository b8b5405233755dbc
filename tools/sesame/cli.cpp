#include "cli.hpp"

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

std::string read_sized(const std::function<sesame_status(char *, size_t, size_t *)> &fn) {
    std::string out(64, '\0');
    size_t len = 0;
    sesame_status st = fn(out.data(), out.size(), &len);
    if (st == SESAME_E_BUFFER_TOO_SMALL) {
        out.assign(len + 1, '\0');
        st = fn(out.data(), out.size(), &len);
    }
    if (st != SESAME_OK) {
        throw std::runtime_error(std::string(sesame_status_str(st)) + ": " + sesame_last_error_message());
    }
    out.resize(len);
    return out;
}

std::string repaired(std::string_view s) {
    return read_sized([&](char *o, size_t cap, size_t *len) { return sesame_utf8_repair(o, cap, len, s.data(), s.size()); });
}

void print_json(const json &j) {
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int for_each_line(const std::function<json(const std::string &)> &fn) {
    std::string line;
    while (std::getline(std::cin, line)) {
        print_json(fn(line));
        if (!std::cout) return kExitIo;
    }
    if (std::cin.bad()) return kExitIo;
    std::cout.flush();
    return std::cout ? kExitOk : kExitIo;
}

}  // namespace cli
