// Phone audit of a guardians export, for the school secretary: can each row's number receive the
// activation SMS? (issues 8 and 19; CLI contract: docs/spec/cli.md, `phone audit`.)
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/columns.hpp"
#include "core/audit/csv.hpp"
#include "core/common/limits.hpp"
#include "core/common/status.hpp"

namespace sesame::audit {

enum class Outcome : std::uint8_t { mobile = 0, not_mobile = 1, invalid = 2, empty = 3 };
const char *outcome_name(Outcome o) noexcept;

enum class Lang : std::uint8_t { fr = 0, en = 1 };

// Rows are named twice: `row`, the 1-based index among data records (header excluded, blank lines
// skipped: the historical key), and `line`, the row a spreadsheet shows for the record (the first
// line of the file is 1, so the header is usually 1; blank lines count; a record with line breaks
// inside quotes is one row). The secretary finds `line`.
struct Problem {  // a row whose outcome is not `mobile`
    std::uint64_t row = 0;
    std::uint64_t line = 0;
    std::string input;      // the cell, UTF-8 (invalid bytes replaced by U+FFFD)
    Outcome outcome = Outcome::invalid;
    std::string error;      // phone error name for `invalid`, the number type for `not_mobile`, "" for `empty`
    std::string message;    // for people, in the audit's language
    std::string e164;       // the number of a not_mobile row ("" otherwise)
};

// A valid row accepted only by the overseas table of the phone spec: its number is in a range ARCEP
// assigned to a territory but that libphonenumber's metadata does not know (yet). Worth a check with
// the family: the metadata lagging is the likely reason, a typo the other.
struct OutsideMetadata {
    std::uint64_t row = 0;
    std::uint64_t line = 0;
    std::string e164;
    Outcome outcome = Outcome::mobile;  // mobile or not_mobile
};

struct SharedNumber {
    std::string e164;
    std::vector<std::uint64_t> rows;
    std::vector<std::uint64_t> lines;
};

struct Report {
    CsvFormat format;
    std::string column;                    // the header of the audited column, as in the file (UTF-8)
    std::size_t column_index = 0;          // 0-based
    ColumnMatch column_match = ColumnMatch::exact;
    std::uint64_t rows = 0;
    std::uint64_t counts[4] = {0, 0, 0, 0};  // indexed by Outcome
    std::uint64_t overseas = 0;               // mobile rows whose number is on a French overseas code
    std::vector<SharedNumber> shared;         // valid numbers found on two rows or more, by first row
    std::vector<Problem> problems;            // every row that is not `mobile`, in row order
    std::vector<OutsideMetadata> outside_metadata;  // valid rows outside the metadata's ranges, in row order

    // The JSON object of the CLI contract (`--json`), UTF-8.
    std::string to_json() const;
};

// One record as the audit saw it, for a caller that streams rows (a per-row report, an annotated
// copy of the export). Views valid during the call only.
struct RowEvent {
    std::uint64_t row = 0;        // 0 for the header record, then as Problem::row
    std::uint64_t line = 0;       // as Problem::line
    Outcome outcome = Outcome::empty;  // data rows only
    int phone_error = 0;          // a phone::Error (invalid rows)
    int type = 0;                 // a phone::Type (mobile and not_mobile rows)
    std::string_view input;       // the cell, UTF-8 (repaired); "" when the record has no such column
    std::string_view e164;        // "" unless mobile or not_mobile
    std::string_view message;     // for people, in Options::lang ("" for the header)
    std::uint64_t same_as_line = 0;    // line of the first earlier row with the same number, 0 if none
    bool outside_metadata = false;
    const std::vector<std::string> *fields = nullptr;  // decoded to UTF-8
    std::string_view gap, raw, line_end;  // the record's text decoded to UTF-8 (CsvReader::gap/raw/line_end)
    const Report *report = nullptr;       // format and column (the counts so far)
};

struct Options {
    char delimiter = 0;                 // 0 = detect, ',', ';' or '\t'
    int encoding = -1;                  // -1 = detect, else an Encoding
    // Called about every 64 KiB with (bytes done, bytes total); return false to stop (cancelled).
    std::function<bool(std::uint64_t, std::uint64_t)> progress;
    std::uint64_t max_bytes = limits::kCsvMaxBytesDefault;  // larger exports: Code::limit before any work
    Lang lang = Lang::fr;               // the rows' messages
    // Called for the header, then for every data record, in order; return false to stop (cancelled).
    std::function<bool(const RowEvent &)> on_row;
};

// Audits the column named `column` (choose_column: exact, then folded, synonyms, words).
// Errors: Code::not_found (no such column, several match: the detail lists them; an empty file),
// Code::parse (bad CSV, with the line), Code::cancelled (a callback returned false),
// Code::invalid_argument (bad options), Code::limit.
Result<Report> audit_phones(std::string_view csv, std::string_view column, const Options &options);

// Same on a file, memory-mapped (memory grows with the distinct numbers, not with the rows; a
// UTF-16 file is decoded in memory first). Extra error: Code::io (cannot open or map the file).
Result<Report> audit_phones_file(const std::string &path, std::string_view column, const Options &options);

// The header of an export and how `column` matches it, reading the header record only:
// {"columns": [...], "column": name|null, "index": i|null, "match": "exact"|...|null,
//  "candidates": [names], "encoding", "delimiter", "bom"}. An empty column lists the columns only.
// Errors as audit_phones() but never Code::not_found for the column (an empty file is not_found).
Result<std::string> header_json(std::string_view csv, std::string_view column, const Options &options);
Result<std::string> header_json_file(const std::string &path, std::string_view column, const Options &options);

}  // namespace sesame::audit
