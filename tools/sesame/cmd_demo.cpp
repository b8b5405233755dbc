// sesame demo [--lang fr|en]: the whole activation walk (phone, identity, otp, password: docs/spec/) on an
// embedded sample school, through the C ABI only. Where a real deployment sends an SMS, the demo prints it.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "cli.hpp"

namespace cli {

namespace {

// The sample school: two parents sharing a phone, a Réunion mother whose number the school wrote
// in international form, a pupil born on 29 February, a grandmother who is a contact but not a
// legal representative. Names are recorded the way schools do (uppercase, often without accents).
constexpr const char *kSchool = R"json({
 "guardians": [
  {"id": "G01", "civilite": "Mme", "nom": "LEFEVRE", "nom_naissance": null, "prenom": "Hélène", "phone_mobile": "06 12 34 56 78"},
  {"id": "G02", "civilite": "M.", "nom": "LEFEVRE", "nom_naissance": null, "prenom": "Marc", "phone_mobile": "06 12 34 56 78"},
  {"id": "G03", "civilite": "Mme", "nom": "HOARAU", "nom_naissance": "PAYET", "prenom": "Marie-Thérèse", "phone_mobile": "+262 692 12 34 56"},
  {"id": "G04", "civilite": "Mme", "nom": "GRONDIN", "nom_naissance": null, "prenom": "Josette", "phone_mobile": "06 93 11 22 33"}
 ],
 "pupils": [
  {"id": "P01", "nom": "LEFEVRE", "prenom": "Lucas", "birthdate": "2014-03-12"},
  {"id": "P02", "nom": "LEFEVRE", "prenom": "Emma", "birthdate": "2016-09-30"},
  {"id": "P03", "nom": "HOARAU", "prenom": "Noé", "birthdate": "2016-02-29"},
  {"id": "P04", "nom": "HOARAU", "prenom": "Léa", "birthdate": "2012-07-05"}
 ],
 "links": [
  {"guardian": "G01", "pupil": "P01", "relation": "mere", "responsabilite": "legal", "legal_representative": true},
  {"guardian": "G01", "pupil": "P02", "relation": "mere", "responsabilite": "legal", "legal_representative": true},
  {"guardian": "G02", "pupil": "P01", "relation": "pere", "responsabilite": "legal", "legal_representative": true},
  {"guardian": "G02", "pupil": "P02", "relation": "pere", "responsabilite": "legal", "legal_representative": true},
  {"guardian": "G03", "pupil": "P03", "relation": "mere", "responsabilite": "legal", "legal_representative": true},
  {"guardian": "G03", "pupil": "P04", "relation": "mere", "responsabilite": "legal", "legal_representative": true},
  {"guardian": "G04", "pupil": "P03", "relation": "grand-mere", "responsabilite": "contact", "legal_representative": false}
 ]
})json";

struct Texts {
    const char *title, *school, *step_identify, *typed, *number, *mobile_yes, *mobile_no, *holders, *chosen,
        *step_sms, *sms_to, *sms_text, *step_code, *typed_code, *step_pupils, *box, *date_typed, *decision,
        *step_password, *checklist, *valid, *invalid, *strength, *confirm, *confirm_ok, *hash, *step_login,
        *login, *next_family, *grandmother, *end, *code_ok, *code_wrong;
    const char *rules[5];
};

constexpr Texts kFr = {
    "Sesame — démonstration du parcours d'activation d'un compte parent",
    "Établissement d'exemple : 4 responsables, 4 élèves (annuaire JSON intégré)",
    "1. Identification", "Saisi", "Numéro", "mobile : peut recevoir le SMS", "pas un mobile",
    "responsables de l'annuaire avec ce numéro", "Responsable identifié",
    "2. Code de sécurité", "SMS envoyé au", "Votre code de sécurité ENT : %s (valable 30 min)",
    "3. Saisie du code", "Code saisi", "4. Élèves", "case « je suis le représentant légal » cochée",
    "date de naissance saisie", "Décision",
    "5. Mot de passe (liste de contrôle en direct et indicateur de force)", "Règles", "valide", "refusé",
    "Force", "Confirmation (saisi deux fois, la 2e fois en NFD)", "identiques", "Empreinte Argon2id stockée",
    "6. Identifiant de connexion", "Votre identifiant", "Famille suivante",
    "Une grand-mère (contact, pas représentante légale) tente d'activer un compte",
    "Fin de la démonstration : aucune donnée n'a quitté ce processus.", "code accepté", "code erroné, essais restants :",
    {"majuscule", "minuscule", "chiffre", "caractère spécial", "longueur"}};
constexpr Texts kEn = {
    "Sesame — the parent-account activation walk",
    "Sample school: 4 guardians, 4 pupils (embedded JSON directory)",
    "1. Identification", "Typed", "Number", "mobile: can receive the SMS", "not a mobile",
    "guardians in the directory with this number", "Guardian identified",
    "2. Security code", "SMS sent to", "Your ENT security code: %s (valid 30 min)",
    "3. Typing the code", "Code typed", "4. Pupils", "\"I am the legal representative\" box ticked",
    "birth date typed", "Decision",
    "5. Password (live checklist and strength meter)", "Rules", "valid", "refused", "Strength",
    "Confirmation (typed twice, the 2nd time in NFD)", "equal", "Stored Argon2id hash",
    "6. Login identifier", "Your login", "Next family",
    "A grandmother (a contact, not a legal representative) tries to activate an account",
    "End of the demo: no data left this process.", "code accepted", "wrong code, attempts left:",
    {"uppercase", "lowercase", "digit", "special character", "length"}};

void check(sesame_status st, const char *what) {
    if (st != SESAME_OK)
        throw std::runtime_error(std::string(what) + ": " + sesame_status_str(st) + ": " + sesame_last_error_message());
}

std::string decide(const sesame_directory *dir, sesame_date_counter *counter, const json &claim, int32_t today,
                   int64_t now_ms) {
    const std::string text = claim.dump();
    sesame_decision *d = nullptr;
    check(sesame_directory_match(&d, dir, counter, text.data(), text.size(), today, now_ms), "sesame_directory_match");
    std::string out;
    try {
        out = read_sized([&](char *o, size_t c, size_t *n) { return sesame_decision_json(o, c, n, d); });
    } catch (...) {
        sesame_decision_free(d);
        throw;
    }
    sesame_decision_free(d);
    return out;
}

int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int32_t today_yyyymmdd() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

struct Demo {
    const Texts &t;
    int32_t lang;  // sesame_password_lang
    sesame_directory *dir = nullptr;
    sesame_date_counter *counter = nullptr;
    sesame_otp_store *store = nullptr;
    sesame_otp_service *otp = nullptr;
    int32_t today = today_yyyymmdd();

    ~Demo() {
        sesame_otp_service_free(otp);
        sesame_otp_store_free(store);
        sesame_date_counter_free(counter);
        sesame_directory_free(dir);
    }

    void setup() {
        check(sesame_directory_load_json(&dir, kSchool, std::char_traits<char>::length(kSchool), nullptr), "directory");
        check(sesame_date_counter_new(&counter, 3, 24LL * 3600 * 1000), "date counter");
        uint8_t key[SESAME_OTP_KEY_BYTES], index_key[SESAME_OTP_KEY_BYTES];
        random_bytes(key, sizeof key);
        random_bytes(index_key, sizeof index_key);
        sesame_otp_options opts;
        check(sesame_otp_options_init_portal(&opts), "otp options");
        opts.index_key = index_key;
        opts.index_key_len = sizeof index_key;
        check(sesame_otp_store_new_memory(&store, nullptr), "otp store");
        const sesame_status st = sesame_otp_service_new(&otp, key, sizeof key, 1, &opts, store);
        sesame_memzero(key, sizeof key);
        sesame_memzero(index_key, sizeof index_key);
        check(st, "otp service");
    }

    static void random_bytes(uint8_t *p, size_t n) {
        const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        size_t got = 0;
        while (fd >= 0 && got < n) {
            const ssize_t r = ::read(fd, p + got, n - got);
            if (r <= 0) break;
            got += static_cast<size_t>(r);
        }
        if (fd >= 0) ::close(fd);
        if (got != n) throw std::runtime_error("cannot read /dev/urandom");
    }

    // Steps 1-4 for one parent; returns the chosen guardian id ("" if none).
    std::string identify_and_confirm(const std::string &family, const std::string &given, const std::string &raw_phone,
                                     const json &confirmations) {
        std::cout << "\n== " << t.step_identify << " ==\n";
        std::cout << "  " << t.typed << " : " << family << " / " << given << " / \"" << raw_phone << "\"\n";
        sesame_phone_result pr;
        check(sesame_phone_result_init(&pr), "phone");
        check(sesame_phone_normalize(&pr, raw_phone.data(), raw_phone.size()), "phone");
        if (pr.error != 0) {
            std::cout << "  " << t.number << " : " << sesame_phone_error_name(pr.error) << '\n';
            return "";
        }
        const std::string e164 = pr.e164;
        std::cout << "  " << t.number << " : " << e164 << " (" << pr.region << ", " << pr.international << ") — "
                  << (pr.is_mobile ? t.mobile_yes : t.mobile_no) << '\n';
        json claim = {{"method", "form"}, {"phone", raw_phone}, {"family_name", family}, {"given_name", given},
                      {"pupils", json::array()}};
        const json who = json::parse(decide(dir, counter, claim, today, now_ms()));
        if (who["guardian"].is_null()) {
            std::cout << "  → " << who["reason"].get<std::string>() << " / " << who["detail"].dump() << " ("
                      << who["user_text"].get<std::string>() << ")\n";
            return "";
        }
        const std::string guardian = who["guardian"].get<std::string>();
        std::cout << "  " << t.chosen << " : " << guardian << '\n';

        // 2. The SMS code (the host sends it; Sesame never does).
        std::cout << "\n== " << t.step_sms << " ==\n";
        sesame_otp_issue_result issued;
        check(sesame_otp_issue_result_init(&issued), "otp issue");
        check(sesame_otp_issue(&issued, otp, e164.data(), e164.size(), "activation", 10, now_ms()), "otp issue");
        std::string code = issued.code;
        sesame_memzero(&issued, sizeof issued);
        char sms[128];
        std::snprintf(sms, sizeof sms, t.sms_text, code.c_str());
        std::cout << "  " << t.sms_to << ' ' << pr.masked << " : « " << sms << " »\n";
        sesame_memzero(sms, sizeof sms);

        // 3. A wrong code, then the right one.
        std::cout << "\n== " << t.step_code << " ==\n";
        std::string wrong = code;
        wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
        for (const std::string &typed : {wrong, code}) {
            sesame_otp_verify_result v;
            check(sesame_otp_verify_result_init(&v), "otp verify");
            check(sesame_otp_verify(&v, otp, e164.data(), e164.size(), "activation", 10, typed.data(), typed.size(),
                                    now_ms()),
                  "otp verify");
            std::cout << "  " << t.typed_code << " " << typed << " → ";
            if (v.verdict == SESAME_OTP_OK) std::cout << t.code_ok;
            else if (v.verdict == SESAME_OTP_WRONG_CODE) std::cout << t.code_wrong << ' ' << v.attempts_left;
            std::cout << " (" << sesame_otp_verdict_name(v.verdict) << ")\n";
        }
        sesame_memzero(code.data(), code.size());
        sesame_memzero(wrong.data(), wrong.size());

        // 4. Pupil confirmations.
        std::cout << "\n== " << t.step_pupils << " ==\n";
        for (const auto &c : confirmations)
            std::cout << "  " << c["pupil"].get<std::string>() << " : " << (c["legal_representative"].get<bool>() ? t.box : "-")
                      << ", " << t.date_typed << " \"" << c["birthdate"].get<std::string>() << "\"\n";
        claim["pupils"] = confirmations;
        const json d = json::parse(decide(dir, counter, claim, today, now_ms()));
        std::cout << "  " << t.decision << " : " << d["status"].get<std::string>() << " (reason " << d["reason"].get<std::string>()
                  << ", detail " << d["detail"].dump() << ", pupils " << d["pupils"].dump() << ")\n";
        std::cout << "  → « " << d["user_text"].get<std::string>() << " »\n";
        return guardian;
    }

    void password_step(const json &context, const std::vector<std::string> &tries) {
        std::cout << "\n== " << t.step_password << " ==\n";
        const std::string ctx = context.dump();
        sesame_password_context *pc = nullptr;
        check(sesame_password_context_from_json(&pc, ctx.data(), ctx.size()), "password context");
        std::string chosen;
        for (const std::string &pw : tries) {
            sesame_password_result r;
            check(sesame_password_result_init(&r), "password");
            const sesame_status st = sesame_password_check(&r, nullptr, pc, pw.data(), pw.size(), nullptr);
            if (st != SESAME_OK) {
                sesame_password_context_free(pc);
                check(st, "password check");
            }
            std::cout << "  \"" << pw << "\" : " << t.checklist << " ";
            const bool rules[] = {r.upper, r.lower, r.digit, r.special, r.length_ok};
            for (int32_t rule = 0; rule < 5; ++rule)
                std::cout << (rules[rule] ? "✓ " : "✗ ") << t.rules[rule] << "  ";
            std::cout << "→ " << (r.valid ? t.valid : t.invalid);
            if (r.has_strength) {
                std::cout << " ; " << t.strength << " " << r.score << "/4 « " << sesame_password_score_label(r.score, lang)
                          << " »";
                for (uint32_t bit = 1; bit <= 128; bit <<= 1)
                    if (r.feedback & bit) std::cout << " [" << sesame_password_feedback_code(bit) << "]";
            }
            std::cout << '\n';
            for (uint32_t bit = 1; bit <= 128; bit <<= 1)
                if (r.has_strength && (r.feedback & bit)) std::cout << "      " << sesame_password_feedback_message(bit, lang) << '\n';
            if (r.valid && r.score >= 3) chosen = pw;
        }
        sesame_password_context_free(pc);
        if (chosen.empty()) return;
        // Typed twice; the second time as a keyboard producing NFD would send it (é = e + U+0301).
        std::string nfd;
        for (size_t i = 0; i < chosen.size(); ++i) {
            if (chosen.compare(i, 2, "\xC3\xA9") == 0) {
                nfd += "e\xCC\x81";
                ++i;
            } else {
                nfd += chosen[i];
            }
        }
        bool same = false;
        check(sesame_password_confirm(&same, chosen.data(), chosen.size(), nfd.data(), nfd.size()), "confirm");
        std::cout << "  " << t.confirm << " : " << (same ? t.confirm_ok : "≠") << '\n';
        const std::string hash = read_sized([&](char *o, size_t c, size_t *n) {
            return sesame_password_hash(o, c, n, chosen.data(), chosen.size(), nullptr);
        });
        bool ok = false;
        check(sesame_password_verify(&ok, hash.data(), hash.size(), nfd.data(), nfd.size()), "verify");
        std::cout << "  " << t.hash << " : " << hash.substr(0, hash.find('$', 30)) << "$… (verify: " << (ok ? "ok" : "KO") << ")\n";
        sesame_memzero(nfd.data(), nfd.size());
        sesame_memzero(chosen.data(), chosen.size());
    }

    void login_step(const std::string &family, const std::string &given) {
        std::cout << "\n== " << t.step_login << " ==\n";
        const std::string login = read_sized([&](char *o, size_t c, size_t *n) {
            return sesame_login_id(o, c, n, family.data(), family.size(), given.data(), given.size(), nullptr, 0, nullptr, nullptr);
        });
        std::cout << "  " << t.login << " : " << login << '\n';
    }
};

}  // namespace

int cmd_demo(const Args &args) {
    Parsed p;
    if (int rc = parse(args, p); rc >= 0) return rc;
    std::string lang = "fr";
    if (const auto *v = p.get("--lang")) {
        if (v->value != "fr" && v->value != "en") return bad_value(args, *v, "must be fr or en");
        lang = v->value;
    }
    const Texts &t = lang == "en" ? kEn : kFr;
    Demo demo{t, lang == "en" ? SESAME_PASSWORD_LANG_EN : SESAME_PASSWORD_LANG_FR};
    std::cout << t.title << '\n' << t.school << '\n';
    demo.setup();

    // Hélène LEFEVRE: typed without accents, her phone is shared with Marc LEFEVRE.
    const std::string g1 = demo.identify_and_confirm(
        "Lefèvre", "HELENE", "06.12.34.56.78",
        json::array({{{"pupil", "P01"}, {"legal_representative", true}, {"birthdate", "12 03 2014"}},
                     {{"pupil", "P02"}, {"legal_representative", true}, {"birthdate", "30/09/2016"}}}));
    if (g1.empty()) return kExitIo;
    demo.password_step({{"names", {"Hélène", "LEFEVRE", "Lucas", "Emma"}},
                        {"dates", {"2014-03-12", "2016-09-30"}},
                        {"phones", {"06 12 34 56 78"}}},
                       {"azerty", "Lucas2014!", "Soleil2015!", "Vélo-Rouge_sous la Lune#42"});
    demo.login_step("LEFEVRE", "Hélène");

    // Marie-Thérèse HOARAU: a Réunion mobile typed in national form; Noé born on 29 February;
    // Léa's date typed day and month swapped.
    std::cout << "\n-- " << t.next_family << " --";
    const std::string g3 = demo.identify_and_confirm(
        "HOARAU", "Marie Therese", "0692 12 34 56",
        json::array({{{"pupil", "P03"}, {"legal_representative", true}, {"birthdate", "29 02 2016"}},
                     {{"pupil", "P04"}, {"legal_representative", true}, {"birthdate", "07 05 2012"}}}));
    if (g3.empty()) return kExitIo;
    demo.login_step("HOARAU", "Marie-Thérèse");

    std::cout << "\n-- " << t.grandmother << " --";
    demo.identify_and_confirm("Grondin", "Josette", "06 93 11 22 33",
                              json::array({{{"pupil", "P03"}, {"legal_representative", true}, {"birthdate", "29/02/2016"}}}));
    std::cout << '\n' << t.end << '\n';
    return kExitOk;
}

}  // namespace cli
