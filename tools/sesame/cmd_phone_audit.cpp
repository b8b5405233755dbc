// sesame phone audit FILE.csv|- --column NAME [--json | --rows] [--csv OUT] [--delimiter ,|;|tab]
//                   [--encoding E] [--lang fr|en]
// For the school secretary (issue 19): rows are named by their spreadsheet line, the report is in
// French by default and aligned by display width; --rows streams one JSON line per row and --csv
// writes the export back with three more columns, both through the audit's row callback (the
// audit keeps no row).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "cli.hpp"
#include "text_out.hpp"

namespace cli {

namespace {

struct Progress {
    int last_percent = -1;
};

int32_t draw_progress(uint64_t done, uint64_t total, void *payload) {
    auto *p = static_cast<Progress *>(payload);
    const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    if (percent == p->last_percent) return 0;
    p->last_percent = percent;
    const int width = 40, filled = percent * width / 100;
    std::fprintf(stderr, "\r[%s%s] %3d%%", std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(width - filled), ' ').c_str(), percent);
    if (percent == 100) std::fputc('\n', stderr);
    std::fflush(stderr);
    return 0;
}

struct Words {
    const char *colon;  // " : " in French typography, ": " in English
    const char *title, *column, *stdin_name, *data_rows, *mobile, *overseas, *not_mobile, *invalid, *empty, *shared,
        *line, *lines, *problems, *none, *outside, *head_line, *head_outcome, *head_input, *head_message;
    const char *outcome[4];  // short labels, by sesame_phone_audit_outcome
    const char *csv_e164, *csv_outcome, *csv_message;  // the columns --csv adds
};
constexpr Words kFr = {" : ", "Audit des numéros", "colonne", "entrée standard", "lignes de données",
                       "mobile (peut recevoir le SMS)", "dont outre-mer", "pas un mobile (fixe, VoIP, numéro spécial)",
                       "invalide", "vide", "Numéros partagés par plusieurs lignes", "ligne", "lignes", "Lignes à vérifier",
                       "aucune", "Numéros d’outre-mer récents, à vérifier avec la famille", "ligne", "résultat",
                       "numéro saisi", "message", {"mobile", "pas un mobile", "invalide", "vide"}, "E.164", "résultat",
                       "message"};
constexpr Words kEn = {": ", "Phone audit", "column", "standard input", "data rows", "mobile (can receive the SMS)",
                       "of which overseas", "not a mobile (landline, VoIP, special rate)", "invalid", "empty",
                       "Numbers shared by several rows", "line", "lines", "Rows to check", "none",
                       "Recent overseas numbers, to check with the family", "line", "outcome", "number typed", "message",
                       {"mobile", "not a mobile", "invalid", "empty"}, "E.164", "outcome", "message"};

std::string join_numbers(const json &a) {
    std::string s;
    for (const auto &n : a) s += (s.empty() ? "" : ", ") + std::to_string(n.get<uint64_t>());
    return s;
}

void print_report(const json &j, const std::string &file, const Words &w) {
    std::ostringstream o;
    const auto &s = j["summary"];
    const std::string delimiter = j["delimiter"].get<std::string>() == "\t" ? "TAB" : "'" + j["delimiter"].get<std::string>() + "'";
    const bool fr = w.colon[0] == ' ';
    o << w.title << w.colon << file << " (" << w.column << (fr ? " « " : " \"") << j["column"].get<std::string>()
      << (fr ? " », " : "\", ")
      << j["encoding"].get<std::string>() << ", " << delimiter << ")\n";
    o << j["rows"].get<uint64_t>() << ' ' << w.data_rows << "\n";
    const std::size_t label_width = 46;
    auto count = [&](const std::string &label, uint64_t n) {
        const std::string num = std::to_string(n);
        o << "  " << pad(label, label_width) << std::string(num.size() < 9 ? 9 - num.size() : 0, ' ') << num << '\n';
    };
    count(w.mobile, s["mobile"].get<uint64_t>());
    count(std::string("  ") + w.overseas, s["overseas"].get<uint64_t>());
    count(w.not_mobile, s["not_mobile"].get<uint64_t>());
    count(w.invalid, s["invalid"].get<uint64_t>());
    count(w.empty, s["empty"].get<uint64_t>());

    o << '\n' << w.shared << w.colon << j["shared_numbers"].size() << '\n';
    for (const auto &sh : j["shared_numbers"])
        o << "  " << sh["e164"].get<std::string>() << "  " << w.lines << ' ' << join_numbers(sh["lines"]) << '\n';

    if (!j["outside_metadata"].empty()) {
        o << '\n' << w.outside << w.colon << j["outside_metadata"].size() << '\n';
        for (const auto &x : j["outside_metadata"])
            o << "  " << w.line << ' ' << x["line"].get<uint64_t>() << "  " << x["e164"].get<std::string>() << '\n';
    }

    const auto &problems = j["problems"];
    o << '\n' << w.problems << w.colon << (problems.empty() ? w.none : std::to_string(problems.size())) << '\n';
    if (problems.empty()) {
        std::cout << o.str();
        return;
    }
    // A table aligned by display width (accents, wide characters): line, outcome, input, message.
    auto outcome_label = [&](const json &p) {
        const std::string name = p["outcome"].get<std::string>();
        return std::string(name == "not_mobile" ? w.outcome[1] : name == "invalid" ? w.outcome[2] : name == "empty" ? w.outcome[3] : w.outcome[0]);
    };
    constexpr std::size_t kInputMax = 32;
    std::size_t wl = display_width(w.head_line), wo = display_width(w.head_outcome), wi = display_width(w.head_input);
    for (const auto &p : problems) {
        wl = std::max(wl, std::to_string(p["line"].get<uint64_t>()).size());
        wo = std::max(wo, display_width(outcome_label(p)));
        wi = std::max(wi, display_width(cut("\"" + p["input"].get<std::string>() + "\"", kInputMax)));
    }
    o << "  " << pad(w.head_line, wl) << "  " << pad(w.head_outcome, wo) << "  " << pad(w.head_input, wi) << "  " << w.head_message << '\n';
    for (const auto &p : problems) {
        const std::string input = p["input"].get<std::string>();
        o << "  " << pad(std::to_string(p["line"].get<uint64_t>()), wl) << "  " << pad(outcome_label(p), wo) << "  "
          << pad(input.empty() ? "" : cut("\"" + input + "\"", kInputMax), wi) << "  " << p["message"].get<std::string>() << '\n';
    }
    std::cout << o.str();
}

// What the row callback writes: JSON Lines on stdout (--rows), the annotated copy (--csv).
struct Sink {
    const Words *words = nullptr;
    Output *rows = nullptr;     // --rows
    JsonWriter *writer = nullptr;
    int csv_fd = -1;            // --csv
    std::string csv;            // bytes not written yet
    std::string text;           // the record being written, in UTF-8 (reused from row to row)
    TextEncoding encoding = TextEncoding::utf8;
    char delimiter = ',';
    std::size_t header_fields = 0;
    bool failed = false;

    bool flush_csv() {
        const bool ok = write_all(csv_fd, csv);
        csv.clear();
        return ok;
    }

    void write_row_json(const sesame_phone_audit_row &r) {
        JsonWriter &out = *writer;
        out.begin_object();
        out.field("line", static_cast<int64_t>(r.line));
        out.field("row", static_cast<int64_t>(r.row));
        out.key("input");
        out.string(std::string_view(r.input, r.input_len));
        out.field("outcome", sesame_phone_audit_outcome_text(r.outcome));
        if (r.e164_len > 0) {
            out.field("e164", std::string_view(r.e164, r.e164_len));
            out.field("type", sesame_phone_type_name(r.type));
        } else {
            out.null_field("e164");
            out.null_field("type");
        }
        if (r.outcome == SESAME_PHONE_AUDIT_INVALID) out.field("error", sesame_phone_error_name(r.error));
        else out.null_field("error");
        out.key("message");
        out.string(std::string_view(r.message, r.message_len));
        if (r.same_as_line != 0) out.field("same_as_line", static_cast<int64_t>(r.same_as_line));
        else out.null_field("same_as_line");
        out.field("outside_metadata", r.outside_metadata);
        out.end_object();
        out.end_line();
    }

    void write_csv(const sesame_phone_audit_row &r) {
        text.assign(r.gap, r.gap_len);
        if (r.row == 0) {
            header_fields = r.field_count;
            if (r.bom) text.insert(0, "\xEF\xBB\xBF");  // U+FEFF, in the export's encoding below
        }
        text.append(r.raw, r.raw_len);
        for (std::size_t k = r.field_count; k < header_fields; ++k) text += delimiter;  // a short record: its cells first
        auto cell = [&](std::string_view s) {
            text += delimiter;
            append_csv_cell(text, s, delimiter);
        };
        if (r.row == 0) {
            cell(words->csv_e164);
            cell(words->csv_outcome);
            cell(words->csv_message);
        } else {
            cell(std::string_view(r.e164, r.e164_len));
            cell(sesame_phone_audit_outcome_text(r.outcome));
            cell(std::string_view(r.message, r.message_len));
        }
        text.append(r.line_end, r.line_end_len);
        encode(text, encoding, csv);
    }

    static const char *sesame_phone_audit_outcome_text(int32_t o) {
        switch (o) {
            case SESAME_PHONE_AUDIT_MOBILE: return "mobile";
            case SESAME_PHONE_AUDIT_NOT_MOBILE: return "not_mobile";
            case SESAME_PHONE_AUDIT_INVALID: return "invalid";
            default: return "empty";
        }
    }
};

int32_t on_row(const sesame_phone_audit_row *r, void *payload) {
    auto *sink = static_cast<Sink *>(payload);
    if (r->row == 0) {
        sink->delimiter = static_cast<char>(r->delimiter);
        sink->encoding = static_cast<TextEncoding>(r->encoding);  // never AUTO (sesame/phone_audit.h)
    }
    if (sink->rows != nullptr && r->row != 0) {
        sink->write_row_json(*r);
        if (!sink->rows->write_if_full()) {
            sink->failed = true;
            return 1;
        }
    }
    if (sink->csv_fd >= 0) {
        sink->write_csv(*r);
        if (sink->csv.size() >= Output::kBlock && !sink->flush_csv()) {
            sink->failed = true;
            return 1;
        }
    }
    return 0;
}

// All of stdin, at most `max` bytes (its size checked first when it is a regular file; a device
// other than a terminal is refused).
bool read_stdin(std::string &out, std::uint64_t max, std::string &error) {
    struct stat st {};
    const bool known = ::fstat(0, &st) == 0;
    if (known && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) && ::isatty(0) == 0) {
        error = "standard input is a device, not an export";  // /dev/zero would never end
        return false;
    }
    if (known && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max) {
        error = "standard input is " + std::to_string(st.st_size) + " bytes, above SESAME_CSV_MAX_BYTES_DEFAULT (" +
                std::to_string(max) + ")";
        return false;
    }
    if (known && S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size));  // one allocation, no regrowth
    char block[1 << 16];
    for (;;) {
        const ssize_t n = ::read(0, block, sizeof block);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::string("cannot read standard input: ") + std::strerror(errno);
            return false;
        }
        if (n == 0) return true;
        if (out.size() + static_cast<std::size_t>(n) > max) {
            error = "standard input is above SESAME_CSV_MAX_BYTES_DEFAULT (" + std::to_string(max) + " bytes)";
            return false;
        }
        out.append(block, static_cast<std::size_t>(n));
    }
}

// The temporary file of --csv, renamed over OUT once the audit is done, removed otherwise.
struct CsvFile {
    std::string target, temp;
    int fd = -1;
    ~CsvFile() {
        if (fd >= 0) ::close(fd);
        if (!temp.empty()) ::unlink(temp.c_str());
    }
    bool open(const std::string &path, std::string &error) {
        target = path;
        const auto slash = path.rfind('/');
        temp = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".sesame-audit-XXXXXX";
        fd = ::mkstemp(temp.data());  // 0600: the copy holds the export's personal data
        if (fd < 0) {
            error = std::string("--csv: cannot create the file: ") + std::strerror(errno);
            temp.clear();
            return false;
        }
        return true;
    }
    bool commit(std::string &error) {
        if (::fsync(fd) != 0 || ::close(fd) != 0) {
            fd = -1;
            error = std::string("--csv: cannot write the file: ") + std::strerror(errno);
            return false;
        }
        fd = -1;
        if (::rename(temp.c_str(), target.c_str()) != 0) {
            error = std::string("--csv: cannot write the file: ") + std::strerror(errno);
            return false;
        }
        temp.clear();
        return true;
    }
};

bool same_file(const std::string &a, const std::string &b) {
    struct stat sa {}, sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace

int cmd_phone_audit(const Args &args) {
    const Command &self = args.cmd;
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    if (p.positionals.empty()) return usage_error(self, "missing FILE.csv (or - for standard input)");
    const std::string file = p.positionals[0];
    if (file.empty()) return usage_error(self, position_text(p.positional_positions[0]) + " is an empty file name");
    const auto *column = p.get("--column");
    if (column == nullptr) return usage_error(self, "missing --column NAME");
    const bool as_json = p.has("--json"), as_rows = p.has("--rows");
    if (as_json && as_rows) return usage_error(self, "--json and --rows exclude each other");

    sesame_phone_audit_options opts;
    if (sesame_phone_audit_options_init(&opts) != SESAME_OK) return kExitIo;
    const Words *words = &kFr;
    if (const auto *v = p.get("--lang")) {
        if (v->value != "fr" && v->value != "en") return bad_value(args, *v, "must be fr or en");
        words = v->value == "en" ? &kEn : &kFr;
        opts.lang = v->value == "en" ? SESAME_PASSWORD_LANG_EN : SESAME_PASSWORD_LANG_FR;
    }
    if (const auto *v = p.get("--delimiter")) {
        if (v->value == "," || v->value == ";") opts.delimiter = v->value[0];
        else if (v->value == "tab" || v->value == "\t") opts.delimiter = '\t';
        else return bad_value(args, *v, "must be ',', ';' or tab");
    }
    if (const auto *v = p.get("--encoding")) {
        const std::string &e = v->value;
        if (e == "utf-8" || e == "utf8") opts.encoding = SESAME_CSV_ENCODING_UTF8;
        else if (e == "windows-1252" || e == "cp1252") opts.encoding = SESAME_CSV_ENCODING_WINDOWS_1252;
        else if (e == "utf-16le") opts.encoding = SESAME_CSV_ENCODING_UTF16LE;
        else if (e == "utf-16be") opts.encoding = SESAME_CSV_ENCODING_UTF16BE;
        else return bad_value(args, *v, "must be utf-8, windows-1252, utf-16le or utf-16be");
    }

    Sink sink;
    sink.words = words;
    Output rows_out(1);
    JsonWriter rows_writer(rows_out.buffer());
    if (as_rows) {
        sink.rows = &rows_out;
        sink.writer = &rows_writer;
    }
    CsvFile csv_file;
    if (const auto *v = p.get("--csv")) {
        if (v->value.empty() || v->value == "-") return bad_value(args, *v, "must be a file name");
        if (file != "-" && same_file(file, v->value)) return bad_value(args, *v, "names the export itself: give another file");
        std::string error;
        if (!csv_file.open(v->value, error)) return io_error(self, error);
        sink.csv_fd = csv_file.fd;
    }
    if (as_rows || sink.csv_fd >= 0) {
        opts.row = on_row;
        opts.row_payload = &sink;
    }
    Progress progress;
    if (::isatty(STDERR_FILENO) != 0) {
        opts.progress = draw_progress;
        opts.progress_payload = &progress;
    }

    std::string input;  // the export itself, for '-'
    if (file == "-") {
        std::string error;
        if (!read_stdin(input, SESAME_CSV_MAX_BYTES_DEFAULT, error)) return io_error(self, error);
    }
    sesame_phone_audit *audit = nullptr;
    const std::string &col = column->value;
    const sesame_status st =
        file == "-" ? sesame_phone_audit_buffer(&audit, input.data(), input.size(), col.data(), col.size(), &opts)
                    : sesame_phone_audit_file(&audit, file.data(), file.size(), col.data(), col.size(), &opts);
    if (sink.failed) {
        sesame_phone_audit_free(audit);
        return io_error(self, sink.rows != nullptr ? "cannot write the rows" : "--csv: cannot write the file");
    }
    if (st != SESAME_OK) {
        const std::string detail = sesame_last_error_message();
        if (st == SESAME_E_NOT_FOUND) {
            // No column, or several: the argument is wrong (2). An empty export: the input is (1).
            size_t len = 0;
            const sesame_status header =
                file == "-" ? sesame_phone_audit_columns_buffer(nullptr, 0, &len, input.data(), input.size(), "", 0, &opts)
                            : sesame_phone_audit_columns_file(nullptr, 0, &len, file.data(), file.size(), "", 0, &opts);
            if (header == SESAME_E_BUFFER_TOO_SMALL)
                return usage_error(self, "--column (" + position_text(column->value_position) + "): " + detail);
        }
        return io_error(self, std::string(sesame_status_str(st)) + ": " + detail);
    }
    std::string text;
    try {
        text = read_sized([&](char *o, size_t cap, size_t *len) { return sesame_phone_audit_json(o, cap, len, audit); });
    } catch (...) {
        sesame_phone_audit_free(audit);
        throw;
    }
    sesame_phone_audit_free(audit);
    if (sink.csv_fd >= 0) {
        std::string error;
        if (!sink.flush_csv()) return io_error(self, "--csv: cannot write the file");
        if (!csv_file.commit(error)) return io_error(self, error);
    }
    if (as_rows) return rows_out.flush() ? kExitOk : kExitIo;
    if (as_json) {
        std::cout << text << '\n';
    } else {
        print_report(json::parse(text), file == "-" ? words->stdin_name : file, *words);
    }
    std::cout.flush();
    return std::cout ? kExitOk : kExitIo;
}

}  // namespace cli
