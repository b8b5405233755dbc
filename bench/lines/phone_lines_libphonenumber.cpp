// The phone peer of bench/cli_bench.sh: what a competent engineer writes to normalize a file of
// phone numbers with libphonenumber. One line in, one line out: "<E.164> <type number>" or "error".
// Parse(line, "FR") + IsValidNumber + GetNumberType + Format(E164), as bench/phone_bench.cpp.
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdio>
#include <iostream>
#include <string>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);  // else each getline flushes std::cout: one write(2) per line
    PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    util->SetLogger(new i18n::phonenumbers::NullLogger());  // else every refused line logs to stderr
    std::string line, e164;
    while (std::getline(std::cin, line)) {
        PhoneNumber pn;
        if (util->Parse(line, "FR", &pn) == PhoneNumberUtil::NO_PARSING_ERROR && util->IsValidNumber(pn)) {
            const PhoneNumberUtil::PhoneNumberType type = util->GetNumberType(pn);
            util->Format(pn, PhoneNumberUtil::E164, &e164);
            std::cout << e164 << ' ' << int(type) << '\n';
        } else {
            std::cout << "error\n";
        }
    }
    return 0;
}
