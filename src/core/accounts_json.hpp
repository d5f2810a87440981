// JSON mapping of the accounts API's types (core/accounts.hpp), next to json_mapping.hpp's
// listings types: camelCase fields as docs/accounts-api.md writes them.
#pragma once

#include "core/accounts.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

void to_json(nlohmann::json& j, const User& v);
void from_json(const nlohmann::json& j, User& v);
void to_json(nlohmann::json& j, const AuthTokens& v);
void from_json(const nlohmann::json& j, AuthTokens& v);
void to_json(nlohmann::json& j, const StatusReply& v);
void from_json(const nlohmann::json& j, StatusReply& v);
void to_json(nlohmann::json& j, const SessionInfo& v);
void from_json(const nlohmann::json& j, SessionInfo& v);
void to_json(nlohmann::json& j, const SessionList& v);
void from_json(const nlohmann::json& j, SessionList& v);
void to_json(nlohmann::json& j, const PasswordStrength& v);
void from_json(const nlohmann::json& j, PasswordStrength& v);
void to_json(nlohmann::json& j, const PasswordChanged& v);
void from_json(const nlohmann::json& j, PasswordChanged& v);
void to_json(nlohmann::json& j, const EndedSessions& v);
void from_json(const nlohmann::json& j, EndedSessions& v);
void to_json(nlohmann::json& j, const TotpSetup& v);
void from_json(const nlohmann::json& j, TotpSetup& v);
void to_json(nlohmann::json& j, const RecoveryCodes& v);
void from_json(const nlohmann::json& j, RecoveryCodes& v);

// Request bodies: optional fields are left out when unset (the server refuses unknown fields,
// not missing optional ones).
void to_json(nlohmann::json& j, const RegisterRequest& v);
void to_json(nlohmann::json& j, const LoginRequest& v);
void to_json(nlohmann::json& j, const PhoneCodeRequest& v);
void to_json(nlohmann::json& j, const PhoneLoginRequest& v);
void to_json(nlohmann::json& j, const EmailRequest& v);
void to_json(nlohmann::json& j, const TokenRequest& v);
void to_json(nlohmann::json& j, const ResetConfirmRequest& v);
void to_json(nlohmann::json& j, const StrengthRequest& v);
void to_json(nlohmann::json& j, const ProfilePatch& v);
void to_json(nlohmann::json& j, const PasswordChangeRequest& v);
void to_json(nlohmann::json& j, const CodeRequest& v);
void to_json(nlohmann::json& j, const TotpDisableRequest& v);

} // namespace dongelek
