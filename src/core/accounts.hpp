// The accounts API's wire types (docs/accounts-api.md): the user, sign-in tokens, sessions,
// password strength, two-factor set-up, and the request bodies. camelCase on the wire.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] The user

// buyer, seller (a private seller), dealer; admin is made from the command line only.
enum class AccountRole { Buyer, Seller, Dealer, Admin };
std::string_view toString(AccountRole role);
std::optional<AccountRole> parseAccountRole(std::string_view wire);
// The roles a person may pick when registering, in the order the form offers them.
const std::vector<AccountRole>& registrableRoles();

struct User {
    std::int64_t id = 0;
    std::string email;
    std::string displayName;
    AccountRole role = AccountRole::Buyer;
    bool emailVerified = false;
    std::optional<std::string> phone; // E.164, null when none
    bool phoneVerified = false;
    bool totpEnabled = false;
    std::string language; // "en", "ru", "kk"
    std::string createdAt;
};

// [SECTION] Answers

// Sign-in, phone sign-in and refresh: the access token lives in memory only.
struct AuthTokens {
    std::string accessToken;
    int expiresIn = 0; // seconds
    User user;
};

// {"status":"verification_sent"}, {"status":"verified"}, {"status":"code_sent"}, ...
struct StatusReply {
    std::string status;
};

struct SessionInfo {
    std::int64_t id = 0;
    std::string userAgent;
    std::string device; // "Chrome on Android"
    std::string ip;
    std::string createdAt;
    std::string lastSeenAt;
    bool current = false; // the session of this device
};
struct SessionList {
    std::vector<SessionInfo> sessions; // newest first
};

struct PasswordStrength {
    int score = 0; // 0..4 (zxcvbn)
    bool acceptable = false;
    int minLength = 12;
    bool tooShort = false;
    bool tooLong = false;
    std::string problem; // English, for logs; the app shows its own text
};

// POST /api/v1/me/password: {"status":"password_changed","endedSessions":N}
struct PasswordChanged {
    std::string status;
    int endedSessions = 0;
};
// POST /api/v1/me/sessions/end-others
struct EndedSessions {
    int endedSessions = 0;
};

struct QrMatrix {
    int size = 0;
    std::string modules; // size*size of '0'/'1', row by row, '1' dark
    bool dark(int x, int y) const
    {
        const std::size_t i =
            static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x);
        return x >= 0 && y >= 0 && x < size && y < size && i < modules.size() && modules[i] == '1';
    }
    bool valid() const
    {
        return size > 0 && modules.size() == static_cast<std::size_t>(size) * static_cast<std::size_t>(size);
    }
};
struct TotpSetup {
    std::string secret; // base32
    std::string otpauthUri;
    QrMatrix qr;
};
struct RecoveryCodes {
    std::vector<std::string> recoveryCodes; // shown once
};

// [SECTION] Request bodies (written by the app, read by the server)

struct RegisterRequest {
    std::string email, password, displayName;
    AccountRole role = AccountRole::Buyer;
    std::string language;
};
struct LoginRequest {
    std::string email, password;
    std::optional<std::string> totp; // a code from the authenticator app, or a recovery code
};
struct PhoneCodeRequest {
    std::string phone;
};
struct PhoneLoginRequest {
    std::string phone, code;
    std::optional<std::string> totp; // when two-factor sign-in is on (the server answers totp_required)
};
struct EmailRequest { // resend-verification, password-reset/request
    std::string email;
};
struct TokenRequest { // verify-email
    std::string token;
};
struct ResetConfirmRequest {
    std::string token, password;
};
struct StrengthRequest {
    std::string password;
    std::optional<std::string> email, displayName;
};
struct ProfilePatch {
    std::optional<std::string> displayName, language;
};
struct PasswordChangeRequest {
    std::string currentPassword, newPassword;
};
struct CodeRequest { // me/phone/confirm, me/totp/enable
    std::string code;
};
struct TotpDisableRequest {
    std::string password, code;
};

} // namespace dongelek
