// Feedback: each kind of pattern has a feedback bit (meter.hpp, part of the C ABI), a code and a
// sentence; an estimate reports the bits of the patterns on its best decomposition when its
// score is at most kMaxScoreWithFeedback (feedback.cpp holds the codes and sentences).
#pragma once

#include <cstdint>

#include "core/password/meter.hpp"
#include "core/password/wordlists.hpp"

namespace sesame::password::meter {

// The feedback of a word from a list: the common passwords have their own, names theirs, every
// other list is a dictionary word.
inline std::uint32_t dictionary_feedback(data::Dict d) {
    switch (d) {
        case data::Dict::passwords: return kFbCommonPassword;
        case data::Dict::firstnames:
        case data::Dict::lastnames: return kFbName;
        default: return kFbDictionaryWord;
    }
}

}  // namespace sesame::password::meter
