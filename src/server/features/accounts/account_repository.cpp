#include "server/features/accounts/account_repository.hpp"

namespace dongelek::server::accounts {

namespace {

using db::Statement;

std::optional<std::int64_t> optInt(const Statement& s, int col)
{
    if (s.columnIsNull(col)) return std::nullopt;
    return s.columnInt64(col);
}
std::optional<std::string> optText(const Statement& s, int col)
{
    if (s.columnIsNull(col)) return std::nullopt;
    return s.columnText(col);
}
void bindOpt(Statement& s, int i, const std::optional<std::int64_t>& v)
{
    if (v) s.bind(i, *v);
    else s.bindNull(i);
}
void bindOpt(Statement& s, int i, const std::optional<std::string>& v)
{
    if (v) s.bind(i, std::string_view(*v));
    else s.bindNull(i);
}

constexpr const char* kUserColumns = "id, email, email_verified_at, password_hash, display_name, role, language, "
                                     "phone, totp_secret, totp_pending, totp_last_step, created_at";

UserRow readUser(const Statement& s)
{
    UserRow u;
    u.id = s.columnInt64(0);
    u.email = s.columnText(1);
    u.emailVerifiedAt = optInt(s, 2);
    u.passwordHash = s.columnText(3);
    u.displayName = s.columnText(4);
    u.role = s.columnText(5);
    u.language = s.columnText(6);
    u.phone = optText(s, 7);
    u.totpSecret = optText(s, 8);
    u.totpPending = optText(s, 9);
    u.totpLastStep = s.columnInt64(10);
    u.createdAt = s.columnInt64(11);
    return u;
}

// Runs `body` in a Private write transaction and commits.
template <typename F> auto privately(db::Database& database, F&& body)
{
    return db::inTransaction(database, db::Visibility::Private, std::forward<F>(body));
}

// Runs `body` in a write transaction that is Public when the user has a seller row: their
// confirmed email and phone and an approved dealer role are the badges of their listings
// ("verified seller", "dealer"), which search answers and the search index show.
template <typename F> auto asSeller(db::Database& database, std::int64_t userId, F&& body)
{
    auto lease = database.acquire();
    Statement& s = lease->prepare("SELECT 1 FROM sellers WHERE user_id = ?");
    s.bind(1, userId);
    const bool seller = s.step();
    s.reset();
    db::WriteTransaction tx(lease, seller ? db::Visibility::Public : db::Visibility::Private);
    if constexpr (std::is_void_v<decltype(body(tx.connection()))>) {
        body(tx.connection());
        tx.commit();
    } else {
        auto result = body(tx.connection());
        tx.commit();
        return result;
    }
}

// True when the statement produced a row (UPDATE ... RETURNING: it changed one).
bool changedOne(Statement& s)
{
    const bool any = s.step();
    s.reset();
    return any;
}

} // namespace

// [SECTION] Users

namespace {
// The one user matching `column = value` (the column name is ours, never a client's).
template <typename V> std::optional<UserRow> userWhere(db::Database& database, const char* column, const V& value)
{
    auto c = database.acquire();
    Statement& s = c->prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + column + " = ?");
    s.bind(1, value);
    std::optional<UserRow> out;
    if (s.step()) out = readUser(s);
    s.reset();
    return out;
}
} // namespace

std::optional<UserRow> AccountRepository::userByEmail(const std::string& email)
{
    return userWhere(m_db, "email", email);
}

std::optional<UserRow> AccountRepository::userById(std::int64_t id)
{
    return userWhere(m_db, "id", id);
}

std::optional<UserRow> AccountRepository::userByPhone(const std::string& phone)
{
    return userWhere(m_db, "phone", phone);
}

std::optional<std::int64_t> AccountRepository::createUser(const NewUser& u, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) -> std::optional<std::int64_t> {
        Statement& s = c.prepare(
            "INSERT INTO users(email, email_verified_at, password_hash, display_name, role, language, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id");
        s.bind(1, u.email);
        bindOpt(s, 2, u.verified ? std::optional<std::int64_t>(now) : std::nullopt);
        s.bind(3, u.passwordHash).bind(4, u.displayName).bind(5, u.role).bind(6, u.language).bind(7, now).bind(8, now);
        std::optional<std::int64_t> id;
        if (s.step()) id = s.columnInt64(0);
        s.reset();
        return id;
    });
}

void AccountRepository::markEmailVerified(std::int64_t userId, std::int64_t now)
{
    asSeller(m_db, userId, [&](db::Connection& c) {
        c.prepare("UPDATE users SET email_verified_at = COALESCE(email_verified_at, ?), updated_at = ? WHERE id = ?")
            .bind(1, now)
            .bind(2, now)
            .bind(3, userId)
            .run();
    });
}

void AccountRepository::changePassword(std::int64_t userId, const std::string& newHash, std::int64_t now, int keep)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("INSERT INTO password_history(user_id, password_hash, created_at) "
                  "SELECT id, password_hash, ? FROM users WHERE id = ?")
            .bind(1, now)
            .bind(2, userId)
            .run();
        c.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?")
            .bind(1, newHash)
            .bind(2, now)
            .bind(3, userId)
            .run();
        c.prepare("DELETE FROM password_history WHERE user_id = ? AND id NOT IN "
                  "(SELECT id FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?)")
            .bind(1, userId)
            .bind(2, userId)
            .bind(3, keep)
            .run();
    });
}

std::vector<std::string> AccountRepository::recentPasswordHashes(std::int64_t userId, int n)
{
    std::vector<std::string> out;
    auto c = m_db.acquire();
    Statement& cur = c->prepare("SELECT password_hash FROM users WHERE id = ?");
    cur.bind(1, userId);
    if (cur.step()) out.push_back(cur.columnText(0));
    cur.reset();
    Statement& s = c->prepare("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?");
    s.bind(1, userId).bind(2, std::max(0, n - 1));
    while (s.step())
        out.push_back(s.columnText(0));
    s.reset();
    return out;
}

void AccountRepository::updateProfile(std::int64_t userId, const std::optional<std::string>& displayName,
                                      const std::optional<std::string>& language, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE users SET display_name = COALESCE(?, display_name), "
                                 "language = COALESCE(?, language), updated_at = ? WHERE id = ?");
        bindOpt(s, 1, displayName);
        bindOpt(s, 2, language);
        s.bind(3, now).bind(4, userId).run();
    });
}

bool AccountRepository::setPhone(std::int64_t userId, const std::string& phone, std::int64_t now)
{
    return asSeller(m_db, userId, [&](db::Connection& c) {
        Statement& taken = c.prepare("SELECT 1 FROM users WHERE phone = ? AND id <> ?");
        taken.bind(1, phone).bind(2, userId);
        const bool isTaken = taken.step();
        taken.reset();
        if (isTaken) return false;
        c.prepare("UPDATE users SET phone = ?, updated_at = ? WHERE id = ?").bind(1, phone).bind(2, now).bind(3, userId).run();
        return true;
    });
}

void AccountRepository::setRole(std::int64_t userId, const std::string& role, std::int64_t now)
{
    asSeller(m_db, userId, [&](db::Connection& c) {
        // Setting (or confirming) the dealer role approves the dealer; any other role withdraws it.
        Statement& s = c.prepare("UPDATE users SET role = ?, updated_at = ?, dealer_approved_at = ? WHERE id = ?");
        s.bind(1, role).bind(2, now);
        bindOpt(s, 3, role == "dealer" ? std::optional<std::int64_t>(now) : std::nullopt);
        s.bind(4, userId).run();
        // The user's seller rows follow: dealer listings only once approved.
        c.prepare("UPDATE sellers SET kind = CASE WHEN (SELECT dealer_approved_at FROM users WHERE id = ?) IS NOT NULL"
                  " THEN 'dealer' ELSE 'private' END WHERE user_id = ?")
            .bind(1, userId)
            .bind(2, userId)
            .run();
    });
}

void AccountRepository::setTotpPending(std::int64_t userId, const std::optional<std::string>& sealed, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE users SET totp_pending = ?, updated_at = ? WHERE id = ?");
        bindOpt(s, 1, sealed);
        s.bind(2, now).bind(3, userId).run();
    });
}

void AccountRepository::enableTotp(std::int64_t userId, const std::string& sealed,
                                   const std::vector<std::string>& recoveryHashes, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("UPDATE users SET totp_secret = ?, totp_pending = NULL, updated_at = ? WHERE id = ?")
            .bind(1, sealed)
            .bind(2, now)
            .bind(3, userId)
            .run();
        c.prepare("DELETE FROM recovery_codes WHERE user_id = ?").bind(1, userId).run();
        for (const std::string& h : recoveryHashes)
            c.prepare("INSERT INTO recovery_codes(user_id, code_hash) VALUES (?, ?)").bind(1, userId).bind(2, h).run();
    });
}

void AccountRepository::disableTotp(std::int64_t userId, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("UPDATE users SET totp_secret = NULL, totp_pending = NULL, updated_at = ? WHERE id = ?")
            .bind(1, now)
            .bind(2, userId)
            .run();
        c.prepare("DELETE FROM recovery_codes WHERE user_id = ?").bind(1, userId).run();
    });
}

bool AccountRepository::claimTotpStep(std::int64_t userId, std::int64_t step)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ? RETURNING id");
        s.bind(1, step).bind(2, userId).bind(3, step);
        return changedOne(s);
    });
}

bool AccountRepository::useRecoveryCode(std::int64_t codeId, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL RETURNING id");
        s.bind(1, now).bind(2, codeId);
        return changedOne(s);
    });
}

std::vector<std::pair<std::int64_t, std::string>> AccountRepository::unusedRecoveryCodes(std::int64_t userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT id, code_hash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL ORDER BY id");
    s.bind(1, userId);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (s.step())
        out.emplace_back(s.columnInt64(0), s.columnText(1));
    s.reset();
    return out;
}

// [SECTION] Sessions

std::int64_t AccountRepository::createSession(std::int64_t userId, const std::string& userAgent, const std::string& ip,
                                              std::int64_t now, std::int64_t expiresAt, bool secondFactor,
                                              const std::string& refreshHash)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("INSERT INTO sessions(user_id, user_agent, ip, created_at, last_seen_at, expires_at, "
                                 "second_factor) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
        s.bind(1, userId).bind(2, userAgent).bind(3, ip).bind(4, now).bind(5, now).bind(6, expiresAt);
        s.bind(7, secondFactor ? 1 : 0);
        if (!s.step()) throw StorageError("INSERT INTO sessions returned no id");
        const std::int64_t id = s.columnInt64(0);
        s.reset();
        c.prepare("INSERT INTO refresh_tokens(token_hash, session_id, issued_at) VALUES (?, ?, ?)")
            .bind(1, refreshHash)
            .bind(2, id)
            .bind(3, now)
            .run();
        return id;
    });
}

std::optional<RefreshLookup> AccountRepository::findRefresh(const std::string& tokenHash)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT t.session_id, s.user_id, t.rotated_at, s.ended_at, s.expires_at, s.second_factor, "
                              "s.last_seen_at "
                              "FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ?");
    s.bind(1, tokenHash);
    std::optional<RefreshLookup> out;
    if (s.step())
        out = RefreshLookup{s.columnInt64(0), s.columnInt64(1), optInt(s, 2), optInt(s, 3), s.columnInt64(4),
                            s.columnInt64(5) != 0, s.columnInt64(6)};
    s.reset();
    return out;
}

bool AccountRepository::rotateRefresh(const std::string& oldHash, const std::string& newHash, std::int64_t sessionId,
                                      std::int64_t now, const std::string& ip)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& mark = c.prepare(
            "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL RETURNING session_id");
        mark.bind(1, now).bind(2, oldHash);
        if (!changedOne(mark)) return false;
        c.prepare("INSERT INTO refresh_tokens(token_hash, session_id, issued_at) VALUES (?, ?, ?)")
            .bind(1, newHash)
            .bind(2, sessionId)
            .bind(3, now)
            .run();
        c.prepare("UPDATE sessions SET last_seen_at = ?, ip = ? WHERE id = ?").bind(1, now).bind(2, ip).bind(3, sessionId).run();
        // Rotated tokens are kept a day for reuse detection, then dropped.
        c.prepare("DELETE FROM refresh_tokens WHERE session_id = ? AND rotated_at < ?")
            .bind(1, sessionId)
            .bind(2, now - 86400)
            .run();
        return true;
    });
}

void AccountRepository::addRefresh(const std::string& newHash, std::int64_t sessionId, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("INSERT INTO refresh_tokens(token_hash, session_id, issued_at) VALUES (?, ?, ?)")
            .bind(1, newHash)
            .bind(2, sessionId)
            .bind(3, now)
            .run();
    });
}

bool AccountRepository::endSession(std::int64_t sessionId, std::int64_t userId, const std::string& reason,
                                   std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND user_id = ? AND "
                                 "ended_at IS NULL RETURNING id");
        s.bind(1, now).bind(2, reason).bind(3, sessionId).bind(4, userId);
        const bool ended = changedOne(s);
        if (ended) c.prepare("DELETE FROM refresh_tokens WHERE session_id = ?").bind(1, sessionId).run();
        return ended;
    });
}

std::int64_t AccountRepository::endSessions(std::int64_t userId, std::int64_t keep, const std::string& reason,
                                            std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND id <> ? AND "
                                 "ended_at IS NULL RETURNING id");
        s.bind(1, now).bind(2, reason).bind(3, userId).bind(4, keep);
        std::vector<std::int64_t> ended;
        while (s.step())
            ended.push_back(s.columnInt64(0));
        s.reset();
        for (std::int64_t id : ended)
            c.prepare("DELETE FROM refresh_tokens WHERE session_id = ?").bind(1, id).run();
        return static_cast<std::int64_t>(ended.size());
    });
}

std::vector<SessionRow> AccountRepository::openSessions(std::int64_t userId, std::int64_t now)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT id, user_id, user_agent, ip, created_at, last_seen_at, expires_at FROM sessions "
                              "WHERE user_id = ? AND ended_at IS NULL AND expires_at > ? ORDER BY last_seen_at DESC, id DESC");
    s.bind(1, userId).bind(2, now);
    std::vector<SessionRow> out;
    while (s.step())
        out.push_back(SessionRow{s.columnInt64(0), s.columnInt64(1), s.columnText(2), s.columnText(3),
                                 s.columnInt64(4), s.columnInt64(5), s.columnInt64(6)});
    s.reset();
    return out;
}

bool AccountRepository::sessionOpen(std::int64_t sessionId, std::int64_t now)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT 1 FROM sessions WHERE id = ? AND ended_at IS NULL AND expires_at > ?");
    s.bind(1, sessionId).bind(2, now);
    const bool open = s.step();
    s.reset();
    return open;
}

// [SECTION] One-time tokens

void AccountRepository::createToken(const std::string& tokenHash, std::int64_t userId, const std::string& purpose,
                                    std::int64_t now, std::int64_t expiresAt)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("INSERT INTO one_time_tokens(token_hash, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
            .bind(1, tokenHash)
            .bind(2, userId)
            .bind(3, purpose)
            .bind(4, now)
            .bind(5, expiresAt)
            .run();
    });
}

std::optional<OneTimeToken> AccountRepository::findToken(const std::string& tokenHash, const std::string& purpose)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT user_id, expires_at, used_at FROM one_time_tokens WHERE token_hash = ? AND purpose = ?");
    s.bind(1, tokenHash).bind(2, purpose);
    std::optional<OneTimeToken> out;
    if (s.step()) out = OneTimeToken{s.columnInt64(0), s.columnInt64(1), optInt(s, 2)};
    s.reset();
    return out;
}

bool AccountRepository::useToken(const std::string& tokenHash, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare(
            "UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL RETURNING user_id");
        s.bind(1, now).bind(2, tokenHash);
        return changedOne(s);
    });
}

void AccountRepository::voidTokens(std::int64_t userId, const std::string& purpose, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
            .bind(1, now)
            .bind(2, userId)
            .bind(3, purpose)
            .run();
    });
}

// [SECTION] Phone codes

void AccountRepository::createPhoneCode(const std::string& phone, std::optional<std::int64_t> userId,
                                        const std::string& purpose, const std::string& codeHash, std::int64_t now,
                                        std::int64_t expiresAt)
{
    privately(m_db, [&](db::Connection& c) {
        // A new code replaces the older ones of the same phone and purpose.
        c.prepare("UPDATE phone_codes SET used_at = ? WHERE phone = ? AND purpose = ? AND used_at IS NULL")
            .bind(1, now)
            .bind(2, phone)
            .bind(3, purpose)
            .run();
        Statement& s = c.prepare("INSERT INTO phone_codes(phone, user_id, purpose, code_hash, created_at, expires_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, phone);
        bindOpt(s, 2, userId);
        s.bind(3, purpose).bind(4, codeHash).bind(5, now).bind(6, expiresAt).run();
    });
}

std::optional<PhoneCode> AccountRepository::latestPhoneCode(const std::string& phone, const std::string& purpose,
                                                            std::optional<std::int64_t> userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT id, phone, user_id, code_hash, created_at, expires_at, attempts, used_at "
                              "FROM phone_codes WHERE (? = '' OR phone = ?) AND purpose = ? AND (? = 0 OR user_id = ?) "
                              "ORDER BY id DESC LIMIT 1");
    s.bind(1, phone).bind(2, phone).bind(3, purpose).bind(4, userId.value_or(0)).bind(5, userId.value_or(0));
    std::optional<PhoneCode> out;
    if (s.step())
        out = PhoneCode{s.columnInt64(0), s.columnText(1), optInt(s, 2),     s.columnText(3),
                        s.columnInt64(4), s.columnInt64(5), s.columnInt64(6), optInt(s, 7)};
    s.reset();
    return out;
}

void AccountRepository::countCodeAttempt(std::int64_t codeId)
{
    privately(m_db, [&](db::Connection& c) {
        c.prepare("UPDATE phone_codes SET attempts = attempts + 1 WHERE id = ?").bind(1, codeId).run();
    });
}

bool AccountRepository::usePhoneCode(std::int64_t codeId, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("UPDATE phone_codes SET used_at = ? WHERE id = ? AND used_at IS NULL RETURNING id");
        s.bind(1, now).bind(2, codeId);
        return changedOne(s);
    });
}

// [SECTION] Audit log

void AccountRepository::audit(const std::string& type, std::optional<std::int64_t> userId, const std::string& ip,
                              const std::string& detail, std::int64_t now)
{
    privately(m_db, [&](db::Connection& c) {
        Statement& s = c.prepare("INSERT INTO audit_log(at, type, user_id, ip, detail) VALUES (?, ?, ?, ?, ?)");
        s.bind(1, now).bind(2, type);
        bindOpt(s, 3, userId);
        s.bind(4, ip).bind(5, detail).run();
    });
}

std::vector<AuditEvent> AccountRepository::auditEvents(std::optional<std::int64_t> userId, int limit)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT id, at, type, user_id, ip, detail FROM audit_log WHERE (? = 0 OR user_id = ?) "
                              "ORDER BY id DESC LIMIT ?");
    s.bind(1, userId.value_or(0)).bind(2, userId.value_or(0)).bind(3, limit);
    std::vector<AuditEvent> out;
    while (s.step())
        out.push_back(AuditEvent{s.columnInt64(0), s.columnInt64(1), s.columnText(2), optInt(s, 3), s.columnText(4),
                                 s.columnText(5)});
    s.reset();
    return out;
}

// [SECTION] Server secrets

std::string AccountRepository::secret(const std::string& name, const std::string& fresh)
{
    return privately(m_db, [&](db::Connection& c) {
        c.prepare("INSERT INTO server_secrets(name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
            .bind(1, name)
            .bind(2, fresh)
            .run();
        Statement& s = c.prepare("SELECT value FROM server_secrets WHERE name = ?");
        s.bind(1, name);
        if (!s.step()) throw StorageError("server secret " + name + " could not be stored");
        std::string v = s.columnText(0);
        s.reset();
        return v;
    });
}

} // namespace dongelek::server::accounts
