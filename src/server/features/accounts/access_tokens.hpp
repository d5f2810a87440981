// Access tokens: JWTs signed with HS256 (RFC 7519 / 7515) carrying the user, the session and
// the role, valid for a few minutes. Verified without the database (any server instance with
// the shared key can check one); the session's liveness is checked separately.
#pragma once

#include "server/http/principal.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace dongelek::server::accounts {

class AccessTokens {
public:
    // `key` is 32 random bytes shared by every instance (server_secrets in the database).
    AccessTokens(std::string key, std::int64_t lifetimeSeconds);

    std::string issue(const Principal& who, std::int64_t nowSeconds) const;
    // A principal, or failure "token_expired" (ours, too old) / "invalid_token" (anything else:
    // another alg, a bad signature, garbage). Only alg HS256 with typ JWT is accepted.
    Authentication verify(std::string_view token, std::int64_t nowSeconds) const;

    std::int64_t lifetimeSeconds() const { return m_lifetime; }

private:
    std::string m_key;
    std::int64_t m_lifetime;
};

} // namespace dongelek::server::accounts
