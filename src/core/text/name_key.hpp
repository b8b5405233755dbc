// Canonical name keys (spec: docs/spec/identity.md, "Canonical key"), built on utf8proc.
// Used by identity (matching guardians) and by password (context words of the strength meter).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sesame::text {

struct NameKey {
    bool valid = false;                            // an invalid key matches nothing, not even itself
    std::vector<std::vector<std::string>> units;   // given-name units, each a list of tokens [a-z0-9]+

    std::vector<std::string> tokens() const;       // all tokens in order
    std::string compact() const;                   // tokens concatenated: "jeanpierremarie"
    std::string text() const;                      // tokens joined by ' ', units by '|': "jean pierre|marie"
};

// key(s): at most 100 code points of valid UTF-8; NFKD, marks removed, full case folding, letter
// table, ignorables deleted, split, st/ste expanded, tokens [a-z0-9]+ only.
NameKey name_key(std::string_view s);

// The same fold, lenient, for labels such as the column headers of an export ("Tél. portable",
// "N° de mobile"): no length bound, and a character a name key refuses (a symbol such as °, #
// or :, another script, an invalid byte) separates words instead of invalidating the key. The
// tokens joined by one space: "tel portable", "n de mobile"; "" when there is none.
std::string label_key(std::string_view s);

}  // namespace sesame::text
