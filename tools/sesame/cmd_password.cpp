// sesame password check (spec: cli.md; password.md). Passwords come from stdin only and are never
// echoed: the output has no "input" key. Each line is wiped once checked (Input::secret).
#include <fstream>
#include <iterator>
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
// told about: "€"), null when there are none.
void check_line(std::string_view line, const sesame_password_policy *policy, const sesame_password_context *ctx,
                int32_t lang, JsonWriter &out) {
    sesame_password_result r;
    if (sesame_password_result_init(&r) != SESAME_OK) throw std::runtime_error("sesame_password_result_init failed");
    const sesame_status st = sesame_password_check(&r, policy, ctx, line.data(), line.size(), nullptr);
    if (st != SESAME_OK) throw std::runtime_error(std::string(sesame_status_str(st)) + ": " + sesame_last_error_message());
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
        std::string message = read_sized([&](char *o, size_t c, size_t *n) {
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

}  // namespace

int cmd_password_check(const std::vector<std::string> &args) {
    const Command &self = *[] {
        for (const auto &c : commands())
            if (std::string(c.name) == "password check") return &c;
        return &commands().front();
    }();
    std::string policy_name = "portal", context_json, lang_name = "fr";
    bool have_context = false;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i], v;
        const auto eq = a.find('=');
        const bool inline_value = a.rfind("--", 0) == 0 && eq != std::string::npos;
        if (inline_value) {
            v = a.substr(eq + 1);
            a = a.substr(0, eq);
        }
        if (a != "--policy" && a != "--context" && a != "--context-file" && a != "--lang")
            return usage_error(self, "unknown option '" + a + "'");
        if (!inline_value) {
            if (i + 1 >= args.size()) return usage_error(self, "option '" + a + "' needs a value");
            v = args[++i];
        }
        if (a == "--policy") {
            policy_name = v;
        } else if (a == "--lang") {
            lang_name = v;
        } else if (a == "--context") {
            context_json = v;
            have_context = true;
        } else {
            std::ifstream f(v, std::ios::binary);
            if (!f) return usage_error(self, "cannot open context file '" + v + "'");
            context_json.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
            have_context = true;
        }
    }
    if (lang_name != "fr" && lang_name != "en") return usage_error(self, "--lang must be fr or en");
    const int32_t lang = lang_name == "en" ? SESAME_PASSWORD_LANG_EN : SESAME_PASSWORD_LANG_FR;

    sesame_password_policy *raw_policy = nullptr;
    sesame_status st = sesame_password_policy_preset(&raw_policy, policy_name.data(), policy_name.size());
    std::unique_ptr<sesame_password_policy, PolicyFree> policy(raw_policy);
    if (st == SESAME_E_NOT_FOUND) return usage_error(self, "unknown policy '" + policy_name + "' (known: portal, cnil2022)");
    if (st != SESAME_OK) throw std::runtime_error(std::string(sesame_status_str(st)) + ": " + sesame_last_error_message());

    std::unique_ptr<sesame_password_context, ContextFree> context;
    if (have_context) {
        sesame_password_context *raw_ctx = nullptr;
        st = sesame_password_context_from_json(&raw_ctx, context_json.data(), context_json.size());
        context.reset(raw_ctx);
        if (st != SESAME_OK) return usage_error(self, std::string("bad context: ") + sesame_last_error_message());
    }

    return for_each_line([&](std::string_view line, JsonWriter &out) { check_line(line, policy.get(), context.get(), lang, out); },
                         Input::secret);
}

}  // namespace cli
