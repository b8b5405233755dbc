#include "core/common/time.hpp"

#include <chrono>

namespace sesame {

UnixMillis now_unix_ms() noexcept {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace sesame
