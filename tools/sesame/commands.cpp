// The command table. Each module adds its commands here and implements them in cmd_<module>.cpp.
#include "cli.hpp"

namespace cli {

int cmd_phone_normalize(const std::vector<std::string> &args);
int cmd_phone_audit(const std::vector<std::string> &args);
int cmd_name_key(const std::vector<std::string> &args);
int cmd_name_match(const std::vector<std::string> &args);
int cmd_date_parse(const std::vector<std::string> &args);
int cmd_guardian_match(const std::vector<std::string> &args);
int cmd_login_id(const std::vector<std::string> &args);
int cmd_password_check(const std::vector<std::string> &args);
int cmd_demo(const std::vector<std::string> &args);

const std::vector<Command> &commands() {
    static const std::vector<Command> table = {
        {"phone normalize", "E.164 normalization of typed phone numbers (one per line)",
         "[--region FR]\n\nReads one typed number per line; prints {input, ok: true, e164, country_code, region, type,\n"
         "is_mobile, national, international, masked} or {input, ok: false, error}. Default country France, the\n"
         "overseas numbering folded in (0692 12 34 56 is +262692123456). Only --region FR exists in this version.",
         cmd_phone_normalize},
        {"phone audit", "audit the phone column of a guardians CSV export",
         "FILE.csv --column NAME [--json] [--delimiter ,|;] [--lang fr|en]\n\n"
         "Reads a CSV export (',' or ';', UTF-8 or Windows-1252, quoted fields) and reports, per data row,\n"
         "whether the number in column NAME can receive the activation SMS: mobile, not_mobile, invalid or\n"
         "empty, the numbers shared by several rows, and the rows to check. --json prints one JSON object\n"
         "{rows, summary, shared_numbers, problems}. A progress bar is drawn on stderr when it is a terminal.\n"
         "Exit status: 0 done, 1 read error, 2 usage error (missing FILE or --column, unknown column).",
         cmd_phone_audit},
        {"name key", "canonical key of a name (one name per line)",
         "\n\nReads one name per line; prints {input, valid, key, compact}. key: tokens joined by a space, given-name\n"
         "units by '|'; an invalid name (non-Latin script, symbols, over 100 code points) gives valid false.",
         cmd_name_key},
        {"name match", "strict family or given name matching (record<TAB>typed per line)",
         "--field family|given\n\nReads record<TAB>typed lines; prints {match}. --field given uses the form rule.",
         cmd_name_match},
        {"date parse", "parse a typed birth date (JJ MM AAAA...)",
         "--today YYYY-MM-DD\n\nReads one typed date per line; prints {input, valid, iso, error, flags}. --today is the\n"
         "reference date (required: never read from the clock).",
         cmd_date_parse},
        {"guardian match", "activation decision for claims against a directory",
         "--directory FILE.json --today YYYY-MM-DD [--max-date-failures N]\n\n"
         "Reads one claim (JSON) per line; prints {status, reason, guardian, pupils, pupil_results, detail,\n"
         "user_message}. Wrong birth dates are counted per pupil for the whole run (default 3 per 24 h).",
         cmd_guardian_match},
        {"login-id", "login identifier initial.family + random suffix (family<TAB>given per line)",
         "[--taken FILE]\n\nReads family<TAB>given lines; prints {login}. --taken: identifiers already taken, one per\n"
         "line (blank and # lines ignored); every identifier emitted joins the taken set.",
         cmd_login_id},
        {"password check", "password rules, verdict and strength (one password per line on stdin)",
         "[--policy portal|cnil2022] [--context JSON | --context-file FILE] [--lang fr|en]\n\n"
         "Reads one password per line on stdin (never from argv, never echoed); prints {valid, error, length,\n"
         "rules: {upper, lower, digit, special, length}, strength: {score, label, guesses_log10, feedback,\n"
         "messages}}. error is null, invalid_utf8, control_char or too_long (then strength is null). --context:\n"
         "{\"names\": [...], \"dates\": [\"YYYY-MM-DD\"], \"phones\": [...], \"login\": \"...\"}, words that lower the\n"
         "score. --lang: labels and messages (default fr). Unknown policy or bad context: exit 2.",
         cmd_password_check},
        {"demo", "the whole activation walk on an embedded sample school",
         "[--lang fr|en]\n\nRuns the parent-account activation on a built-in school: identification (a phone shared by\n"
         "two parents, a name typed without accents, a Réunion mobile typed 0692...), the SMS code (printed where a\n"
         "real deployment would send it), a wrong code then the right one, the pupils' birth dates (one born on\n"
         "29 February), the live password checklist and meter, the Argon2id hash and the login identifier.",
         cmd_demo},
    };
    return table;
}

}  // namespace cli
