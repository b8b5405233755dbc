// A small CSV reader for school exports (spreadsheets, SIS exports): `,`, `;` or TAB, quoted fields
// with "" escapes and line breaks inside quotes, CRLF/LF/CR line ends, a UTF-8 or UTF-16 byte
// order mark, UTF-8, Windows-1252 or UTF-16 (LE/BE; Excel's "Texte Unicode" is UTF-16LE with a BOM
// and TABs). Not a general CSV library: it reads what secretaries' tools write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/status.hpp"

namespace sesame::audit {

enum class Encoding : std::uint8_t { utf8, windows1252, utf16le, utf16be };
const char *encoding_name(Encoding e) noexcept;  // "utf-8", "windows-1252", "utf-16le", "utf-16be"

struct CsvFormat {
    char delimiter = ',';
    Encoding encoding = Encoding::utf8;
    bool bom = false;               // a byte order mark (UTF-8 or UTF-16) opened the file
    std::string_view line_end = "\n";  // the first record's line end ("\r\n", "\n" or "\r"); "\n" when none
};

// The byte order mark opens the file: UTF-16LE (FF FE), UTF-16BE (FE FF) or UTF-8 (EF BB BF);
// otherwise the whole document is valid UTF-8 -> utf8, else windows1252. The delimiter is the one
// of `,`, `;` and TAB that appears most often outside quotes on the first line (`,` on a tie, then
// `;`). For UTF-16 the delimiter and the line end are detected on the decoded text (detect_layout).
CsvFormat detect_format(std::string_view data) noexcept;
// The delimiter and the first line end of UTF-8 or Windows-1252 text (BOM excluded).
void detect_layout(std::string_view text, CsvFormat &format) noexcept;

// Windows-1252 bytes to UTF-8 (the five unassigned bytes become U+FFFD).
void windows1252_to_utf8(std::string_view in, std::string &out);
// UTF-16 bytes to UTF-8 (an unpaired surrogate or an odd last byte becomes U+FFFD).
void utf16_to_utf8(std::string_view in, bool big_endian, std::string &out);
// The size of a byte order mark of `encoding` at the start of data (0 when there is none).
std::size_t bom_size(std::string_view data, Encoding encoding) noexcept;

// Iterates over the records of `data` (a UTF-8 BOM excluded; UTF-16 is decoded by the caller and
// read as UTF-8). Fields are decoded to UTF-8. Empty lines are skipped, but counted in sheet_row().
class CsvReader {
public:
    CsvReader(std::string_view data, CsvFormat format);

    // Reads the next record into `fields` (cleared first). Returns false at the end of input.
    // On a syntax error returns false and sets status().
    bool next(std::vector<std::string> &fields);
    const Status &status() const noexcept { return status_; }
    std::uint64_t line() const noexcept { return record_line_; }  // text line where the last record began
    // The spreadsheet row of the last record: what a spreadsheet shows opening the file (the first
    // line is row 1, a blank line is a row, a record with line breaks inside quotes is one row).
    std::uint64_t sheet_row() const noexcept { return record_row_; }
    std::size_t offset() const noexcept { return pos_; }  // bytes consumed so far

    // The last record's bytes as they are in `data`: the blank lines skipped before it, the record
    // (quotes kept, line end excluded) and its line end ("" at the end of the input).
    std::string_view gap() const noexcept { return data_.substr(gap_begin_, record_begin_ - gap_begin_); }
    std::string_view raw() const noexcept { return data_.substr(record_begin_, record_end_ - record_begin_); }
    std::string_view line_end() const noexcept { return data_.substr(record_end_, pos_ - record_end_); }

private:
    void append(std::string &field, std::string_view raw);

    std::string_view data_;
    CsvFormat format_;
    std::size_t pos_ = 0;
    std::size_t gap_begin_ = 0, record_begin_ = 0, record_end_ = 0;
    std::uint64_t line_ = 1, record_line_ = 0;
    std::uint64_t row_ = 1, record_row_ = 0;
    Status status_;
};

}  // namespace sesame::audit
