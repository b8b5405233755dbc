#include "core/audit/csv.hpp"

#include "core/text/utf8.hpp"

namespace sesame::audit {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kBom16le = "\xFF\xFE";
constexpr std::string_view kBom16be = "\xFE\xFF";

// Windows-1252 0x80..0x9F (0 = unassigned).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_line_end(char c) noexcept { return c == '\n' || c == '\r'; }

}  // namespace

const char *encoding_name(Encoding e) noexcept {
    switch (e) {
        case Encoding::utf8: return "utf-8";
        case Encoding::windows1252: return "windows-1252";
        case Encoding::utf16le: return "utf-16le";
        case Encoding::utf16be: return "utf-16be";
    }
    return "utf-8";
}

std::size_t bom_size(std::string_view data, Encoding encoding) noexcept {
    switch (encoding) {
        case Encoding::utf8: return data.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
        case Encoding::utf16le: return data.substr(0, 2) == kBom16le ? 2 : 0;
        case Encoding::utf16be: return data.substr(0, 2) == kBom16be ? 2 : 0;
        case Encoding::windows1252: return 0;
    }
    return 0;
}

void detect_layout(std::string_view text, CsvFormat &f) noexcept {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    f.line_end = "\n";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && is_line_end(c)) {
            f.line_end = c == '\n' ? "\n" : (i + 1 < text.size() && text[i + 1] == '\n') ? "\r\n" : "\r";
            break;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == ';') {
            ++semicolons;
        } else if (!quoted && c == '\t') {
            ++tabs;
        }
    }
    f.delimiter = ',';
    if (semicolons > commas) f.delimiter = ';';
    if (tabs > commas && tabs > semicolons) f.delimiter = '\t';
}

CsvFormat detect_format(std::string_view data) noexcept {
    CsvFormat f;
    if (data.substr(0, 2) == kBom16le || data.substr(0, 2) == kBom16be) {
        f.encoding = data[0] == '\xFF' ? Encoding::utf16le : Encoding::utf16be;
        f.bom = true;
        return f;  // delimiter and line end: detect_layout() on the decoded text
    }
    if (data.substr(0, kBom.size()) == kBom) {
        f.bom = true;
        data.remove_prefix(kBom.size());
    }
    f.encoding = text::is_valid_utf8(data) ? Encoding::utf8 : Encoding::windows1252;
    detect_layout(data, f);
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

void utf16_to_utf8(std::string_view in, bool big_endian, std::string &out) {
    out.reserve(out.size() + in.size() / 2 * 3 / 2 + 16);
    const auto *p = reinterpret_cast<const unsigned char *>(in.data());
    const std::size_t units = in.size() / 2;
    auto unit = [&](std::size_t k) -> char32_t {
        return big_endian ? char32_t(p[2 * k] << 8 | p[2 * k + 1]) : char32_t(p[2 * k + 1] << 8 | p[2 * k]);
    };
    for (std::size_t k = 0; k < units; ++k) {
        const char32_t u = unit(k);
        if (u < 0x80) {
            out.push_back(static_cast<char>(u));
        } else if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units && unit(k + 1) >= 0xDC00 && unit(k + 1) <= 0xDFFF) {
            text::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (unit(k + 1) - 0xDC00));
            ++k;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            text::append_utf8(out, text::kReplacementChar);  // unpaired surrogate
        } else {
            text::append_utf8(out, u);
        }
    }
    if (in.size() % 2 != 0) text::append_utf8(out, text::kReplacementChar);
}

CsvReader::CsvReader(std::string_view data, CsvFormat format) : data_(data), format_(format) {
    if (data_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
    gap_begin_ = record_begin_ = record_end_ = pos_;
}

void CsvReader::append(std::string &field, std::string_view raw) {
    if (format_.encoding == Encoding::windows1252) windows1252_to_utf8(raw, field);
    else field.append(raw);
}

bool CsvReader::next(std::vector<std::string> &fields) {
    fields.clear();
    const std::size_t n = data_.size();
    gap_begin_ = pos_;
    // Skip empty lines (each one a row of the spreadsheet).
    while (pos_ < n && is_line_end(data_[pos_])) {
        if (data_[pos_] == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
        ++row_;
    }
    record_begin_ = record_end_ = pos_;
    if (pos_ >= n) return false;
    record_line_ = line_;
    record_row_ = row_++;
    const char delim = format_.delimiter;
    fields.emplace_back();
    while (pos_ < n) {
        std::string &field = fields.back();
        if (data_[pos_] == '"') {
            ++pos_;
            for (;;) {
                const std::size_t q = data_.find('"', pos_);
                if (q == std::string_view::npos) {
                    status_ = Error(Code::parse, "unterminated quoted field: a quote opens a cell on line " +
                                                     std::to_string(record_row_) + " and never closes");
                    pos_ = n;
                    record_end_ = n;
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
        while (end < n && data_[end] != delim && !is_line_end(data_[end])) ++end;
        append(field, data_.substr(pos_, end - pos_));
        pos_ = end;
        if (pos_ >= n) break;
        if (data_[pos_] == delim) {
            ++pos_;
            fields.emplace_back();
            continue;
        }
        record_end_ = pos_;
        const char c = data_[pos_++];
        if (c == '\r' && pos_ < n && data_[pos_] == '\n') ++pos_;
        ++line_;
        return true;
    }
    record_end_ = pos_;
    return true;
}

}  // namespace sesame::audit
