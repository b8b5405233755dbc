#include "core/password/password.hpp"

namespace sesame::password {

CheckResult check(const Policy &policy, std::string_view password, const Context *context, const CheckOptions &options) {
    CheckResult r;
    NfcPassword nfc;
    r.rules = check_rules(policy, password, &nfc);
    if (r.rules.error == RuleError::none && (options.strength || policy.min_score() >= 0)) {
        r.strength = estimate(nfc.cps.data(), nfc.n, context, options.meter);
        r.has_strength = true;
    }
    r.valid = r.rules.valid && (policy.min_score() < 0 || (r.has_strength && r.strength.score >= policy.min_score()));
    return r;
}

}  // namespace sesame::password
