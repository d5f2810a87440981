#include "server/features/accounts/account_service.hpp"

#include "server/http/errors.hpp"

#include "server/features/pages/markup.hpp"

#include "core/url.hpp"
#include "core/utf8.hpp"

#include <qrencode.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dongelek::server::accounts {

namespace {

ClientError fail(int status, const char* code, const char* field, std::string message)
{
    return ClientError(status, code, field, std::move(message));
}

const char* const kLanguages[] = {"en", "ru", "kk"};

bool knownLanguage(const std::string& l)
{
    return std::find(std::begin(kLanguages), std::end(kLanguages), l) != std::end(kLanguages);
}

std::string minutesText(std::int64_t seconds)
{
    return std::to_string(std::max<std::int64_t>(1, (seconds + 59) / 60));
}

} // namespace

// [SECTION] Texts

MessageTexts MessageTexts::load(const std::string& dir)
{
    const auto read = [&](const std::string& code) {
        std::ifstream in(dir + "/" + code + ".json", std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + dir + "/" + code + ".json");
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    MessageTexts t;
    const std::string english = read("en");
    for (const char* code : kLanguages) {
        std::string error;
        Strings s;
        if (!s.load(code, std::string(code) == "en" ? english : read(code), english, &error) || !error.empty())
            throw std::runtime_error(dir + "/" + code + ".json: " + error);
        t.m_strings.emplace(code, std::move(s));
    }
    return t;
}

const Strings& MessageTexts::in(const std::string& language) const
{
    const auto it = m_strings.find(language);
    return it != m_strings.end() ? it->second : m_strings.at("en");
}

// [SECTION] Construction and helpers

AccountService::AccountService(AccountRepository& repository, AbuseCounters& counters, Mailer& mailer, SmsSender& sms,
                               DeliveryQueue& queue, MessageTexts texts, AccountSettings settings, Clock clock)
    : m_repo(repository), m_counters(counters), m_mailer(mailer), m_sms(sms), m_queue(queue), m_texts(std::move(texts)),
      m_settings(std::move(settings)), m_clock(std::move(clock))
{
    initCrypto();
    // Shared by every instance on this database: the first one to start stores them.
    const auto key = [&](const char* name) {
        const std::optional<std::string> raw = base64UrlDecode(m_repo.secret(name, randomToken(32)));
        if (!raw || raw->size() != 32) throw std::runtime_error(std::string("server secret ") + name + " is damaged");
        return *raw;
    };
    m_tokenKey = key("access_token_hs256");
    m_sealKey = key("totp_seal");
    m_pepper = key("code_pepper");
    m_tokens.emplace(m_tokenKey, m_settings.accessTokenSeconds);
}

std::optional<std::string> AccountService::normalizePhone(const std::string& input)
{
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c == '+' && digits.empty() && !plus) plus = true;
        else if (c >= '0' && c <= '9') digits += c;
        else if (c == ' ' || c == '-' || c == '(' || c == ')') continue;
        else return std::nullopt;
    }
    if (!plus && digits.size() == 11 && digits[0] == '8') digits[0] = '7'; // 8 701 ... (the Kazakh local form)
    if (digits.size() == 11 && digits[0] == '7' && (digits[1] == '6' || digits[1] == '7')) return "+" + digits;
    if (digits.size() == 11 && digits.compare(0, 3, "973") == 0 &&
        (digits[3] == '3' || digits[3] == '6' || digits[3] == '1'))
        return "+" + digits;
    return std::nullopt;
}

std::optional<std::string> AccountService::normalizeEmail(const std::string& input)
{
    std::string e;
    for (char c : input)
        e += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const std::size_t first = e.find_first_not_of(" \t"), last = e.find_last_not_of(" \t");
    e = first == std::string::npos ? std::string() : e.substr(first, last - first + 1);
    const std::size_t at = e.find('@');
    if (e.size() < 3 || e.size() > 254 || at == std::string::npos || at == 0 || at != e.rfind('@')) return std::nullopt;
    const std::string domain = e.substr(at + 1);
    if (domain.size() < 3 || domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.')
        return std::nullopt;
    for (unsigned char c : e)
        if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '\\' || c == 0x7F)
            return std::nullopt;
    return e;
}

void AccountService::limit(const std::string& key, const Limit& l, const std::string& field, const char* what)
{
    const WindowCount c = m_counters.hit(key, l.windowSeconds, now());
    if (c.count > l.max)
        throw ClientError(tooManyRequests(field, std::string("too many ") + what + ": try again in " +
                                                     minutesText(c.resetsAt - now()) + " min",
                                          static_cast<long>(c.resetsAt - now())));
}

void AccountService::audit(const char* type, std::optional<std::int64_t> userId, const ClientInfo& client,
                           const std::string& detail)
{
    m_repo.audit(type, userId, client.ip, detail, now());
}

std::string AccountService::codeHash(const std::string& code) const
{
    return sha256Hex(hmacSha256(m_pepper, code));
}

Mail composeMail(const Strings& s, const std::string& email, const std::string& name, const std::string& kind,
                 const std::string& link, std::initializer_list<std::pair<std::string_view, std::string>> args)
{
    Mail m;
    m.to = email;
    m.language = s.language();
    m.subject = s.get(kind + ".subject");
    std::string body = s.get(kind + ".body");
    for (const auto& [k, v] : args) {
        const std::string slot = "{" + std::string(k) + "}";
        for (std::size_t p = body.find(slot); p != std::string::npos; p = body.find(slot, p + v.size()))
            body.replace(p, slot.size(), v);
        for (std::size_t p = m.subject.find(slot); p != std::string::npos; p = m.subject.find(slot, p + v.size()))
            m.subject.replace(p, slot.size(), v);
    }
    const std::string greeting = s.format("greeting", {{"name", name}});
    const std::string action = s.get(kind + ".action");
    const std::string note = s.get(kind + ".note");
    m.text = greeting + "\n\n" + body + "\n\n" + action + ":\n" + link + "\n\n" + note + "\n\n-- \n" + s.get("footer") + "\n";
    std::string htmlBody = pages::html(body);
    for (std::size_t p = htmlBody.find('\n'); p != std::string::npos; p = htmlBody.find('\n', p + 4))
        htmlBody.replace(p, 1, "<br>");
    m.html = "<!doctype html><html lang=\"" + m.language + "\"><body style=\"font-family:sans-serif;color:#1f2937\">" +
             "<p>" + pages::html(greeting) + "</p><p>" + htmlBody + "</p><p><a href=\"" + pages::html(link) +
             "\" style=\"display:inline-block;padding:10px 18px;background:#2563eb;color:#fff;border-radius:6px;"
             "text-decoration:none\">" +
             pages::html(action) + "</a></p><p style=\"font-size:13px;color:#6b7280\">" + pages::html(note) +
             "</p><p style=\"font-size:12px;color:#9ca3af\">" + pages::html(s.get("footer")) + "</p></body></html>";
    return m;
}

void AccountService::sendMailTo(const std::string& email, const std::string& name, const std::string& language,
                                const std::string& kind, const std::string& link,
                                std::initializer_list<std::pair<std::string_view, std::string>> args)
{
    Mail m = composeMail(m_texts.in(language), email, name, kind, link, args);
    Mailer* mailer = &m_mailer;
    m_queue.post("mail to " + maskEmail(email), [mailer, m = std::move(m)] { mailer->send(m); });
}

void AccountService::sendMail(const UserRow& user, const std::string& kind, const std::string& link,
                              std::initializer_list<std::pair<std::string_view, std::string>> args)
{
    sendMailTo(user.email, user.displayName, user.language, kind, link, args);
}

void AccountService::sendSms(const std::string& phone, const std::string& /*language*/, const std::string& text)
{
    SmsSender* sms = &m_sms;
    m_queue.post("SMS to " + maskPhone(phone), [sms, m = Sms{phone, text}] { sms->send(m); });
}

// [SECTION] Sign-up

void AccountService::registerAccount(const std::string& emailIn, const std::string& password,
                                     const std::string& displayName, const std::string& role,
                                     const std::string& language, const ClientInfo& client)
{
    limit("register:ip:" + client.ip, m_settings.limits.registerPerIp, "", "sign-ups from this address");
    const std::optional<std::string> email = normalizeEmail(emailIn);
    if (!email) throw fail(400, "invalid_email", "email", "this is not an email address");
    if (displayName.empty() || utf8::length(displayName) > 60)
        throw fail(400, "invalid_field", "displayName", "the name must have 1 to 60 characters");
    if (role != "buyer" && role != "seller" && role != "dealer")
        throw fail(400, "invalid_field", "role", "role must be buyer, seller or dealer");
    if (!knownLanguage(language)) throw fail(400, "invalid_field", "language", "language must be en, ru or kk");
    const PasswordVerdict v = judgePassword(password, {*email, displayName, "dongelek"});
    if (!v.acceptable) throw fail(400, "weak_password", "password", v.problem);

    const std::string hash = hashPassword(password, m_settings.hashCost);
    const std::optional<std::int64_t> id = m_repo.createUser(NewUser{*email, hash, displayName, role, language}, now());
    const std::string origin = client.origin;
    if (!id) {
        // The same answer as for a new address; the owner hears of it (at most once a cooldown).
        const std::optional<UserRow> owner = m_repo.userByEmail(*email);
        if (owner && m_counters.hit("taken:" + *email, m_settings.limits.resendCooldownSeconds, now()).count == 1)
            sendMail(*owner, "taken", origin + "/account/forgot?lang=" + owner->language);
        return;
    }
    const std::string token = randomToken();
    m_repo.createToken(sha256Hex(token), *id, "verify_email", now(), now() + m_settings.verifyTokenSeconds);
    m_counters.hit("resend:" + *email, m_settings.limits.resendCooldownSeconds, now());
    audit("registered", *id, client, "role " + role);
    sendMailTo(*email, displayName, language, "verify",
               origin + "/account/verify?token=" + token + "&lang=" + language);
}

void AccountService::verifyEmail(const std::string& token, const ClientInfo& client)
{
    limit("codes:ip:" + client.ip, m_settings.limits.codeChecksPerIp, "token", "code checks from this address");
    const std::string hash = sha256Hex(token);
    const std::optional<OneTimeToken> t = m_repo.findToken(hash, "verify_email");
    if (!t) throw fail(400, "token_unknown", "token", "this confirmation link is not known: ask for a new one");
    if (t->usedAt) throw fail(400, "token_used", "token", "this confirmation link was used already");
    if (t->expiresAt <= now()) throw fail(400, "token_expired", "token", "this confirmation link has expired: ask for a new one");
    if (!m_repo.useToken(hash, now())) throw fail(400, "token_used", "token", "this confirmation link was used already");
    m_repo.markEmailVerified(t->userId, now());
    audit("email_verified", t->userId, client);
}

void AccountService::resendVerification(const std::string& emailIn, const ClientInfo& client)
{
    const std::optional<std::string> email = normalizeEmail(emailIn);
    if (!email) throw fail(400, "invalid_email", "email", "this is not an email address");
    throttleResend(*email, "email");
    const std::optional<UserRow> user = m_repo.userByEmail(*email);
    if (!user || user->emailVerifiedAt) return; // the same answer either way
    m_repo.voidTokens(user->id, "verify_email", now());
    const std::string token = randomToken();
    m_repo.createToken(sha256Hex(token), user->id, "verify_email", now(), now() + m_settings.verifyTokenSeconds);
    sendMail(*user, "verify", client.origin + "/account/verify?token=" + token + "&lang=" + user->language);
}

// [SECTION] Sign-in

void AccountService::checkNotLocked(const std::string& accountKey)
{
    const WindowCount lock = m_counters.peek("lock:" + accountKey, now());
    if (lock.count > 0)
        throw ClientError(tooManyRequests("", "too many failed sign-ins: this account is locked for " +
                                                  minutesText(lock.resetsAt - now()) + " min",
                                          static_cast<long>(lock.resetsAt - now())));
    const WindowCount delay = m_counters.peek("delay:" + accountKey, now());
    if (delay.count > 0)
        throw ClientError(tooManyRequests("", "too many failed sign-ins: wait a few seconds and try again",
                                          static_cast<long>(delay.resetsAt - now())));
}

void AccountService::recordFailure(const std::string& accountKey, const std::optional<UserRow>& user,
                                   const ClientInfo& client, const char* how)
{
    const AuthLimits& l = m_settings.limits;
    const std::int64_t n = m_counters.hit("fail:" + accountKey, l.failureWindowSeconds, now()).count;
    if (user) audit("sign_in_failed", user->id, client, how);
    if (n >= l.lockAfter) {
        m_counters.clear("fail:" + accountKey);
        m_counters.clear("delay:" + accountKey);
        m_counters.clear("lock:" + accountKey);
        m_counters.hit("lock:" + accountKey, l.lockSeconds, now());
        if (user) {
            audit("lockout", user->id, client, std::to_string(n) + " failed sign-ins");
            sendMail(*user, "lockout", client.origin + "/account/forgot?lang=" + user->language,
                     {{"minutes", minutesText(l.lockSeconds)}});
        }
    } else if (n >= l.delayAfter) {
        const std::int64_t wait = std::min<std::int64_t>(60, std::int64_t(1) << std::min<std::int64_t>(6, n - l.delayAfter));
        m_counters.clear("delay:" + accountKey);
        m_counters.hit("delay:" + accountKey, wait, now());
    }
}

void AccountService::clearFailures(const std::string& accountKey)
{
    m_counters.clear("fail:" + accountKey);
    m_counters.clear("delay:" + accountKey);
}

void AccountService::throttleResend(const std::string& address, const char* field)
{
    const WindowCount cooldown = m_counters.peek("resend:" + address, now());
    if (cooldown.count > 0)
        throw ClientError(tooManyRequests(field, "a message was sent a moment ago: wait before asking again",
                                          static_cast<long>(cooldown.resetsAt - now())));
    limit("resends:" + address, m_settings.limits.resendPerAccount, field, "messages to this address");
    m_counters.hit("resend:" + address, m_settings.limits.resendCooldownSeconds, now());
}

std::optional<std::string> AccountService::requirePhone(const std::string& input)
{
    std::optional<std::string> phone = normalizePhone(input);
    if (!phone)
        throw fail(400, "invalid_phone", "phone", "enter a Kazakh (+7 7xx ...) or Bahraini (+973 ...) mobile number");
    return phone;
}

bool AccountService::matchTotp(std::int64_t userId, const std::string& secret, const std::string& code)
{
    const std::int64_t step = now() / 30;
    for (std::int64_t s = step - 1; s <= step + 1; ++s) // a step of clock drift either way
        if (constantTimeEquals(totpCode(secret, s), code)) return m_repo.claimTotpStep(userId, s); // once only
    return false;
}

bool AccountService::requireSecondFactor(const UserRow& user, const std::optional<std::string>& totp,
                                         const std::string& accountKey, const ClientInfo& client)
{
    if (!user.totpSecret) return false;
    if (!totp || totp->empty()) throw fail(401, "totp_required", "totp", "enter the code from your authenticator app");
    if (!checkSecondFactor(user, *totp)) {
        recordFailure(accountKey, user, client, "two-factor code");
        throw fail(401, "totp_invalid", "totp", "this code is wrong or was used already");
    }
    return true;
}

bool AccountService::checkSecondFactor(const UserRow& user, const std::string& codeIn)
{
    std::string code;
    for (char c : codeIn)
        if (c != ' ') code += c;
    if (code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::optional<std::string> secret = unseal(m_sealKey, user.totpSecret.value_or(""));
        return secret && matchTotp(user.id, *secret, code);
    }
    // A recovery code ("abcd-efgh"), each usable once.
    std::string normalized;
    for (char c : code)
        if (c != '-') normalized += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (normalized.size() != 8) return false;
    for (const auto& [id, stored] : m_repo.unusedRecoveryCodes(user.id)) {
        const std::size_t colon = stored.find(':');
        if (colon == std::string::npos) continue;
        if (constantTimeEquals(stored.substr(colon + 1), codeHash(stored.substr(0, colon) + normalized)))
            return m_repo.useRecoveryCode(id, now()); // once only
    }
    return false;
}

SignedIn AccountService::issue(const UserRow& user, std::int64_t sessionId, bool secondFactor, std::string refreshToken)
{
    SignedIn out;
    Principal p;
    p.userId = user.id;
    p.sessionId = sessionId;
    p.role = parseAccountRole(user.role).value_or(Role::Buyer);
    p.secondFactor = secondFactor;
    out.accessToken = m_tokens->issue(p, now());
    out.expiresIn = m_settings.accessTokenSeconds;
    out.refreshToken = std::move(refreshToken);
    out.user = user;
    return out;
}

SignedIn AccountService::startSession(const UserRow& user, bool secondFactor, const ClientInfo& client, const char* how)
{
    std::string refresh = randomToken();
    const std::int64_t sid = m_repo.createSession(user.id, client.userAgent.substr(0, 300), client.ip, now(),
                                                  now() + m_settings.sessionSeconds, secondFactor, sha256Hex(refresh));
    audit("sign_in", user.id, client, std::string(how) + (secondFactor ? " + two-factor" : ""));
    return issue(user, sid, secondFactor, std::move(refresh));
}

SignedIn AccountService::signIn(const std::string& emailIn, const std::string& password,
                                const std::optional<std::string>& totp, const ClientInfo& client)
{
    limit("signin:ip:" + client.ip, m_settings.limits.signInPerIp, "", "sign-in attempts from this address");
    const std::string email = normalizeEmail(emailIn).value_or(emailIn);
    checkNotLocked(email);
    const std::optional<UserRow> user = m_repo.userByEmail(email);
    if (!user) {
        burnPasswordCheck(password); // as slow as a real check: timing does not tell who has an account
        recordFailure(email, std::nullopt, client, "password");
        throw fail(401, "invalid_credentials", "password", "the email or the password is wrong");
    }
    if (!verifyPassword(user->passwordHash, password)) {
        recordFailure(email, user, client, "password");
        throw fail(401, "invalid_credentials", "password", "the email or the password is wrong");
    }
    if (!user->emailVerifiedAt)
        throw fail(403, "email_unverified", "email", "confirm your email first: open the link in the mail we sent");
    const bool second = requireSecondFactor(*user, totp, email, client);
    clearFailures(email);
    return startSession(*user, second, client, "password");
}

void AccountService::sendSignInCode(const std::string& phoneIn, const ClientInfo& client)
{
    const std::optional<std::string> phone = requirePhone(phoneIn);
    throttleResend(*phone, "phone");
    const std::optional<UserRow> user = m_repo.userByPhone(*phone);
    if (!user) return; // the same answer whether or not the number has an account
    const std::string code = randomDigits(6);
    m_repo.createPhoneCode(*phone, user->id, "sign_in", codeHash(code), now(), now() + m_settings.phoneCodeSeconds);
    sendSms(*phone, user->language, m_texts.in(user->language).format("sms.code", {{"code", code}}));
}

SignedIn AccountService::signInWithCode(const std::string& phoneIn, const std::string& code,
                                        const std::optional<std::string>& totp, const ClientInfo& client)
{
    limit("signin:ip:" + client.ip, m_settings.limits.signInPerIp, "", "sign-in attempts from this address");
    const std::optional<std::string> phone = requirePhone(phoneIn);
    checkNotLocked(*phone);
    const std::optional<UserRow> user = m_repo.userByPhone(*phone);
    const std::optional<PhoneCode> pc = user ? m_repo.latestPhoneCode(*phone, "sign_in", user->id) : std::nullopt;
    const bool usable = pc && !pc->usedAt && pc->expiresAt > now() && pc->attempts < m_settings.limits.codeTries;
    if (!usable || !constantTimeEquals(pc->codeHash, codeHash(code))) {
        if (pc && usable) m_repo.countCodeAttempt(pc->id);
        recordFailure(*phone, user, client, "SMS code");
        throw fail(401, "code_invalid", "code", "this code is wrong or has expired: ask for a new one");
    }
    const bool second = requireSecondFactor(*user, totp, *phone, client);
    if (!m_repo.usePhoneCode(pc->id, now()))
        throw fail(401, "code_invalid", "code", "this code was used already: ask for a new one");
    clearFailures(*phone);
    return startSession(*user, second, client, "SMS code");
}

SignedIn AccountService::refresh(const std::string& refreshToken, const ClientInfo& client)
{
    const auto expired = [] { return fail(401, "session_expired", "", "the session has ended: sign in again"); };
    if (refreshToken.empty() || refreshToken.size() > 100) throw expired();
    const std::string hash = sha256Hex(refreshToken);
    const std::optional<RefreshLookup> found = m_repo.findRefresh(hash);
    if (!found || found->sessionEndedAt || found->sessionExpiresAt <= now() ||
        found->sessionLastSeenAt + m_settings.sessionIdleSeconds <= now())
        throw expired();
    const std::optional<UserRow> user = m_repo.userById(found->userId);
    if (!user) throw expired();
    std::string next = randomToken();
    bool rotated = false;
    if (!found->rotatedAt) rotated = m_repo.rotateRefresh(hash, sha256Hex(next), found->sessionId, now(), client.ip);
    if (!rotated) {
        const std::optional<RefreshLookup> again = found->rotatedAt ? found : m_repo.findRefresh(hash);
        const std::int64_t rotatedAt = again && again->rotatedAt ? *again->rotatedAt : now();
        if (now() - rotatedAt >= m_settings.refreshReuseGraceSeconds) {
            // An old token came back: it was stolen, or the real owner's was. End the whole session.
            m_repo.endSession(found->sessionId, found->userId, "refresh_token_reuse", now());
            audit("refresh_token_reuse", found->userId, client, "session " + std::to_string(found->sessionId) + " ended");
            throw expired();
        }
        m_repo.addRefresh(sha256Hex(next), found->sessionId, now()); // two tabs refreshed at once
    }
    return issue(*user, found->sessionId, found->secondFactor, std::move(next));
}

void AccountService::signOut(const Principal& who, const ClientInfo& client)
{
    if (m_repo.endSession(who.sessionId, who.userId, "signed_out", now()))
        audit("session_ended", who.userId, client, "signed out");
}

Authentication AccountService::authenticate(std::string_view accessToken)
{
    Authentication a = m_tokens->verify(accessToken, now());
    if (a.principal && !m_repo.sessionOpen(a.principal->sessionId, now())) {
        a.principal.reset();
        a.failure = "session_ended";
    }
    return a;
}

// [SECTION] Passwords

void AccountService::requestPasswordReset(const std::string& emailIn, const ClientInfo& client)
{
    limit("reset:ip:" + client.ip, m_settings.limits.resetPerIp, "", "reset requests from this address");
    const std::optional<std::string> email = normalizeEmail(emailIn);
    if (!email) throw fail(400, "invalid_email", "email", "this is not an email address");
    limit("reset:" + *email, m_settings.limits.resetPerAccount, "email", "reset mails to this address");
    const std::optional<UserRow> user = m_repo.userByEmail(*email);
    if (!user) return; // the same answer either way
    m_repo.voidTokens(user->id, "reset_password", now());
    const std::string token = randomToken();
    m_repo.createToken(sha256Hex(token), user->id, "reset_password", now(), now() + m_settings.resetTokenSeconds);
    audit("password_reset_requested", user->id, client);
    sendMail(*user, "reset", client.origin + "/account/reset?token=" + token + "&lang=" + user->language);
}

void AccountService::checkNewPassword(const UserRow& user, const std::string& password)
{
    const PasswordVerdict v = judgePassword(password, {user.email, user.displayName, "dongelek"});
    if (!v.acceptable) throw fail(400, "weak_password", "password", v.problem);
    for (const std::string& old : m_repo.recentPasswordHashes(user.id, m_settings.passwordHistory))
        if (verifyPassword(old, password))
            throw fail(400, "password_reused", "password",
                       "choose a password you have not used for this account before (the last " +
                           std::to_string(m_settings.passwordHistory) + " are remembered)");
}

void AccountService::setNewPassword(const UserRow& user, const std::string& password, std::int64_t keepSession,
                                    const char* reason, const ClientInfo& client)
{
    m_repo.changePassword(user.id, hashPassword(password, m_settings.hashCost), now(), m_settings.passwordHistory);
    const std::int64_t ended = m_repo.endSessions(user.id, keepSession, reason, now());
    audit(reason, user.id, client, std::to_string(ended) + " other sessions ended");
    sendMail(user, "changed", client.origin + "/account/forgot?lang=" + user.language);
}

void AccountService::resetPassword(const std::string& token, const std::string& password, const ClientInfo& client)
{
    limit("codes:ip:" + client.ip, m_settings.limits.codeChecksPerIp, "token", "code checks from this address");
    const std::string hash = sha256Hex(token);
    const std::optional<OneTimeToken> t = m_repo.findToken(hash, "reset_password");
    if (!t) throw fail(400, "token_unknown", "token", "this reset link is not known: ask for a new one");
    if (t->usedAt) throw fail(400, "token_used", "token", "this reset link was used already");
    if (t->expiresAt <= now()) throw fail(400, "token_expired", "token", "this reset link has expired: ask for a new one");
    const std::optional<UserRow> user = m_repo.userById(t->userId);
    if (!user) throw fail(400, "token_unknown", "token", "this reset link is not known: ask for a new one");
    checkNewPassword(*user, password);
    if (!m_repo.useToken(hash, now())) throw fail(400, "token_used", "token", "this reset link was used already");
    setNewPassword(*user, password, 0, "password_reset", client);
    m_repo.markEmailVerified(user->id, now()); // the link proved the mailbox is theirs
    clearFailures(user->email);
    m_counters.clear("lock:" + user->email);
}

PasswordVerdict AccountService::passwordStrength(const std::string& password, const std::vector<std::string>& inputs,
                                                 const ClientInfo& client)
{
    limit("strength:ip:" + client.ip, m_settings.limits.strengthPerIp, "", "strength checks from this address");
    std::vector<std::string> all = inputs;
    all.push_back("dongelek");
    return judgePassword(password, all);
}

// [SECTION] The user's own account

UserRow AccountService::me(const Principal& who)
{
    std::optional<UserRow> u = m_repo.userById(who.userId);
    if (!u) throw fail(401, "session_ended", "", "this account no longer exists");
    return *u;
}

UserRow AccountService::updateProfile(const Principal& who, const std::optional<std::string>& displayName,
                                      const std::optional<std::string>& language)
{
    if (displayName && (displayName->empty() || utf8::length(*displayName) > 60))
        throw fail(400, "invalid_field", "displayName", "the name must have 1 to 60 characters");
    if (language && !knownLanguage(*language))
        throw fail(400, "invalid_field", "language", "language must be en, ru or kk");
    m_repo.updateProfile(who.userId, displayName, language, now());
    return me(who);
}

std::int64_t AccountService::changePassword(const Principal& who, const std::string& current, const std::string& next,
                                            const ClientInfo& client)
{
    const UserRow user = me(who);
    checkNotLocked(user.email);
    if (!verifyPassword(user.passwordHash, current)) {
        recordFailure(user.email, user, client, "password change");
        throw fail(401, "invalid_credentials", "currentPassword", "the current password is wrong");
    }
    try {
        checkNewPassword(user, next);
    } catch (ClientError& e) {
        HttpError err = e.error();
        err.error.field = "newPassword";
        throw ClientError(err);
    }
    const std::int64_t before = static_cast<std::int64_t>(m_repo.openSessions(user.id, now()).size());
    setNewPassword(user, next, who.sessionId, "password_changed", client);
    return std::max<std::int64_t>(0, before - 1);
}

std::vector<SessionRow> AccountService::sessions(const Principal& who)
{
    std::vector<SessionRow> out;
    for (SessionRow& s : m_repo.openSessions(who.userId, now()))
        if (s.lastSeenAt + m_settings.sessionIdleSeconds > now()) out.push_back(std::move(s));
    return out;
}

void AccountService::endSession(const Principal& who, std::int64_t sessionId, const ClientInfo& client)
{
    // Only one's own: another user's session id answers exactly like an unknown one.
    if (!m_repo.endSession(sessionId, who.userId, "ended_by_user", now()))
        throw ClientError(notFound("id", "you have no open session " + std::to_string(sessionId)));
    audit("session_ended", who.userId, client, "session " + std::to_string(sessionId));
}

std::int64_t AccountService::endOtherSessions(const Principal& who, const ClientInfo& client)
{
    const std::int64_t n = m_repo.endSessions(who.userId, who.sessionId, "ended_by_user", now());
    audit("sessions_ended", who.userId, client, std::to_string(n) + " other sessions");
    return n;
}

void AccountService::addPhone(const Principal& who, const std::string& phoneIn, const ClientInfo& client)
{
    const std::optional<std::string> phone = requirePhone(phoneIn);
    const UserRow user = me(who);
    throttleResend(*phone, "phone");
    const std::optional<UserRow> owner = m_repo.userByPhone(*phone);
    if (owner && owner->id != user.id) {
        sendSms(*phone, user.language, m_texts.in(user.language).get("sms.taken"));
        return;
    }
    const std::string code = randomDigits(6);
    m_repo.createPhoneCode(*phone, user.id, "confirm", codeHash(code), now(), now() + m_settings.phoneCodeSeconds);
    audit("phone_code_sent", user.id, client, maskPhone(*phone));
    sendSms(*phone, user.language, m_texts.in(user.language).format("sms.code", {{"code", code}}));
}

UserRow AccountService::confirmPhone(const Principal& who, const std::string& code, const ClientInfo& client)
{
    limit("codes:ip:" + client.ip, m_settings.limits.codeChecksPerIp, "code", "code checks from this address");
    const UserRow user = me(who);
    const std::optional<PhoneCode> pc = m_repo.latestPhoneCode("", "confirm", user.id);
    if (!pc || pc->usedAt || pc->expiresAt <= now())
        throw fail(400, "code_invalid", "code", "this code has expired: ask for a new one");
    if (pc->attempts >= m_settings.limits.codeTries)
        throw fail(400, "code_invalid", "code", "too many wrong codes: ask for a new one");
    if (!constantTimeEquals(pc->codeHash, codeHash(code))) {
        m_repo.countCodeAttempt(pc->id);
        const std::int64_t left = m_settings.limits.codeTries - pc->attempts - 1;
        throw fail(400, "code_invalid", "code",
                   left > 0 ? "this code is wrong: " + std::to_string(left) + " tries left"
                            : std::string("this code is wrong: ask for a new one"));
    }
    if (!m_repo.usePhoneCode(pc->id, now())) throw fail(400, "code_invalid", "code", "this code was used already");
    if (!m_repo.setPhone(user.id, pc->phone, now()))
        throw fail(409, "phone_taken", "phone", "this number is already linked to another account");
    audit("phone_confirmed", user.id, client, maskPhone(pc->phone));
    sendMail(user, "security", client.origin + "/account?lang=" + user.language,
             {{"what", m_texts.in(user.language).format("what.phone", {{"phone", maskPhone(pc->phone)}})}});
    return me(who);
}

// [SECTION] Two-factor sign-in (TOTP)

TotpSetup AccountService::setupTotp(const Principal& who)
{
    const UserRow user = me(who);
    if (user.totpSecret) throw fail(409, "totp_enabled", "", "two-factor sign-in is on already: turn it off first");
    const std::string secret = randomBytes(20); // 160 bits, RFC 4226's recommendation
    m_repo.setTotpPending(user.id, seal(m_sealKey, secret), now());
    TotpSetup out;
    out.secret = base32Encode(secret);
    out.otpauthUri = "otpauth://totp/Dongelek:" + percentEncode(user.email) + "?secret=" + out.secret +
                     "&issuer=Dongelek&algorithm=SHA1&digits=6&period=30";
    QRcode* qr = QRcode_encodeString(out.otpauthUri.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) throw std::runtime_error("the QR code could not be made");
    out.qrSize = qr->width;
    out.qrModules.reserve(static_cast<std::size_t>(qr->width * qr->width));
    for (int i = 0; i < qr->width * qr->width; ++i)
        out.qrModules += (qr->data[i] & 1) ? '1' : '0';
    QRcode_free(qr);
    return out;
}

std::vector<std::string> AccountService::enableTotp(const Principal& who, const std::string& code,
                                                    const ClientInfo& client)
{
    limit("codes:ip:" + client.ip, m_settings.limits.codeChecksPerIp, "code", "code checks from this address");
    const UserRow user = me(who);
    if (user.totpSecret) throw fail(409, "totp_enabled", "", "two-factor sign-in is on already");
    const std::optional<std::string> secret = unseal(m_sealKey, user.totpPending.value_or(""));
    if (!secret) throw fail(409, "totp_not_started", "", "start the set-up first (POST /api/v1/me/totp/setup)");
    if (!matchTotp(user.id, *secret, code)) throw fail(400, "totp_invalid", "code", "this code is wrong: check the time on your phone and try the next one");
    std::vector<std::string> codes, hashes;
    static const char* alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l
    for (int i = 0; i < 10; ++i) {
        const std::string raw = randomBytes(8);
        std::string c;
        for (unsigned char b : raw)
            c += alphabet[b % 32];
        const std::string salt = randomToken(8);
        hashes.push_back(salt + ":" + codeHash(salt + c)); // a salt of its own per code (ASVS 2.6.2)
        codes.push_back(c.substr(0, 4) + "-" + c.substr(4));
    }
    m_repo.enableTotp(user.id, seal(m_sealKey, *secret), hashes, now());
    audit("totp_enabled", user.id, client);
    sendMail(user, "security", client.origin + "/account?lang=" + user.language,
             {{"what", m_texts.in(user.language).get("what.totp_on")}});
    return codes;
}

UserRow AccountService::disableTotp(const Principal& who, const std::string& password, const std::string& code,
                                    const ClientInfo& client)
{
    const UserRow user = me(who);
    if (!user.totpSecret) throw fail(409, "totp_disabled", "", "two-factor sign-in is off already");
    if (user.role == "admin") throw fail(403, "forbidden", "", "administrators must keep two-factor sign-in");
    checkNotLocked(user.email);
    if (!verifyPassword(user.passwordHash, password)) {
        recordFailure(user.email, user, client, "two-factor change");
        throw fail(401, "invalid_credentials", "password", "the password is wrong");
    }
    if (!checkSecondFactor(user, code)) throw fail(401, "totp_invalid", "code", "this code is wrong or was used already");
    m_repo.disableTotp(user.id, now());
    audit("totp_disabled", user.id, client);
    sendMail(user, "security", client.origin + "/account?lang=" + user.language,
             {{"what", m_texts.in(user.language).get("what.totp_off")}});
    return me(who);
}

// [SECTION] Administration

std::vector<AuditEvent> AccountService::auditEvents(std::optional<std::int64_t> userId, int limit)
{
    return m_repo.auditEvents(userId, std::clamp(limit, 1, 500));
}

std::int64_t AccountService::createAdmin(const std::string& emailIn, const std::string& displayName,
                                         const std::string& password)
{
    const std::optional<std::string> email = normalizeEmail(emailIn);
    if (!email) throw std::runtime_error("this is not an email address: " + emailIn);
    if (displayName.empty() || utf8::length(displayName) > 60)
        throw std::runtime_error("the name must have 1 to 60 characters");
    const PasswordVerdict v = judgePassword(password, {*email, displayName, "dongelek", "admin"});
    if (!v.acceptable) throw std::runtime_error(v.problem);
    NewUser u{*email, hashPassword(password, m_settings.hashCost), displayName, "admin", "en"};
    u.verified = true;
    const std::optional<std::int64_t> id = m_repo.createUser(u, now());
    if (!id) throw std::runtime_error("an account with the email " + *email + " exists already");
    audit("admin_created", *id, ClientInfo{"command line", "", ""});
    return *id;
}

void AccountService::setRole(std::int64_t userId, Role role, const std::optional<std::int64_t>& byAdmin,
                             const std::string& ip)
{
    const std::optional<UserRow> u = m_repo.userById(userId);
    if (!u) throw ClientError(notFound("id", "no user " + std::to_string(userId)));
    m_repo.setRole(userId, std::string(toString(role)), now());
    audit("role_changed", userId, ClientInfo{ip, "", ""},
          u->role + " -> " + std::string(toString(role)) +
              (byAdmin ? " by admin " + std::to_string(*byAdmin) : std::string(" from the command line")));
}

} // namespace dongelek::server::accounts
