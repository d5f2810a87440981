// Accounts: registration and email verification, sign-in by password or SMS code with
// two-factor TOTP, sessions with rotating refresh tokens and reuse detection, password
// change and reset, phones, the audit log, limits and lockouts. Transport-free: routes
// turn requests into these calls and ClientErrors into 4xx answers. docs/security.md
// maps each ASVS requirement to the code and the test that shows it.
#pragma once

#include "server/features/accounts/abuse_counters.hpp"
#include "server/features/accounts/access_tokens.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/accounts/crypto.hpp"
#include "server/features/accounts/delivery.hpp"
#include "server/features/accounts/password_policy.hpp"
#include "server/http/principal.hpp"

#include "core/i18n.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::accounts {

struct AccountSettings {
    std::int64_t accessTokenSeconds = 300;
    std::int64_t sessionSeconds = 30 * 86400; // absolute: sign in again after 30 days
    std::int64_t sessionIdleSeconds = 7 * 86400;
    std::int64_t verifyTokenSeconds = 24 * 3600;
    std::int64_t resetTokenSeconds = 3600;
    std::int64_t phoneCodeSeconds = 300;
    std::int64_t refreshReuseGraceSeconds = 10; // two tabs refreshing at once is not an attack
    int passwordHistory = 5;
    PasswordHashCost hashCost;
    AuthLimits limits;
};

// Where a request came from: for limits, sessions and the audit log.
struct ClientInfo {
    std::string ip;
    std::string userAgent;
    std::string origin; // "https://dongelek.kz": links in mails point here
};

struct SignedIn {
    std::string accessToken;
    std::int64_t expiresIn = 0;
    std::string refreshToken; // goes into the HttpOnly cookie, never into JSON
    UserRow user;
};

struct TotpSetup {
    std::string secret; // base32, for typing into an app
    std::string otpauthUri;
    int qrSize = 0;
    std::string qrModules; // qrSize * qrSize of '0'/'1', row by row
};

// Mail and SMS texts in every language (locales/mail/<code>.json).
class MessageTexts {
public:
    // Reads <dir>/en.json, ru.json, kk.json (English is the fallback). Throws with the file's name.
    static MessageTexts load(const std::string& dir);
    const Strings& in(const std::string& language) const;

private:
    std::map<std::string, Strings> m_strings;
};

// A mail from locales/mail: "<kind>.subject", ".body", ".action" (a button to `link`),
// ".note", with {slots} in the subject and body filled from `args`; plain text and HTML.
Mail composeMail(const Strings& s, const std::string& email, const std::string& name, const std::string& kind,
                 const std::string& link, std::initializer_list<std::pair<std::string_view, std::string>> args);

using Clock = std::function<std::int64_t()>; // Unix seconds

class AccountService {
public:
    AccountService(AccountRepository& repository, AbuseCounters& counters, Mailer& mailer, SmsSender& sms,
                   DeliveryQueue& queue, MessageTexts texts, AccountSettings settings, Clock clock);

    // [SECTION] Sign-up and sign-in
    void registerAccount(const std::string& email, const std::string& password, const std::string& displayName,
                         const std::string& role, const std::string& language, const ClientInfo& client);
    void verifyEmail(const std::string& token, const ClientInfo& client);
    void resendVerification(const std::string& email, const ClientInfo& client);
    SignedIn signIn(const std::string& email, const std::string& password, const std::optional<std::string>& totp,
                    const ClientInfo& client);
    void sendSignInCode(const std::string& phone, const ClientInfo& client);
    SignedIn signInWithCode(const std::string& phone, const std::string& code, const std::optional<std::string>& totp,
                            const ClientInfo& client);
    SignedIn refresh(const std::string& refreshToken, const ClientInfo& client);
    void signOut(const Principal& who, const ClientInfo& client);
    void requestPasswordReset(const std::string& email, const ClientInfo& client);
    void resetPassword(const std::string& token, const std::string& password, const ClientInfo& client);
    PasswordVerdict passwordStrength(const std::string& password, const std::vector<std::string>& userInputs,
                                     const ClientInfo& client);

    // The chain's authenticator: a valid access token of an open session.
    Authentication authenticate(std::string_view accessToken);

    // [SECTION] The signed-in user's own account
    UserRow me(const Principal& who);
    UserRow updateProfile(const Principal& who, const std::optional<std::string>& displayName,
                          const std::optional<std::string>& language);
    std::int64_t changePassword(const Principal& who, const std::string& current, const std::string& next,
                                const ClientInfo& client);
    std::vector<SessionRow> sessions(const Principal& who);
    void endSession(const Principal& who, std::int64_t sessionId, const ClientInfo& client);
    std::int64_t endOtherSessions(const Principal& who, const ClientInfo& client);
    void addPhone(const Principal& who, const std::string& phone, const ClientInfo& client);
    UserRow confirmPhone(const Principal& who, const std::string& code, const ClientInfo& client);
    TotpSetup setupTotp(const Principal& who);
    std::vector<std::string> enableTotp(const Principal& who, const std::string& code, const ClientInfo& client);
    UserRow disableTotp(const Principal& who, const std::string& password, const std::string& code,
                        const ClientInfo& client);

    // [SECTION] Administration
    std::vector<AuditEvent> auditEvents(std::optional<std::int64_t> userId, int limit);
    // `dongelek-server admin create`: a verified admin account. Throws std::runtime_error
    // naming the problem (taken email, weak password).
    std::int64_t createAdmin(const std::string& email, const std::string& displayName, const std::string& password);
    void setRole(std::int64_t userId, Role role, const std::optional<std::int64_t>& byAdmin, const std::string& ip);

    const AccountSettings& settings() const { return m_settings; }

    // E.164 for a Kazakh (+7 6xx/7xx, 10 digits after +7; "8 7xx" local form accepted) or
    // Bahraini (+973, 8 digits) number with spaces, dashes and brackets removed, else nullopt.
    static std::optional<std::string> normalizePhone(const std::string& input);
    // Trimmed and lower-cased when it looks like an address, else nullopt.
    static std::optional<std::string> normalizeEmail(const std::string& input);

private:
    std::int64_t now() const { return m_clock(); }
    void limit(const std::string& key, const Limit& l, const std::string& field, const char* what);
    SignedIn startSession(const UserRow& user, bool secondFactor, const ClientInfo& client, const char* how);
    SignedIn issue(const UserRow& user, std::int64_t sessionId, bool secondFactor, std::string refreshToken);
    void checkNotLocked(const std::string& accountKey);
    void recordFailure(const std::string& accountKey, const std::optional<UserRow>& user, const ClientInfo& client,
                       const char* how);
    void clearFailures(const std::string& accountKey);
    bool checkSecondFactor(const UserRow& user, const std::string& code);
    // False without TOTP on; else the code must be there and right (401 totp_required / totp_invalid).
    bool requireSecondFactor(const UserRow& user, const std::optional<std::string>& totp,
                             const std::string& accountKey, const ClientInfo& client);
    bool matchTotp(std::int64_t userId, const std::string& secret, const std::string& code);
    // The cooldown and hourly cap of verification mails and SMS codes to one address or phone.
    void throttleResend(const std::string& address, const char* field);
    std::optional<std::string> requirePhone(const std::string& input); // 400 invalid_phone
    void checkNewPassword(const UserRow& user, const std::string& password);
    void setNewPassword(const UserRow& user, const std::string& password, std::int64_t keepSession,
                        const char* reason, const ClientInfo& client);
    void sendMail(const UserRow& user, const std::string& kind, const std::string& link,
                  std::initializer_list<std::pair<std::string_view, std::string>> args = {});
    void sendMailTo(const std::string& email, const std::string& name, const std::string& language,
                    const std::string& kind, const std::string& link,
                    std::initializer_list<std::pair<std::string_view, std::string>> args = {});
    void sendSms(const std::string& phone, const std::string& language, const std::string& text);
    std::string codeHash(const std::string& code) const;
    void audit(const char* type, std::optional<std::int64_t> userId, const ClientInfo& client,
               const std::string& detail = {});

    AccountRepository& m_repo;
    AbuseCounters& m_counters;
    Mailer& m_mailer;
    SmsSender& m_sms;
    DeliveryQueue& m_queue;
    MessageTexts m_texts;
    AccountSettings m_settings;
    Clock m_clock;
    std::string m_tokenKey;  // HS256 key of access tokens
    std::string m_sealKey;   // seals TOTP secrets
    std::string m_pepper;    // keys the hashes of SMS codes and recovery codes
    std::optional<AccessTokens> m_tokens;
};

} // namespace dongelek::server::accounts
