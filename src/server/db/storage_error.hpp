// The one exception type of the storage layer, shared by the database engines and the
// repositories, so callers catch storage failures without knowing the engine.
#pragma once

#include <stdexcept>

namespace dongelek::server {

// Any failure of the storage engine. The message is for the server log only: it may
// contain SQL or file paths and must never reach a client. It never contains a password.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace dongelek::server
