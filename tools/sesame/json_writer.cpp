#include "json_writer.hpp"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "sesame.h"

namespace cli {

namespace {

// Bytes a JSON string cannot hold as they are: the C0 controls, '"' and '\'. Everything else,
// DEL and the bytes of multi-byte UTF-8 sequences included, is written as it is (as nlohmann's
// dump does without ensure_ascii).
constexpr std::array<bool, 256> kNeedsEscape = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = true;
    t['"'] = true;
    t['\\'] = true;
    return t;
}();

bool is_ascii(std::string_view s) {
    unsigned char any = 0;
    for (char c : s) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

}  // namespace

bool utf8_repair(std::string_view s, std::string &out) {
    if (is_ascii(s)) {
        out.assign(s);
        return true;
    }
    out.resize(3 * s.size());  // the most sesame_utf8_repair can write
    size_t len = 0;
    if (sesame_utf8_repair(out.data(), out.size(), &len, s.data(), s.size()) != SESAME_OK)
        throw std::runtime_error(std::string("sesame_utf8_repair: ") + sesame_last_error_message());
    out.resize(len);
    return std::string_view(out) == s;
}

void JsonWriter::begin_object() {
    separate();
    out_.push_back('{');
    need_comma_ = false;
    ++depth_;
}

void JsonWriter::end_object() {
    assert(depth_ > 0);
    out_.push_back('}');
    need_comma_ = true;
    --depth_;
}

void JsonWriter::begin_array() {
    separate();
    out_.push_back('[');
    need_comma_ = false;
    ++depth_;
}

void JsonWriter::end_array() {
    assert(depth_ > 0);
    out_.push_back(']');
    need_comma_ = true;
    --depth_;
}

void JsonWriter::key(std::string_view k) {
    separate();
    escaped(k);
    out_.push_back(':');
    need_comma_ = false;
}

void JsonWriter::escaped(std::string_view s) {
    out_.push_back('"');
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!kNeedsEscape[c]) continue;
        out_.append(s.data() + run, i - run);
        run = i + 1;
        char esc = 0;
        switch (c) {
            case '"': esc = '"'; break;
            case '\\': esc = '\\'; break;
            case '\b': esc = 'b'; break;
            case '\f': esc = 'f'; break;
            case '\n': esc = 'n'; break;
            case '\r': esc = 'r'; break;
            case '\t': esc = 't'; break;
            default: break;
        }
        if (esc != 0) {
            const char two[2] = {'\\', esc};
            out_.append(two, 2);
        } else {
            static constexpr char kHex[] = "0123456789abcdef";  // lowercase, as nlohmann writes \u001f
            const char six[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            out_.append(six, 6);
        }
    }
    out_.append(s.data() + run, s.size() - run);
    out_.push_back('"');
}

void JsonWriter::string(std::string_view s) {
#ifndef NDEBUG
    std::string check;
    assert(utf8_repair(s, check) && "JsonWriter::string takes well-formed UTF-8: use repaired_string");
#endif
    separate();
    escaped(s);
    need_comma_ = true;
}

bool JsonWriter::repaired_string(std::string_view s) {
    separate();
    bool valid = true;
    if (is_ascii(s)) {
        escaped(s);
    } else {
        valid = utf8_repair(s, scratch_);
        escaped(scratch_);
    }
    need_comma_ = true;
    return valid;
}

void JsonWriter::integer(int64_t v) {
    separate();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    need_comma_ = true;
}

void JsonWriter::boolean(bool b) {
    separate();
    if (b) {
        out_.append("true", 4);
    } else {
        out_.append("false", 5);
    }
    need_comma_ = true;
}

void JsonWriter::null() {
    separate();
    out_.append("null", 4);
    need_comma_ = true;
}

void JsonWriter::number(double v) {
    if (!std::isfinite(v)) {
        null();
        return;
    }
    separate();
    // nlohmann's own formatter, the one dump() calls (Grisu2 digits, printf %g-like layout with
    // ".0" on integral values): the bytes of the CLI's doubles stay dump()'s by construction.
    char buf[64];
    const char *end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<size_t>(end - buf));
    need_comma_ = true;
}

void JsonWriter::raw(std::string_view json) {
    separate();
    out_.append(json);
    need_comma_ = true;
}

void JsonWriter::end_line() {
    assert(depth_ == 0 && "JsonWriter::end_line with an object or array still open");
    out_.push_back('\n');
    need_comma_ = false;
}

}  // namespace cli
