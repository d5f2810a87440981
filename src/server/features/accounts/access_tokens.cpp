#include "server/features/accounts/access_tokens.hpp"

#include "server/features/accounts/crypto.hpp"

#include <nlohmann/json.hpp>

namespace dongelek::server::accounts {

namespace {
// base64url of {"alg":"HS256","typ":"JWT"}: the only header we write or accept.
const std::string& headerPart()
{
    static const std::string h = base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})");
    return h;
}
} // namespace

AccessTokens::AccessTokens(std::string key, std::int64_t lifetimeSeconds) : m_key(std::move(key)), m_lifetime(lifetimeSeconds)
{
}

std::string AccessTokens::issue(const Principal& who, std::int64_t now) const
{
    const nlohmann::json claims = {{"sub", std::to_string(who.userId)},
                                   {"sid", who.sessionId},
                                   {"role", std::string(toString(who.role))},
                                   {"mfa", who.secondFactor},
                                   {"iat", now},
                                   {"exp", now + m_lifetime}};
    std::string signingInput = headerPart() + "." + base64UrlEncode(claims.dump());
    const std::string signature = base64UrlEncode(hmacSha256(m_key, signingInput));
    return signingInput + "." + signature;
}

Authentication AccessTokens::verify(std::string_view token, std::int64_t now) const
{
    Authentication out;
    out.failure = "invalid_token";
    if (token.size() > 2048) return out;
    const std::size_t dot1 = token.find('.');
    if (dot1 == std::string_view::npos || token.substr(0, dot1) != headerPart()) return out; // alg pinned
    const std::size_t dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return out;
    const std::string expected = base64UrlEncode(hmacSha256(m_key, token.substr(0, dot2)));
    if (!constantTimeEquals(expected, token.substr(dot2 + 1))) return out;
    const std::optional<std::string> payload = base64UrlDecode(token.substr(dot1 + 1, dot2 - dot1 - 1));
    if (!payload) return out;
    const nlohmann::json claims = nlohmann::json::parse(*payload, nullptr, false);
    if (!claims.is_object() || !claims.contains("exp") || !claims["exp"].is_number_integer() ||
        !claims.contains("sub") || !claims["sub"].is_string() || !claims.contains("sid") ||
        !claims["sid"].is_number_integer() || !claims.contains("role") || !claims["role"].is_string())
        return out;
    const std::optional<Role> role = parseAccountRole(claims["role"].get<std::string>());
    if (!role) return out;
    if (claims["exp"].get<std::int64_t>() <= now) {
        out.failure = "token_expired";
        return out;
    }
    Principal p;
    try {
        p.userId = std::stoll(claims["sub"].get<std::string>());
    } catch (...) {
        return out;
    }
    p.sessionId = claims["sid"].get<std::int64_t>();
    p.role = *role;
    p.secondFactor = claims.contains("mfa") && claims["mfa"].is_boolean() && claims["mfa"].get<bool>();
    out.principal = p;
    out.failure.clear();
    return out;
}

} // namespace dongelek::server::accounts
