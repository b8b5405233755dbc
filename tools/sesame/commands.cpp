// The command table. Each module adds its commands here and implements them in cmd_<module>.cpp.
#include "cli.hpp"

namespace cli {

const std::vector<Command> &commands() {
    static const std::vector<Command> table = {
    };
    return table;
}

}  // namespace cli
