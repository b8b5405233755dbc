// Login identifiers `initial.family` + CSPRNG suffix (spec: identity.md, "Login identifiers").
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/common/status.hpp"

namespace sesame::identity {

// Returns true when `login` is already taken, false when free; an error Status aborts.
using TakenFn = std::function<Result<bool>(std::string_view login)>;

// The stem "h.lefevre" (no suffix): family part after ep/epouse/epse/veuve/vve or before nee,
// letters only, at most 20; initial of the given name. Non-Latin names are transliterated with
// ICU "Any-Latin; Latin-ASCII" first. Code::invalid_name when the family part is empty.
Result<std::string> login_stem(std::string_view family, std::string_view given);

// A free identifier: stem + 2 random digits (20 draws), then 3, then 4; Code::exhausted after.
Result<std::string> login_id(std::string_view family, std::string_view given, const TakenFn &taken);

// ICU "Any-Latin; Latin-ASCII" (for identifiers only, never for matching). Empty on failure.
std::string transliterate_latin_ascii(std::string_view s);

}  // namespace sesame::identity
