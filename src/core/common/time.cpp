#include "core/common/time.hpp"

#include <chrono>

namespace sesame {

UnixMillis now_unix_ms() noexcept {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int current_utc_year() noexcept {
    using namespace std::chrono;
    const year_month_day ymd{floor<days>(system_clock::now())};
    return static_cast<int>(ymd.year());
}

}  // namespace sesame
