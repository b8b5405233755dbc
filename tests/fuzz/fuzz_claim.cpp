// Fuzzes claims (sesame_directory_match) against the school of tests/data/identity/school.json,
// embedded and loaded once, at the tests' reference date 2026-09-01. The input is the claim.
// Invariants:
// - the status is one documented for sesame_directory_match (OK, PARSE with "invalid_json" or
//   "bad_claim:<field>", DUPLICATE with "duplicate_pupil", LIMIT); on failure no decision;
// - bounds: a claim nested deeper than SESAME_JSON_MAX_DEPTH or longer than SESAME_CLAIM_MAX_BYTES
//   is SESAME_E_LIMIT and never a decision (this claim, and this claim wrapped or padded beyond);
//   a text that is not JSON is never decided (nor an accepted claim followed by a NUL byte);
// - on SESAME_OK the decision JSON has the keys of docs/spec/cli.md and follows the spec's status
//   rules, and a pupil is attached only through a legal link of the chosen guardian, a ticked box
//   and the recorded birth date (fuzz_support.hpp, check_decision);
// - a fresh wrong-date counter changes nothing on a first decision; deciding twice gives the
//   same JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "sesame.h"

namespace {

constexpr int32_t kToday = 20260901;
constexpr int64_t kNowMs = 1788220800000;  // 2026-09-01T00:00:00Z

constexpr std::string_view kSchool =
#include "school_json.inc"
    ;

struct School {
    sesame_directory *dir = nullptr;
    fuzz::DirectoryModel model;
};

const School &school() {
    static const School s = [] {
        School s;
        FUZZ_CHECK(sesame_directory_load_json(&s.dir, kSchool.data(), kSchool.size(), nullptr) == SESAME_OK);
        FUZZ_CHECK(fuzz::model_of(fuzz::parse_dom(kSchool), s.model));
        return s;
    }();
    return s;
}

sesame_status match(std::string_view claim, sesame_date_counter *counter, sesame_decision **out) {
    return sesame_directory_match(out, school().dir, counter, claim.data(), claim.size(), kToday, kNowMs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view claim(reinterpret_cast<const char *>(data), size);
    sesame_decision *d = nullptr;
    const sesame_status st = match(claim, nullptr, &d);
    FUZZ_CHECK(fuzz::status_in(st, {SESAME_OK, SESAME_E_PARSE, SESAME_E_DUPLICATE, SESAME_E_LIMIT}));
    const std::string detail = st == SESAME_OK ? std::string() : std::string(sesame_last_error_message());
    if (st == SESAME_E_PARSE) FUZZ_CHECK(detail == "invalid_json" || detail.substr(0, 10) == "bad_claim:");
    if (st == SESAME_E_DUPLICATE) FUZZ_CHECK(detail == "duplicate_pupil");
    fuzz::check_bounds(claim, st, SESAME_CLAIM_MAX_BYTES, "SESAME_CLAIM_MAX_BYTES", [](std::string_view text) {
        sesame_decision *x = nullptr;
        const sesame_status s = match(text, nullptr, &x);
        FUZZ_CHECK(x == nullptr || s == SESAME_OK);
        sesame_decision_free(x);
        return s;
    });
    if (st != SESAME_OK) {
        FUZZ_CHECK(d == nullptr);
        return 0;
    }
    const std::string json = fuzz::check_decision(d, claim, kToday, &school().model);
    sesame_decision_free(d);

    // The same claim with a fresh counter (3 wrong dates per day): the first decision is the same.
    sesame_date_counter *counter = nullptr;
    FUZZ_CHECK(sesame_date_counter_new(&counter, 3, 86'400'000) == SESAME_OK);
    sesame_decision *again = nullptr;
    FUZZ_CHECK(match(claim, counter, &again) == SESAME_OK);
    FUZZ_CHECK(fuzz::read_out(sesame_decision_json, again) == json);
    sesame_decision_free(again);
    sesame_date_counter_free(counter);
    return 0;
}
