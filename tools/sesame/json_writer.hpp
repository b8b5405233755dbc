// A streaming JSON writer for the CLI's JSON Lines: values are appended to a byte buffer in the
// order they are written, with no document in between. The output is the one nlohmann::json's
// dump(-1, ' ', false) gives for the same values (compact, keys in the order written, UTF-8 passed
// through, control characters escaped, doubles in nlohmann's form): the CLI's keys and values are
// a contract (docs/spec/cli.md), and tests/cli/json_writer_test.cpp checks the two against each
// other.
#pragma once

#include <cassert>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace cli {

// Bytes appended at the end of a growing array. A writer asks for room() once per value and
// writes through the pointer: one capacity check per value, no zero-filling.
class Buffer {
public:
    explicit Buffer(size_t capacity = 4096) : data_(new char[capacity]), capacity_(capacity) {}

    // A pointer to at least n writable bytes after the end; advance() then keeps what was written.
    char *room(size_t n) {
        if (capacity_ - size_ < n) grow(n);
        return data_.get() + size_;
    }
    void advance(size_t n) { size_ += n; }
    void append(const char *p, size_t n) {
        std::memcpy(room(n), p, n);
        size_ += n;
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    void push_back(char c) {
        *room(1) = c;
        ++size_;
    }

    std::string_view view() const { return {data_.get(), size_}; }
    size_t size() const { return size_; }
    void truncate(size_t n) { size_ = n < size_ ? n : size_; }
    void clear() { size_ = 0; }

private:
    void grow(size_t n);

    std::unique_ptr<char[]> data_;
    size_t size_ = 0, capacity_;
};

// An object key written in the source: checked at compile time to need no escape, so that the
// writer copies it without a scan (the CLI's keys are all literals).
class JsonKey {
public:
    consteval JsonKey(const char *k) : text_(k) {  // NOLINT(google-explicit-constructor): "key" at call sites
        for (char c : text_)
            if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') throw "a JSON key literal that needs an escape";
    }
    std::string_view text() const { return text_; }

private:
    std::string_view text_;
};

class JsonWriter {
public:
    explicit JsonWriter(Buffer &out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // An object key; the next call writes its value.
    void key(JsonKey k) {
        separate();
        const std::string_view t = k.text();
        char *const p = out_.room(t.size() + 3);
        p[0] = '"';
        std::memcpy(p + 1, t.data(), t.size());
        p[t.size() + 1] = '"';
        p[t.size() + 2] = ':';
        out_.advance(t.size() + 3);
        need_comma_ = false;
    }

    // A string that is valid UTF-8 (the library's texts, repaired input). Checked in debug builds.
    void string(std::string_view s);
    // A string of untrusted bytes (an input line): written as sesame_utf8_repair() makes it, each
    // ill-formed subsequence replaced by U+FFFD. Returns whether the bytes were valid UTF-8.
    bool repaired_string(std::string_view s);
    void integer(int64_t v);
    void boolean(bool b) { literal(b ? std::string_view("true") : std::string_view("false")); }
    void null() { literal("null"); }
    // A double as nlohmann::json dumps it (digits that read back as v, fixed notation from 1e-4 up
    // to 1e15 with ".0" on integral values, "1.5e+16" / "1e-05" outside; "null" when not finite).
    void number(double v);
    // A value already serialized as compact JSON (the library's decision JSON), copied as it is.
    void raw(std::string_view json) { literal(json); }

    // Ends the current JSON line ('\n'); every object and array must be closed.
    void end_line() {
        assert(depth_ == 0 && "JsonWriter::end_line with an object or array still open");
        out_.push_back('\n');
        need_comma_ = false;
    }

    // Shorthands for "key": value.
    void field(JsonKey k, std::string_view v) { key(k), string(v); }
    void field(JsonKey k, const char *v) { key(k), string(v); }
    void field(JsonKey k, bool v) { key(k), boolean(v); }
    void field(JsonKey k, int32_t v) { key(k), integer(v); }
    void field(JsonKey k, int64_t v) { key(k), integer(v); }
    void null_field(JsonKey k) { key(k), null(); }

private:
    void separate() {
        if (need_comma_) out_.push_back(',');
    }
    void open(char c) {
        separate();
        out_.push_back(c);
        need_comma_ = false;
        ++depth_;
    }
    void close(char c) {
        assert(depth_ > 0);
        out_.push_back(c);
        need_comma_ = true;
        --depth_;
    }
    void literal(std::string_view text) {
        separate();
        out_.append(text);
        need_comma_ = true;
    }
    void escaped(std::string_view s);

    Buffer &out_;
    std::string scratch_;      // repaired_string()'s copy, reused
    bool need_comma_ = false;  // a value was written at this level: the next key or element needs ','
    int depth_ = 0;            // open objects and arrays (checked by end_line in debug builds)
};

// Sets `out` to s with each ill-formed UTF-8 subsequence replaced by U+FFFD (sesame_utf8_repair;
// an ASCII s is copied without the call) and returns whether s was well-formed (then out == s).
bool utf8_repair(std::string_view s, std::string &out);
// Whether s is well-formed UTF-8, as utf8_repair() tells: an ASCII s without the call, another
// repaired into a buffer kept for the thread, not into a new string (batch commands ask per line).
bool is_utf8(std::string_view s);

}  // namespace cli
