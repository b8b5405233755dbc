// Shared helpers of the sesame CLI. The CLI is a client of the C ABI only (sesame.h).
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
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

struct Args;

// An option of a command: "--region" with a value, "--json" without.
struct Option {
    const char *name;
    bool takes_value;
};

struct Command {
    const char *name;     // "phone normalize"
    const char *summary;  // one line for `sesame --help`
    const char *usage;    // full text for `sesame <command> --help`
    int (*run)(const Args &args);
    std::vector<Option> options;  // what the command accepts (--help aside): parsing, messages, tests
    int positionals = 0;          // operands accepted (phone audit's FILE)
};

// The arguments of one command: the words after its name, and where they were on the command
// line, so that a message names an argument by its position and never repeats it (a password
// typed there by mistake must not end up in a terminal log: docs/limits.md).
struct Args {
    const Command &cmd;
    std::vector<std::string> words;
    std::size_t first_position;  // the position (1-based, as $1 in a shell) of words[0]

    std::size_t position(std::size_t i) const { return first_position + i; }
};

// The options and operands of a command line, once checked against Command::options.
struct Parsed {
    struct Value {
        std::string name, value;
        std::size_t position;        // of the option
        std::size_t value_position;  // of its value (the same for "--opt=value")
    };
    std::vector<Value> values;               // in order; a repeated option keeps every value
    std::vector<std::string> positionals;
    std::vector<std::size_t> positional_positions;

    const Value *get(std::string_view name) const;  // the last value given, or nullptr
    bool has(std::string_view name) const { return get(name) != nullptr; }
};

// Parses "--opt VALUE", "--opt=VALUE", "--flag" and operands (a lone "-" is an operand). Returns
// -1 when the line is right, else prints the usage error and returns kExitUsage.
int parse(const Args &args, Parsed &out);

// Every command, defined next to its implementation (one cmd_<module>.cpp per module).
const std::vector<Command> &commands();

// Prints "sesame <command>: <msg>" and the usage hint on stderr; returns kExitUsage. The message
// must not hold an argument the command did not understand (name it with position_text()).
int usage_error(const Command &cmd, const std::string &msg);
// "argument 3": how messages name an argument.
std::string position_text(std::size_t position);
// A value that is wrong for its option: "the value of --lang (argument 4) must be fr or en".
int bad_value(const Args &args, const Parsed::Value &v, const std::string &must);
// An I/O error about the command's input: "sesame <command>: <msg>" on stderr; returns kExitIo.
int io_error(const Command &cmd, const std::string &msg);

// True when args holds --help or -h.
bool wants_help(const std::vector<std::string> &args);

// Reads a file named on the command line as the library reads its own: a regular file only
// (never a FIFO, a device or a directory; opening never blocks), its size compared with `max_bytes`
// before a byte is read, and no more than that even if it grows. On failure returns false and sets
// `error` ("... is not a regular file", "... is N bytes, above LIMIT (max)"), without the path.
bool read_regular_file(const std::string &path, std::uint64_t max_bytes, const char *limit_name, const char *what,
                       std::string &out, std::string &error);

// The longest line a batch command reads (1 MiB): a longer one gets an error line, the run goes on.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

// Writes the error object of a line above kMaxLineBytes: {"error": "line_too_long"} with the other
// keys of the command's objects (null or false).
using TooLongFn = void (*)(JsonWriter &out);

enum class Input { plain, secret };  // secret: each line is wiped once handled (passwords)

// The batch loop: calls fn(line, out) for each line of stdin (split on '\n' only, '\r' kept; see
// LineReader), fn writing one JSON value with `out`, and prints each value on its own line, in
// order, on stdout. A line above kMaxLineBytes is not kept: too_long(out) writes its line. Returns kExitOk, or kExitIo on a read or write error. If fn throws, the lines
// before are printed and the exception goes on.
template <class Fn>
int for_each_line(Fn &&fn, Input input, TooLongFn too_long) {
    LineReader in(0, input == Input::secret, kMaxLineBytes);
    Output out(1);
    JsonWriter writer(out.buffer());
    std::string_view line;
    while (in.next(line)) {
        const size_t line_start = out.buffer().size();
        try {
            if (in.too_long()) too_long(writer);
            else fn(line, writer);
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

[[noreturn]] void throw_status(sesame_status st);  // std::runtime_error: the status and the last error

// Reads a size-query output (the 2-call convention) into `out`, whose capacity is reused (one
// call when it is large enough): fn(buffer, capacity, &length) returns a sesame_status. Throws
// std::runtime_error on failure. A template, not a std::function: batch commands call it per line.
template <class Fn>
void read_sized(std::string &out, Fn &&fn) {
    out.resize(std::max<size_t>(out.capacity(), 64));
    size_t len = 0;
    sesame_status st = fn(out.data(), out.size(), &len);
    if (st == SESAME_E_BUFFER_TOO_SMALL) {
        out.resize(len + 1);
        st = fn(out.data(), out.size(), &len);
    }
    if (st != SESAME_OK) throw_status(st);
    out.resize(len);
}
// The same into a new string.
template <class Fn>
std::string read_sized(Fn &&fn) {
    std::string out;
    read_sized(out, fn);
    return out;
}

}  // namespace cli
