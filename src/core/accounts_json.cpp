// JSON of the accounts API. Readers are strict about types; optional fields may be missing
// or null. Writers put every field of an answer, and only the set fields of a request.

#include "core/accounts_json.hpp"

#include <array>
#include <stdexcept>

namespace dongelek {

using nlohmann::json;

// [SECTION] Roles

namespace {
struct RoleName {
    AccountRole role;
    std::string_view wire;
};
// Adding a role means adding one row here.
constexpr std::array<RoleName, 4> kRoles{{{AccountRole::Buyer, "buyer"},
                                          {AccountRole::Seller, "seller"},
                                          {AccountRole::Dealer, "dealer"},
                                          {AccountRole::Admin, "admin"}}};

template <typename T> void getOptional(const json& j, const char* key, T& out)
{
    if (auto it = j.find(key); it != j.end() && !it->is_null()) it->get_to(out);
}
template <typename T> void putOptional(json& j, const char* key, const std::optional<T>& v)
{
    if (v) j[key] = *v;
}
} // namespace

std::string_view toString(AccountRole role)
{
    for (const RoleName& r : kRoles)
        if (r.role == role) return r.wire;
    return "buyer";
}

std::optional<AccountRole> parseAccountRole(std::string_view wire)
{
    for (const RoleName& r : kRoles)
        if (r.wire == wire) return r.role;
    return std::nullopt;
}

const std::vector<AccountRole>& registrableRoles()
{
    static const std::vector<AccountRole> roles{AccountRole::Buyer, AccountRole::Seller, AccountRole::Dealer};
    return roles;
}

// [SECTION] Answers

void to_json(json& j, const User& v)
{
    j = json{{"id", v.id},
             {"email", v.email},
             {"displayName", v.displayName},
             {"role", std::string(toString(v.role))},
             {"emailVerified", v.emailVerified},
             {"phone", v.phone ? json(*v.phone) : json(nullptr)},
             {"phoneVerified", v.phoneVerified},
             {"totpEnabled", v.totpEnabled},
             {"language", v.language},
             {"createdAt", v.createdAt}};
}
void from_json(const json& j, User& v)
{
    j.at("id").get_to(v.id);
    j.at("email").get_to(v.email);
    j.at("displayName").get_to(v.displayName);
    const auto role = j.at("role").get<std::string>();
    const auto parsed = parseAccountRole(role);
    if (!parsed) throw std::invalid_argument("unknown role '" + role + "'");
    v.role = *parsed;
    getOptional(j, "emailVerified", v.emailVerified);
    v.phone.reset();
    if (auto it = j.find("phone"); it != j.end() && !it->is_null()) v.phone = it->get<std::string>();
    getOptional(j, "phoneVerified", v.phoneVerified);
    getOptional(j, "totpEnabled", v.totpEnabled);
    getOptional(j, "language", v.language);
    getOptional(j, "createdAt", v.createdAt);
}

void to_json(json& j, const AuthTokens& v)
{
    j = json{{"accessToken", v.accessToken}, {"expiresIn", v.expiresIn}, {"user", v.user}};
}
void from_json(const json& j, AuthTokens& v)
{
    j.at("accessToken").get_to(v.accessToken);
    j.at("expiresIn").get_to(v.expiresIn);
    j.at("user").get_to(v.user);
    if (v.accessToken.empty()) throw std::invalid_argument("empty accessToken");
}

void to_json(json& j, const StatusReply& v)
{
    j = json{{"status", v.status}};
}
void from_json(const json& j, StatusReply& v)
{
    j.at("status").get_to(v.status);
}

void to_json(json& j, const SessionInfo& v)
{
    j = json{{"id", v.id},          {"userAgent", v.userAgent}, {"device", v.device},
             {"ip", v.ip},          {"createdAt", v.createdAt}, {"lastSeenAt", v.lastSeenAt},
             {"current", v.current}};
}
void from_json(const json& j, SessionInfo& v)
{
    j.at("id").get_to(v.id);
    getOptional(j, "userAgent", v.userAgent);
    getOptional(j, "device", v.device);
    getOptional(j, "ip", v.ip);
    getOptional(j, "createdAt", v.createdAt);
    getOptional(j, "lastSeenAt", v.lastSeenAt);
    getOptional(j, "current", v.current);
}

void to_json(json& j, const SessionList& v)
{
    j = json{{"sessions", v.sessions}};
}
void from_json(const json& j, SessionList& v)
{
    j.at("sessions").get_to(v.sessions);
}

void to_json(json& j, const PasswordStrength& v)
{
    j = json{{"score", v.score},       {"acceptable", v.acceptable}, {"minLength", v.minLength},
             {"tooShort", v.tooShort}, {"tooLong", v.tooLong},       {"problem", v.problem}};
}
void from_json(const json& j, PasswordStrength& v)
{
    j.at("score").get_to(v.score);
    j.at("acceptable").get_to(v.acceptable);
    getOptional(j, "minLength", v.minLength);
    getOptional(j, "tooShort", v.tooShort);
    getOptional(j, "tooLong", v.tooLong);
    getOptional(j, "problem", v.problem);
}

void to_json(json& j, const PasswordChanged& v)
{
    j = json{{"status", v.status}, {"endedSessions", v.endedSessions}};
}
void from_json(const json& j, PasswordChanged& v)
{
    j.at("status").get_to(v.status);
    getOptional(j, "endedSessions", v.endedSessions);
}

void to_json(json& j, const EndedSessions& v)
{
    j = json{{"endedSessions", v.endedSessions}};
}
void from_json(const json& j, EndedSessions& v)
{
    j.at("endedSessions").get_to(v.endedSessions);
}

void to_json(json& j, const TotpSetup& v)
{
    j = json{
        {"secret", v.secret}, {"otpauthUri", v.otpauthUri}, {"qr", {{"size", v.qr.size}, {"modules", v.qr.modules}}}};
}
void from_json(const json& j, TotpSetup& v)
{
    j.at("secret").get_to(v.secret);
    getOptional(j, "otpauthUri", v.otpauthUri);
    const json& qr = j.at("qr");
    qr.at("size").get_to(v.qr.size);
    qr.at("modules").get_to(v.qr.modules);
    if (!v.qr.valid()) throw std::invalid_argument("qr.modules is not size*size long");
}

void to_json(json& j, const RecoveryCodes& v)
{
    j = json{{"recoveryCodes", v.recoveryCodes}};
}
void from_json(const json& j, RecoveryCodes& v)
{
    j.at("recoveryCodes").get_to(v.recoveryCodes);
}

// [SECTION] Request bodies

void to_json(json& j, const RegisterRequest& v)
{
    j = json{{"email", v.email},
             {"password", v.password},
             {"displayName", v.displayName},
             {"role", std::string(toString(v.role))},
             {"language", v.language}};
}
void to_json(json& j, const LoginRequest& v)
{
    j = json{{"email", v.email}, {"password", v.password}};
    putOptional(j, "totp", v.totp);
}
void to_json(json& j, const PhoneCodeRequest& v)
{
    j = json{{"phone", v.phone}};
}
void to_json(json& j, const PhoneLoginRequest& v)
{
    j = json{{"phone", v.phone}, {"code", v.code}};
    putOptional(j, "totp", v.totp);
}
void to_json(json& j, const EmailRequest& v)
{
    j = json{{"email", v.email}};
}
void to_json(json& j, const TokenRequest& v)
{
    j = json{{"token", v.token}};
}
void to_json(json& j, const ResetConfirmRequest& v)
{
    j = json{{"token", v.token}, {"password", v.password}};
}
void to_json(json& j, const StrengthRequest& v)
{
    j = json{{"password", v.password}};
    putOptional(j, "email", v.email);
    putOptional(j, "displayName", v.displayName);
}
void to_json(json& j, const ProfilePatch& v)
{
    j = json::object();
    putOptional(j, "displayName", v.displayName);
    putOptional(j, "language", v.language);
}
void to_json(json& j, const PasswordChangeRequest& v)
{
    j = json{{"currentPassword", v.currentPassword}, {"newPassword", v.newPassword}};
}
void to_json(json& j, const CodeRequest& v)
{
    j = json{{"code", v.code}};
}
void to_json(json& j, const TotpDisableRequest& v)
{
    j = json{{"password", v.password}, {"code", v.code}};
}

} // namespace dongelek
