// Shared by the JSON fuzz targets (fuzz_claim, fuzz_directory, fuzz_candidates, fuzz_policy,
// fuzz_context): invariant checks that say which invariant failed, an independent JSON oracle
// (nlohmann's SAX parser: validity and nesting depth), the bound checks every JSON entry point
// owes (sesame/limits.h), and the checks of a decision against docs/spec/cli.md and identity.md.
//
// The oracle never calls Sesame's own bound scanner: a document is "too deep" when nlohmann's
// parser sees more than SESAME_JSON_MAX_DEPTH nested arrays and objects, and a text holding a raw
// NUL byte is not JSON (nlohmann would stop there: see json_depth).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sesame.h"

namespace fuzz {

[[noreturn]] inline void fail(const char *what, const char *file, int line) {
    std::fprintf(stderr, "\n==fuzz== invariant failed at %s:%d: %s\n==fuzz== last error: %s\n", file, line, what,
                 sesame_last_error_message());
    std::abort();
}

#define FUZZ_CHECK(cond)                                     \
    do {                                                     \
        if (!(cond)) ::fuzz::fail(#cond, __FILE__, __LINE__); \
    } while (0)

inline bool status_in(sesame_status st, std::initializer_list<sesame_status> allowed) {
    for (sesame_status a : allowed)
        if (st == a) return true;
    return false;
}

inline bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// ---- known findings ----------------------------------------------------------------------------

// The invariants a reported, not yet fixed finding breaks are relaxed by name when the
// environment says so: SESAME_FUZZ_ALLOW=<finding>,<finding> (comma-separated). A target run by
// hand relaxes nothing; scripts/fuzz.sh relaxes the findings of tests/fuzz/known_findings (and
// checks that their regression files still fail). None is open today; the fixed ones (a NUL byte
// ending a JSON document, the context without bounds) are in the corpora.
inline bool allowed(std::string_view finding) {
    static const std::string list = [] {
        const char *e = std::getenv("SESAME_FUZZ_ALLOW");
        return std::string(",") + (e != nullptr ? e : "") + ",";
    }();
    return contains(list, "," + std::string(finding) + ",");
}

// ---- JSON oracle --------------------------------------------------------------------------------

constexpr int kNotJson = -1;  // json_depth(): RFC 8259 refuses the text

// Nesting depth of a JSON text (0 for a scalar), kNotJson when it is not JSON. nlohmann's parser
// stops at a NUL byte as if the input ended there (3.11); JSON allows no raw NUL anywhere, so a
// text holding one is not JSON.
inline int json_depth(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) return kNotJson;
    struct Sax {
        int depth = 0, max_depth = 0;
        bool null() { return true; }
        bool boolean(bool) { return true; }
        bool number_integer(std::int64_t) { return true; }
        bool number_unsigned(std::uint64_t) { return true; }
        bool number_float(double, const std::string &) { return true; }
        bool string(std::string &) { return true; }
        bool binary(std::vector<std::uint8_t> &) { return true; }
        bool key(std::string &) { return true; }
        bool open() {
            if (++depth > max_depth) max_depth = depth;
            return true;
        }
        bool start_object(std::size_t) { return open(); }
        bool start_array(std::size_t) { return open(); }
        bool end_object() { return --depth, true; }
        bool end_array() { return --depth, true; }
        bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) { return false; }
    } sax;
    const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax, nlohmann::json::input_format_t::json, true);
    return ok ? sax.max_depth : kNotJson;
}

// A DOM of a JSON text, and whether two top-level members share a name (nlohmann keeps the last;
// a streaming reader may see both, so models built from such a DOM are not used).
struct Dom {
    bool valid = false;
    bool duplicate_top_keys = false;
    nlohmann::json doc;
};

inline Dom parse_dom(std::string_view text) {
    Dom d;
    std::set<std::string> top_keys;
    nlohmann::json::parser_callback_t cb = [&](int depth, nlohmann::json::parse_event_t ev, nlohmann::json &parsed) {
        if (depth == 1 && ev == nlohmann::json::parse_event_t::key && !top_keys.insert(parsed.get<std::string>()).second)
            d.duplicate_top_keys = true;
        return true;
    };
    d.doc = nlohmann::json::parse(text.begin(), text.end(), cb, false);
    d.valid = !d.doc.is_discarded();
    return d;
}

// ---- bounds (sesame/limits.h) -------------------------------------------------------------------

// Every JSON entry point refuses a document nested deeper than SESAME_JSON_MAX_DEPTH or larger than
// its size bound with SESAME_E_LIMIT, before parsing, and never accepts a text that is not JSON.
// `st` is the entry point's status on `text` (its detail still current); `parse(text)` calls it
// again (and frees whatever it built). Checked for this text, for the text followed by a NUL
// byte when it was accepted, for the text wrapped in 16 more arrays when it is JSON, and for the
// text padded with spaces one byte beyond `max_bytes` (when that is small enough to build per
// input).
template <class Parse>
void check_bounds(std::string_view text, sesame_status st, std::uint64_t max_bytes, std::string_view limit_name,
                  Parse parse) {
    if (st == SESAME_E_LIMIT)
        FUZZ_CHECK(contains(sesame_last_error_message(), "SESAME_JSON_MAX_DEPTH") ||
                   contains(sesame_last_error_message(), limit_name));
    const int depth = json_depth(text);
    if (depth == kNotJson) FUZZ_CHECK(st != SESAME_OK);
    if (depth > SESAME_JSON_MAX_DEPTH) FUZZ_CHECK(st == SESAME_E_LIMIT);
    if (depth >= 0 && depth <= SESAME_JSON_MAX_DEPTH && text.size() <= max_bytes) FUZZ_CHECK(st != SESAME_E_LIMIT);
    if (st == SESAME_OK) {  // the accepted document, then a NUL byte and more: not JSON
        std::string tail(text);
        tail.append(1, '\0').append("[]");
        FUZZ_CHECK(parse(std::string_view(tail)) != SESAME_OK);
    }
    if (depth >= 1) {  // the same document 16 levels deeper: always too deep
        std::string deep(SESAME_JSON_MAX_DEPTH, '[');
        deep.append(text);
        deep.append(SESAME_JSON_MAX_DEPTH, ']');
        FUZZ_CHECK(parse(std::string_view(deep)) == SESAME_E_LIMIT);
        FUZZ_CHECK(contains(sesame_last_error_message(), "SESAME_JSON_MAX_DEPTH"));
    }
    if (text.size() <= max_bytes && max_bytes < (std::uint64_t(1) << 24)) {  // one byte too many, whatever it holds
        static std::string padded;
        padded.assign(text);
        padded.resize(max_bytes + 1, ' ');
        FUZZ_CHECK(parse(std::string_view(padded)) == SESAME_E_LIMIT);
        FUZZ_CHECK(contains(sesame_last_error_message(), limit_name));
    }
}

// ---- decisions ----------------------------------------------------------------------------------

// What a directory document says, for the checks of a decision: read from a DOM, independently of
// Sesame's loader.
struct DirectoryModel {
    std::set<std::string> guardians;
    std::map<std::string, std::int32_t> pupils;  // id -> yyyymmdd
    std::map<std::pair<std::string, std::string>, bool> links;  // (guardian, pupil) -> legal
};

inline std::int32_t iso_to_packed(const std::string &s) {
    if (s.size() != 10) return 0;
    return std::atoi(s.substr(0, 4).c_str()) * 10000 + std::atoi(s.substr(5, 2).c_str()) * 100 + std::atoi(s.substr(8, 2).c_str());
}

// The model of a directory Sesame accepted (false when the DOM cannot stand for what was streamed,
// or the document does not have the shape of an accepted one).
inline bool model_of(const Dom &dom, DirectoryModel &m) {
    if (!dom.valid || dom.duplicate_top_keys || !dom.doc.is_object()) return false;
    const nlohmann::json &d = dom.doc;
    auto str = [](const nlohmann::json &r, const char *k, std::string &out) {
        auto it = r.find(k);
        if (!r.is_object() || it == r.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    auto section = [&](const char *name) -> const nlohmann::json * {
        auto it = d.find(name);
        return it != d.end() && it->is_array() ? &*it : nullptr;
    };
    std::string id, date;
    if (auto *g = section("guardians"))
        for (const auto &r : *g) {
            if (!str(r, "id", id)) return false;
            m.guardians.insert(id);
        }
    if (auto *p = section("pupils"))
        for (const auto &r : *p) {
            if (!str(r, "id", id) || !str(r, "birthdate", date)) return false;
            m.pupils[id] = iso_to_packed(date);
        }
    if (auto *l = section("links"))
        for (const auto &r : *l) {
            if (!str(r, "guardian", id) || !str(r, "pupil", date)) return false;
            auto lr = r.find("legal_representative");
            m.links[{id, date}] = lr != r.end() && lr->is_boolean() && lr->get<bool>();
        }
    return true;
}

inline std::string read_out(sesame_status (*fn)(char *, size_t, size_t *, const sesame_decision *), const sesame_decision *d) {
    size_t len = 0;
    FUZZ_CHECK(fn(nullptr, 0, &len, d) == SESAME_E_BUFFER_TOO_SMALL && len > 0);
    std::string s(len + 1, '\0');
    size_t len2 = 0;
    FUZZ_CHECK(fn(s.data(), s.size(), &len2, d) == SESAME_OK && len2 == len && s[len] == '\0');
    s.resize(len);
    return s;
}

inline bool is_reason_name(const std::string &s) {
    for (int32_t r = SESAME_REASON_OK; r <= SESAME_REASON_BIRTHDATE_MISMATCH; ++r)
        if (s == sesame_decision_reason_name(r)) return true;
    return false;
}

// The decision of `claim` (which Sesame accepted) made at `today`: the JSON of docs/spec/cli.md,
// consistent with sesame_decision_outcome(), the spec's status rules; with a model of the
// directory, the security properties: a pupil is attached only through a legal link of the chosen
// guardian, a ticked box and a typed date equal to the record. Returns the decision JSON.
inline std::string check_decision(const sesame_decision *dec, std::string_view claim, int32_t today,
                                  const DirectoryModel *model) {
    FUZZ_CHECK(dec != nullptr);
    const std::string text = read_out(sesame_decision_json, dec);
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
    FUZZ_CHECK(!j.is_discarded() && j.is_object());
    for (const char *k : {"status", "reason", "guardian", "pupils", "pupil_results", "detail", "user_message"})
        FUZZ_CHECK(j.contains(k));
    FUZZ_CHECK(j["status"].is_string() && j["reason"].is_string() && j["user_message"].is_string());
    FUZZ_CHECK(j["guardian"].is_null() || j["guardian"].is_string());
    FUZZ_CHECK(j["detail"].is_null() || j["detail"].is_string());
    FUZZ_CHECK(j["pupils"].is_array() && j["pupil_results"].is_object());
    int32_t status = -1, reason = -1, message = -1;
    FUZZ_CHECK(sesame_decision_outcome(dec, &status, &reason, &message) == SESAME_OK);
    const std::string s = j["status"], r = j["reason"], um = j["user_message"];
    FUZZ_CHECK(s == sesame_decision_status_name(status) && !s.empty());
    FUZZ_CHECK(r == sesame_decision_reason_name(reason) && !r.empty());
    FUZZ_CHECK(um == sesame_user_message_name(message) && !um.empty());
    // The user message follows the status and never says more.
    FUZZ_CHECK((status == SESAME_DECISION_ACTIVATED) == (message == SESAME_USER_MESSAGE_OK_ALL));
    FUZZ_CHECK((status == SESAME_DECISION_PARTIAL) == (message == SESAME_USER_MESSAGE_OK_SOME));
    FUZZ_CHECK((status == SESAME_DECISION_REJECTED) == (message == SESAME_USER_MESSAGE_GENERIC_FAILURE));
    FUZZ_CHECK((status == SESAME_DECISION_ACTIVATED) == (reason == SESAME_REASON_OK));
    FUZZ_CHECK((status == SESAME_DECISION_ACTIVATED) == j["detail"].is_null());
    // pupils: exactly the confirmations whose result is ok, in claim order.
    std::vector<std::string> ok_pupils;
    std::size_t failed = 0;
    for (auto it = j["pupil_results"].begin(); it != j["pupil_results"].end(); ++it) {
        FUZZ_CHECK(it.value().is_string() && is_reason_name(it.value().get<std::string>()));
        if (it.value() == "ok") ok_pupils.push_back(it.key());
        else ++failed;
    }
    std::vector<std::string> pupils;
    for (const auto &p : j["pupils"]) {
        FUZZ_CHECK(p.is_string());
        pupils.push_back(p.get<std::string>());
    }
    FUZZ_CHECK(pupils == ok_pupils);
    if (status == SESAME_DECISION_ACTIVATED) FUZZ_CHECK(!pupils.empty() && failed == 0);
    if (status == SESAME_DECISION_PARTIAL) FUZZ_CHECK(!pupils.empty() && failed > 0);
    if (status == SESAME_DECISION_REJECTED) FUZZ_CHECK(pupils.empty());
    if (j["guardian"].is_null()) FUZZ_CHECK(status == SESAME_DECISION_REJECTED && j["pupil_results"].empty());
    // The claim's confirmations (the claim was accepted, so it is a JSON object).
    const nlohmann::json c = nlohmann::json::parse(claim.begin(), claim.end(), nullptr, false);
    FUZZ_CHECK(!c.is_discarded() && c.is_object());
    std::map<std::string, const nlohmann::json *> confirmations;
    if (auto ps = c.find("pupils"); ps != c.end() && ps->is_array())
        for (const auto &p : *ps) confirmations[p.at("pupil").get<std::string>()] = &p;
    for (auto it = j["pupil_results"].begin(); it != j["pupil_results"].end(); ++it)
        FUZZ_CHECK(confirmations.count(it.key()) == 1);
    if (!j["guardian"].is_null())
        FUZZ_CHECK(j["pupil_results"].empty() || j["pupil_results"].size() == confirmations.size());
    if (model != nullptr && !j["guardian"].is_null()) {
        const std::string g = j["guardian"];
        FUZZ_CHECK(model->guardians.count(g) == 1);
        for (const auto &p : pupils) {
            auto link = model->links.find({g, p});
            FUZZ_CHECK(link != model->links.end() && link->second);  // a legal link
            const nlohmann::json &conf = *confirmations.at(p);
            auto box = conf.find("legal_representative");
            FUZZ_CHECK(box != conf.end() && box->is_boolean() && box->get<bool>());  // the ticked box
            auto typed = conf.find("birthdate");
            FUZZ_CHECK(typed != conf.end() && typed->is_string());
            const std::string t = typed->get<std::string>();
            sesame_date_result dr;
            FUZZ_CHECK(sesame_date_result_init(&dr) == SESAME_OK);
            FUZZ_CHECK(sesame_date_parse(&dr, t.data(), t.size(), today) == SESAME_OK);
            FUZZ_CHECK(dr.error == SESAME_DATE_OK && dr.date == model->pupils.at(p));  // the recorded date
        }
    }
    return text;
}

}  // namespace fuzz
