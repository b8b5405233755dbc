// Phone audit of a guardians export, for the school secretary: can each row's number receive the
// activation SMS? (issue 8; CLI contract: docs/spec/cli.md, `phone audit`.)
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/limits.hpp"
#include "core/audit/csv.hpp"
#include "core/common/status.hpp"

namespace sesame::audit {

enum class Outcome : std::uint8_t { mobile = 0, not_mobile = 1, invalid = 2, empty = 3 };
const char *outcome_name(Outcome o) noexcept;

struct Problem {  // a row whose outcome is not `mobile`
    std::uint64_t row = 0;  // 1-based among data records (header excluded)
    std::string input;      // the cell, UTF-8 (invalid bytes replaced by U+FFFD)
    Outcome outcome = Outcome::invalid;
    std::string error;      // phone error name for `invalid`, the number type for `not_mobile`, "" for `empty`
};

// A valid row accepted only by the overseas table of the phone spec: its number is in a range ARCEP
// assigned to a territory but that libphonenumber's metadata does not know (yet). Worth a check with
// the family: the metadata lagging is the likely reason, a typo the other.
struct OutsideMetadata {
    std::uint64_t row = 0;
    std::string e164;
    Outcome outcome = Outcome::mobile;  // mobile or not_mobile
};

struct SharedNumber {
    std::string e164;
    std::vector<std::uint64_t> rows;
};

struct Report {
    CsvFormat format;
    std::uint64_t rows = 0;
    std::uint64_t counts[4] = {0, 0, 0, 0};  // indexed by Outcome
    std::uint64_t overseas = 0;               // mobile rows whose number is on a French overseas code
    std::vector<SharedNumber> shared;         // valid numbers found on two rows or more, by first row
    std::vector<Problem> problems;            // every row that is not `mobile`, in row order
    std::vector<OutsideMetadata> outside_metadata;  // valid rows outside the metadata's ranges, in row order

    // The JSON object of the CLI contract (`--json`), UTF-8.
    std::string to_json() const;
};

struct Options {
    char delimiter = 0;                 // 0 = detect, ',' or ';'
    int encoding = -1;                  // -1 = detect, else an Encoding
    // Called about every 64 KiB with (bytes done, bytes total); return false to stop (cancelled).
    std::function<bool(std::uint64_t, std::uint64_t)> progress;
    std::uint64_t max_bytes = limits::kCsvMaxBytesDefault;  // larger exports: Code::limit before any work
};

// Audits the column named `column` (matched exactly against the header, after a BOM).
// Errors: Code::not_found (no such column), Code::parse (bad CSV, with the line),
// Code::cancelled (progress returned false), Code::invalid_argument (bad options).
Result<Report> audit_phones(std::string_view csv, std::string_view column, const Options &options);

// Same on a file, memory-mapped (memory grows with the distinct numbers, not with the rows).
// Extra error: Code::io (cannot open or map the file).
Result<Report> audit_phones_file(const std::string &path, std::string_view column, const Options &options);

}  // namespace sesame::audit
