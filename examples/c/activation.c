/* The activation flow from C99: phone, identification and pupils, SMS code, password, login id.
 * A real ENT keeps the keys in its secret store and sends the SMS; here both are printed. */
#include <sesame.h>
#include <stdio.h>
#include <string.h>

static const char school[] =
    "{\"guardians\": [{\"id\": \"G01\", \"civilite\": \"Mme\", \"nom\": \"LEFEVRE\", \"nom_naissance\": null,"
    " \"prenom\": \"H\xC3\xA9l\xC3\xA8ne\", \"phone_mobile\": \"+33 6 12 34 56 78\"}],"
    " \"pupils\": [{\"id\": \"P01\", \"nom\": \"LEFEVRE\", \"prenom\": \"Lucas\", \"birthdate\": \"2014-03-12\"}],"
    " \"links\": [{\"guardian\": \"G01\", \"pupil\": \"P01\", \"relation\": \"mere\", \"responsabilite\": \"legal\","
    " \"legal_representative\": true}]}";

/* What the parent typed on the form. */
static const char claim[] =
    "{\"method\": \"form\", \"phone\": \"06 12 34 56 78\", \"family_name\": \"Lef\xC3\xA8vre\", \"given_name\": \"HELENE\","
    " \"pupils\": [{\"pupil\": \"P01\", \"legal_representative\": true, \"birthdate\": \"12 03 2014\"}]}";

#define CHECK(call)                                                                              \
    do {                                                                                         \
        sesame_status st_ = (call);                                                              \
        if (st_ != SESAME_OK) {                                                                  \
            fprintf(stderr, "%s: %s: %s\n", #call, sesame_status_str(st_), sesame_last_error_message()); \
            goto done;                                                                           \
        }                                                                                        \
    } while (0)

int main(void) {
    int rc = 1;
    sesame_directory *dir = NULL;
    sesame_decision *decision = NULL;
    sesame_otp_store *store = NULL;
    sesame_otp_service *otp = NULL;
    sesame_otp_options otp_opts;
    sesame_phone_result phone;
    sesame_password_result pw;
    sesame_otp_issue_result issued;
    sesame_otp_verify_result verified;
    int32_t status = -1;
    char hash[SESAME_PASSWORD_HASH_SIZE], login[SESAME_LOGIN_ID_SIZE];
    size_t n = 0;
    uint8_t key[SESAME_OTP_KEY_BYTES] = {0}, index_key[SESAME_OTP_KEY_BYTES] = {1}; /* from the secret store */
    const char typed_phone[] = "06 12 34 56 78", password[] = "Vélo-Rouge_sous la Lune#42";

    if (sesame_version_number() / 10000 != SESAME_VERSION_MAJOR) return 1;
    CHECK(sesame_init());

    /* 1. The number typed must be a mobile: it receives the SMS. */
    CHECK(sesame_phone_result_init(&phone));
    CHECK(sesame_phone_normalize(&phone, typed_phone, strlen(typed_phone)));
    if (phone.error != 0 || !phone.is_mobile) goto done;
    printf("C: phone %s (mobile, shown as %s)\n", phone.e164, phone.masked);

    /* 2. Identification and pupils against the school's directory. */
    CHECK(sesame_directory_load_json(&dir, school, strlen(school), NULL));
    CHECK(sesame_directory_match(&decision, dir, NULL, claim, strlen(claim), 20261128, 1764300000000LL));
    CHECK(sesame_decision_outcome(decision, &status, NULL, NULL));
    printf("C: decision %s\n", status == SESAME_DECISION_ACTIVATED ? "activated" : "not activated");

    /* 3. The SMS code (portal preset: valid 30 minutes), then the code the parent typed. */
    CHECK(sesame_otp_options_init_portal(&otp_opts));
    otp_opts.index_key = index_key;
    otp_opts.index_key_len = sizeof index_key;
    CHECK(sesame_otp_store_new_memory(&store, NULL));
    CHECK(sesame_otp_service_new(&otp, key, sizeof key, 1, &otp_opts, store));
    CHECK(sesame_otp_issue_result_init(&issued));
    CHECK(sesame_otp_issue(&issued, otp, phone.e164, strlen(phone.e164), "activation", 10, 1764300000000LL));
    /* here the host sends issued.code by SMS to issued.e164 */
    CHECK(sesame_otp_verify_result_init(&verified));
    CHECK(sesame_otp_verify(&verified, otp, phone.e164, strlen(phone.e164), "activation", 10, issued.code,
                            strlen(issued.code), 1764300060000LL));
    sesame_memzero(&issued, sizeof issued);
    printf("C: SMS code %s\n", sesame_otp_verdict_name(verified.verdict));

    /* 4. The password: rules, strength, Argon2id hash to store. */
    CHECK(sesame_password_result_init(&pw));
    CHECK(sesame_password_check(&pw, NULL, NULL, password, strlen(password), NULL));
    CHECK(sesame_password_hash(hash, sizeof hash, &n, password, strlen(password), NULL));
    printf("C: password %s, strength %d/4, hash %.31s...\n", pw.valid ? "valid" : "refused", pw.score, hash);

    /* 5. The login identifier shown to the parent. */
    CHECK(sesame_login_id(login, sizeof login, &n, "LEFEVRE", 7, "H\xC3\xA9l\xC3\xA8ne", 8, NULL, 0, NULL, NULL));
    printf("C: login %s\n", login);
    rc = status == SESAME_DECISION_ACTIVATED && verified.verdict == SESAME_OTP_OK && pw.valid ? 0 : 1;
done:
    sesame_otp_service_free(otp);
    sesame_otp_store_free(store);
    sesame_decision_free(decision);
    sesame_directory_free(dir);
    return rc;
}
