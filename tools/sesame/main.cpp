// sesame: command-line tool for school IT staff, integrators and scripts (spec: docs/spec/cli.md).
//
// Misuse is answered the way people expect: `sesame` alone and a group without its subcommand
// (`sesame phone`) print what exists on stderr with status 2; an unknown word gets the closest
// command as a suggestion; --help prints on stdout with status 0. No message repeats an argument
// the tool did not understand: it is named by its position.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace {

std::vector<std::string> words_of(const char *name) {
    std::vector<std::string> words;
    std::string w;
    for (const char *p = name;; ++p) {
        if (*p == ' ' || *p == '\0') {
            words.push_back(w);
            w.clear();
            if (*p == '\0') break;
        } else {
            w += *p;
        }
    }
    return words;
}

void print_help(std::ostream &o) {
    o << "Usage: sesame [--version] [--help] <command> [options]\n\n"
         "Parent-account activation decisions for French school portals.\n"
         "Batch commands read UTF-8 lines on stdin and write JSON Lines on stdout.\n\n"
         "Commands:\n";
    for (const auto &c : cli::commands()) o << "  " << c.name << std::string(22 - std::string(c.name).size(), ' ') << c.summary << '\n';
    o << "\nOptions:\n  --version   print the library version and build information\n"
         "  --help      print this help; 'sesame <command> --help' for one command\n\n"
         "Exit status: 0 done (bad input lines included), 1 input/output error, 2 usage error.\n"
         "See also: man sesame.\n";
}

// The commands of a group ("phone" -> phone normalize, phone audit).
std::vector<const cli::Command *> group(const std::string &word) {
    std::vector<const cli::Command *> r;
    for (const auto &c : cli::commands()) {
        const auto w = words_of(c.name);
        if (w.size() > 1 && w[0] == word) r.push_back(&c);
    }
    return r;
}

void print_group(std::ostream &o, const std::string &word) {
    o << "Usage: sesame " << word << " <subcommand> [options]\n\nSubcommands:\n";
    for (const auto *c : group(word)) {
        const std::string sub = words_of(c->name).back();
        o << "  " << sub << std::string(sub.size() < 14 ? 14 - sub.size() : 1, ' ') << c->summary << '\n';
    }
    o << "\n'sesame " << word << " <subcommand> --help' for one of them.\n";
}

// Optimal string alignment distance (a swap of two neighbours counts one).
std::size_t distance(const std::string &a, const std::string &b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// What to suggest for the closest key of `names` to `word` ({key, suggestion}), when close enough
// to be a typo; "" otherwise.
std::string closest(const std::string &word, const std::vector<std::pair<std::string, std::string>> &names) {
    if (word.size() > 64) return "";  // no typo of a command is that long
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto &[key, suggestion] : names) {
        const std::size_t d = key.rfind(word, 0) == 0 && word.size() >= 3 ? 1 : distance(word, key);
        if (d < best_d) {
            best = suggestion;
            best_d = d;
        }
    }
    return best;
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

// The command the arguments name, with the number of words of its name; nullptr when none.
const cli::Command *find_command(const std::vector<std::string> &args, std::size_t &words) {
    const cli::Command *best = nullptr;
    words = 0;
    for (const auto &c : cli::commands()) {
        const auto w = words_of(c.name);
        if (w.size() > args.size() || w.size() <= words) continue;
        if (std::equal(w.begin(), w.end(), args.begin())) {
            best = &c;
            words = w.size();
        }
    }
    return best;
}

// `sesame <unknown...>`: what exists, a suggestion, status 2 (stderr). `shift`: words before args
// on the command line (1 after `help`), for the positions.
int unknown(const std::vector<std::string> &args, std::size_t shift) {
    const std::string &first = args[0];
    const auto members = group(first);
    if (!members.empty()) {
        if (args.size() == 1) {
            std::cerr << "sesame " << first << ": a subcommand is needed.\n";
            print_group(std::cerr, first);
            return cli::kExitUsage;
        }
        std::vector<std::pair<std::string, std::string>> subs;
        for (const auto *c : members) subs.emplace_back(words_of(c->name).back(), words_of(c->name).back());
        const std::string guess = closest(args[1], subs);
        std::cerr << "sesame " << first << ": " << cli::position_text(2 + shift) << " is not a subcommand of '" << first << "'";
        if (!guess.empty()) std::cerr << "; did you mean 'sesame " << first << ' ' << guess << "'?";
        std::cerr << '\n';
        print_group(std::cerr, first);
        return cli::kExitUsage;
    }
    std::vector<std::pair<std::string, std::string>> names;  // "phone normalize", "phone", "normalize" -> the command
    for (const auto &c : cli::commands()) {
        const auto w = words_of(c.name);
        names.emplace_back(c.name, c.name);
        names.emplace_back(w.front(), w.size() > 1 ? w.front() : std::string(c.name));
        if (w.size() > 1) names.emplace_back(w.back(), c.name);
    }
    std::string guess;
    if (args.size() > 1) {  // "pasword check": the two words against the commands' names
        std::vector<std::pair<std::string, std::string>> full;
        for (const auto &c : cli::commands())
            if (words_of(c.name).size() == 2) full.emplace_back(c.name, c.name);
        guess = closest(first + " " + args[1], full);
    }
    if (guess.empty()) guess = closest(first, names);
    std::cerr << "sesame: " << cli::position_text(1 + shift) << " is not a command";
    if (!guess.empty()) std::cerr << "; did you mean 'sesame " << guess << "'?";
    std::cerr << "\nTry 'sesame --help'.\n";
    return cli::kExitUsage;
}

}  // namespace

int main(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_help(std::cerr);
        return cli::kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h") {
        print_help(std::cout);
        return cli::kExitOk;
    }
    std::size_t shift = 0;
    if (args[0] == "help") {  // `sesame help [command...]`
        args.erase(args.begin());
        shift = 1;
        if (args.empty()) {
            print_help(std::cout);
            return cli::kExitOk;
        }
        args.push_back("--help");
    }
    if (args[0] == "--version" || args[0] == "version") return print_version();
    std::size_t words = 0;
    const cli::Command *cmd = find_command(args, words);
    if (cmd == nullptr) {
        if (!group(args[0]).empty() && args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) {
            print_group(std::cout, args[0]);
            return cli::kExitOk;
        }
        return unknown(args, shift);
    }
    std::vector<std::string> rest(args.begin() + static_cast<long>(words), args.end());
    if (cli::wants_help(rest)) {
        std::cout << "Usage: sesame " << cmd->name << ' ' << cmd->usage << '\n';
        return cli::kExitOk;
    }
    if (sesame_init() != SESAME_OK) {
        std::cerr << "sesame: cannot initialise the library: " << sesame_last_error_message() << '\n';
        return cli::kExitIo;
    }
    try {
        return cmd->run(cli::Args{*cmd, std::move(rest), words + 1 + shift});
    } catch (const std::exception &e) {
        std::cerr << "sesame " << cmd->name << ": " << e.what() << '\n';
        return cli::kExitIo;
    }
}
