#include "core/audit/csv.hpp"

#include "core/text/utf8.hpp"

namespace sesame::audit {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Windows-1252 0x80..0x9F (0 = unassigned).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

CsvFormat detect_format(std::string_view data) noexcept {
    CsvFormat f;
    if (data.substr(0, kBom.size()) == kBom) {
        f.bom = true;
        data.remove_prefix(kBom.size());
    }
    f.encoding = text::is_valid_utf8(data) ? Encoding::utf8 : Encoding::windows1252;
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : data) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    f.delimiter = semicolons > commas ? ';' : ',';
    return f;
}

void windows1252_to_utf8(std::string_view in, std::string &out) {
    for (char ch : in) {
        const auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) {
            out.push_back(ch);
        } else if (b < 0xA0) {
            const char16_t cp = kCp1252High[b - 0x80];
            text::append_utf8(out, cp != 0 ? cp : text::kReplacementChar);
        } else {
            text::append_utf8(out, b);  // Latin-1 range
        }
    }
}

CsvReader::CsvReader(std::string_view data, CsvFormat format) : data_(data), format_(format) {
    if (data_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
}

void CsvReader::append(std::string &field, std::string_view raw) {
    if (format_.encoding == Encoding::utf8) field.append(raw);
    else windows1252_to_utf8(raw, field);
}

bool CsvReader::next(std::vector<std::string> &fields) {
    fields.clear();
    const std::size_t n = data_.size();
    // Skip empty lines.
    while (pos_ < n && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
        if (data_[pos_] == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }
    if (pos_ >= n) return false;
    record_line_ = line_;
    const char delim = format_.delimiter;
    fields.emplace_back();
    while (pos_ < n) {
        std::string &field = fields.back();
        if (data_[pos_] == '"') {
            const std::uint64_t start_line = line_;
            ++pos_;
            for (;;) {
                const std::size_t q = data_.find('"', pos_);
                if (q == std::string_view::npos) {
                    status_ = Error(Code::parse, "unterminated quoted field starting on line " + std::to_string(start_line));
                    pos_ = n;
                    return false;
                }
                const std::string_view chunk = data_.substr(pos_, q - pos_);
                for (char c : chunk) line_ += c == '\n';
                append(field, chunk);
                pos_ = q + 1;
                if (pos_ < n && data_[pos_] == '"') {  // "" inside quotes
                    field.push_back('"');
                    ++pos_;
                    continue;
                }
                break;
            }
        }
        // Unquoted text (or text after a closing quote, kept leniently) up to a delimiter or a line end.
        std::size_t end = pos_;
        while (end < n && data_[end] != delim && data_[end] != '\n' && data_[end] != '\r') ++end;
        append(field, data_.substr(pos_, end - pos_));
        pos_ = end;
        if (pos_ >= n) break;
        const char c = data_[pos_++];
        if (c == delim) {
            fields.emplace_back();
            continue;
        }
        if (c == '\r' && pos_ < n && data_[pos_] == '\n') ++pos_;
        ++line_;
        break;
    }
    return true;
}

}  // namespace sesame::audit
