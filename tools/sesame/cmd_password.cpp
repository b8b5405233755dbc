// sesame password check (spec: cli.md; password.md). Passwords come from stdin only and are never
// echoed: the output has no "input" key. Each line is wiped once checked (Input::secret).
#include <memory>
#include <stdexcept>

#include "cli.hpp"

namespace cli {

namespace {

struct PolicyFree {
    void operator()(sesame_password_policy *p) const { sesame_password_policy_free(p); }
};
struct ContextFree {
    void operator()(sesame_password_context *c) const { sesame_password_context_free(c); }
};

// One line: {"valid", "error", "length", "rules": {...}, "strength": {...} or null, "unaccepted",
// "unaccepted_message"}. The password itself is never written; `unaccepted` holds only its
// characters that are neither letters, digits nor the policy's specials (what the parent must be
// told about: "€"), null when there are none. `message` is the run's buffer for the
// unaccepted_message (kept across lines, so one library call fills it; wiped after each use).
void check_line(std::string_view line, const sesame_password_policy *policy, const sesame_password_context *ctx,
                int32_t lang, std::string &message, JsonWriter &out) {
    sesame_password_result r;
    if (sesame_password_result_init(&r) != SESAME_OK) throw std::runtime_error("sesame_password_result_init failed");
    const sesame_status st = sesame_password_check(&r, policy, ctx, line.data(), line.size(), nullptr);
    if (st != SESAME_OK) throw_status(st);
    out.begin_object();
    out.field("valid", r.valid);
    if (r.error == SESAME_PASSWORD_OK) {
        out.null_field("error");
    } else {
        out.field("error", sesame_password_error_name(r.error));
    }
    if (r.length < 0) {
        out.null_field("length");
    } else {
        out.field("length", r.length);
    }
    out.key("rules");
    out.begin_object();
    out.field("upper", r.upper);
    out.field("lower", r.lower);
    out.field("digit", r.digit);
    out.field("special", r.special);
    out.field("length", r.length_ok);
    if (r.has_allowed_rule) out.field("allowed", r.allowed);
    out.end_object();
    out.key("strength");
    if (r.has_strength) {
        out.begin_object();
        out.field("score", r.score);
        out.field("label", sesame_password_score_label(r.score, lang));
        out.key("guesses_log10");
        out.number(((r.guesses_log10_milli + 5) / 10) / 100.0);  // two decimals, as the bindings
        out.key("feedback");
        out.begin_array();
        for (uint32_t bit = 1; bit <= SESAME_PASSWORD_FEEDBACK_CONTEXT; bit <<= 1)
            if ((r.feedback & bit) != 0) out.string(sesame_password_feedback_code(bit));
        out.end_array();
        out.key("messages");
        out.begin_array();
        for (uint32_t bit = 1; bit <= SESAME_PASSWORD_FEEDBACK_CONTEXT; bit <<= 1)
            if ((r.feedback & bit) != 0) out.string(sesame_password_feedback_message(bit, lang));
        out.end_array();
        out.end_object();
    } else {
        out.null();
    }
    if (r.unaccepted_count > 0) {
        out.field("unaccepted", r.unaccepted);
        read_sized(message, [&](char *o, size_t c, size_t *n) {
            return sesame_password_unaccepted_message(o, c, n, policy, &r, lang);
        });
        if (message.empty()) out.null_field("unaccepted_message");
        else out.field("unaccepted_message", message);
        sesame_memzero(message.data(), message.size());
    } else {
        out.null_field("unaccepted");
        out.null_field("unaccepted_message");
    }
    sesame_memzero(r.unaccepted, sizeof r.unaccepted);
    out.end_object();
}

// A line above the bound: the keys of a refused password.
void too_long(JsonWriter &out) {
    out.begin_object();
    out.field("valid", false);
    out.field("error", "line_too_long");
    out.null_field("length");
    out.key("rules");
    out.begin_object();
    for (JsonKey k : {JsonKey("upper"), JsonKey("lower"), JsonKey("digit"), JsonKey("special"), JsonKey("length")}) out.field(k, false);
    out.end_object();
    out.null_field("strength");
    out.null_field("unaccepted");
    out.null_field("unaccepted_message");
    out.end_object();
}

using PolicyPtr = std::unique_ptr<sesame_password_policy, PolicyFree>;

// --policy and --lang, shared by check and policy. Returns -1 when they are right.
int policy_and_lang(const Args &args, const Parsed &p, std::string &policy_name, PolicyPtr &policy, int32_t &lang) {
    policy_name = "portal";
    lang = SESAME_PASSWORD_LANG_FR;
    if (const auto *v = p.get("--lang")) {
        if (v->value != "fr" && v->value != "en") return bad_value(args, *v, "must be fr or en");
        lang = v->value == "en" ? SESAME_PASSWORD_LANG_EN : SESAME_PASSWORD_LANG_FR;
    }
    const auto *v = p.get("--policy");
    if (v != nullptr) policy_name = v->value;
    sesame_password_policy *raw = nullptr;
    const sesame_status st = sesame_password_policy_preset(&raw, policy_name.data(), policy_name.size());
    policy.reset(raw);
    if (st == SESAME_E_NOT_FOUND || st == SESAME_E_INVALID_ARGUMENT)
        return bad_value(args, *v, "is not a known policy (known: portal, cnil2022)");
    if (st != SESAME_OK) throw_status(st);
    return -1;
}

}  // namespace

int cmd_password_check(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    std::string policy_name;
    PolicyPtr policy;
    int32_t lang = 0;
    if (int rc = policy_and_lang(args, p, policy_name, policy, lang); rc >= 0) return rc;

    const auto *inline_context = p.get("--context");
    const auto *context_file = p.get("--context-file");
    if (inline_context != nullptr && context_file != nullptr)
        return usage_error(args.cmd, "--context and --context-file exclude each other");
    std::string context_json;
    if (context_file != nullptr) {
        if (context_file->value.empty()) return bad_value(args, *context_file, "must be a file name");
        std::string error;
        if (!read_regular_file(context_file->value, SESAME_CONTEXT_MAX_BYTES, "SESAME_CONTEXT_MAX_BYTES", "the --context-file file",
                               context_json, error))
            return io_error(args.cmd, error);
    } else if (inline_context != nullptr) {
        context_json = inline_context->value;
    }
    std::unique_ptr<sesame_password_context, ContextFree> context;
    if (inline_context != nullptr || context_file != nullptr) {
        sesame_password_context *raw_ctx = nullptr;
        const sesame_status st = sesame_password_context_from_json(&raw_ctx, context_json.data(), context_json.size());
        context.reset(raw_ctx);
        if (st != SESAME_OK) {
            const auto *v = inline_context != nullptr ? inline_context : context_file;
            return usage_error(args.cmd, "bad context (" + v->name + ", " + position_text(v->value_position) +
                                             "): " + sesame_last_error_message());
        }
    }
    std::string message;
    return for_each_line(
        [&](std::string_view line, JsonWriter &out) { check_line(line, policy.get(), context.get(), lang, message, out); },
        Input::secret, too_long);
}

// {"policy": NAME, "labels": {rule: label}, "definition": {the policy JSON}}: what a form shows
// as its live checklist, from the library (the same texts as the bindings' rule_labels()).
int cmd_password_policy(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    std::string policy_name;
    PolicyPtr policy;
    int32_t lang = 0;
    if (int rc = policy_and_lang(args, p, policy_name, policy, lang); rc >= 0) return rc;
    const std::string definition =
        read_sized([&](char *o, size_t c, size_t *n) { return sesame_password_policy_to_json(o, c, n, policy.get()); });
    json doc;
    doc["policy"] = policy_name;
    doc["labels"] = json::object();
    doc["definition"] = json::parse(definition);
    const bool restricts = doc["definition"].value("forbid_other", false);
    for (int32_t rule = SESAME_PASSWORD_RULE_UPPER; rule <= SESAME_PASSWORD_RULE_ALLOWED; ++rule) {
        if (rule == SESAME_PASSWORD_RULE_ALLOWED && !restricts) continue;  // on the checklist only when the policy has it
        doc["labels"][sesame_password_rule_name(rule)] = read_sized([&](char *o, size_t c, size_t *n) {
            return sesame_password_rule_label(o, c, n, policy.get(), rule, -1, lang);
        });
    }
    std::cout << doc.dump() << '\n';
    std::cout.flush();
    return std::cout ? kExitOk : kExitIo;
}

}  // namespace cli
