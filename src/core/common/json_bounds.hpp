// The bounds of every JSON document Sesame parses (claims, directories, candidates, policies,
// contexts), checked before the parser sees a byte: the size against the document's limit, then
// the nesting depth against SESAME_JSON_MAX_DEPTH in one pass over the bytes (strings skipped).
// So a hostile document (10 MB of '[') costs one scan, never a parser's memory. The same scan
// refuses a NUL byte, which JSON never holds and the parser would take for the end of the input.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/common/limits.hpp"
#include "core/common/status.hpp"

namespace sesame {

// A kind of document and its size bound (the depth bound is the same for all).
struct JsonBound {
    std::string_view what;        // "the claim": names the document in details
    std::uint64_t max_bytes;
    std::string_view limit_name;  // "SESAME_CLAIM_MAX_BYTES": names the limit in details
};

inline constexpr JsonBound kClaimBound{"the claim", limits::kClaimMaxBytes, "SESAME_CLAIM_MAX_BYTES"};
inline constexpr JsonBound kPolicyBound{"the policy", limits::kPolicyMaxBytes, "SESAME_POLICY_MAX_BYTES"};
inline constexpr JsonBound kContextBound{"the context", limits::kContextMaxBytes, "SESAME_CONTEXT_MAX_BYTES"};
inline constexpr JsonBound kCandidatesBound{"the candidates", limits::kCandidatesMaxBytes, "SESAME_CANDIDATES_MAX_BYTES"};
inline constexpr JsonBound kDirectoryBound{"the directory", limits::kDirectoryMaxBytesDefault,
                                           "SESAME_DIRECTORY_MAX_BYTES_DEFAULT"};

// Code::limit with a detail naming the document and the limit ("the claim is 70000 bytes, above
// SESAME_CLAIM_MAX_BYTES (65536)", "the policy nests deeper than SESAME_JSON_MAX_DEPTH (16) at
// byte 17"); Code::parse for a NUL byte. A document that is otherwise not JSON passes: the parser
// reports it.
Status check_json_bounds(std::string_view text, const JsonBound &bound);

}  // namespace sesame
