// The command table. Each module adds its commands here and implements them in cmd_<module>.cpp.
#include "cli.hpp"

namespace cli {

int cmd_phone_audit(const std::vector<std::string> &args);

const std::vector<Command> &commands() {
    static const std::vector<Command> table = {
        {"phone audit", "audit the phone column of a guardians CSV export",
         "FILE.csv --column NAME [--json] [--delimiter ,|;] [--lang fr|en]\n\n"
         "Reads a CSV export (',' or ';', UTF-8 or Windows-1252, quoted fields) and reports, per data row,\n"
         "whether the number in column NAME can receive the activation SMS: mobile, not_mobile, invalid or\n"
         "empty, the numbers shared by several rows, and the rows to check. --json prints one JSON object\n"
         "{rows, summary, shared_numbers, problems}. A progress bar is drawn on stderr when it is a terminal.\n"
         "Exit status: 0 done, 1 read error, 2 usage error (missing FILE or --column, unknown column).",
         cmd_phone_audit},
    };
    return table;
}

}  // namespace cli
