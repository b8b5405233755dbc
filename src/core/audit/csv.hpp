// A small CSV reader for school exports (spreadsheets, SIS exports): `,` or `;`, quoted fields
// with "" escapes and line breaks inside quotes, CRLF/LF/CR line ends, a UTF-8 BOM, UTF-8 or
// Windows-1252. Not a general CSV library: it reads what secretaries' tools write.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/status.hpp"

namespace sesame::audit {

enum class Encoding : std::uint8_t { utf8, windows1252 };

struct CsvFormat {
    char delimiter = ',';
    Encoding encoding = Encoding::utf8;
    bool bom = false;  // a UTF-8 byte order mark was skipped
};

// The whole document is valid UTF-8 -> utf8, otherwise windows1252; the delimiter is the one of
// `,` and `;` that appears more often outside quotes on the first line (`,` on a tie).
CsvFormat detect_format(std::string_view data) noexcept;

// Windows-1252 bytes to UTF-8 (the five unassigned bytes become U+FFFD).
void windows1252_to_utf8(std::string_view in, std::string &out);

// Iterates over the records of `data` (BOM excluded). Fields are decoded to UTF-8. Empty lines are
// skipped. `fn(fields, line)` receives the 1-based line where the record starts and returns false
// to stop (then the result is Code::cancelled). An unterminated quoted field is Code::parse.
class CsvReader {
public:
    CsvReader(std::string_view data, CsvFormat format);

    // Reads the next record into `fields` (cleared first). Returns false at the end of input.
    // On a syntax error returns false and sets status().
    bool next(std::vector<std::string> &fields);
    const Status &status() const noexcept { return status_; }
    std::uint64_t line() const noexcept { return record_line_; }        // line where the last record began
    std::size_t offset() const noexcept { return pos_; }                // bytes consumed so far

private:
    void append(std::string &field, std::string_view raw);

    std::string_view data_;
    CsvFormat format_;
    std::size_t pos_ = 0;
    std::uint64_t line_ = 1, record_line_ = 0;
    Status status_;
};

}  // namespace sesame::audit
