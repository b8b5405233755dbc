// Password policy and rule evaluation (spec: docs/spec/password.md, "Rule semantics").
//
// A policy is data: a list of alternatives (a minimum length and the character classes it needs,
// or "N of 4"), a maximum length (at most 128), the set of special characters, whether other
// characters are allowed, and an optional minimum strength score. `check_rules` decodes strictly,
// refuses control characters, applies the raw caps, normalizes to NFC and reports every rule.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/limits.hpp"
#include "core/common/status.hpp"

namespace sesame::password {

// Character classes (bit values are part of the C ABI: sesame_password_class).
inline constexpr std::uint32_t kUpper = 1;
inline constexpr std::uint32_t kLower = 2;
inline constexpr std::uint32_t kDigit = 4;
inline constexpr std::uint32_t kSpecial = 8;
inline constexpr std::uint32_t kAllClasses = kUpper | kLower | kDigit | kSpecial;

inline constexpr std::uint32_t kMaxLengthLimit = 128;  // the policy maximum may not exceed this
inline constexpr std::size_t kRawMaxCodePoints = limits::kPasswordMaxInputCodePoints;  // before NFC (NFC shrinks at most 4:1)
inline constexpr std::size_t kRawMaxBytes = limits::kPasswordMaxInputBytes;
inline constexpr std::size_t kMaxAlternatives = 8;
inline constexpr std::size_t kMaxSpecials = 256;

// The 25 specials of the portal's policy, in the order the portal shows them.
inline constexpr std::u32string_view kPortalSpecials = U"!?@#$()[]_.,;&=+-%*<>\u00A3\u00B5/:";

struct Alternative {
    std::uint32_t min_length = 8;
    std::uint32_t required = kAllClasses;  // classes that must all be present
    std::uint32_t min_classes = 0;         // "N of 4": at least this many classes present (0: none)
};

class Policy {
public:
    // Validates and builds a policy; Code::invalid_argument with a detail naming the bad field.
    static Result<Policy> make(std::vector<Alternative> alternatives, std::uint32_t max_length,
                               std::u32string_view specials, bool forbid_other, std::int32_t min_score);
    // "portal" (the default) or "cnil2022"; Code::not_found for any other name.
    static Result<Policy> preset(std::string_view name);
    // {"alternatives": [{"min_length": 12, "classes": ["upper", ...], "min_classes": 0}],
    //  "max_length": 128, "specials": "!?@...", "forbid_other": false, "min_score": null}
    // Missing keys take the portal's values. Code::parse / Code::invalid_argument.
    static Result<Policy> from_json(std::string_view json);
    static const Policy &portal();

    std::string to_json() const;
    const std::vector<Alternative> &alternatives() const noexcept { return alternatives_; }
    std::uint32_t max_length() const noexcept { return max_length_; }
    const std::u32string &specials() const noexcept { return specials_; }
    bool forbid_other() const noexcept { return forbid_other_; }
    std::int32_t min_score() const noexcept { return min_score_; }  // -1: none

    bool is_special(char32_t cp) const noexcept { return (classes(cp) & kSpecial) != 0; }
    // The class bits of cp under this policy: unicode_classes(cp), with kSpecial for its specials.
    std::uint32_t classes(char32_t cp) const noexcept { return cp < 256 ? latin_[cp] : other_classes(cp); }

private:
    Policy() = default;
    std::vector<Alternative> alternatives_;
    std::uint32_t max_length_ = kMaxLengthLimit;
    std::u32string specials_;
    bool forbid_other_ = false;
    std::int32_t min_score_ = -1;
    std::uint32_t other_classes(char32_t cp) const noexcept;  // cp >= 256
    std::array<std::uint8_t, 256> latin_{};  // classes() below 256, one read
    std::u32string other_;                   // the specials at or above 256
};

enum class RuleError : std::uint8_t { none = 0, invalid_utf8, control_char, too_long };
const char *error_name(RuleError e) noexcept;  // "invalid_utf8", ... ; "" for none

enum class Lang : std::uint8_t { fr = 0, en = 1 };

// Rules, as reported for the live checklist. Bit values are part of the C ABI (sesame_password_rule).
enum class Rule : std::uint8_t { upper = 0, lower, digit, special, length, allowed };
const char *rule_name(Rule r) noexcept;                  // "upper", ...

// Unicode class bits of one code point (kUpper/kLower/kDigit; kSpecial is policy-dependent).
// Letters report kLetter, combining marks kMark (for the "allowed" rule).
inline constexpr std::uint32_t kLetter = 16;
inline constexpr std::uint32_t kMark = 32;
std::uint32_t unicode_classes(char32_t cp) noexcept;

// At most this many distinct unaccepted characters are reported (their count is exact).
inline constexpr std::size_t kMaxUnaccepted = 8;

struct RuleResult {
    RuleError error = RuleError::none;
    bool valid = false;
    std::int32_t length = -1;  // NFC code points; -1 when unknown (null)
    bool upper = false, lower = false, digit = false, special = false, length_ok = false;
    bool allowed = true;           // meaningful when the policy forbids other characters
    bool has_allowed_rule = false;
    std::int32_t alternative = -1;  // index of the alternative reported (met, or the closest)
    std::uint32_t classes = 0;      // classes present
    // The password's characters that are neither letters, digits nor the policy's specials (€, ~,
    // a space, an emoji...), distinct, in order of first appearance: what a parent must be told
    // about when the special rule fails or the policy forbids them. Part of the password: callers
    // wipe it (wipe_unaccepted) once used.
    std::array<char32_t, kMaxUnaccepted> unaccepted{};
    std::uint8_t unaccepted_n = 0;      // how many are in `unaccepted`
    std::uint32_t unaccepted_count = 0; // how many distinct ones the password has
    void wipe_unaccepted() noexcept;
};

// Parent-facing texts, one line each, in French (vouvoiement) or English, made from the policy so
// that a custom policy gets right labels too.
// The checklist line of a rule, with its figure: "Au moins 8 caractères (128 au maximum)",
// "Au moins un caractère spécial parmi ! ? @ # …". `alternative`: the policy alternative whose
// figures to state (RuleResult::alternative; -1 or out of range: the first).
std::string rule_label(const Policy &policy, Rule rule, std::int32_t alternative, Lang lang);
// Why the characters of RuleResult::unaccepted did not count: "€ n’est pas un caractère spécial
// accepté ; caractères spéciaux acceptés : ! ? @ …", or, when the policy forbids them, "€ n’est
// pas autorisé ; …". "" when there is nothing to say (no such character, or they are allowed and
// the special rule is met).
std::string unaccepted_message(const Policy &policy, const RuleResult &result, Lang lang);

// The NFC code points of an accepted password, wiped on destruction.
struct NfcPassword {
    std::array<char32_t, kRawMaxCodePoints> cps;  // only [0, n) is meaningful (and wiped)
    std::size_t n = 0;
    NfcPassword() = default;
    NfcPassword(const NfcPassword &) = delete;
    NfcPassword &operator=(const NfcPassword &) = delete;
    ~NfcPassword();
};

// Evaluates the rules. When nfc_out is given and the result has no raw error, it receives the NFC
// code points (for the meter). Never throws except std::bad_alloc on the rare NFC slow path.
RuleResult check_rules(const Policy &policy, std::string_view password, NfcPassword *nfc_out = nullptr);

// Strict decode + control/raw-cap checks + NFC, without rules (hashing, confirmation).
RuleError normalize(std::string_view password, NfcPassword &out);

// NFC forms of a and b compared in constant time (for their common length); false when either is
// not an acceptable password (ill-formed, control character, raw cap).
bool confirm(std::string_view a, std::string_view b);

}  // namespace sesame::password
