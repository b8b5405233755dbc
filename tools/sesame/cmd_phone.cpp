// sesame phone normalize [--region FR] (spec: cli.md; phone.md). A client of sesame/phone.h only.
#include <stdexcept>

#include "cli.hpp"

namespace cli {

namespace {

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

// A line above the bound: the keys of a refused number.
void too_long(JsonWriter &out) {
    out.begin_object();
    out.null_field("input");
    out.field("ok", false);
    out.field("error", "line_too_long");
    out.end_object();
}

}  // namespace

int cmd_phone_normalize(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    for (const auto &v : p.values)
        if (v.name == "--region" && v.value != "FR") return bad_value(args, v, "must be FR (the only region of this version)");
    return for_each_line(normalize_line, Input::plain, too_long);
}

}  // namespace cli
