// The activation flow from C++: the C API with RAII handles (std::unique_ptr + a deleter), and the
// size-query convention wrapped once. Sesame exports no C++ class: this is all a C++ caller needs.
#include <sesame.h>

#include <cstring>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T *p) const noexcept { Free(p); }
};
using Directory = std::unique_ptr<sesame_directory, Deleter<sesame_directory_free>>;
using Decision = std::unique_ptr<sesame_decision, Deleter<sesame_decision_free>>;
using OtpStore = std::unique_ptr<sesame_otp_store, Deleter<sesame_otp_store_free>>;
using OtpService = std::unique_ptr<sesame_otp_service, Deleter<sesame_otp_service_free>>;

void check(sesame_status st) {
    if (st != SESAME_OK) throw std::runtime_error(std::string(sesame_status_str(st)) + ": " + sesame_last_error_message());
}

template <typename F>
std::string sized(F &&fn) {  // 2-call size query
    size_t n = 0;
    sesame_status st = fn(nullptr, 0, &n);
    if (st != SESAME_OK && st != SESAME_E_BUFFER_TOO_SMALL) check(st);
    std::string out(n + 1, '\0');
    check(fn(out.data(), out.size(), &n));
    out.resize(n);
    return out;
}

constexpr std::string_view kSchool = R"({"guardians": [{"id": "G01", "civilite": "Mme", "nom": "LEFEVRE",
  "nom_naissance": null, "prenom": "Hélène", "phone_mobile": "+33 6 12 34 56 78"}],
 "pupils": [{"id": "P01", "nom": "LEFEVRE", "prenom": "Lucas", "birthdate": "2014-03-12"}],
 "links": [{"guardian": "G01", "pupil": "P01", "relation": "mere", "responsabilite": "legal", "legal_representative": true}]})";
constexpr std::string_view kClaim = R"({"method": "form", "phone": "06 12 34 56 78", "family_name": "Lefèvre",
 "given_name": "HELENE", "pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12 03 2014"}]})";

}  // namespace

int main() try {
    check(sesame_init());
    const std::string_view typed = "06 12 34 56 78";
    sesame_phone_result phone;
    check(sesame_phone_result_init(&phone));
    check(sesame_phone_normalize(&phone, typed.data(), typed.size()));
    const std::string e164 = phone.e164;
    std::cout << "C++: phone " << e164 << " (" << phone.international << ")\n";

    sesame_directory *raw_dir = nullptr;
    check(sesame_directory_load_json(&raw_dir, kSchool.data(), kSchool.size(), nullptr));
    Directory dir(raw_dir);
    sesame_decision *raw_decision = nullptr;
    check(sesame_directory_match(&raw_decision, dir.get(), nullptr, kClaim.data(), kClaim.size(), 20261128, 1764300000000));
    Decision decision(raw_decision);
    std::cout << "C++: " << sized([&](char *o, size_t c, size_t *n) { return sesame_decision_json(o, c, n, decision.get()); })
              << '\n';

    sesame_otp_options opts;
    check(sesame_otp_options_init_portal(&opts));
    const uint8_t key[SESAME_OTP_KEY_BYTES] = {7}, index_key[SESAME_OTP_KEY_BYTES] = {8};  // from the secret store
    opts.index_key = index_key;
    opts.index_key_len = sizeof index_key;
    sesame_otp_store *raw_store = nullptr;
    check(sesame_otp_store_new_memory(&raw_store, nullptr));
    OtpStore store(raw_store);
    sesame_otp_service *raw_otp = nullptr;
    check(sesame_otp_service_new(&raw_otp, key, sizeof key, 1, &opts, store.get()));
    OtpService otp(raw_otp);
    sesame_otp_issue_result issued;
    check(sesame_otp_issue_result_init(&issued));
    check(sesame_otp_issue(&issued, otp.get(), e164.data(), e164.size(), "activation", 10, 1764300000000));
    sesame_otp_verify_result verified;
    check(sesame_otp_verify_result_init(&verified));
    check(sesame_otp_verify(&verified, otp.get(), e164.data(), e164.size(), "activation", 10, issued.code,
                            std::strlen(issued.code), 1764300030000));
    sesame_memzero(&issued, sizeof issued);
    std::cout << "C++: SMS code " << sesame_otp_verdict_name(verified.verdict) << '\n';

    const std::string_view password = "Vélo-Rouge_sous la Lune#42";
    sesame_password_result pw;
    check(sesame_password_result_init(&pw));
    check(sesame_password_check(&pw, nullptr, nullptr, password.data(), password.size(), nullptr));
    std::cout << "C++: password " << (pw.valid ? "valid" : "refused") << ", "
              << sesame_password_score_label(pw.score, SESAME_PASSWORD_LANG_EN) << '\n';
    const std::string login = sized([](char *o, size_t c, size_t *n) {
        return sesame_login_id(o, c, n, "LEFEVRE", 7, "Hélène", std::string_view("Hélène").size(), nullptr, 0, nullptr, nullptr);
    });
    std::cout << "C++: login " << login << '\n';
    return verified.verdict == SESAME_OTP_OK && pw.valid ? 0 : 1;
} catch (const std::exception &e) {
    std::cerr << "C++ example: " << e.what() << '\n';
    return 1;
}
