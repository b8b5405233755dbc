// Feedback codes and sentences (French and English), and the score labels.
#include "core/password/meter/feedback.hpp"

namespace sesame::password {

const char *feedback_code(std::uint32_t bit) noexcept {
    switch (bit) {
        case kFbCommonPassword: return "common_password";
        case kFbDictionaryWord: return "dictionary_word";
        case kFbName: return "name";
        case kFbKeyboardWalk: return "keyboard_walk";
        case kFbSequence: return "sequence";
        case kFbRepeat: return "repeat";
        case kFbDate: return "date";
        case kFbContext: return "context";
        default: return "";
    }
}

const char *feedback_message(std::uint32_t bit, Lang lang) noexcept {
    const bool fr = lang == Lang::fr;
    switch (bit) {
        case kFbCommonPassword: return fr ? "C'est un mot de passe très courant." : "This is a very common password.";
        case kFbDictionaryWord:
            return fr ? "Un mot du dictionnaire est facile à deviner." : "A dictionary word is easy to guess.";
        case kFbName:
            return fr ? "Les prénoms et les noms de famille sont faciles à deviner." : "First names and surnames are easy to guess.";
        case kFbKeyboardWalk:
            return fr ? "Les suites de touches voisines (azerty, qwerty…) sont faciles à deviner."
                      : "Rows of neighbouring keys (azerty, qwerty…) are easy to guess.";
        case kFbSequence:
            return fr ? "Les suites comme abc ou 6543 sont faciles à deviner." : "Sequences like abc or 6543 are easy to guess.";
        case kFbRepeat:
            return fr ? "Les répétitions comme aaa ou abcabc sont faciles à deviner."
                      : "Repeats like aaa or abcabc are easy to guess.";
        case kFbDate: return fr ? "Les dates et les années sont faciles à deviner." : "Dates and years are easy to guess.";
        case kFbContext:
            return fr ? "Évitez vos noms, ceux de vos enfants, les dates de naissance, votre téléphone et votre identifiant."
                      : "Avoid your names, your children's names, birth dates, your phone number and your login.";
        default: return "";
    }
}

const char *score_label(int score, Lang lang) noexcept {
    static const char *const kFr[] = {"très faible", "faible", "moyen", "fort", "très fort"};
    static const char *const kEn[] = {"very weak", "weak", "fair", "strong", "very strong"};
    if (score < 0 || score > 4) return "";
    return lang == Lang::fr ? kFr[score] : kEn[score];
}

}  // namespace sesame::password
