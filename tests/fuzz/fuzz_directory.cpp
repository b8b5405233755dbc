// Fuzzes school directories (sesame_directory_load_json, the streaming loader). The input is the
// document. Invariants:
// - OK or a documented failure (PARSE, DUPLICATE, NOT_FOUND, LIMIT, INVALID_ARGUMENT), with a
//   detail and no directory on failure; a text that is not JSON is never loaded (nor an
//   accepted document followed by a NUL byte and more);
// - bounds: deeper than SESAME_JSON_MAX_DEPTH is SESAME_E_LIMIT; the load options' max_bytes one
//   byte below the size is SESAME_E_LIMIT, equal to the size changes nothing;
// - loading the same bytes twice gives the same status, detail and report;
// - on OK, sesame_directory_report is JSON {"guardians", "pupils", "links", "unreachable"} whose
//   counts are the document's records, whose unreachable entries name a guardian id of the
//   document, a known field and a known reason, at most once per (guardian, field);
// - on OK, two fixed claims (form and FranceConnect) decide, and their decisions pass the checks
//   of check_decision against the document's own records.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "fuzz_support.hpp"
#include "sesame.h"

namespace {

constexpr int32_t kToday = 20260901;
constexpr int64_t kNowMs = 1788220800000;

constexpr std::string_view kClaims[] = {
    R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Hélène", "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12 03 2014"}, {"pupil": "P02", "legal_representative": true, "birthdate": "29/02/2016"}]})",
    R"({"method": "fc", "phone": null, "fc": {"given_name": "Hélène Marie", "family_name": "LEFÈVRE", "preferred_username": ""}, "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12/03/2014"}]})",
};

struct Load {
    sesame_status status;
    std::string detail;  // the error detail, or the report
};

Load load(std::string_view doc, uint64_t max_bytes, sesame_directory **keep = nullptr) {
    sesame_directory_load_options opts;
    FUZZ_CHECK(sesame_directory_load_options_init(&opts) == SESAME_OK);
    opts.max_bytes = max_bytes;
    sesame_directory *dir = nullptr;
    Load l{sesame_directory_load_json(&dir, doc.data(), doc.size(), &opts), {}};
    if (l.status != SESAME_OK) {
        FUZZ_CHECK(dir == nullptr);
        l.detail = sesame_last_error_message();
        FUZZ_CHECK(!l.detail.empty());
        return l;
    }
    FUZZ_CHECK(dir != nullptr);
    size_t len = 0;
    FUZZ_CHECK(sesame_directory_report(nullptr, 0, &len, dir) == SESAME_E_BUFFER_TOO_SMALL && len > 0);
    l.detail.assign(len, '\0');
    FUZZ_CHECK(sesame_directory_report(l.detail.data(), len, &len, dir) == SESAME_OK && len == l.detail.size());
    if (keep != nullptr) *keep = dir;
    else sesame_directory_free(dir);
    return l;
}

bool is_known_reason(const std::string &r) {
    static const std::set<std::string> known = {"missing", "invalid_name", "not_mobile", "too_long", "invalid_utf8",
                                                "extension", "invalid_character", "no_digits", "invalid_length",
                                                "invalid_number"};
    return known.count(r) == 1;
}

void check_report(const std::string &report, const fuzz::Dom &dom) {
    const nlohmann::json r = nlohmann::json::parse(report, nullptr, false);
    FUZZ_CHECK(!r.is_discarded() && r.is_object() && r.size() == 4);
    for (const char *k : {"guardians", "pupils", "links"}) FUZZ_CHECK(r.contains(k) && r[k].is_number_unsigned());
    FUZZ_CHECK(r.contains("unreachable") && r["unreachable"].is_array());
    const uint64_t guardians = r["guardians"], pupils = r["pupils"], links = r["links"];
    FUZZ_CHECK(r["unreachable"].size() <= 4 * guardians);  // at most once per field
    fuzz::DirectoryModel model;
    const bool modelled = fuzz::model_of(dom, model);
    if (modelled) {
        FUZZ_CHECK(guardians == model.guardians.size());
        FUZZ_CHECK(pupils == model.pupils.size());
        FUZZ_CHECK(links == model.links.size());
    }
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto &u : r["unreachable"]) {
        FUZZ_CHECK(u.is_object() && u.size() == 3 && u.contains("guardian") && u.contains("field") && u.contains("reason"));
        FUZZ_CHECK(u["guardian"].is_string() && u["field"].is_string() && u["reason"].is_string());
        const std::string g = u["guardian"], f = u["field"];
        FUZZ_CHECK(f == "phone_mobile" || f == "nom" || f == "nom_naissance" || f == "prenom");
        FUZZ_CHECK(is_known_reason(u["reason"]));
        FUZZ_CHECK(seen.insert({g, f}).second);
        if (modelled) FUZZ_CHECK(model.guardians.count(g) == 1);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view doc(reinterpret_cast<const char *>(data), size);
    sesame_directory *dir = nullptr;
    const Load first = load(doc, 0, &dir);
    FUZZ_CHECK(fuzz::status_in(first.status, {SESAME_OK, SESAME_E_PARSE, SESAME_E_DUPLICATE, SESAME_E_NOT_FOUND,
                                              SESAME_E_LIMIT, SESAME_E_INVALID_ARGUMENT}));
    // check_bounds reads the detail of the first load: take it before any other call.
    if (first.status == SESAME_E_LIMIT)
        FUZZ_CHECK(fuzz::contains(first.detail, "SESAME_JSON_MAX_DEPTH") ||
                   fuzz::contains(first.detail, "SESAME_DIRECTORY_MAX_BYTES_DEFAULT"));
    const int depth = fuzz::json_depth(doc);
    if (depth > SESAME_JSON_MAX_DEPTH) FUZZ_CHECK(first.status == SESAME_E_LIMIT);
    if (depth >= 0 && depth <= SESAME_JSON_MAX_DEPTH) FUZZ_CHECK(first.status != SESAME_E_LIMIT);
    if (depth == fuzz::kNotJson) FUZZ_CHECK(first.status == SESAME_E_PARSE || first.status == SESAME_E_LIMIT);
    if (depth >= 1) {  // 16 levels deeper
        std::string deep(SESAME_JSON_MAX_DEPTH, '[');
        deep.append(doc).append(SESAME_JSON_MAX_DEPTH, ']');
        FUZZ_CHECK(load(deep, 0).status == SESAME_E_LIMIT);
    }
    if (first.status == SESAME_OK) {  // then a NUL byte and more: not JSON
        std::string tail(doc);
        tail.append(1, '\0').append("[]");
        FUZZ_CHECK(load(tail, 0).status != SESAME_OK);
    }
    // Deterministic: the same bytes again, and the size bound exactly at the size.
    const Load second = load(doc, 0);
    FUZZ_CHECK(second.status == first.status && second.detail == first.detail);
    if (size >= 1) {
        const Load at = load(doc, size);
        FUZZ_CHECK(at.status == first.status && at.detail == first.detail);
    }
    if (size >= 2) {  // max_bytes 0 means the default, so from 2 bytes on
        const Load below = load(doc, size - 1);
        FUZZ_CHECK(below.status == SESAME_E_LIMIT && fuzz::contains(below.detail, "max_bytes"));
    }
    if (first.status != SESAME_OK) return 0;

    const fuzz::Dom dom = fuzz::parse_dom(doc);
    FUZZ_CHECK(dom.valid && dom.doc.is_object());
    check_report(first.detail, dom);
    fuzz::DirectoryModel model;
    const bool modelled = fuzz::model_of(dom, model);
    for (std::string_view claim : kClaims) {
        sesame_decision *d = nullptr;
        FUZZ_CHECK(sesame_directory_match(&d, dir, nullptr, claim.data(), claim.size(), kToday, kNowMs) == SESAME_OK);
        (void)fuzz::check_decision(d, claim, kToday, modelled ? &model : nullptr);
        sesame_decision_free(d);
    }
    sesame_directory_free(dir);
    return 0;
}
