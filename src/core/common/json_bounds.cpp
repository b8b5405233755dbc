#include "core/common/json_bounds.hpp"

#include <string>


namespace sesame {

Status check_json_bounds(std::string_view text, const JsonBound &bound) {
    if (text.size() > bound.max_bytes)
        return limits::above_limit(bound.what, text.size(), bound.limit_name, bound.max_bytes);
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // JSON has no raw NUL anywhere, and the parser would take one for the end of the input
        // (reading a document other than the one passed): refused here, where every byte is seen.
        if (c == '\0')
            return Error(Code::parse, std::string(bound.what) + " holds a NUL byte at byte " + std::to_string(i) + ": not JSON");
        if (in_string) {
            if (c == '\\') ++i;  // the escaped character cannot end the string
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits::kJsonMaxDepth)
                return Error(Code::limit, std::string(bound.what) + " nests deeper than SESAME_JSON_MAX_DEPTH (" +
                                              std::to_string(limits::kJsonMaxDepth) + ") at byte " + std::to_string(i));
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return Status::Ok();
}

}  // namespace sesame
