// sesame phone normalize [--region FR] (spec: cli.md; phone.md). A client of sesame/phone.h only.
#include <cstring>
#include <stdexcept>

#include "cli.hpp"

namespace cli {

namespace {

const Command &phone_command(const char *name) {
    for (const auto &c : commands())
        if (std::strcmp(c.name, name) == 0) return c;
    return commands().front();
}

// One line: {"input", "ok": true, "e164", ...} or {"input", "ok": false, "error"}.
void normalize_line(std::string_view line, JsonWriter &out) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF files
    sesame_phone_result r;
    if (sesame_phone_result_init(&r) != SESAME_OK || sesame_phone_normalize(&r, line.data(), line.size()) != SESAME_OK)
        throw std::runtime_error(std::string("phone normalize: ") + sesame_last_error_message());
    out.begin_object();
    out.key("input");
    out.repaired_string(line);
    if (r.error != SESAME_PHONE_OK) {
        out.field("ok", false);
        out.field("error", sesame_phone_error_name(r.error));
    } else {
        out.field("ok", true);
        out.field("e164", r.e164);
        out.field("country_code", r.country_code);
        out.field("region", r.region);
        out.field("type", sesame_phone_type_name(r.type));
        out.field("is_mobile", r.is_mobile);
        out.field("national", r.national);
        out.field("international", r.international);
        out.field("masked", r.masked);
    }
    out.end_object();
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
