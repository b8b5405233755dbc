// sesame: command-line tool for school IT staff, integrators and scripts (spec: docs/spec/cli.md).
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace {

void print_help() {
    std::cout << "Usage: sesame [--version] [--help] <command> [options]\n\n"
                 "Parent-account activation decisions for French school portals.\n"
                 "Batch commands read UTF-8 lines on stdin and write JSON Lines on stdout.\n\n"
                 "Commands:\n";
    for (const auto &c : cli::commands()) std::cout << "  " << c.name << std::string(22 - std::string(c.name).size(), ' ') << c.summary << '\n';
    std::cout << "\nOptions:\n  --version   print the library version and build information\n"
                 "  --help      print this help; 'sesame <command> --help' for one command\n\n"
                 "Exit status: 0 done (bad input lines included), 1 input/output error, 2 usage error.\n";
}

int print_version() {
    try {
        std::cout << "sesame " << sesame_version_string() << '\n' << cli::read_sized(sesame_build_info) << '\n';
    } catch (const std::exception &e) {
        std::cerr << "sesame: " << e.what() << '\n';
        return cli::kExitIo;
    }
    return cli::kExitOk;
}

}  // namespace

int main(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_help();
        return cli::kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_help();
        return cli::kExitOk;
    }
    if (args[0] == "--version" || args[0] == "version") return print_version();
    if (sesame_init() != SESAME_OK) {
        std::cerr << "sesame: cannot initialise the library: " << sesame_last_error_message() << '\n';
        return cli::kExitIo;
    }
    // Longest command name that prefixes the arguments ("phone normalize" before "phone").
    const cli::Command *best = nullptr;
    size_t best_words = 0;
    for (const auto &c : cli::commands()) {
        std::vector<std::string> words;
        std::string name = c.name, w;
        for (char ch : name) {
            if (ch == ' ') {
                words.push_back(w);
                w.clear();
            } else {
                w += ch;
            }
        }
        words.push_back(w);
        if (words.size() > args.size() || words.size() <= best_words) continue;
        bool match = true;
        for (size_t i = 0; i < words.size(); ++i) match = match && words[i] == args[i];
        if (match) {
            best = &c;
            best_words = words.size();
        }
    }
    if (best == nullptr) {
        std::cerr << "sesame: unknown command '" << args[0] << "'\nTry 'sesame --help'.\n";
        return cli::kExitUsage;
    }
    std::vector<std::string> rest(args.begin() + static_cast<long>(best_words), args.end());
    if (cli::wants_help(rest)) {
        std::cout << "Usage: sesame " << best->name << ' ' << best->usage << '\n';
        return cli::kExitOk;
    }
    try {
        return best->run(rest);
    } catch (const std::exception &e) {
        std::cerr << "sesame " << best->name << ": " << e.what() << '\n';
        return cli::kExitIo;
    }
}
