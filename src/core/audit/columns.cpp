#include "core/audit/columns.hpp"

#include <array>

#include "core/text/name_key.hpp"
#include "core/text/utf8.hpp"

namespace sesame::audit {

namespace {

enum class Kind : std::uint8_t { none, mobile, phone };

// The names exports and secretaries give these columns, folded (text::label_key). A request for a
// phone column of any kind also finds a mobile column (the audit is about mobiles).
struct Synonym {
    std::string_view key;
    Kind kind;
};
constexpr std::array kSynonyms = {
    Synonym{"portable", Kind::mobile},
    Synonym{"mobile", Kind::mobile},
    Synonym{"tel portable", Kind::mobile},
    Synonym{"tel port", Kind::mobile},
    Synonym{"tel mobile", Kind::mobile},
    Synonym{"telephone portable", Kind::mobile},
    Synonym{"telephone mobile", Kind::mobile},
    Synonym{"tel cellulaire", Kind::mobile},
    Synonym{"telephone cellulaire", Kind::mobile},
    Synonym{"cellulaire", Kind::mobile},
    Synonym{"gsm", Kind::mobile},
    Synonym{"numero de portable", Kind::mobile},
    Synonym{"numero portable", Kind::mobile},
    Synonym{"numero de mobile", Kind::mobile},
    Synonym{"numero mobile", Kind::mobile},
    Synonym{"num portable", Kind::mobile},
    Synonym{"n portable", Kind::mobile},
    Synonym{"no portable", Kind::mobile},
    Synonym{"n de portable", Kind::mobile},
    Synonym{"no de portable", Kind::mobile},
    Synonym{"mobile phone", Kind::mobile},
    Synonym{"mobile number", Kind::mobile},
    Synonym{"cell phone", Kind::mobile},
    Synonym{"cellphone", Kind::mobile},
    Synonym{"telephone", Kind::phone},
    Synonym{"tel", Kind::phone},
    Synonym{"phone", Kind::phone},
    Synonym{"numero de telephone", Kind::phone},
    Synonym{"numero telephone", Kind::phone},
    Synonym{"numero tel", Kind::phone},
    Synonym{"num tel", Kind::phone},
    Synonym{"n tel", Kind::phone},
    Synonym{"no tel", Kind::phone},
    Synonym{"n de telephone", Kind::phone},
    Synonym{"no de telephone", Kind::phone},
    Synonym{"n telephone", Kind::phone},
    Synonym{"phone number", Kind::phone},
    Synonym{"telephone number", Kind::phone},
};

Kind kind_of(std::string_view key) noexcept {
    for (const auto &s : kSynonyms)
        if (s.key == key) return s.kind;
    return Kind::none;
}

// Whether `words` holds `phrase` as whole consecutive words ("tel portable resp 1" holds
// "tel portable", not "portab").
bool holds(std::string_view words, std::string_view phrase) noexcept {
    if (phrase.empty()) return false;
    for (std::size_t at = words.find(phrase); at != std::string_view::npos; at = words.find(phrase, at + 1)) {
        const bool starts = at == 0 || words[at - 1] == ' ';
        const std::size_t end = at + phrase.size();
        if (starts && (end == words.size() || words[end] == ' ')) return true;
    }
    return false;
}

std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 80;
    std::string r = text::repair_utf8(s);
    if (r.size() > kMax) {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(r[cut]) & 0xC0) == 0x80) --cut;  // a code point boundary
        r.resize(cut);
        r += "…";
    }
    return "\"" + r + "\"";
}

}  // namespace

const char *column_match_name(ColumnMatch m) noexcept {
    switch (m) {
        case ColumnMatch::exact: return "exact";
        case ColumnMatch::folded: return "folded";
        case ColumnMatch::synonym: return "synonym";
        case ColumnMatch::contains: return "contains";
        case ColumnMatch::none: return "";
    }
    return "";
}

ColumnChoice choose_column(const std::vector<std::string> &header, std::string_view wanted) {
    ColumnChoice c;
    auto decide = [&](ColumnMatch how) {
        if (c.candidates.empty()) return false;
        c.how = how;
        if (c.candidates.size() == 1) c.index = c.candidates.front();
        return true;
    };
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == wanted) {
            c.candidates.push_back(i);
            break;
        }
    if (decide(ColumnMatch::exact)) return c;

    const std::string want = text::label_key(wanted);
    if (want.empty()) return c;
    std::vector<std::string> keys;
    keys.reserve(header.size());
    for (const auto &h : header) keys.push_back(text::label_key(h));
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == want) c.candidates.push_back(i);
    if (decide(ColumnMatch::folded)) return c;

    const Kind kind = kind_of(want);
    if (kind != Kind::none) {
        // Same kind first; a phone request then takes a mobile column.
        for (const Kind k : {kind, Kind::mobile}) {
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (kind_of(keys[i]) == k) c.candidates.push_back(i);
            if (decide(ColumnMatch::synonym)) return c;
        }
    }

    // The name, or a synonym of its kind, among the words of a header.
    for (std::size_t i = 0; i < keys.size(); ++i) {
        bool found = holds(keys[i], want);
        for (const auto &s : kSynonyms)
            found = found || (kind != Kind::none && (s.kind == kind || s.kind == Kind::mobile) && holds(keys[i], s.key));
        if (found) c.candidates.push_back(i);
    }
    decide(ColumnMatch::contains);
    return c;
}

Status column_error(const std::vector<std::string> &header, const ColumnChoice &choice) {
    constexpr std::size_t kMaxNames = 40;
    const bool several = choice.candidates.size() > 1;
    std::string detail = several ? "several columns match the name given (" + std::string(column_match_name(choice.how)) +
                                       " match): "
                                 : "no column of the header matches the name given (case, accents, spaces and common "
                                   "names such as \"portable\" are forgiven); the columns are: ";
    std::vector<std::size_t> list = choice.candidates;
    if (!several) {
        list.clear();
        for (std::size_t i = 0; i < header.size(); ++i) list.push_back(i);
    }
    for (std::size_t k = 0; k < list.size() && k < kMaxNames; ++k) {
        if (k != 0) detail += ", ";
        detail += quoted(header[list[k]]);
    }
    if (list.size() > kMaxNames) detail += " and " + std::to_string(list.size() - kMaxNames) + " more";
    if (several) detail += "; give one of them exactly";
    return Error(Code::not_found, detail);
}

}  // namespace sesame::audit
