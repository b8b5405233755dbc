// Shared helpers of the sesame CLI. The CLI is a client of the C ABI only (sesame.h).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "sesame.h"

namespace cli {

using json = nlohmann::ordered_json;

// Exit codes (spec cli.md): 0 done, 1 input/output error, 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitIo = 1;
inline constexpr int kExitUsage = 2;

struct Command {
    const char *name;     // "phone normalize"
    const char *summary;  // one line for `sesame --help`
    const char *usage;    // full text for `sesame <command> --help`
    int (*run)(const std::vector<std::string> &args);
};

// Every command, defined next to its implementation (one cmd_<module>.cpp per module).
const std::vector<Command> &commands();

// Prints "sesame: <msg>" and the usage hint on stderr; returns kExitUsage.
int usage_error(const Command &cmd, const std::string &msg);
int usage_error(std::string_view command, const std::string &msg);

// True when args holds --help or -h.
bool wants_help(const std::vector<std::string> &args);

// Input text echoed in JSON: invalid UTF-8 bytes become U+FFFD (sesame_utf8_repair).
std::string repaired(std::string_view s);

// Calls fn(line) for each '\n'-terminated line of stdin ('\r' kept) and prints the JSON it returns,
// one object per line, in order. Returns kExitOk, or kExitIo on a read/write error.
int for_each_line(const std::function<json(const std::string &)> &fn);

// Prints a JSON value on stdout without escaping non-ASCII (UTF-8 kept as is).
void print_json(const json &j);

// Reads a size-query output (the 2-call convention) into a string; throws std::runtime_error on failure.
std::string read_sized(const std::function<sesame_status(char *, size_t, size_t *)> &fn);

}  // namespace cli
