// The matchers: each finds one kind of pattern in the password and adds it, with its guesses
// (scoring.hpp), to the analysis' matches. Run in this order by estimate.cpp (the order breaks
// ties between decompositions of equal cost).
#pragma once

#include "core/password/meter/analysis.hpp"

namespace sesame::password::meter {

// Dictionary words (common passwords, French words, Wikipedia, first and last names, French word
// sequences, English diceware) at every position of the folded text, then of its l33t reading:
// rank, times case variations, times l33t variations (match_dictionary.cpp).
void match_dictionary(Analysis &a);
// The caller's context words (names, dates, phone, login) in the folded text and its l33t
// reading: their index in the context, times the variations. They never count as a pattern
// (context.cpp).
void match_context(Analysis &a);
// Walks on the QWERTY, AZERTY and keypad graphs (match_keyboard.cpp).
void match_keyboard(Analysis &a);
// Runs of code points with a constant step of 1 to 5 (match_sequences.cpp).
void match_sequences(Analysis &a);
// Repeated units (aaaa, abcabc), the unit estimated on its own (match_sequences.cpp).
void match_repeats(Analysis &a);
// Years, and dates with or without separators (match_dates.cpp).
void match_dates(Analysis &a);

}  // namespace sesame::password::meter
