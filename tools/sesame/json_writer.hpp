// A streaming JSON writer for the CLI's JSON Lines: values are appended to a std::string in the
// order they are written, with no document in between. The output is the one nlohmann::json's
// dump(-1, ' ', false) gives for the same values (compact, keys in the order written, UTF-8 passed
// through, control characters escaped, doubles in nlohmann's form): the CLI's keys and
// values are a contract (docs/spec/cli.md), and tests/cli/json_writer_test.cpp checks the two
// against each other.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cli {

class JsonWriter {
public:
    explicit JsonWriter(std::string &out) : out_(out) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // An object key; the next call writes its value.
    void key(std::string_view k);

    // A string that is valid UTF-8 (the library's texts, repaired input). Checked in debug builds.
    void string(std::string_view s);
    // A string of untrusted bytes (an input line): written as sesame_utf8_repair() makes it, each
    // ill-formed subsequence replaced by U+FFFD. Returns whether the bytes were valid UTF-8.
    bool repaired_string(std::string_view s);
    void integer(int64_t v);
    void boolean(bool b);
    void null();
    // A double as nlohmann::json dumps it (digits that read back as v, fixed notation from 1e-4 up
    // to 1e15 with ".0" on integral values, "1.5e+16" / "1e-05" outside; "null" when not finite).
    void number(double v);
    // A value already serialized as compact JSON (the library's decision JSON), copied as it is.
    void raw(std::string_view json);

    // Ends the current JSON line ('\n'); every object and array must be closed.
    void end_line();

    // Shorthands for "key": value.
    void field(std::string_view k, std::string_view v) { key(k), string(v); }
    void field(std::string_view k, const char *v) { key(k), string(v); }
    void field(std::string_view k, bool v) { key(k), boolean(v); }
    void field(std::string_view k, int32_t v) { key(k), integer(v); }
    void null_field(std::string_view k) { key(k), null(); }

private:
    void separate() {
        if (need_comma_) out_.push_back(',');
    }
    void escaped(std::string_view s);

    std::string &out_;
    std::string scratch_;     // repaired_string()'s copy, reused
    bool need_comma_ = false; // a value was written at this level: the next key or element needs ','
    int depth_ = 0;           // open objects and arrays (checked by end_line in debug builds)
};

// Sets `out` to s with each ill-formed UTF-8 subsequence replaced by U+FFFD (sesame_utf8_repair;
// an ASCII s is copied without the call) and returns whether s was well-formed (then out == s).
bool utf8_repair(std::string_view s, std::string &out);

}  // namespace cli
