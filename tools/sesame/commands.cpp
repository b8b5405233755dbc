// The command table. Each module adds its commands here and implements them in cmd_<module>.cpp.
#include "cli.hpp"

namespace cli {

int cmd_phone_normalize(const Args &args);
int cmd_phone_audit(const Args &args);
int cmd_name_key(const Args &args);
int cmd_name_match(const Args &args);
int cmd_date_parse(const Args &args);
int cmd_guardian_match(const Args &args);
int cmd_login_id(const Args &args);
int cmd_password_check(const Args &args);
int cmd_password_policy(const Args &args);
int cmd_demo(const Args &args);

const std::vector<Command> &commands() {
    static const std::vector<Command> table = {
        {"phone normalize", "E.164 normalization of typed phone numbers (one per line)",
         "[--region FR]\n\nReads one typed number per line; prints {input, ok: true, e164, country_code, region, type,\n"
         "is_mobile, national, international, masked} or {input, ok: false, error}. Default country France, the\n"
         "overseas numbering folded in (0692 12 34 56 is +262692123456). Only --region FR exists in this version.",
         cmd_phone_normalize, {{"--region", true}}},
        {"phone audit", "audit the phone column of a guardians CSV export",
         "FILE.csv|- --column NAME [--json | --rows] [--csv OUT] [--delimiter ,|;|tab]\n"
         "            [--encoding utf-8|windows-1252|utf-16le|utf-16be] [--lang fr|en]\n\n"
         "Reads a CSV export (',', ';' or TAB; UTF-8, Windows-1252, or UTF-16 with its byte order mark such as\n"
         "Excel's \"Texte Unicode\"; quoted fields) from FILE, or from stdin for '-', and tells for each row\n"
         "whether the number in the phone column can receive the activation SMS: mobile, not_mobile, invalid or\n"
         "empty, with the numbers shared by several rows and the rows to check. Rows are named by their line in\n"
         "the spreadsheet (the header is line 1, blank lines count).\n"
         "--column NAME: the phone column; case, accents and spacing are forgiven and common names are known\n"
         "  (portable, mobile, tél. portable, téléphone mobile, GSM...); when none or several match, the columns\n"
         "  or the candidates are listed.\n"
         "--json: one JSON object {rows, summary, shared_numbers, problems, outside_metadata, ...} instead of the report.\n"
         "--rows: JSON Lines instead of the report, one object per row for a re-import: {line, row, input,\n"
         "  outcome, e164, type, error, message}.\n"
         "--csv OUT: writes a copy of the export with three more columns (E.164, outcome, message), in the\n"
         "  export's encoding, delimiter and line ends, to open in the same spreadsheet.\n"
         "--lang: the report and the messages (default fr). A progress bar is drawn on stderr when it is a terminal.\n"
         "Exit status: 0 done, 1 read or write error (missing or unreadable file, not a regular file, broken CSV),\n"
         "2 usage error (missing FILE or --column, no matching column, several matching columns).",
         cmd_phone_audit,
         {{"--column", true}, {"--json", false}, {"--rows", false}, {"--csv", true}, {"--delimiter", true},
          {"--encoding", true}, {"--lang", true}},
         1},
        {"name key", "canonical key of a name (one name per line)",
         "\n\nReads one name per line; prints {input, valid, key, compact}. key: tokens joined by a space, given-name\n"
         "units by '|'; an invalid name (non-Latin script, symbols, over 100 code points) gives valid false.",
         cmd_name_key, {}},
        {"name match", "strict family or given name matching (record<TAB>typed per line)",
         "--field family|given\n\nReads record<TAB>typed lines; prints {match}. --field given uses the form rule.",
         cmd_name_match, {{"--field", true}}},
        {"date parse", "parse a typed birth date (JJ MM AAAA...)",
         "--today YYYY-MM-DD\n\nReads one typed date per line; prints {input, valid, iso, error, flags}. --today is the\n"
         "reference date (required: never read from the clock).",
         cmd_date_parse, {{"--today", true}}},
        {"guardian match", "activation decision for claims against a directory",
         "--directory FILE.json --today YYYY-MM-DD [--max-date-failures N]\n\n"
         "Reads one claim (JSON) per line; prints {status, reason, guardian, pupils, pupil_results, detail,\n"
         "user_message}. Wrong birth dates are counted per pupil for the whole run (default 3 per 24 h).\n"
         "Exit status: 0 done, 1 the directory cannot be read or loaded, 2 usage error.",
         cmd_guardian_match, {{"--directory", true}, {"--today", true}, {"--max-date-failures", true}}},
        {"login-id", "login identifier initial.family + random suffix (family<TAB>given per line)",
         "[--taken FILE]\n\nReads family<TAB>given lines; prints {login}. --taken: identifiers already taken, one per\n"
         "line (blank and # lines ignored; a regular file of at most 64 MiB); every identifier emitted joins the\n"
         "taken set. Exit status: 0 done, 1 the --taken file cannot be read, 2 usage error.",
         cmd_login_id, {{"--taken", true}}},
        {"password check", "password rules, verdict and strength (one password per line on stdin)",
         "[--policy portal|cnil2022] [--context JSON | --context-file FILE] [--lang fr|en]\n\n"
         "Reads one password per line on stdin (never from argv, never echoed); prints {valid, error, length,\n"
         "rules: {upper, lower, digit, special, length}, strength: {score, label, guesses_log10, feedback,\n"
         "messages}, unaccepted, unaccepted_message}. error is null, invalid_utf8, control_char or too_long (then\n"
         "strength is null). --context: {\"names\": [...], \"dates\": [\"YYYY-MM-DD\"], \"phones\": [...], \"login\":\n"
         "\"...\"}, words that lower the score (--context-file: the same in a regular file of at most 64 KiB).\n"
         "--lang: labels and messages (default fr). Exit status: 0 done, 1 the context file cannot be read,\n"
         "2 usage error (unknown policy, bad context).",
         cmd_password_check, {{"--policy", true}, {"--context", true}, {"--context-file", true}, {"--lang", true}}},
        {"password policy", "the checklist labels of a password policy, and the policy",
         "[--policy portal|cnil2022] [--lang fr|en]\n\n"
         "Prints one JSON object: {policy: NAME, labels: {rule: label} (the lines of the live checklist a\n"
         "parent sees, made from the policy: upper, lower, digit, special, length, and allowed when the policy\n"
         "restricts the characters), definition: the policy as JSON}.",
         cmd_password_policy, {{"--policy", true}, {"--lang", true}}},
        {"demo", "the whole activation walk on an embedded sample school",
         "[--lang fr|en]\n\nRuns the parent-account activation on a built-in school: identification (a phone shared by\n"
         "two parents, a name typed without accents, a Réunion mobile typed 0692...), the SMS code (printed where a\n"
         "real deployment would send it), a wrong code then the right one, the pupils' birth dates (one born on\n"
         "29 February), the live password checklist and meter, the Argon2id hash and the login identifier.",
         cmd_demo, {{"--lang", true}}},
    };
    return table;
}

}  // namespace cli
