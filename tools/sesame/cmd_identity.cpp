// sesame name key | name match | date parse | guardian match | login-id (spec: cli.md; identity.md).
#include <chrono>
#include <cstdlib>
#include <memory>
#include <unordered_set>

#include "cli.hpp"

namespace cli {

namespace {

// "YYYY-MM-DD" -> yyyymmdd, checked by the library (a real date); 0 when invalid.
int32_t parse_today(const std::string &s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
    int32_t v = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i == 4 || i == 7) continue;
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    // A date is valid as a reference iff the library accepts it as `today` for itself.
    sesame_date_result r;
    if (sesame_date_result_init(&r) != SESAME_OK || sesame_date_parse(&r, s.data(), s.size(), v) != SESAME_OK ||
        r.error != SESAME_DATE_OK)
        return 0;
    return v;
}

// The identifiers taken, looked up by string_view (no copy per query).
struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using LoginSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

// The object of a claim line that was not evaluated: every key, null or empty, and the error.
void claim_error(JsonWriter &out, std::string_view error) {
    out.begin_object();
    out.null_field("status");
    out.null_field("reason");
    out.null_field("guardian");
    out.key("pupils");
    out.begin_array();
    out.end_array();
    out.key("pupil_results");
    out.begin_object();
    out.end_object();
    out.null_field("detail");
    out.null_field("user_message");
    out.key("error");
    out.repaired_string(error);
    out.end_object();
}

// --today: a real date, or a usage error (-1 when right).
int today_of(const Args &args, const Parsed &p, int32_t &today) {
    const auto *t = p.get("--today");
    if (t == nullptr) return usage_error(args.cmd, "--today YYYY-MM-DD is required");
    today = parse_today(t->value);
    if (today == 0) return bad_value(args, *t, "must be a real date YYYY-MM-DD");
    return -1;
}

}  // namespace

int cmd_name_key(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    auto too_long = [](JsonWriter &out) {
        out.begin_object();
        out.null_field("input");
        out.field("valid", false);
        out.null_field("key");
        out.null_field("compact");
        out.field("error", "line_too_long");
        out.end_object();
    };
    return for_each_line([](std::string_view line, JsonWriter &out) {
        sesame_name_key_result k;
        if (sesame_name_key_result_init(&k) != SESAME_OK || sesame_name_key(&k, line.data(), line.size()) != SESAME_OK)
            throw std::runtime_error(sesame_last_error_message());
        out.begin_object();
        out.key("input");
        const bool utf8 = out.repaired_string(line);
        out.field("valid", k.valid);
        if (k.valid) {
            out.field("key", k.text);
            out.field("compact", k.compact);
        } else {
            out.null_field("key");
            out.null_field("compact");
        }
        if (!utf8) out.field("error", "invalid_utf8");
        out.end_object();
    }, Input::plain, too_long);
}

int cmd_name_match(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    const auto *field = p.get("--field");
    if (field == nullptr) return usage_error(args.cmd, "--field family|given is required");
    int32_t f;
    if (field->value == "family") {
        f = SESAME_NAME_FIELD_FAMILY;
    } else if (field->value == "given") {
        f = SESAME_NAME_FIELD_GIVEN;
    } else {
        return bad_value(args, *field, "must be family or given");
    }
    auto too_long = [](JsonWriter &out) {
        out.begin_object();
        out.field("match", false);
        out.field("error", "line_too_long");
        out.end_object();
    };
    return for_each_line([f](std::string_view line, JsonWriter &out) {
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) {
            out.begin_object();
            out.field("match", false);
            out.field("error", "bad_line");
            out.end_object();
            return;
        }
        const std::string_view record = line.substr(0, tab), typed = line.substr(tab + 1);
        bool match = false;
        if (sesame_name_match(&match, f, record.data(), record.size(), typed.data(), typed.size()) != SESAME_OK)
            throw std::runtime_error(sesame_last_error_message());
        out.begin_object();
        out.field("match", match);
        if (!is_utf8(line)) out.field("error", "invalid_utf8");
        out.end_object();
    }, Input::plain, too_long);
}

int cmd_date_parse(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    int32_t today = 0;
    if (int rc = today_of(args, p, today); rc >= 0) return rc;
    auto too_long = [](JsonWriter &out) {
        out.begin_object();
        out.null_field("input");
        out.field("valid", false);
        out.null_field("iso");
        out.field("error", "line_too_long");
        out.key("flags");
        out.begin_array();
        out.end_array();
        out.end_object();
    };
    return for_each_line([today](std::string_view line, JsonWriter &out) {
        sesame_date_result d;
        if (sesame_date_result_init(&d) != SESAME_OK || sesame_date_parse(&d, line.data(), line.size(), today) != SESAME_OK)
            throw std::runtime_error(sesame_last_error_message());
        out.begin_object();
        out.key("input");
        out.repaired_string(line);
        out.field("valid", d.error == SESAME_DATE_OK);
        if (d.error == SESAME_DATE_OK) {
            out.field("iso", d.iso);
            out.null_field("error");
        } else {
            out.null_field("iso");
            out.field("error", sesame_date_error_name(d.error));
        }
        out.key("flags");
        out.begin_array();
        if (d.flags & SESAME_DATE_FLAG_AGE_OVER_25) out.string("age_over_25");
        if (d.flags & SESAME_DATE_FLAG_AGE_UNDER_2) out.string("age_under_2");
        out.end_array();
        out.end_object();
    }, Input::plain, too_long);
}

int cmd_guardian_match(const Args &args) {
    const Command &cmd = args.cmd;
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    const auto *dir_path = p.get("--directory");
    if (dir_path == nullptr) return usage_error(cmd, "--directory FILE.json is required");
    if (dir_path->value.empty()) return bad_value(args, *dir_path, "must be a file name");
    int32_t today = 0;
    if (int rc = today_of(args, p, today); rc >= 0) return rc;
    uint32_t max_failures = 3;
    if (const auto *m = p.get("--max-date-failures")) {
        char *end = nullptr;
        const unsigned long v = std::strtoul(m->value.c_str(), &end, 10);
        if (m->value.empty() || *end != '\0' || v < 1 || v > 1000000) return bad_value(args, *m, "must be a positive integer");
        max_failures = static_cast<uint32_t>(v);
    }
    // The library reads the file as docs/limits.md says: a regular file only, its size first.
    sesame_directory *dir = nullptr;
    if (sesame_directory_load_json_file(&dir, dir_path->value.data(), dir_path->value.size(), nullptr) != SESAME_OK)
        return io_error(cmd, std::string("--directory: ") + sesame_last_error_message());
    std::unique_ptr<sesame_directory, void (*)(sesame_directory *)> dir_guard(dir, sesame_directory_free);
    // Report the guardians kept but unreachable by a field (ids only).
    const json report = json::parse(read_sized([&](char *b, size_t c, size_t *n) { return sesame_directory_report(b, c, n, dir); }));
    if (!report["unreachable"].empty()) {
        std::cerr << "sesame guardian match: " << report["unreachable"].size() << " record field(s) unusable:";
        for (const auto &u : report["unreachable"])
            std::cerr << ' ' << u["guardian"].get<std::string>() << ':' << u["field"].get<std::string>() << '='
                      << u["reason"].get<std::string>();
        std::cerr << '\n';
    }
    sesame_date_counter *counter = nullptr;
    if (sesame_date_counter_new(&counter, max_failures, 24LL * 3600 * 1000) != SESAME_OK) {
        std::cerr << "sesame guardian match: " << sesame_last_error_message() << '\n';
        return kExitIo;
    }
    std::unique_ptr<sesame_date_counter, void (*)(sesame_date_counter *)> counter_guard(counter, sesame_date_counter_free);
    std::string decision;  // the decision JSON, buffer reused
    return for_each_line([&](std::string_view line, JsonWriter &out) {
        const int64_t now_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        sesame_decision *d = nullptr;
        const sesame_status st = sesame_directory_match(&d, dir, counter, line.data(), line.size(), today, now_ms);
        if (st == SESAME_E_PARSE || st == SESAME_E_DUPLICATE) {
            std::string e = sesame_last_error_message();  // a copy: the next call (is_utf8) resets it
            if (e == "invalid_json" && !is_utf8(line)) e = "invalid_utf8";
            claim_error(out, e);
            return;
        }
        if (st == SESAME_E_LIMIT) {  // above SESAME_CLAIM_MAX_BYTES or SESAME_JSON_MAX_DEPTH: not parsed
            claim_error(out, "limit_exceeded");
            return;
        }
        if (st != SESAME_OK) throw_status(st);
        std::unique_ptr<sesame_decision, void (*)(sesame_decision *)> guard(d, sesame_decision_free);
        // The library's JSON is already the compact object of the spec, keys in order.
        read_sized(decision, [&](char *b, size_t c, size_t *n) { return sesame_decision_json(b, c, n, d); });
        out.raw(decision);
    }, Input::plain, [](JsonWriter &out) { claim_error(out, "line_too_long"); });
}

int cmd_login_id(const Args &args) {
    const Command &cmd = args.cmd;
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    LoginSet taken;
    if (const auto *f = p.get("--taken")) {
        if (f->value.empty()) return bad_value(args, *f, "must be a file name");
        std::string text, error;
        if (!read_regular_file(f->value, SESAME_LOGIN_TAKEN_MAX_BYTES, "SESAME_LOGIN_TAKEN_MAX_BYTES", "the --taken file", text, error))
            return io_error(cmd, error);
        std::string_view rest = text;
        while (!rest.empty()) {
            const std::size_t nl = rest.find('\n');
            std::string_view l = rest.substr(0, nl);
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
            while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
            const std::size_t b = l.find_first_not_of(" \t");
            if (b == std::string_view::npos || l[b] == '#') continue;
            std::string id(l.substr(b));
            for (char &c : id)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            taken.insert(std::move(id));
        }
    }
    auto is_taken = [](void *payload, const char *login, size_t len, bool *out) -> int32_t {
        *out = static_cast<LoginSet *>(payload)->count(std::string_view(login, len)) != 0;
        return 0;
    };
    return for_each_line([&](std::string_view line, JsonWriter &out) {
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) {
            out.begin_object();
            out.null_field("login");
            out.field("error", "bad_line");
            out.end_object();
            return;
        }
        const std::string_view family = line.substr(0, tab), given = line.substr(tab + 1);
        char buf[SESAME_LOGIN_ID_SIZE];
        size_t len = 0;
        const sesame_status st = sesame_login_id(buf, sizeof buf, &len, family.data(), family.size(), given.data(),
                                                 given.size(), nullptr, 0, is_taken, &taken);
        if (st != SESAME_OK && st != SESAME_E_INVALID_NAME && st != SESAME_E_EXHAUSTED)
            throw_status(st);
        out.begin_object();
        if (st == SESAME_OK) {
            const std::string_view login(buf, len);
            taken.emplace(login);
            out.field("login", login);
        } else {
            out.null_field("login");
            out.field("error", st == SESAME_E_INVALID_NAME ? (is_utf8(line) ? "invalid_name" : "invalid_utf8") : "exhausted");
        }
        out.end_object();
    }, Input::plain, [](JsonWriter &out) {
        out.begin_object();
        out.null_field("login");
        out.field("error", "line_too_long");
        out.end_object();
    });
}

}  // namespace cli
