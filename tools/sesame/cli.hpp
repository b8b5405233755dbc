// Shared helpers of the sesame CLI. The CLI is a client of the C ABI only (sesame.h).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "json_writer.hpp"
#include "line_io.hpp"
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

enum class Input { plain, secret };  // secret: each line is wiped once handled (passwords)

// The batch loop: calls fn(line, out) for each line of stdin (split on '\n' only, '\r' kept; see
// LineReader), fn writing one JSON value with `out`, and prints each value on its own line, in
// order, on stdout. Returns kExitOk, or kExitIo on a read or write error. If fn throws, the lines
// before are printed and the exception goes on.
template <class Fn>
int for_each_line(Fn &&fn, Input input = Input::plain) {
    LineReader in(0, input == Input::secret);
    Output out(1);
    JsonWriter writer(out.buffer());
    std::string_view line;
    while (in.next(line)) {
        const size_t line_start = out.buffer().size();
        try {
            fn(line, writer);
        } catch (...) {
            out.buffer().truncate(line_start);  // no half-written object
            out.flush();
            throw;
        }
        writer.end_line();
        if (!out.write_if_full()) return kExitIo;
    }
    const bool written = out.flush();
    return written && !in.failed() ? kExitOk : kExitIo;
}

// Reads a size-query output (the 2-call convention) into a string; throws std::runtime_error on failure.
std::string read_sized(const std::function<sesame_status(char *, size_t, size_t *)> &fn);
// The same into `out`, whose capacity is reused (one call when it is large enough).
void read_sized(std::string &out, const std::function<sesame_status(char *, size_t, size_t *)> &fn);

}  // namespace cli
