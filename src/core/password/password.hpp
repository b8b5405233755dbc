// The password module's one-call check: rules + verdict + (optional) strength.
#pragma once

#include <string_view>

#include "core/password/meter.hpp"
#include "core/password/policy.hpp"

namespace sesame::password {

struct CheckOptions {
    bool strength = true;
    MeterOptions meter;
};

struct CheckResult {
    RuleResult rules;
    bool valid = false;         // rules.valid and, when the policy sets one, the minimum score
    bool has_strength = false;  // no error and the meter ran
    Strength strength;
};

CheckResult check(const Policy &policy, std::string_view password, const Context *context, const CheckOptions &options);

}  // namespace sesame::password
