// The activation decision (spec: identity.md, "Decision procedure" and "Precise behaviour").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/status.hpp"
#include "core/common/time.hpp"
#include "core/identity/birthdate.hpp"
#include "core/identity/counter.hpp"
#include "core/identity/directory.hpp"

namespace sesame::identity {

enum class Method : std::uint8_t { form, fc };

struct PupilConfirmation {
    std::string pupil;             // pupil id
    bool legal_representative = false;  // the ticked box
    std::string birthdate;         // as typed
};

struct FcClaims {
    std::string given_name;
    std::string family_name;
    std::string preferred_username;
};

struct Claim {
    Method method = Method::form;
    std::optional<std::string> phone;  // as typed; nullopt when absent
    std::string family_name;           // form path
    std::string given_name;            // form path
    FcClaims fc;                       // fc path
    std::vector<PupilConfirmation> pupils;
};

// Parses the claim JSON of the CLI spec. Errors: Code::parse with detail "invalid_json" or
// "bad_claim:<field>", Code::duplicate with "duplicate_pupil".
Result<Claim> parse_claim(std::string_view json);

enum class Reason : std::uint8_t {
    ok,
    phone_unknown,
    name_mismatch,
    ambiguous,
    not_legal_guardian,
    birthdate_mismatch,
};
const char *reason_name(Reason r) noexcept;

enum class Outcome : std::uint8_t { activated, partial, rejected };
const char *outcome_name(Outcome o) noexcept;

enum class UserMessage : std::uint8_t { ok_all, ok_some, generic_failure };
const char *user_message_name(UserMessage m) noexcept;

struct PupilResult {
    std::string pupil;
    Reason reason = Reason::ok;
    std::string detail;  // empty when ok
};

struct Decision {
    Outcome status = Outcome::rejected;
    Reason reason = Reason::ok;
    std::optional<std::string> guardian;     // chosen by identification
    std::vector<std::string> pupils;         // attached (result ok), claim order
    std::vector<PupilResult> pupil_results;  // one per evaluated confirmation, claim order
    std::optional<std::string> detail;       // of the worst failure; nullopt when activated
    UserMessage user_message = UserMessage::generic_failure;
    std::string user_text;                   // the French sentence for the user
    bool near_miss = false;                  // a name one edit away from a holder's (logs only)

    std::string to_json() const;             // the CLI object (keys of cli.md plus extras)
};

struct DecideOptions {
    Date today;                              // reference date for typed birth dates (required)
    UnixMillis now_ms = 0;                   // for the wrong-birth-date counter
    FailureCounter *counter = nullptr;       // nullptr: wrong dates are not capped
};

// Runs identification then the confirmations. Fails only for a counter store error
// (Code::store_unavailable / store_full: fail closed) or an invalid `today`.
Result<Decision> decide(const Directory &dir, const Claim &claim, const DecideOptions &opt);

}  // namespace sesame::identity
