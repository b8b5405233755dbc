#include "core/identity/decision.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/common/json_bounds.hpp"
#include "core/phone/phone.hpp"
#include "core/text/utf8.hpp"

namespace sesame::identity {

const char *reason_name(Reason r) noexcept {
    switch (r) {
        case Reason::ok: return "ok";
        case Reason::phone_unknown: return "phone_unknown";
        case Reason::name_mismatch: return "name_mismatch";
        case Reason::ambiguous: return "ambiguous";
        case Reason::not_legal_guardian: return "not_legal_guardian";
        case Reason::birthdate_mismatch: return "birthdate_mismatch";
    }
    return "unknown";
}

const char *outcome_name(Outcome o) noexcept {
    switch (o) {
        case Outcome::activated: return "activated";
        case Outcome::partial: return "partial";
        case Outcome::rejected: return "rejected";
    }
    return "unknown";
}

const char *user_message_name(UserMessage m) noexcept {
    switch (m) {
        case UserMessage::ok_all: return "ok_all";
        case UserMessage::ok_some: return "ok_some";
        case UserMessage::generic_failure: return "generic_failure";
    }
    return "unknown";
}

// ---- claim JSON -----------------------------------------------------------------------------------

namespace {

using json = nlohmann::json;

Status bad(const std::string &field) { return Error(Code::parse, "bad_claim:" + field); }

// Absent or null -> nullopt; a string -> it; anything else -> error.
bool get_opt_string(const json &o, const char *field, std::optional<std::string> &out) {
    out.reset();
    auto it = o.find(field);
    if (it == o.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

}  // namespace

Result<Claim> parse_claim(std::string_view text_in) {
    if (Status st = check_json_bounds(text_in, kClaimBound); !st.ok())
        return st.code() == Code::parse ? Error(Code::parse, "invalid_json") : st;  // the CLI's error names
    json doc = json::parse(text_in.begin(), text_in.end(), nullptr, false);
    if (doc.is_discarded()) return Error(Code::parse, "invalid_json");
    if (!doc.is_object()) return bad("claim");
    Claim c;
    auto m = doc.find("method");
    if (m == doc.end() || !m->is_string()) return bad("method");
    if (*m == "form") {
        c.method = Method::form;
    } else if (*m == "fc") {
        c.method = Method::fc;
    } else {
        return bad("method");
    }
    if (!get_opt_string(doc, "phone", c.phone)) return bad("phone");
    std::optional<std::string> s;
    if (c.method == Method::form) {
        if (!get_opt_string(doc, "family_name", s)) return bad("family_name");
        c.family_name = s.value_or("");
        if (!get_opt_string(doc, "given_name", s)) return bad("given_name");
        c.given_name = s.value_or("");
    } else {
        auto fc = doc.find("fc");
        if (fc == doc.end() || !fc->is_object()) return bad("fc");
        if (!get_opt_string(*fc, "given_name", s)) return bad("fc.given_name");
        c.fc.given_name = s.value_or("");
        if (!get_opt_string(*fc, "family_name", s)) return bad("fc.family_name");
        c.fc.family_name = s.value_or("");
        if (!get_opt_string(*fc, "preferred_username", s)) return bad("fc.preferred_username");
        c.fc.preferred_username = s.value_or("");
    }
    auto ps = doc.find("pupils");
    if (ps != doc.end() && !ps->is_null()) {
        if (!ps->is_array()) return bad("pupils");
        for (std::size_t i = 0; i < ps->size(); ++i) {
            const json &p = (*ps)[i];
            const std::string f = "pupils[" + std::to_string(i) + "]";
            if (!p.is_object()) return bad(f);
            PupilConfirmation pc;
            auto id = p.find("pupil");
            if (id == p.end() || !id->is_string() || id->get_ref<const std::string &>().empty()) return bad(f + ".pupil");
            pc.pupil = id->get<std::string>();
            auto box = p.find("legal_representative");
            if (box != p.end() && !box->is_null()) {
                if (!box->is_boolean()) return bad(f + ".legal_representative");
                pc.legal_representative = box->get<bool>();
            }
            if (!get_opt_string(p, "birthdate", s)) return bad(f + ".birthdate");
            pc.birthdate = s.value_or("");
            for (const auto &prev : c.pupils)
                if (prev.pupil == pc.pupil) return Error(Code::duplicate, "duplicate_pupil");
            c.pupils.push_back(std::move(pc));
        }
    }
    return c;
}

// ---- result JSON ----------------------------------------------------------------------------------

std::string Decision::to_json() const {
    nlohmann::ordered_json j;
    j["status"] = outcome_name(status);
    j["reason"] = reason_name(reason);
    j["guardian"] = guardian ? nlohmann::ordered_json(*guardian) : nlohmann::ordered_json(nullptr);
    j["pupils"] = pupils;
    j["pupil_results"] = nlohmann::ordered_json::object();
    j["pupil_details"] = nlohmann::ordered_json::object();
    for (const auto &r : pupil_results) {
        j["pupil_results"][r.pupil] = reason_name(r.reason);
        j["pupil_details"][r.pupil] = r.detail.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.detail);
    }
    j["detail"] = detail ? nlohmann::ordered_json(*detail) : nlohmann::ordered_json(nullptr);
    j["user_message"] = user_message_name(user_message);
    j["user_text"] = user_text;
    j["near_miss"] = near_miss;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---- the procedure ----------------------------------------------------------------------------------

namespace {

std::string join_ids(const Directory &dir, std::vector<std::uint32_t> idx) {
    std::vector<std::string> ids;
    ids.reserve(idx.size());
    for (auto i : idx) ids.push_back(dir.guardian(i).id);
    std::sort(ids.begin(), ids.end());
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) s += ',';
        s += ids[i];
    }
    return s;
}

Decision identification_failure(Reason r, std::string detail) {
    Decision d;
    d.status = Outcome::rejected;
    d.reason = r;
    d.detail = std::move(detail);
    d.user_message = UserMessage::generic_failure;
    return d;
}

struct Identified {
    std::optional<std::uint32_t> guardian;
    std::optional<Decision> failure;
};

bool any_near_miss(const std::vector<FamilyAlt> &fam, const GivenKey &given, const std::vector<FamilyAlt> &typed_fam,
                   const GivenKey &typed_given) {
    for (const auto &a : fam)
        for (const auto &b : typed_fam)
            if (one_edit_apart(a.compact, b.compact)) return true;
    if (given.valid && typed_given.valid && one_edit_apart(given.compact(), typed_given.compact())) return true;
    return false;
}

// Form path, steps 1-3.
Identified identify_form(const Directory &dir, const Claim &c) {
    Identified out;
    if (!c.phone) {
        out.failure = identification_failure(Reason::phone_unknown, "phone_missing");
        return out;
    }
    const phone::Parsed p = phone::normalize(*c.phone);
    if (!p.ok()) {
        out.failure = identification_failure(Reason::phone_unknown, "phone_invalid");
        return out;
    }
    if (!p.number.is_mobile) {
        out.failure = identification_failure(Reason::phone_unknown, "phone_not_mobile");
        return out;
    }
    const auto holders = dir.by_phone(p.number.e164());
    if (holders.empty()) {
        out.failure = identification_failure(Reason::phone_unknown, "phone_not_found");
        return out;
    }
    const auto typed_family = family_alts(c.family_name);
    const GivenKey typed_given = given_key(c.given_name);
    std::vector<std::uint32_t> matched;
    bool some_family = false, some_given = false, near = false;
    for (auto h : holders) {
        const auto &g = dir.guardian(h);
        const bool f = family_match(g.family, typed_family);
        const bool gv = given_match_form(g.given, typed_given);
        if (f && gv) matched.push_back(h);
        some_family |= f && !gv;
        some_given |= gv && !f;
        if (!(f && gv)) near |= any_near_miss(g.family, g.given, typed_family, typed_given);
    }
    if (matched.empty()) {
        const char *detail = some_family ? "given_mismatch" : some_given ? "family_mismatch" : "family_and_given_mismatch";
        out.failure = identification_failure(Reason::name_mismatch, detail);
        out.failure->near_miss = near;
        return out;
    }
    if (matched.size() > 1) {
        out.failure = identification_failure(Reason::ambiguous, "candidates:" + join_ids(dir, matched));
        return out;
    }
    out.guardian = matched.front();
    return out;
}

// FranceConnect path. With a typed phone the holders of that number are checked directly (a few
// records); the directory-wide family index answers the no-phone case and whether any guardian
// matches the names at all (fc_no_match before any phone error, as the spec orders it).
Identified identify_fc(const Directory &dir, const Claim &c) {
    Identified out;
    std::vector<FamilyAlt> typed_family = family_alts(c.fc.family_name);
    if (!c.fc.preferred_username.empty()) {
        for (auto &a : family_alts(c.fc.preferred_username)) typed_family.push_back(std::move(a));
    }
    const GivenKey fc_given = given_key(c.fc.given_name);
    auto any_name_match = [&] {
        return !dir.by_family_given(typed_family, fc_given, 1, 1).empty() ||
               !dir.by_family_given(typed_family, fc_given, 2, 1).empty();
    };
    const bool typed_phone = c.phone.has_value() && !c.phone->empty();
    if (typed_phone) {
        const phone::Parsed p = phone::normalize(*c.phone);
        if (!p.ok() || !p.number.is_mobile) {
            out.failure = any_name_match()
                              ? identification_failure(Reason::phone_unknown, p.ok() ? "phone_not_mobile" : "phone_invalid")
                              : identification_failure(Reason::name_mismatch, "fc_no_match");
            return out;
        }
        std::vector<std::uint32_t> tier1, tier2;
        for (auto h : dir.by_phone(p.number.e164())) {
            const auto &g = dir.guardian(h);
            const int tier = given_fc_tier(g.given, fc_given);
            if (tier == 0 || !family_match(g.family, typed_family)) continue;
            (tier == 1 ? tier1 : tier2).push_back(h);
        }
        if (tier1.empty() && tier2.empty()) {
            out.failure = any_name_match() ? identification_failure(Reason::phone_unknown, "fc_phone_filter")
                                           : identification_failure(Reason::name_mismatch, "fc_no_match");
            return out;
        }
        const auto &chosen = tier1.empty() ? tier2 : tier1;
        if (chosen.size() == 1) {
            out.guardian = chosen.front();
            return out;
        }
        out.failure = identification_failure(Reason::ambiguous, "candidates:" + join_ids(dir, chosen));
        return out;
    }
    const auto tier1 = dir.by_family_given(typed_family, fc_given, 1);
    if (tier1.size() == 1) {
        out.guardian = tier1.front();
        return out;
    }
    if (tier1.size() > 1) {
        out.failure = identification_failure(Reason::ambiguous, "candidates:" + join_ids(dir, tier1));
        return out;
    }
    const auto tier2 = dir.by_family_given(typed_family, fc_given, 2);
    if (tier2.empty()) {
        out.failure = identification_failure(Reason::name_mismatch, "fc_no_match");
        return out;
    }
    // Tier 2 alone never activates: the application asks for the mobile number (SMS step-up).
    out.failure = identification_failure(Reason::ambiguous, "fc_secondary_given_name:" + join_ids(dir, tier2));
    return out;
}

int severity(Reason r) {
    switch (r) {
        case Reason::not_legal_guardian: return 2;
        case Reason::birthdate_mismatch: return 1;
        default: return 0;
    }
}

// The sentence shown to the parent: French typography (’), the number of children spelled out for
// one ("un enfant"), never which check failed.
std::string user_text_for(UserMessage m, std::size_t n) {
    const std::string children = n == 1 ? "votre enfant" : "vos " + std::to_string(n) + " enfants";
    switch (m) {
        case UserMessage::ok_all:
            return "Votre compte est activé pour " + children + ".";
        case UserMessage::ok_some:
            return "Votre compte est activé pour " + (n == 1 ? std::string("un de vos enfants") : children) +
                   ". Pour les autres, contactez l’établissement.";
        case UserMessage::generic_failure:
            break;
    }
    return "Nous n’avons pas pu activer votre compte avec ces informations. Vérifiez votre saisie ou contactez "
           "l’établissement.";
}

std::string date_flags_suffix(std::uint32_t flags) {
    std::string s;
    if (flags & kAgeOver25) s += ",age_over_25";
    if (flags & kAgeUnder2) s += ",age_under_2";
    return s;
}

}  // namespace

Result<Decision> decide(const Directory &dir, const Claim &claim, const DecideOptions &opt) {
    if (!is_valid_date(opt.today)) return Error(Code::invalid_argument, "today is not a valid date");
    Identified id = claim.method == Method::form ? identify_form(dir, claim) : identify_fc(dir, claim);
    if (id.failure) {
        id.failure->user_text = user_text_for(UserMessage::generic_failure, 0);
        return std::move(*id.failure);
    }
    const GuardianRecord &g = dir.guardian(*id.guardian);
    Decision d;
    d.guardian = g.id;
    auto finish_rejected = [&](Reason r, std::string detail) {
        d.status = Outcome::rejected;
        d.reason = r;
        d.detail = std::move(detail);
        d.user_message = UserMessage::generic_failure;
        d.user_text = user_text_for(d.user_message, 0);
        return d;
    };
    // 5. A guardian without any legal link (grandparent, foster family, parent of an adult pupil).
    if (!g.has_legal_link()) return finish_rejected(Reason::not_legal_guardian, "no_legal_link");
    if (claim.pupils.empty()) return finish_rejected(Reason::not_legal_guardian, "no_confirmation");
    // 6. Each confirmation.
    for (const auto &pc : claim.pupils) {
        PupilResult r;
        r.pupil = pc.pupil;
        const LinkRef *link = dir.link(*id.guardian, pc.pupil);
        if (link == nullptr) {
            r.reason = Reason::not_legal_guardian;
            r.detail = "no_link";
        } else if (!link->legal) {
            r.reason = Reason::not_legal_guardian;
            r.detail = "link_not_legal";
        } else if (!pc.legal_representative) {
            r.reason = Reason::not_legal_guardian;
            r.detail = "checkbox_unchecked";
        } else {
            const ParsedDate pd = parse_birthdate(pc.birthdate, opt.today);
            const Date &want = dir.pupil(link->pupil).birthdate;
            if (!pd.ok()) {
                r.reason = Reason::birthdate_mismatch;
                r.detail = std::string("date_invalid:") + date_error_name(pd.error);
            } else if (!(pd.date == want)) {
                r.reason = Reason::birthdate_mismatch;
                r.detail = "date_differs" + date_flags_suffix(pd.flags);
            }
            // The cap check and the failure's record are one atomic step; a capped pupil gets
            // too_many_attempts whatever was typed, as if checked before comparing.
            if (opt.counter != nullptr) {
                auto counted = opt.counter->attempt(pc.pupil, opt.now_ms, r.reason != Reason::ok);
                if (!counted.ok()) return counted.status();
                if (!*counted) {
                    r.reason = Reason::birthdate_mismatch;
                    r.detail = "too_many_attempts";
                }
            }
        }
        if (r.reason == Reason::ok) d.pupils.push_back(r.pupil);
        d.pupil_results.push_back(std::move(r));
    }
    // 7. Status, worst reason (first in claim order among equals), user message.
    const PupilResult *worst = nullptr;
    for (const auto &r : d.pupil_results)
        if (r.reason != Reason::ok && (worst == nullptr || severity(r.reason) > severity(worst->reason))) worst = &r;
    if (worst == nullptr) {
        d.status = Outcome::activated;
        d.reason = Reason::ok;
        d.user_message = UserMessage::ok_all;
    } else {
        d.status = d.pupils.empty() ? Outcome::rejected : Outcome::partial;
        d.reason = worst->reason;
        d.detail = worst->detail;
        d.user_message = d.pupils.empty() ? UserMessage::generic_failure : UserMessage::ok_some;
    }
    d.user_text = user_text_for(d.user_message, d.pupils.size());
    return d;
}

}  // namespace sesame::identity
