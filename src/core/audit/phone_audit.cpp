#include "core/audit/phone_audit.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>

#include "core/common/file.hpp"
#include "core/phone/overseas.hpp"
#include "core/phone/phone.hpp"
#include "core/text/utf8.hpp"

namespace sesame::audit {

namespace {

bool is_blank(std::string_view s) noexcept {
    for (char c : s)
        if (c != ' ' && c != '\t') return false;
    return true;
}

// E.164 digits as an integer (at most 15 digits, never a leading 0): a compact hash key.
std::uint64_t e164_key(std::string_view e164) noexcept {
    std::uint64_t k = 0;
    for (char c : e164.substr(1)) k = k * 10 + static_cast<std::uint64_t>(c - '0');
    return k;
}

// Open addressing, linear probing: number -> first row, or shared list index + 1 (high bit set).
class NumberTable {
public:
    // Returns the previous value slot for key, inserting (key, row) if absent (then returns nullptr).
    std::uint64_t *find_or_insert(std::uint64_t key, std::uint64_t row) {
        if ((used_ + 1) * 2 > slots_.size()) grow();
        std::size_t i = hash(key) & (slots_.size() - 1);
        for (;;) {
            Slot &s = slots_[i];
            if (s.key == 0) {
                s.key = key;
                s.value = row;
                ++used_;
                return nullptr;
            }
            if (s.key == key) return &s.value;
            i = (i + 1) & (slots_.size() - 1);
        }
    }

private:
    struct Slot {
        std::uint64_t key = 0;  // 0 = empty (no E.164 is all zeros)
        std::uint64_t value = 0;
    };
    static std::size_t hash(std::uint64_t k) noexcept {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<std::size_t>(k);
    }
    void grow() {
        std::vector<Slot> old(slots_.empty() ? 0 : slots_.size() * 2);
        if (old.empty()) old.resize(1024);
        old.swap(slots_);
        used_ = 0;
        for (const Slot &s : old)
            if (s.key != 0) *insert_slot(s.key) = s;
    }
    Slot *insert_slot(std::uint64_t key) {
        std::size_t i = hash(key) & (slots_.size() - 1);
        while (slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
        ++used_;
        return &slots_[i];
    }
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

constexpr std::uint64_t kSharedBit = 1ULL << 63;

}  // namespace

const char *outcome_name(Outcome o) noexcept {
    switch (o) {
        case Outcome::mobile: return "mobile";
        case Outcome::not_mobile: return "not_mobile";
        case Outcome::invalid: return "invalid";
        case Outcome::empty: return "empty";
    }
    return "invalid";
}

Result<Report> audit_phones(std::string_view csv, std::string_view column, const Options &options) {
    if (options.delimiter != 0 && options.delimiter != ',' && options.delimiter != ';')
        return Error(Code::invalid_argument, "delimiter must be ',' or ';'");
    if (options.encoding < -1 || options.encoding > static_cast<int>(Encoding::windows1252))
        return Error(Code::invalid_argument, "unknown encoding");
    if (csv.size() > options.max_bytes)
        return Error(Code::limit, "the CSV export is " + std::to_string(csv.size()) + " bytes, above the audit's max_bytes (" +
                                      std::to_string(options.max_bytes) + ")");
    Report report;
    report.format = detect_format(csv);
    if (options.delimiter != 0) report.format.delimiter = options.delimiter;
    if (options.encoding >= 0) report.format.encoding = static_cast<Encoding>(options.encoding);

    CsvReader reader(csv, report.format);
    std::vector<std::string> fields;
    if (!reader.next(fields)) {
        if (!reader.status().ok()) return reader.status();
        return Error(Code::not_found, "the file is empty: no header line");
    }
    std::size_t col = fields.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == column) {
            col = i;
            break;
        }
    }
    if (col == fields.size()) return Error(Code::not_found, "no column with that name in the header line");

    NumberTable numbers;
    std::size_t next_progress = 0;
    while (reader.next(fields)) {
        const std::uint64_t row = ++report.rows;
        if (options.progress && reader.offset() >= next_progress) {
            if (!options.progress(reader.offset(), csv.size())) return Error(Code::cancelled, "stopped by the progress callback");
            next_progress = reader.offset() + (64u << 10);
        }
        const std::string_view cell = col < fields.size() ? std::string_view(fields[col]) : std::string_view();
        Outcome outcome = Outcome::empty;
        std::string error;
        if (!is_blank(cell)) {
            const phone::Parsed p = phone::normalize(cell);
            if (!p.ok()) {
                outcome = Outcome::invalid;
                error = phone::error_name(p.error);
            } else {
                outcome = p.number.is_mobile ? Outcome::mobile : Outcome::not_mobile;
                if (!p.number.is_mobile) error = phone::type_name(p.number.type);
                if (p.number.is_mobile && phone::overseas::is_territory_code(p.number.country_code)) ++report.overseas;
                if (!phone::in_metadata(p.number))
                    report.outside_metadata.push_back({row, std::string(p.number.e164()), outcome});
                if (std::uint64_t *prev = numbers.find_or_insert(e164_key(p.number.e164()), row)) {
                    if ((*prev & kSharedBit) == 0) {
                        report.shared.push_back({std::string(p.number.e164()), {*prev, row}});
                        *prev = kSharedBit | (report.shared.size() - 1);
                    } else {
                        report.shared[*prev & ~kSharedBit].rows.push_back(row);
                    }
                }
            }
        }
        ++report.counts[static_cast<int>(outcome)];
        if (outcome != Outcome::mobile) report.problems.push_back({row, text::repair_utf8(cell), outcome, std::move(error)});
    }
    if (!reader.status().ok()) return reader.status();
    if (options.progress && !options.progress(csv.size(), csv.size())) return Error(Code::cancelled, "stopped by the progress callback");
    return report;
}

Result<Report> audit_phones_file(const std::string &path, std::string_view column, const Options &options) {
    // Mapped, not read: memory grows with the distinct numbers, not with the file.
    auto file = RegularFile::open(path, options.max_bytes, "the audit's max_bytes", "the CSV file");
    if (!file.ok()) return file.status();
    auto csv = file->map();
    if (!csv.ok()) return csv.status();
    return audit_phones(*csv, column, options);
}

std::string Report::to_json() const {
    using json = nlohmann::ordered_json;
    json j;
    j["rows"] = rows;
    j["summary"] = {{"mobile", counts[0]}, {"not_mobile", counts[1]}, {"invalid", counts[2]},
                    {"empty", counts[3]}, {"overseas", overseas}, {"outside_metadata", outside_metadata.size()}};
    json shared_json = json::array();
    for (const auto &s : shared) shared_json.push_back({{"e164", s.e164}, {"rows", s.rows}});
    j["shared_numbers"] = std::move(shared_json);
    json problems_json = json::array();
    for (const auto &p : problems) {
        json e = {{"row", p.row}, {"input", p.input}, {"outcome", outcome_name(p.outcome)}};
        if (p.outcome == Outcome::invalid) e["error"] = p.error;
        else e["error"] = nullptr;
        if (p.outcome == Outcome::not_mobile) e["type"] = p.error;
        problems_json.push_back(std::move(e));
    }
    j["problems"] = std::move(problems_json);
    json outside_json = json::array();
    for (const auto &o : outside_metadata)
        outside_json.push_back({{"row", o.row}, {"e164", o.e164}, {"outcome", outcome_name(o.outcome)}});
    j["outside_metadata"] = std::move(outside_json);
    j["encoding"] = format.encoding == Encoding::utf8 ? "utf-8" : "windows-1252";
    j["delimiter"] = std::string(1, format.delimiter);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace sesame::audit
