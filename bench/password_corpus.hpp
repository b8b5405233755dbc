// The password benchmarks' corpus (bench/README.md, "## password"): 100,000 generated passwords,
// the same for every contender. Shared by password_bench and meter_dump.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

inline constexpr std::size_t kPasswordCorpusSize = 100000;

// A realistic corpus: what parents type on the activation form (word/name + year + symbol, keyboard
// rows, French words with accents, some NFD, dates, passphrases, random strings, a few errors).
inline const std::vector<std::string> &password_corpus() {
    static const std::vector<std::string> c = [] {
        const char *words[] = {"soleil", "chocolat", "bonjour", "maison", "papillon", "liberté", "été", "école",
                               "lucas", "emma", "hélène", "françois", "léa", "chloé", "jérôme", "noël",
                               "marseille", "paris", "dupont", "lefèvre", "motdepasse", "famille", "vacances",
                               "cœur", "garçon", "éléphant", "printemps", "azerty", "doudou", "nounours"};
        const char *rows[] = {"azerty", "qwerty", "&é\"'(-è_çà", "azertyuiop", "qsdfghjklm", "wxcvbn", "123456",
                              "1234567890", "aqwzsx", "poiuytreza"};
        const char *specials[] = {"!", "?", "@", "#", "$", ".", "*", "&", "-", "_", "€", "£", "µ", "%"};
        constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!?@#$()[]_.,;&=+-%*<>/:";
        std::mt19937 rng(20261128);
        auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
        auto cap = [](std::string s) {
            if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 32);
            return s;
        };
        std::vector<std::string> out;
        out.reserve(kPasswordCorpusSize);
        while (out.size() < kPasswordCorpusSize) {
            std::string s;
            switch (pick(10)) {
                case 0: case 1: case 2:  // Word + year + special
                    s = cap(words[pick(std::size(words))]) + std::to_string(1970 + pick(56)) + specials[pick(std::size(specials))];
                    break;
                case 3:  // word + 2 digits + word
                    s = words[pick(std::size(words))] + std::to_string(10 + pick(90)) + cap(words[pick(std::size(words))]);
                    break;
                case 4:  // keyboard row, capitalised or with a suffix
                    s = rows[pick(std::size(rows))];
                    s += std::to_string(pick(100)) + specials[pick(std::size(specials))];
                    break;
                case 5:  // a date
                    s = "Né le " + std::to_string(1 + pick(28)) + "/" + std::to_string(1 + pick(12)) + "/" + std::to_string(1980 + pick(40));
                    break;
                case 6: {  // passphrase
                    for (int k = 0; k < 4; ++k) s += std::string(k ? " " : "") + words[pick(std::size(words))];
                    break;
                }
                case 7: case 8: {  // random 8-20 characters
                    const std::size_t len = 8 + pick(13);
                    for (std::size_t k = 0; k < len; ++k) s.push_back(alphabet[pick(alphabet.size())]);
                    break;
                }
                default: {  // NFD accents, emoji, or an error (control character / ill-formed UTF-8)
                    const std::size_t v = pick(4);
                    if (v == 0) s = "E\xCC\x81" "cole" + std::to_string(pick(10000)) + "!";
                    else if (v == 1) s = cap(words[pick(std::size(words))]) + "\xF0\x9F\x98\x80" "7#";
                    else if (v == 2) s = "Tab\t" + std::to_string(pick(1000)) + "x!";
                    else s = "Caf\xE9" + std::to_string(pick(1000)) + "!";  // Latin-1 byte
                    break;
                }
            }
            out.push_back(std::move(s));
        }
        return out;
    }();
    return c;
}
