#include "core/audit/phone_audit.hpp"

#include <nlohmann/json.hpp>

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

// Open addressing, linear probing: number -> its first row and line, or the index of its entry in
// the shared list (high bit set) once a second row has it.
class NumberTable {
public:
    struct Slot {
        std::uint64_t key = 0;  // 0 = empty (no E.164 is all zeros)
        std::uint64_t value = 0;
        std::uint64_t line = 0;
    };
    // The slot of key, inserted with (row, line) when absent (then *inserted is true).
    Slot &find_or_insert(std::uint64_t key, std::uint64_t row, std::uint64_t line, bool &inserted) {
        if ((used_ + 1) * 2 > slots_.size()) grow();
        std::size_t i = hash(key) & (slots_.size() - 1);
        for (;;) {
            Slot &s = slots_[i];
            if (s.key == 0) {
                s = Slot{key, row, line};
                ++used_;
                inserted = true;
                return s;
            }
            if (s.key == key) {
                inserted = false;
                return s;
            }
            i = (i + 1) & (slots_.size() - 1);
        }
    }

private:
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

// The export as the reader reads it: the bytes themselves (UTF-8, Windows-1252) or, for UTF-16,
// their UTF-8 decoding.
struct Text {
    CsvFormat format;         // the file's (encoding, BOM, delimiter, line end)
    CsvFormat reader_format;  // what the reader decodes: UTF-8 for a decoded UTF-16 file
    std::string decoded;      // UTF-16 only
    std::string_view view;
};

// The end of the first record of UTF-16 bytes (its line end included): the header alone is decoded
// when only the header is wanted.
std::size_t utf16_header_end(std::string_view b, bool big_endian) noexcept {
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
        const unsigned hi = static_cast<unsigned char>(b[big_endian ? i : i + 1]);
        const unsigned lo = static_cast<unsigned char>(b[big_endian ? i + 1 : i]);
        if (hi != 0) continue;
        if (lo == '"') quoted = !quoted;
        else if (!quoted && (lo == '\n' || lo == '\r')) return i + 4 <= b.size() ? i + 4 : b.size();
    }
    return b.size();
}

Status check_options(std::string_view csv, const Options &options) {
    if (options.delimiter != 0 && options.delimiter != ',' && options.delimiter != ';' && options.delimiter != '\t')
        return Error(Code::invalid_argument, "delimiter must be ',', ';' or TAB");
    if (options.encoding < -1 || options.encoding > static_cast<int>(Encoding::utf16be))
        return Error(Code::invalid_argument, "unknown encoding");
    if (static_cast<int>(options.lang) > static_cast<int>(Lang::en)) return Error(Code::invalid_argument, "unknown language");
    if (csv.size() > options.max_bytes)
        return limits::above_limit("the CSV export", csv.size(), "the audit's max_bytes", options.max_bytes);
    return {};
}

void prepare(std::string_view csv, const Options &options, bool header_only, Text &t) {
    if (options.encoding >= 0) {
        t.format.encoding = static_cast<Encoding>(options.encoding);
        t.format.bom = bom_size(csv, t.format.encoding) > 0;
    } else {
        t.format = detect_format(csv);
    }
    const Encoding e = t.format.encoding;
    t.reader_format = t.format;
    if (e == Encoding::utf16le || e == Encoding::utf16be) {
        std::string_view body = csv.substr(bom_size(csv, e));
        if (header_only) body = body.substr(0, utf16_header_end(body, e == Encoding::utf16be));
        utf16_to_utf8(body, e == Encoding::utf16be, t.decoded);
        t.view = t.decoded;
        t.reader_format.encoding = Encoding::utf8;
    } else {
        t.view = csv;
    }
    detect_layout(t.view.substr(bom_size(t.view, Encoding::utf8)), t.format);
    if (options.delimiter != 0) t.format.delimiter = options.delimiter;
    t.reader_format.delimiter = t.format.delimiter;
    t.reader_format.line_end = t.format.line_end;
}

// ---- messages for people (the CLI's report, the annotated copy, the bindings' rows) ----

const char *type_words(phone::Type t, Lang lang) noexcept {
    const bool fr = lang == Lang::fr;
    switch (t) {
        case phone::Type::fixed_line: return fr ? "fixe" : "landline";
        case phone::Type::voip: return "VoIP";
        case phone::Type::toll_free: return fr ? "numéro gratuit" : "toll-free number";
        case phone::Type::premium_rate: return fr ? "numéro surtaxé" : "premium-rate number";
        case phone::Type::shared_cost: return fr ? "numéro à coût partagé" : "shared-cost number";
        case phone::Type::uan: return fr ? "numéro d’accès universel" : "universal access number";
        case phone::Type::pager: return fr ? "radiomessagerie" : "pager";
        case phone::Type::personal_number: return fr ? "numéro personnel" : "personal number";
        case phone::Type::voicemail: return fr ? "messagerie vocale" : "voicemail";
        case phone::Type::mobile:
        case phone::Type::fixed_line_or_mobile: return "mobile";
        case phone::Type::unknown: break;
    }
    return fr ? "type inconnu" : "unknown type";
}

const char *error_words(phone::Error e, Lang lang) noexcept {
    const bool fr = lang == Lang::fr;
    switch (e) {
        case phone::Error::too_long: return fr ? "trop long" : "too long";
        case phone::Error::invalid_utf8: return fr ? "caractères illisibles (encodage)" : "unreadable characters (encoding)";
        case phone::Error::extension: return fr ? "contient un numéro de poste" : "holds an extension";
        case phone::Error::invalid_character: return fr ? "contient des lettres ou des signes" : "holds letters or symbols";
        case phone::Error::no_digits: return fr ? "aucun chiffre" : "no digit";
        case phone::Error::invalid_length: return fr ? "mauvais nombre de chiffres" : "wrong number of digits";
        case phone::Error::invalid_number:
            return fr ? "numéro non attribué ou indicatif inconnu" : "unassigned number or unknown country code";
        case phone::Error::none: break;
    }
    return "";
}

std::string row_message(Outcome o, phone::Error error, phone::Type type, std::uint64_t same_as_line,
                        bool outside_metadata, Lang lang) {
    const bool fr = lang == Lang::fr;
    std::string m;
    switch (o) {
        case Outcome::mobile: m = fr ? "peut recevoir le SMS" : "can receive the SMS"; break;
        case Outcome::not_mobile:
            m = std::string(fr ? "ne peut pas recevoir le SMS : pas un mobile (" : "cannot receive the SMS: not a mobile (") +
                type_words(type, lang) + ")";
            break;
        case Outcome::invalid: m = std::string(fr ? "numéro invalide : " : "invalid number: ") + error_words(error, lang); break;
        case Outcome::empty: m = fr ? "aucun numéro" : "no number"; break;
    }
    if (same_as_line != 0)
        m += (fr ? " ; même numéro qu’à la ligne " : "; same number as on line ") + std::to_string(same_as_line);
    if (outside_metadata)
        m += fr ? " ; plage récente inconnue de libphonenumber : à vérifier avec la famille"
                : "; a recent range libphonenumber does not know: check with the family";
    return m;
}

// Views of the record decoded to UTF-8 (the reader's bytes are Windows-1252 for such a file).
struct Decoder {
    bool cp1252 = false;
    std::string gap, raw, end;
    void decode(const CsvReader &r, RowEvent &ev) {
        if (!cp1252) {
            ev.gap = r.gap();
            ev.raw = r.raw();
            ev.line_end = r.line_end();
            return;
        }
        gap.clear();
        raw.clear();
        end.clear();
        windows1252_to_utf8(r.gap(), gap);
        windows1252_to_utf8(r.raw(), raw);
        windows1252_to_utf8(r.line_end(), end);
        ev.gap = gap;
        ev.raw = raw;
        ev.line_end = end;
    }
};

const char *line_end_name(std::string_view e) noexcept { return e == "\r\n" ? "crlf" : e == "\r" ? "cr" : "lf"; }
std::string delimiter_text(char d) { return d == '\t' ? std::string("\t") : std::string(1, d); }

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
    if (Status st = check_options(csv, options); !st.ok()) return st;
    Report report;
    Text text;
    prepare(csv, options, false, text);
    report.format = text.format;

    CsvReader reader(text.view, text.reader_format);
    std::vector<std::string> fields;
    if (!reader.next(fields)) {
        if (!reader.status().ok()) return reader.status();
        return Error(Code::not_found, "the file is empty: no header line");
    }
    const ColumnChoice choice = choose_column(fields, column);
    if (choice.index == ColumnChoice::npos) return column_error(fields, choice);
    const std::size_t col = choice.index;
    report.column = text::repair_utf8(fields[col]);
    report.column_index = col;
    report.column_match = choice.how;

    Decoder decoder{text.reader_format.encoding == Encoding::windows1252, {}, {}, {}};
    RowEvent ev;
    ev.fields = &fields;
    ev.report = &report;
    const bool streaming = static_cast<bool>(options.on_row);
    if (streaming) {
        ev.line = reader.sheet_row();
        decoder.decode(reader, ev);
        if (!options.on_row(ev)) return Error(Code::cancelled, "stopped by the row callback");
    }

    NumberTable numbers;
    std::size_t next_progress = 0;
    std::string input, message;
    const std::uint64_t total = text.view.size();
    while (reader.next(fields)) {
        const std::uint64_t row = ++report.rows;
        const std::uint64_t line = reader.sheet_row();
        if (options.progress && reader.offset() >= next_progress) {
            if (!options.progress(reader.offset(), total)) return Error(Code::cancelled, "stopped by the progress callback");
            next_progress = reader.offset() + (64u << 10);
        }
        const std::string_view cell = col < fields.size() ? std::string_view(fields[col]) : std::string_view();
        Outcome outcome = Outcome::empty;
        phone::Error error = phone::Error::none;
        phone::Type type = phone::Type::unknown;
        std::uint64_t same_as_line = 0;
        bool outside = false;
        phone::Parsed p;
        if (!is_blank(cell)) {
            p = phone::normalize(cell);
            if (!p.ok()) {
                outcome = Outcome::invalid;
                error = p.error;
            } else {
                type = p.number.type;
                outcome = p.number.is_mobile ? Outcome::mobile : Outcome::not_mobile;
                if (p.number.is_mobile && phone::overseas::is_territory_code(p.number.country_code)) ++report.overseas;
                if (!phone::in_metadata(p.number)) {
                    outside = true;
                    report.outside_metadata.push_back({row, line, std::string(p.number.e164()), outcome});
                }
                bool inserted = false;
                NumberTable::Slot &slot = numbers.find_or_insert(e164_key(p.number.e164()), row, line, inserted);
                if (!inserted) {
                    same_as_line = slot.line;
                    if ((slot.value & kSharedBit) == 0) {
                        report.shared.push_back({std::string(p.number.e164()), {slot.value, row}, {slot.line, line}});
                        slot.value = kSharedBit | (report.shared.size() - 1);
                    } else {
                        SharedNumber &s = report.shared[slot.value & ~kSharedBit];
                        s.rows.push_back(row);
                        s.lines.push_back(line);
                    }
                }
            }
        }
        ++report.counts[static_cast<int>(outcome)];
        const bool problem = outcome != Outcome::mobile;
        if (problem || streaming) {
            input = text::repair_utf8(cell);
            message = row_message(outcome, error, type, same_as_line, outside, options.lang);
        }
        if (streaming) {
            ev.row = row;
            ev.line = line;
            ev.outcome = outcome;
            ev.phone_error = static_cast<int>(error);
            ev.type = static_cast<int>(type);
            ev.input = input;
            ev.e164 = p.ok() && outcome != Outcome::empty ? p.number.e164() : std::string_view();
            ev.message = message;
            ev.same_as_line = same_as_line;
            ev.outside_metadata = outside;
            decoder.decode(reader, ev);
            if (!options.on_row(ev)) return Error(Code::cancelled, "stopped by the row callback");
        }
        if (problem) {
            std::string what = outcome == Outcome::invalid      ? phone::error_name(error)
                               : outcome == Outcome::not_mobile ? phone::type_name(type)
                                                                : "";
            report.problems.push_back({row, line, std::move(input), outcome, std::move(what), std::move(message),
                                       outcome == Outcome::not_mobile ? std::string(p.number.e164()) : std::string()});
        }
    }
    if (!reader.status().ok()) return reader.status();
    if (options.progress && !options.progress(total, total)) return Error(Code::cancelled, "stopped by the progress callback");
    return report;
}

namespace {

template <typename Run>
auto with_file(const std::string &path, const Options &options, Run run) -> decltype(run(std::string_view())) {
    // Mapped, not read: memory grows with the distinct numbers, not with the file.
    auto file = RegularFile::open(path, options.max_bytes, "the audit's max_bytes", "the CSV file");
    if (!file.ok()) return file.status();
    auto csv = file->map();
    if (!csv.ok()) return csv.status();
    return run(*csv);
}

}  // namespace

Result<Report> audit_phones_file(const std::string &path, std::string_view column, const Options &options) {
    return with_file(path, options, [&](std::string_view csv) { return audit_phones(csv, column, options); });
}

Result<std::string> header_json(std::string_view csv, std::string_view column, const Options &options) {
    if (Status st = check_options(csv, options); !st.ok()) return st;
    Text text;
    prepare(csv, options, true, text);
    CsvReader reader(text.view, text.reader_format);
    std::vector<std::string> fields;
    if (!reader.next(fields)) {
        if (!reader.status().ok()) return reader.status();
        return Error(Code::not_found, "the file is empty: no header line");
    }
    using json = nlohmann::ordered_json;
    json j;
    json columns = json::array();
    for (const auto &f : fields) columns.push_back(text::repair_utf8(f));
    j["columns"] = columns;
    ColumnChoice choice;
    if (!column.empty()) choice = choose_column(fields, column);
    if (choice.index != ColumnChoice::npos) {
        j["column"] = columns[choice.index];
        j["index"] = choice.index;
    } else {
        j["column"] = nullptr;
        j["index"] = nullptr;
    }
    if (choice.how != ColumnMatch::none) j["match"] = column_match_name(choice.how);
    else j["match"] = nullptr;
    json candidates = json::array();
    for (std::size_t i : choice.candidates) candidates.push_back(columns[i]);
    j["candidates"] = std::move(candidates);
    j["encoding"] = encoding_name(text.format.encoding);
    j["delimiter"] = delimiter_text(text.format.delimiter);
    j["bom"] = text.format.bom;
    j["line_end"] = line_end_name(text.format.line_end);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::string> header_json_file(const std::string &path, std::string_view column, const Options &options) {
    return with_file(path, options, [&](std::string_view csv) { return header_json(csv, column, options); });
}

std::string Report::to_json() const {
    using json = nlohmann::ordered_json;
    json j;
    j["rows"] = rows;
    j["summary"] = {{"mobile", counts[0]}, {"not_mobile", counts[1]}, {"invalid", counts[2]},
                    {"empty", counts[3]}, {"overseas", overseas}, {"outside_metadata", outside_metadata.size()}};
    json shared_json = json::array();
    for (const auto &s : shared) shared_json.push_back({{"e164", s.e164}, {"rows", s.rows}, {"lines", s.lines}});
    j["shared_numbers"] = std::move(shared_json);
    json problems_json = json::array();
    for (const auto &p : problems) {
        json e = {{"row", p.row}, {"input", p.input}, {"outcome", outcome_name(p.outcome)}};
        if (p.outcome == Outcome::invalid) e["error"] = p.error;
        else e["error"] = nullptr;
        if (p.outcome == Outcome::not_mobile) e["type"] = p.error;
        e["line"] = p.line;
        e["message"] = p.message;
        if (p.e164.empty()) e["e164"] = nullptr;
        else e["e164"] = p.e164;
        problems_json.push_back(std::move(e));
    }
    j["problems"] = std::move(problems_json);
    json outside_json = json::array();
    for (const auto &o : outside_metadata)
        outside_json.push_back({{"row", o.row}, {"e164", o.e164}, {"outcome", outcome_name(o.outcome)}, {"line", o.line}});
    j["outside_metadata"] = std::move(outside_json);
    j["encoding"] = encoding_name(format.encoding);
    j["delimiter"] = delimiter_text(format.delimiter);
    j["bom"] = format.bom;
    j["line_end"] = line_end_name(format.line_end);
    j["column"] = column;
    j["column_index"] = column_index;
    j["column_match"] = column_match_name(column_match);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace sesame::audit
