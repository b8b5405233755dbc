// Feedback: each kind of pattern has a feedback bit (meter.hpp, part of the C ABI), a code and a
// sentence; an estimate reports the bits of the patterns on its best decomposition when its
// score is at most kMaxScoreWithFeedback (feedback.cpp holds the codes and sentences).
#pragma once

#include <array>
#include <cstdint>

#include "core/password/meter.hpp"
#include "core/password/wordlists.hpp"

namespace sesame::password::meter {

// The feedback bit of a word from each list (by Dict id), from the lists' kinds (generated).
inline constexpr auto kDictionaryFeedback = [] {
    std::array<std::uint32_t, 16> t{};
    for (std::size_t d = 1; d <= data::kDictCount; ++d) {
        switch (data::kDicts[d].kind) {
            case data::DictKind::common_password: t[d] = kFbCommonPassword; break;
            case data::DictKind::name: t[d] = kFbName; break;
            default: t[d] = kFbDictionaryWord; break;
        }
    }
    return t;
}();
static_assert(data::kDictCount < std::tuple_size_v<decltype(kDictionaryFeedback)>);

inline std::uint32_t dictionary_feedback(data::Dict d) { return kDictionaryFeedback[static_cast<std::uint8_t>(d) & 15]; }

}  // namespace sesame::password::meter
