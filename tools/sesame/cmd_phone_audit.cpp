// sesame phone audit FILE.csv --column NAME [--json] [--delimiter ,|;] [--lang fr|en]
#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <sstream>

#include "cli.hpp"

namespace cli {

namespace {

struct Progress {
    bool enabled = false;
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
    const char *title, *rows, *mobile, *overseas, *not_mobile, *invalid, *empty, *shared, *row_word, *problems, *none;
};
constexpr Words kFr = {"Audit des numéros", "lignes", "mobile (peut recevoir le SMS)", "dont outre-mer",
                       "pas un mobile (fixe, VoIP, numéro spécial)", "invalide", "vide",
                       "Numéros partagés par plusieurs lignes", "ligne", "Lignes à vérifier", "aucune"};
constexpr Words kEn = {"Phone audit", "rows", "mobile (can receive the SMS)", "of which overseas",
                       "not a mobile (landline, VoIP, special rate)", "invalid", "empty",
                       "Numbers shared by several rows", "row", "Rows to check", "none"};

void print_report(const json &j, const std::string &file, const std::string &column, const Words &w) {
    std::ostringstream o;
    const auto &s = j["summary"];
    o << w.title << ": " << file << " (" << column << ", " << j["encoding"].get<std::string>() << ", '"
      << j["delimiter"].get<std::string>() << "')\n";
    o << j["rows"].get<uint64_t>() << ' ' << w.rows << "\n";
    auto line = [&](const char *label, uint64_t n) { o << "  " << std::left << std::setw(46) << label << std::right << std::setw(9) << n << '\n'; };
    line(w.mobile, s["mobile"].get<uint64_t>());
    line((std::string("  ") + w.overseas).c_str(), s["overseas"].get<uint64_t>());
    line(w.not_mobile, s["not_mobile"].get<uint64_t>());
    line(w.invalid, s["invalid"].get<uint64_t>());
    line(w.empty, s["empty"].get<uint64_t>());
    o << '\n' << w.shared << ": " << j["shared_numbers"].size() << '\n';
    for (const auto &sh : j["shared_numbers"]) {
        o << "  " << sh["e164"].get<std::string>() << "  " << w.row_word << "s";
        const char *sep = " ";
        for (const auto &r : sh["rows"]) {
            o << sep << r.get<uint64_t>();
            sep = ", ";
        }
        o << '\n';
    }
    o << '\n' << w.problems << ": " << (j["problems"].empty() ? w.none : std::to_string(j["problems"].size())) << '\n';
    for (const auto &p : j["problems"]) {
        const std::string outcome = p["outcome"].get<std::string>();
        const char *label = outcome == "invalid" ? w.invalid : outcome == "empty" ? w.empty : w.not_mobile;
        o << "  " << w.row_word << ' ' << std::left << std::setw(8) << p["row"].get<uint64_t>() << std::setw(12)
          << (outcome == "not_mobile" ? std::string("not_mobile") : std::string(label)) << std::right << '"'
          << p["input"].get<std::string>() << '"';
        if (p["error"].is_string()) o << "  (" << p["error"].get<std::string>() << ')';
        if (p.contains("type")) o << "  (" << p["type"].get<std::string>() << ')';
        o << '\n';
    }
    std::cout << o.str();
}

}  // namespace

int cmd_phone_audit(const std::vector<std::string> &args) {
    const std::string_view self = "phone audit";
    std::string file, column, lang = "fr";
    bool as_json = false, have_column = false;
    sesame_phone_audit_options opts;
    if (sesame_phone_audit_options_init(&opts) != SESAME_OK) return kExitIo;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&]() -> const std::string * { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--json") {
            as_json = true;
        } else if (a == "--column") {
            const std::string *v = value();
            if (v == nullptr) return usage_error(self, "--column needs a value");
            column = *v;
            have_column = true;
        } else if (a == "--delimiter") {
            const std::string *v = value();
            if (v == nullptr || (*v != "," && *v != ";")) return usage_error(self, "--delimiter must be ',' or ';'");
            opts.delimiter = (*v)[0];
        } else if (a == "--lang") {
            const std::string *v = value();
            if (v == nullptr || (*v != "fr" && *v != "en")) return usage_error(self, "--lang must be fr or en");
            lang = *v;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error(self, "unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return usage_error(self, "only one FILE");
        }
    }
    if (file.empty()) return usage_error(self, "missing FILE.csv");
    if (!have_column) return usage_error(self, "missing --column NAME");
    if (::access(file.c_str(), R_OK) != 0) return usage_error(self, "cannot read " + file);

    Progress progress;
    progress.enabled = ::isatty(STDERR_FILENO) != 0;
    if (progress.enabled) {
        opts.progress = draw_progress;
        opts.progress_payload = &progress;
    }
    sesame_phone_audit *audit = nullptr;
    const sesame_status st = sesame_phone_audit_file(&audit, file.data(), file.size(), column.data(), column.size(), &opts);
    if (st != SESAME_OK) {
        std::cerr << "sesame phone audit: " << sesame_status_str(st) << ": " << sesame_last_error_message() << '\n';
        return st == SESAME_E_NOT_FOUND ? kExitUsage : kExitIo;
    }
    std::string text;
    try {
        text = read_sized([&](char *o, size_t cap, size_t *len) { return sesame_phone_audit_json(o, cap, len, audit); });
    } catch (...) {
        sesame_phone_audit_free(audit);
        throw;
    }
    sesame_phone_audit_free(audit);
    if (as_json) {
        std::cout << text << '\n';
    } else {
        print_report(json::parse(text), file, column, lang == "en" ? kEn : kFr);
    }
    std::cout.flush();
    return std::cout ? kExitOk : kExitIo;
}

}  // namespace cli
