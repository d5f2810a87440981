// The accounts store, written once against db::Database for SQLite and PostgreSQL alike:
// users, password history, sessions and their refresh tokens, one-time tokens, phone codes,
// recovery codes, the audit log and the server's own secrets. Every write is a Private
// transaction (no cached public answer shows accounts), except the email, phone and role
// changes of a user with a seller row (the badges of their listings). Times are Unix seconds.
#pragma once

#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::accounts {

struct UserRow {
    std::int64_t id = 0;
    std::string email;
    std::optional<std::int64_t> emailVerifiedAt;
    std::string passwordHash;
    std::string displayName;
    std::string role;
    std::string language;
    std::optional<std::string> phone;
    std::optional<std::string> totpSecret;  // sealed
    std::optional<std::string> totpPending; // sealed
    std::int64_t totpLastStep = 0;
    std::int64_t createdAt = 0;
};

struct NewUser {
    std::string email, passwordHash, displayName, role, language;
    bool verified = false; // admin accounts made on the command line
};

struct SessionRow {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::string userAgent, ip;
    std::int64_t createdAt = 0, lastSeenAt = 0, expiresAt = 0;
};

struct RefreshLookup {
    std::int64_t sessionId = 0;
    std::int64_t userId = 0;
    std::optional<std::int64_t> rotatedAt;
    std::optional<std::int64_t> sessionEndedAt;
    std::int64_t sessionExpiresAt = 0;
    bool secondFactor = false;
    std::int64_t sessionLastSeenAt = 0;
};

struct OneTimeToken {
    std::int64_t userId = 0;
    std::int64_t expiresAt = 0;
    std::optional<std::int64_t> usedAt;
};

struct PhoneCode {
    std::int64_t id = 0;
    std::string phone;
    std::optional<std::int64_t> userId;
    std::string codeHash;
    std::int64_t createdAt = 0, expiresAt = 0, attempts = 0;
    std::optional<std::int64_t> usedAt;
};

struct AuditEvent {
    std::int64_t id = 0, at = 0;
    std::string type;
    std::optional<std::int64_t> userId;
    std::string ip, detail;
};

class AccountRepository {
public:
    explicit AccountRepository(db::Database& database) : m_db(database) {}

    // [SECTION] Users
    std::optional<UserRow> userByEmail(const std::string& email);
    std::optional<UserRow> userById(std::int64_t id);
    std::optional<UserRow> userByPhone(const std::string& phone);
    // The new user's id, or nullopt when the email is taken.
    std::optional<std::int64_t> createUser(const NewUser& user, std::int64_t now);
    void markEmailVerified(std::int64_t userId, std::int64_t now);
    // Sets the password; the old hash joins the history, which keeps the last `keep`.
    void changePassword(std::int64_t userId, const std::string& newHash, std::int64_t now, int keep);
    // The current hash first, then up to `n - 1` earlier ones.
    std::vector<std::string> recentPasswordHashes(std::int64_t userId, int n);
    void updateProfile(std::int64_t userId, const std::optional<std::string>& displayName,
                       const std::optional<std::string>& language, std::int64_t now);
    // False when another account already has the phone.
    bool setPhone(std::int64_t userId, const std::string& phone, std::int64_t now);
    // An administrator's change: the dealer role approves the dealer (users.dealer_approved_at,
    // and the user's seller rows become kind 'dealer'); any other role withdraws it.
    void setRole(std::int64_t userId, const std::string& role, std::int64_t now);
    void setTotpPending(std::int64_t userId, const std::optional<std::string>& sealed, std::int64_t now);
    // Moves the pending secret to the active one and stores the recovery code hashes.
    void enableTotp(std::int64_t userId, const std::string& sealed, const std::vector<std::string>& recoveryHashes,
                    std::int64_t now);
    void disableTotp(std::int64_t userId, std::int64_t now);
    // Records that a TOTP step was used; false when it (or a later one) was used already.
    bool claimTotpStep(std::int64_t userId, std::int64_t step);
    // The unused recovery codes: id and stored "salt:hash".
    std::vector<std::pair<std::int64_t, std::string>> unusedRecoveryCodes(std::int64_t userId);
    // False when it was used meanwhile.
    bool useRecoveryCode(std::int64_t codeId, std::int64_t now);

    // [SECTION] Sessions
    std::int64_t createSession(std::int64_t userId, const std::string& userAgent, const std::string& ip,
                               std::int64_t now, std::int64_t expiresAt, bool secondFactor,
                               const std::string& refreshHash);
    std::optional<RefreshLookup> findRefresh(const std::string& tokenHash);
    // Marks `oldHash` rotated and stores `newHash` for the same session; false when
    // `oldHash` was rotated meanwhile (a concurrent refresh won).
    bool rotateRefresh(const std::string& oldHash, const std::string& newHash, std::int64_t sessionId,
                       std::int64_t now, const std::string& ip);
    // Adds another current token to the session (a refresh within the reuse grace period).
    void addRefresh(const std::string& newHash, std::int64_t sessionId, std::int64_t now);
    // Ends the session if it is the user's and still open; false otherwise.
    bool endSession(std::int64_t sessionId, std::int64_t userId, const std::string& reason, std::int64_t now);
    // Ends every open session of the user except `keep` (0: all); returns how many.
    std::int64_t endSessions(std::int64_t userId, std::int64_t keep, const std::string& reason, std::int64_t now);
    std::vector<SessionRow> openSessions(std::int64_t userId, std::int64_t now);
    bool sessionOpen(std::int64_t sessionId, std::int64_t now);

    // [SECTION] One-time tokens (email verification, password reset)
    void createToken(const std::string& tokenHash, std::int64_t userId, const std::string& purpose, std::int64_t now,
                     std::int64_t expiresAt);
    std::optional<OneTimeToken> findToken(const std::string& tokenHash, const std::string& purpose);
    // Marks it used; false when it was used already (a concurrent use won).
    bool useToken(const std::string& tokenHash, std::int64_t now);
    // Marks every open token of that purpose used (a new reset mail voids older links).
    void voidTokens(std::int64_t userId, const std::string& purpose, std::int64_t now);

    // [SECTION] Phone codes
    void createPhoneCode(const std::string& phone, std::optional<std::int64_t> userId, const std::string& purpose,
                         const std::string& codeHash, std::int64_t now, std::int64_t expiresAt);
    // The newest code of that purpose for `phone` ("" = any phone) and `userId` (nullopt = anyone).
    std::optional<PhoneCode> latestPhoneCode(const std::string& phone, const std::string& purpose,
                                             std::optional<std::int64_t> userId);
    void countCodeAttempt(std::int64_t codeId);
    bool usePhoneCode(std::int64_t codeId, std::int64_t now);

    // [SECTION] Audit log
    void audit(const std::string& type, std::optional<std::int64_t> userId, const std::string& ip,
               const std::string& detail, std::int64_t now);
    std::vector<AuditEvent> auditEvents(std::optional<std::int64_t> userId, int limit);

    // [SECTION] Server secrets
    // The stored value of `name`, storing `fresh` first when there is none (every instance
    // on the database ends up with the same value).
    std::string secret(const std::string& name, const std::string& fresh);

private:
    db::Database& m_db;
};

} // namespace dongelek::server::accounts
