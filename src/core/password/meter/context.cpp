// The caller's context: words about the family (names, birth dates, phone numbers, the login)
// that an attacker who targets it tries first. A context word found in the password costs its
// index in the context, times its case and l33t variations, and never counts as a pattern.
#include <nlohmann/json.hpp>

#include "core/common/json_bounds.hpp"
#include "core/password/meter/matchers.hpp"
#include "core/phone/phone.hpp"
#include "core/text/name_key.hpp"
#include "core/text/utf8.hpp"

namespace sesame::password {

namespace meter {

void match_context(Analysis &a) {
    if (a.ctx == nullptr) return;
    const Folded &f = a.folded;
    const auto &words = a.ctx->words();
    for (std::size_t r = 0; r < words.size(); ++r) {
        const std::string &w = words[r];
        for (const std::pmr::string *s : {&f.text, &f.leet}) {
            if (s == &f.leet && !f.has_leet) break;
            std::size_t pos = 0;
            while ((pos = s->find(w, pos)) != std::string::npos) {
                const std::int16_t i = f.cp_at(pos), e = f.cp_at(pos + w.size());
                if (i >= 0 && e > i) {
                    double lg = std::log10(double(r + 1)) + f.log_upper(std::size_t(i), std::size_t(e) - 1);
                    if (s == &f.leet) lg += f.log_leet(a.cps, std::size_t(i), std::size_t(e) - 1);
                    a.matches.add(std::size_t(i), std::size_t(e) - 1, lg, kFbContext);
                }
                ++pos;
            }
        }
    }
}

}  // namespace meter

void Context::add_word(std::string_view folded) {
    if (folded.empty() || folded.size() > kMaxContextWordBytes || words_.size() >= kMaxContextWords) return;
    if (folded.size() < 2) return;
    for (const auto &w : words_)
        if (w == folded) return;
    words_.emplace_back(folded);
}

void Context::add_name(std::string_view name) {
    const text::NameKey k = text::name_key(name);
    if (!k.valid) return;
    const auto tokens = k.tokens();
    for (const auto &t : tokens) add_word(t);
    if (tokens.size() > 1) add_word(k.compact());
}

namespace {
bool parse_iso_date(std::string_view s, int &y, int &m, int &d) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}
}  // namespace

bool Context::add_date(std::string_view iso) {
    int y = 0, m = 0, d = 0;
    if (!parse_iso_date(iso, y, m, d)) return false;
    const std::string yyyy(iso.substr(0, 4)), mm(iso.substr(5, 2)), dd(iso.substr(8, 2));
    add_word(yyyy);
    add_word(dd + mm);
    add_word(dd + mm + yyyy.substr(2));
    add_word(dd + mm + yyyy);
    add_word(yyyy + mm + dd);
    return true;
}

void Context::add_phone(std::string_view raw) {
    const phone::Parsed p = phone::normalize(raw);
    if (p.ok()) {
        std::string national;
        for (char c : phone::format_national(p.number))
            if (c >= '0' && c <= '9') national.push_back(c);
        add_word(national);
        add_word(p.number.nsn());
        return;
    }
    if (!text::is_valid_utf8(raw)) return;
    std::string digits;
    for (char c : raw)
        if (c >= '0' && c <= '9') digits.push_back(c);
    if (digits.size() >= 6) add_word(digits);
}

void Context::add_login(std::string_view login) {
    if (!text::is_valid_utf8(login) || login.size() > 256) return;
    std::string f;
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < login.size() && text::decode_one(login, i, cp)) fold_cp(cp, f);
    add_word(f);
    std::string run;
    for (char c : f + ' ') {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            run.push_back(c);
        } else {
            if (run.size() >= 3 && run != f) add_word(run);
            run.clear();
        }
    }
}

Result<Context> Context::from_json(std::string_view text) {
    using nlohmann::json;
    if (Status st = check_json_bounds(text, kContextBound); !st.ok()) return st;
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return Error(Code::parse, "context: not valid JSON");
    if (!j.is_object()) return Error(Code::invalid_argument, "context: a JSON object is expected");
    Context ctx;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string &k = it.key();
        const json &v = it.value();
        // An unknown field is refused whatever its value (null included: {"nickname": null} is
        // a mistake the caller must hear about, not an empty field).
        if (k != "names" && k != "dates" && k != "phones" && k != "login")
            return Error(Code::invalid_argument, "context: unknown field (known: names, dates, phones, login)");
        if (v.is_null()) continue;
        if (k == "login") {
            if (!v.is_string()) return Error(Code::invalid_argument, "context: login must be a string");
            ctx.add_login(v.get<std::string>());
            continue;
        }
        if (!v.is_array()) return Error(Code::invalid_argument, "context: " + k + " must be an array of strings");
        std::size_t idx = 0;
        for (const auto &e : v) {
            if (!e.is_string()) return Error(Code::invalid_argument, "context: " + k + " must be an array of strings");
            const std::string s = e.get<std::string>();
            if (k == "names") ctx.add_name(s);
            else if (k == "phones") ctx.add_phone(s);
            else if (!ctx.add_date(s))
                return Error(Code::invalid_argument, "context: dates[" + std::to_string(idx) + "] is not a valid YYYY-MM-DD date");
            ++idx;
        }
    }
    return ctx;
}

}  // namespace sesame::password
