// Who is calling: the principal the chain finds in a request's bearer token, the roles, and
// the authenticator the accounts feature hands the chain (the HTTP layer knows no tokens).
#pragma once

#include "core/accounts.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dongelek::server {

// The roles are the API's (core/accounts.hpp): toString() and parseAccountRole() spell them.
using Role = AccountRole;

struct Principal {
    std::int64_t userId = 0;
    std::int64_t sessionId = 0;
    Role role = Role::Buyer;
    bool secondFactor = false; // signed in with a TOTP or recovery code too (admin routes need it)
};

// The result of checking a bearer token: a principal, or why not ("token_expired" when it
// was ours and is too old, "invalid_token" for anything else, "session_ended" when its
// session was ended).
struct Authentication {
    std::optional<Principal> principal;
    std::string failure;
};
using Authenticator = std::function<Authentication(std::string_view bearerToken)>;

} // namespace dongelek::server
