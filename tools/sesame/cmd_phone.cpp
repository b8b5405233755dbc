// sesame phone normalize [--region FR] (spec: cli.md; phone.md). A client of sesame/phone.h only.
#include <cstring>

#include "cli.hpp"

namespace cli {

namespace {

const Command &phone_command(const char *name) {
    for (const auto &c : commands())
        if (std::strcmp(c.name, name) == 0) return c;
    return commands().front();
}

json normalize_line(std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
    json j;
    j["input"] = repaired(line);
    sesame_phone_result r;
    if (sesame_phone_result_init(&r) != SESAME_OK || sesame_phone_normalize(&r, line.data(), line.size()) != SESAME_OK)
        throw std::runtime_error(std::string("phone normalize: ") + sesame_last_error_message());
    if (r.error != SESAME_PHONE_OK) {
        j["ok"] = false;
        j["error"] = sesame_phone_error_name(r.error);
        return j;
    }
    j["ok"] = true;
    j["e164"] = r.e164;
    j["country_code"] = r.country_code;
    j["region"] = r.region;
    j["type"] = sesame_phone_type_name(r.type);
    j["is_mobile"] = r.is_mobile;
    j["national"] = r.national;
    j["international"] = r.international;
    j["masked"] = r.masked;
    return j;
}

}  // namespace

int cmd_phone_normalize(const std::vector<std::string> &args) {
    const Command &cmd = phone_command("phone normalize");
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string value;
        if (args[i] == "--region") {
            if (i + 1 >= args.size()) return usage_error(cmd, "option '--region' needs a value");
            value = args[++i];
        } else if (args[i].rfind("--region=", 0) == 0) {
            value = args[i].substr(9);
        } else {
            return usage_error(cmd, "unexpected argument '" + args[i] + "'");
        }
        if (value != "FR") return usage_error(cmd, "only --region FR is supported in this version");
    }
    return for_each_line(normalize_line);
}

}  // namespace cli
