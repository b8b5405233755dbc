// Fuzzes the candidate records of one decision (sesame_identity_match_candidates) with two fixed
// claims, a form claim and a FranceConnect claim (tests/data/identity/claims.jsonl, lines 1 and
// 17). The input is the candidates document (the directory format). Invariants, per claim:
// - the status is one documented (OK, PARSE, DUPLICATE, NOT_FOUND, LIMIT, INVALID_ARGUMENT), with
//   no decision on failure;
// - bounds: deeper than SESAME_JSON_MAX_DEPTH is SESAME_E_LIMIT (this document and the document
//   wrapped 16 levels deeper); above SESAME_CANDIDATES_MAX_BYTES is SESAME_E_LIMIT (checked once);
//   a text that is not JSON is never decided (nor an accepted document followed by a NUL byte);
// - the same as loading the document with sesame_directory_load_json and deciding with
//   sesame_directory_match: the same status and detail, the same decision JSON;
// - on OK the decision passes check_decision against the document's own records.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "sesame.h"

namespace {

constexpr int32_t kToday = 20260901;
constexpr int64_t kNowMs = 1788220800000;

constexpr std::string_view kClaims[] = {
    R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Hélène", "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12 03 2014"}, {"pupil": "P02", "legal_representative": true, "birthdate": "29/02/2016"}]})",
    R"({"method": "fc", "phone": null, "fc": {"given_name": "Hélène Marie", "family_name": "LEFÈVRE", "preferred_username": "", "birthdate": "1985-04-02", "gender": "female", "birthplace": "75056", "birthcountry": "99100"}, "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12/03/2014"}]})",
};

sesame_status candidates(std::string_view doc, std::string_view claim, sesame_decision **out) {
    return sesame_identity_match_candidates(out, nullptr, doc.data(), doc.size(), claim.data(), claim.size(), kToday, kNowMs);
}

// Two details equal once the document's name is the same ("the candidates" read as "the directory").
bool same_but_name(std::string a, std::string_view b) {
    constexpr std::string_view from = "the candidates", to = "the directory";
    if (a.starts_with(from)) a.replace(0, from.size(), to);
    return a == b;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    // One byte above SESAME_CANDIDATES_MAX_BYTES (16 MiB) is refused before anything is read: too
    // big to build per input, so checked once here with a valid document padded with spaces.
    std::string big = R"({"guardians": []})";
    big.resize(std::size_t(SESAME_CANDIDATES_MAX_BYTES) + 1, ' ');
    sesame_decision *d = nullptr;
    FUZZ_CHECK(candidates(big, kClaims[0], &d) == SESAME_E_LIMIT && d == nullptr);
    FUZZ_CHECK(fuzz::contains(sesame_last_error_message(), "SESAME_CANDIDATES_MAX_BYTES"));
    big.resize(SESAME_CANDIDATES_MAX_BYTES);
    FUZZ_CHECK(candidates(big, kClaims[0], &d) == SESAME_OK);
    sesame_decision_free(d);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view doc(reinterpret_cast<const char *>(data), size);
    fuzz::DirectoryModel model;
    int modelled = -1;  // built once the document is accepted
    for (std::string_view claim : kClaims) {
        sesame_decision *d = nullptr;
        const sesame_status st = candidates(doc, claim, &d);
        FUZZ_CHECK(fuzz::status_in(st, {SESAME_OK, SESAME_E_PARSE, SESAME_E_DUPLICATE, SESAME_E_NOT_FOUND, SESAME_E_LIMIT,
                                        SESAME_E_INVALID_ARGUMENT}));
        FUZZ_CHECK((st == SESAME_OK) == (d != nullptr));
        const std::string detail = st == SESAME_OK ? std::string() : std::string(sesame_last_error_message());
        fuzz::check_bounds(doc, st, SESAME_CANDIDATES_MAX_BYTES, "SESAME_CANDIDATES_MAX_BYTES", [&](std::string_view text) {
            sesame_decision *x = nullptr;
            const sesame_status s = candidates(text, claim, &x);
            sesame_decision_free(x);
            return s;
        });
        // The same decision through a directory.
        sesame_directory *dir = nullptr;
        const sesame_status lst = sesame_directory_load_json(&dir, doc.data(), doc.size(), nullptr);
        if (lst != SESAME_OK) {
            // The same status and detail, but for the document's name where the bounds name it
            // (size, depth, NUL byte: "the candidates ..." / "the directory ...").
            FUZZ_CHECK(st == lst);
            if (lst != SESAME_E_LIMIT) FUZZ_CHECK(same_but_name(detail, sesame_last_error_message()));
            continue;
        }
        sesame_decision *viadir = nullptr;
        const sesame_status mst = sesame_directory_match(&viadir, dir, nullptr, claim.data(), claim.size(), kToday, kNowMs);
        FUZZ_CHECK(st == mst);
        if (st == SESAME_OK) {
            if (modelled < 0) modelled = fuzz::model_of(fuzz::parse_dom(doc), model);
            const std::string json = fuzz::check_decision(d, claim, kToday, modelled == 1 ? &model : nullptr);
            FUZZ_CHECK(fuzz::read_out(sesame_decision_json, viadir) == json);
        }
        sesame_decision_free(viadir);
        sesame_directory_free(dir);
        sesame_decision_free(d);
    }
    return 0;
}
