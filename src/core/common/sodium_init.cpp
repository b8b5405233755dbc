#include "core/common/sodium_init.hpp"

#include <sodium.h>

namespace sesame {

Status ensure_sodium() {
    // Function-local static: initialised exactly once, thread-safe (C++11 magic statics).
    static const bool ok = sodium_init() >= 0;
    if (!ok) return Error(Code::crypto, "libsodium could not be initialised");
    return Status::Ok();
}

}  // namespace sesame
