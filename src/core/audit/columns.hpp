// Which column of an export holds the phones: the header is matched the way a secretary names it
// (issue 19). One fold (text::label_key: case, accents, spacing and punctuation) and one table of
// the names exports give a mobile or a phone column, here and nowhere else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/status.hpp"

namespace sesame::audit {

// How the column was found, from the strictest: the header cell as given (bytes), the same after
// the fold, a synonym of the same kind ("portable" for "Tél. mobile"), a header holding the name
// or one of its synonyms among its words ("Tél. portable resp. 1" for "portable").
enum class ColumnMatch : std::uint8_t { none, exact, folded, synonym, contains };
const char *column_match_name(ColumnMatch m) noexcept;  // "exact", "folded", "synonym", "contains"; "" for none

struct ColumnChoice {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t index = npos;             // the chosen column (0-based), npos when none or several
    ColumnMatch how = ColumnMatch::none;  // the level that decided (also when several matched)
    std::vector<std::size_t> candidates;  // the columns that matched at that level (one when chosen)
};

// The first level with a match decides: one column is chosen, several are ambiguous (index npos,
// candidates listed). An exact match always wins (the first of equal cells).
ColumnChoice choose_column(const std::vector<std::string> &header, std::string_view wanted);

// The Code::not_found error of a failed choice, for people: the columns of the header (or the
// candidates when several matched), quoted, at most 40 of them and 80 bytes each.
Status column_error(const std::vector<std::string> &header, const ColumnChoice &choice);

}  // namespace sesame::audit
